import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ctx, systemCtx } from '../../platform/context.js';
import type { DatabaseHandle } from '../../platform/db/open.js';
import { LocalFileStore } from '../../platform/files/store.js';
import { testEngines } from '../../test/db.js';
import { seedEnforcement } from '../enforcement/seed.js';
import { userCtx } from '../enforcement/test/fixtures.js';
import type { DemoOrgs } from '../org/seed.js';
import { reviewVerifyCommand } from './case-review/cli.js';
import { RUBRIC } from './case-review/seed-rubric.js';
import {
  createCampaign,
  createRubric,
  drawCampaign,
  getCampaign,
  scoreReviewFile,
  verifyCampaignSample,
} from './case-review/service.js';
import { oversightMetrics } from './metrics.js';
import { seedOversight } from './seed.js';
import { actOnClue, createTipOff, getClue, issueOpinion, listClues, scanClues } from './clues/service.js';
import { createInspectionPlan, recordInspectionVisit } from './inspections/service.js';
import { actOnRectification, getRectification, listRectifications } from './rectification/service.js';
import { rejectionOf } from '../../test/ctx.js';
import { openOversightBed, storedPdf } from './test-fixtures.js';
import { metricValue, wholeTreeYear } from '../../test/year-figures.js';

const NOW = new Date('2025-12-20T02:00:00Z');
const TODAY = '2025-12-20';

