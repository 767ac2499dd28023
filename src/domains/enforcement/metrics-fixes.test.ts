import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../platform/context.js';
import type { DatabaseHandle } from '../../platform/db/open.js';
import type { MetricQuery } from '../../platform/metrics/types.js';
import { testEngines } from '../../test/db.js';
import { recordAction } from './cases/act-service.js';
import { type CaseDraft, createCases, getCase } from './cases/service.js';
import { enforcementMetrics } from './metrics.js';
import {
  createBody,
  createOfficers,
  getOfficer,
  setCertificateStatus,
  updateOfficer,
} from './officers/service.js';
import { publishPublications } from './publications/service.js';
import { ctxAt, orgPeriod, withOrgs } from './test/fixtures.js';
import { metricIn } from '../../test/metrics.js';

/**
 * The six wrong computations of issue 16, each on hand-made records: the old number is named in
 * the test so it is seen to be gone.
 */
const metric = metricIn(enforcementMetrics);
const at = (day: string) => new Date(`${day}T02:00:00Z`);
const a = (action: string, date: string, data: object = {}, actorId: string | null = null) =>
  ({ action, date, data, actorId }) as never;

describe.each(testEngines())('figure fixes (enforcement) on $name', (engine) => {
  let h: DatabaseHandle;
  let ctx: Ctx;
  let orgId: string;
  let bodyId: string;
  let officerIds: string[];
  const year = (y: number, today: string) => orgPeriod(orgId, `${y}-01-01`, `${y}-12-31`, today);
  const value = async (id: string, q: MetricQuery) => (await metric(id).compute(h.db, q)).value;

  beforeAll(async () => {
    h = await engine.open();
    const orgs = await withOrgs(h);
    ctx = ctxAt(h, at('2025-01-02'));
    orgId = orgs.departments.get('林草局') ?? '';
    bodyId = (await createBody(ctx, { orgId, kind: 'statutory' })).id;
    const cert = (n: number, issuedOn: string, validUntil: string) => ({
      number: `LC-${n}`,
      field: '林业',
      issuedOn,
      validUntil,
    });
    // four officers: A valid through 2027; B expires 2026-03-31; C valid but revoked on 2026-02-01;
    // D without a certificate, who leaves on 2026-01-10
    officerIds = await createOfficers(ctx, [
      { bodyId, name: '张林', gender: 'male', certificate: cert(1, '2020-01-01', '2027-12-31') },
      { bodyId, name: '李木', gender: 'female', certificate: cert(2, '2021-04-01', '2026-03-31') },
      { bodyId, name: '王森', gender: 'male', certificate: cert(3, '2022-01-01', '2028-12-31') },
      { bodyId, name: '赵桦', gender: 'male' },
    ]);
    const handlers = [officerIds[0], officerIds[1]];
    const party = {
      bodyId,
      partyKind: 'organisation',
      partyName: '某某木材加工厂',
      facts: '违法运输木材',
      handlerIds: handlers,
    };
    const reviewer = await h.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'fzsh')
      .executeTakeFirstOrThrow();
    const fine = (amount: number) => ({ penalties: ['fine'], amount });
    const reviewedDecision = (amount: number, decideOn: string) => [
      a('notify', '2025-02-20', { sanction: fine(amount) }),
      a('submitReview', '2025-03-01'),
      a('passReview', '2025-03-05', {}, reviewer.id),
      a('decide', decideOn, { sanction: fine(amount) }),
    ];
    /** a fine decided after its notice, then revoked */
    const revokedFine = (
      amount: number,
      decideOn: string,
      revokeOn: string,
      reason: string,
      decisionNo: string,
    ) => [
      a('notify', '2025-02-20', { sanction: fine(amount) }),
      a('decide', decideOn, { sanction: fine(amount) }),
      a('revokeDecision', revokeOn, { reason, decisionNo }),
    ];
    const opened = (openedOn: string, actions: NonNullable<CaseDraft['actions']>, input: object = {}) => ({
      kind: 'open' as const,
      input: { ...party, ...input, openedOn },
      actions,
    });
    await createCases(ctxAt(h, at('2026-05-01')), [
      // a major case (fine ≥ the threshold), reviewed
      opened('2025-02-01', reviewedDecision(150_000, '2025-03-10')),
      // a small case the office chose to review: reviewed, but not major
      opened('2025-02-01', reviewedDecision(3000, '2025-03-12')),
      // a small penalty revoked within 2025, and one revoked in 2026
      opened('2025-02-01', revokedFine(2000, '2025-03-15', '2025-06-01', '复议撤销', '林复决〔2025〕1号')),
      opened('2025-02-01', revokedFine(4000, '2025-03-16', '2026-02-01', '诉讼确认违法', '林撤〔2026〕1号')),
      // a license granted in 2025 and revoked in 2026
      opened(
        '2025-04-01',
        [
          a('accept', '2025-04-01'),
          a('grant', '2025-04-08'),
          a('revokeDecision', '2026-02-01', { reason: '撤销许可', decisionNo: '林撤〔2026〕2号' }),
        ],
        { category: 'license' },
      ),
    ]);
  });
  afterAll(() => h.close());

  it('法制审核数 counts reviewed major decisions only (was every reviewed case: 2)', async () => {
    const q = year(2025, '2026-12-05');
    expect(await value('enforcement.legalReview.count', q)).toBe(1);
    expect(await value('enforcement.cases.major', q)).toBe(1);
    expect(await value('enforcement.legalReview.rate', q)).toBe(100);
  });

  it('revoked decisions: one rule for penalties, fines and licenses (revoked by the period end = not counted)', async () => {
    const q = year(2025, '2026-12-05');
    // the 2025-revoked penalty is out, the 2026-revoked one stays in 2025 (was 4 and 15.9 万元)
    expect(await value('enforcement.penalty.decided', q)).toBe(3);
    expect(await value('enforcement.penalty.fines', q)).toBe(15.7);
    // the license revoked in 2026 still counts as granted in 2025 (was 0)
    expect(await value('enforcement.license.granted', q)).toBe(1);
    // revocations count by their own date
    expect(await value('enforcement.decisions.revoked', q)).toBe(1);
    expect(await value('enforcement.decisions.revoked', year(2026, '2026-12-05'))).toBe(2);
    // and a decision revoked within 2026 leaves 2026's figures, not 2025's
    const q26 = year(2026, '2026-12-05');
    expect(await value('enforcement.license.granted', q26)).toBe(0);
  });

  it('持证率 as of the period end from history; a current period is cut at today', async () => {
    const c = ctxAt(h, at('2026-02-01'));
    const revoked = (await getOfficer(c, officerIds[2] ?? '')).certificates[0];
    await setCertificateStatus(c, revoked?.id ?? '', { version: revoked?.version, status: 'revoked' });
    const leaving = await getOfficer(c, officerIds[3] ?? '');
    await updateOfficer(ctxAt(h, at('2026-01-10')), leaving.id, { version: leaving.version, active: false });

    // 2025 as of 2025-12-31: four in post, three certified — unchanged by the 2026 revocation and departure
    const q25 = year(2025, '2026-12-05');
    expect(await value('enforcement.officers.inPost', q25)).toBe(4);
    expect(await value('enforcement.officers.certified', q25)).toBe(3);
    expect(await value('enforcement.officers.certifiedRate', q25)).toBe(75);

    // 2026 asked on 2026-03-01: cut at today — B's certificate (to 03-31) still counts; C revoked, D gone
    // (the old rule took 2026-12-31 and treated B as lapsed: 1 of 3 = 33.3)
    const early = year(2026, '2026-03-01');
    expect(await value('enforcement.officers.inPost', early)).toBe(3);
    expect(await value('enforcement.officers.certified', early)).toBe(2);
    expect(await value('enforcement.officers.certifiedRate', early)).toBe(66.7);
    // later in the year B's certificate has lapsed
    expect(await value('enforcement.officers.certifiedRate', year(2026, '2026-06-01'))).toBe(33.3);
  });

  it('公示及时率 leaves out notices not yet due (was counting them as late)', async () => {
    // a new officer of 2026 (leaves 2025's figures alone), and decisions of 2026-06-01 and
    // 2026-06-02, due seven working days later
    const [e] = await createOfficers(ctxAt(h, at('2026-05-01')), [
      {
        bodyId,
        name: '孙杉',
        gender: 'female',
        certificate: { number: 'LC-5', field: '林业', issuedOn: '2026-05-01', validUntil: '2031-04-30' },
      },
    ]);
    expect(await value('enforcement.officers.inPost', year(2025, '2026-12-05'))).toBe(4);
    /** 当场处罚 of a 50 元 fine for 无证采伐 */
    const onTheSpotFine = (partyName: string, decidedOn: string) => ({
      kind: 'onTheSpot' as const,
      input: {
        bodyId,
        partyKind: 'person',
        partyName,
        facts: '无证采伐',
        handlerIds: [officerIds[0], e],
        decidedOn,
        sanction: { penalties: ['fine'], amount: 50 },
      },
    });
    await createCases(ctxAt(h, at('2026-06-02')), [
      onTheSpotFine('刘某', '2026-06-01'),
      onTheSpotFine('陈某', '2026-06-02'),
    ]);
    const pubs = await h.db
      .selectFrom('enforcement_publication')
      .select(['id', 'decided_on', 'due_on'])
      .where('org_id', '=', orgId)
      .where('decided_on', '>=', '2026-06-01')
      .orderBy('decided_on')
      .execute();
    await publishPublications(ctxAt(h, at('2026-06-03')), [{ id: pubs[0]?.id ?? '', date: '2026-06-03' }]);
    // asked on 2026-06-04: one published on time, one still inside its seven working days
    const q = { ...year(2026, '2026-06-04'), from: '2026-06-01' };
    expect(await value('enforcement.publication.due', q)).toBe(1);
    expect(await value('enforcement.publication.timelyRate', q)).toBe(100);
    // asked after the due day with the notice still unpublished: now it is late
    const later = { ...q, today: '2026-07-01' };
    expect(await value('enforcement.publication.timelyRate', later)).toBe(50);
    // its decision revoked after the due day withholds the notice: it was due and late all the
    // same, in every later reading (the figure went 2 → 1 due and 50% → 100% before the fix)
    const late = pubs[1]?.id ?? '';
    const lateCase = await h.db
      .selectFrom('enforcement_publication')
      .select('case_id')
      .where('id', '=', late)
      .executeTakeFirstOrThrow();
    const revoker = ctxAt(h, at('2026-08-03'));
    await recordAction(revoker, lateCase.case_id, {
      version: (await getCase(revoker, lateCase.case_id)).version,
      action: 'revokeDecision',
      date: '2026-08-03',
      data: { reason: '适用依据错误', decisionNo: '某撤〔2026〕2号' },
    });
    const withheld = await h.db
      .selectFrom('enforcement_publication')
      .select(['status', 'withheld_on'])
      .where('id', '=', late)
      .executeTakeFirstOrThrow();
    expect(withheld).toEqual({ status: 'withheld', withheld_on: '2026-08-03' });
    const afterRevocation = { ...q, to: '2026-06-30', today: '2026-12-05' };
    expect(await value('enforcement.publication.due', afterRevocation)).toBe(2);
    expect(await value('enforcement.publication.timelyRate', afterRevocation)).toBe(50);
  });
});