describe.each(testEngines())('oversight services on $name', (engine) => {
  let h: DatabaseHandle;
  let sys: Ctx;
  let office: Ctx;
  let unit: Ctx;
  let orgs: DemoOrgs;
  let scjg: string;
  let sfj: string;
  let dir: string;
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ h, orgs, office, unit, scjg, dir, close } = await openOversightBed(engine, NOW, 'oversight-'));
    sys = systemCtx(h.db, () => NOW);
    await seedEnforcement(sys, { year: 2025, today: TODAY, log: () => {}, scale: 0.04 });
    sfj = orgs.departments.get('司法局') ?? '';
  }, 240_000);
  // a set-up that timed out before the database opened leaves nothing to close
  afterAll(() => close?.());

  it('督察: a visit records its findings as 整改 items of the visited org, 销号 only with evidence', async () => {
    const plan = await createInspectionPlan(office, {
      year: 2025,
      title: '2025年度法治政府建设督察',
      topics: ['行政执法三项制度'],
      subjectOrgIds: [scjg],
      periodFrom: '2025-10-01',
      periodTo: '2025-12-31',
    });
    const visited = { planId: plan.id, orgId: scjg, visitedOn: '2025-11-05', inspectors: '李建华、周强' };
    // a finding due before the visit is refused at its own field
    const early = await rejectionOf(
      recordInspectionVisit(office, {
        ...visited,
        findings: [
          { problem: '执法公示不及时', dueOn: '2025-12-25' },
          { problem: '执法文书不规范', dueOn: '2025-11-04' },
        ],
      }),
    );
    expect([early.message, early.details?.field]).toEqual(['整改期限不能早于督察日期', 'findings.1.dueOn']);
    const visit = await recordInspectionVisit(office, {
      ...visited,
      findings: [{ problem: '执法公示不及时', dueOn: '2025-12-25' }],
    });
    expect(visit.rectificationIds).toHaveLength(1);
    const id = visit.rectificationIds[0] ?? '';
    let item = await getRectification(unit, id);
    expect(item).toMatchObject({ status: 'open', source: 'inspection', dueState: 'dueSoon', orgId: scjg });

    // the owner cannot 销号; with no evidence even the office cannot
    expect(
      (await rejectionOf(actOnRectification(unit, id, { action: 'close', version: item.version }))).code,
    ).toBe('auth.forbidden');
    item = await actOnRectification(unit, id, {
      action: 'plan',
      version: item.version,
      measure: '建立公示台账,每周核对',
    });
    expect(
      (await rejectionOf(actOnRectification(unit, id, { action: 'complete', version: item.version }))).details
        ?.field,
    ).toBe('evidence');
    const file = await storedPdf(h, dir, '整改报告', unit);
    item = await actOnRectification(unit, id, {
      action: 'complete',
      version: item.version,
      evidence: [{ sha256: file.sha256, name: '整改报告.pdf' }],
    });
    expect(item.status).toBe('reported');
    item = await actOnRectification(office, id, {
      action: 'close',
      version: item.version,
      note: '经核查已整改到位',
    });
    expect(item).toMatchObject({ status: 'closed', closedOn: TODAY, dueState: 'normal', evidenceCount: 1 });
    expect(item.actions.map((a) => a.action)).toEqual(['raise', 'plan', 'complete', 'close']);
  });

  it('refuses 销号 without evidence on file, and a finding outside scope answers 404', async () => {
    const docId = await issueOpinion(office, {
      orgId: scjg,
      kind: 'opinion',
      docNo: '开司执监〔2025〕3号',
      issuedOn: '2025-11-01',
      dueOn: '2025-11-30',
      content: '对你局行政处罚案卷存在的问题提出监督意见',
      problems: ['听证告知书送达回证缺失'],
    });
    const { items } = await listRectifications(office, { sourceId: docId }, { offset: 0, limit: 10 });
    expect(items).toHaveLength(1);
    expect(items[0]?.dueState).toBe('overdue');
    const first = items[0];
    if (!first) throw new Error('no item');
    // reported without evidence is refused, so it never reaches 销号 — and the row is unchanged
    const err = await rejectionOf(
      actOnRectification(unit, first.id, { action: 'complete', version: first.version }),
    );
    expect(err.message).toContain('佐证材料');
    expect((await getRectification(office, first.id)).version).toBe(first.version);
    const township = await userCtx(h, 'township', NOW);
    expect((await rejectionOf(getRectification(township, first.id))).code).toBe(
      'oversight.rectificationNotFound',
    );
  });

  it('案卷评查: a reproducible sample per org and category, scores within the rubric, findings into 整改', async () => {
    const bad = await rejectionOf(createRubric(office, { ...RUBRIC, items: RUBRIC.items.slice(1) }));
    expect(bad.details?.field).toBe('items');
    expect(bad.message).toContain('合计应为 100 分');
    const rubric = await createRubric(office, RUBRIC);
    expect(rubric.edition).toBe(1);
    expect((await createRubric(office, RUBRIC)).edition).toBe(2);
    const campaign = await createCampaign(office, {
      year: 2025,
      title: '2025年度行政执法案卷评查',
      rubricId: rubric.id,
      closedFrom: '2025-01-01',
      closedTo: '2025-12-31',
      perStratum: 2,
    });
    expect(campaign.candidateCount).toBeGreaterThan(0);
    expect(campaign.files).toHaveLength(0);
    expect((await verifyCampaignSample(office, campaign.id)).ok).toBe(true);
    const drawn = await drawCampaign(office, campaign.id);
    expect(drawn.files.length).toBeGreaterThan(0);
    expect(await verifyCampaignSample(office, campaign.id)).toMatchObject({
      ok: true,
      drawnCount: drawn.files.length,
    });
    expect((await rejectionOf(drawCampaign(office, campaign.id))).code).toBe('oversight.alreadyDrawn');
    const cli = await reviewVerifyCommand(h.db, campaign.id);
    expect(cli.exitCode).toBe(0);
    expect(cli.text).toContain('验证通过');

    // a tampered sample no longer verifies
    const f0 = drawn.files[0];
    if (!f0) throw new Error('no file');
    await h.db.updateTable('oversight_review_file').set({ seq: 9999 }).where('id', '=', f0.id).execute();
    const tampered = await verifyCampaignSample(office, campaign.id);
    expect(tampered.ok).toBe(false);
    expect((await reviewVerifyCommand(h.db, campaign.id)).exitCode).toBe(1);
    await h.db.updateTable('oversight_review_file').set({ seq: f0.seq }).where('id', '=', f0.id).execute();

    const scores = { subject: 10, procedure: 20, evidence: 25, law: 15, documents: 5, records: 0 };
    const out = await rejectionOf(
      scoreReviewFile(office, f0.id, { version: f0.version, scores: { ...scores, law: 21 } }),
    );
    expect(out).toMatchObject({ code: 'oversight.scoreRange', details: { field: 'scores.law' } });
    const scored = await scoreReviewFile(office, f0.id, {
      version: f0.version,
      scores,
      findings: [{ problem: '未见全过程音像记录', dueOn: '2026-01-31' }],
    });
    expect(scored).toMatchObject({ total: 75, grade: 'pass' });
    expect(scored.findings).toHaveLength(1);
    expect((await getCampaign(office, campaign.id)).files.find((f) => f.id === f0.id)?.grade).toBe('pass');
  });

  it('clues: the rules fire on overdue and unreviewed records, once; a clue is assigned, answered, closed', async () => {
    const first = await scanClues(office);
    expect(first.added).toBeGreaterThan(0);
    expect((await scanClues(office)).added).toBe(0);
    const overdue = await listClues(office, { rule: 'overdueCase' }, { offset: 0, limit: 5 });
    expect(overdue.total).toBeGreaterThan(0);
    const tip = await createTipOff(office, {
      orgId: scjg,
      description: '群众举报某执法人员未出示执法证',
      receivedOn: '2025-12-01',
    });
    let c = await actOnClue(office, tip.id, {
      action: 'assign',
      version: tip.version,
      assignee: '市场监管局法规股',
    });
    expect(
      (await rejectionOf(actOnClue(unit, c.id, { action: 'close', version: c.version, conclusion: 'x' })))
        .code,
    ).toBe('auth.forbidden');
    c = await actOnClue(unit, c.id, {
      action: 'answer',
      version: c.version,
      answer: '经核查,执法人员已出示执法证',
    });
    c = await actOnClue(office, c.id, {
      action: 'close',
      version: c.version,
      conclusion: '举报部分属实,责令整改',
      issuerOrgId: sfj,
      findings: [{ problem: '执法人员着装不规范', dueOn: '2026-01-15' }],
    });
    expect((await getClue(office, c.id)).status).toBe('closed');
    const items = await listRectifications(
      office,
      { source: 'clue', sourceId: c.id },
      { offset: 0, limit: 5 },
    );
    expect(items.total).toBe(1);
  });

  it('demo seed: builds every ledger through the services; the figures come from its records', async () => {
    // the demo seeds the year before today (src/report/demo.ts)
    const later = systemCtx(h.db, () => new Date('2026-02-10T02:00:00Z'));
    await seedOversight(later, {
      year: 2025,
      today: '2026-02-10',
      log: () => {},
      files: new LocalFileStore(dir),
      scale: 0.2,
    });
    const q = await wholeTreeYear(h.db, orgs.rootId, 2025, office.scope);
    const value = (id: string) => metricValue(oversightMetrics, id, h.db, q);
    for (const m of oversightMetrics) await m.compute(h.db, q);
    expect(await value('oversight.study.centralGroup')).toBe(1 + 2); // 6 and 12 at scale 0.2
    expect(await value('oversight.exams')).toBe(2);
    expect(await value('oversight.exams.passRate')).toBe(100);
    expect(await value('oversight.dutyReports.onSite')).toBe(4);
    expect(await value('oversight.org.townshipTeams')).toBe(7);
    expect(await value('oversight.org.townshipTeams.staffingEach')).toBe(5);
    expect(await value('oversight.review.reviewers')).toBeGreaterThanOrEqual(2);
    expect(await value('oversight.review.files')).toBeGreaterThan(0);
    expect(await value('oversight.rectifications.closed')).toBeGreaterThan(0);
    expect(await value('oversight.publicity.materials')).toBe(1);
    expect(await value('oversight.clues.found')).toBeGreaterThan(0);
    // 考评: 6 departments at scale 0.2 and the 7 townships, scored and published
    expect(await value('oversight.assessment.units')).toBe(13);
    expect(await value('oversight.assessment.scored')).toBe(13);
    expect(await value('oversight.assessment.editions')).toBe(1);
    expect(await value('oversight.assessment.indicators')).toBe(15);
    expect(await value('oversight.assessment.averageScore')).toBeGreaterThan(60);
  }, 240_000);
});
