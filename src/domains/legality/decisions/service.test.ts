import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../platform/context.js';
import type { DatabaseHandle } from '../../../platform/db/open.js';
import { testEngines } from '../../../test/db.js';
import { codeOf } from '../../../test/ctx.js';
import type { DemoOrgs } from '../../org/seed.js';
import { getReview, recordReviewAction } from '../review/service.js';
import { catalogueStep, decisionStep } from '../steps.js';
import { countyFigures, sysCtx, userCtx, withOrgs } from '../test-fixtures.js';
import {
  createCatalogue,
  getCatalogue,
  getDecision,
  listDecision,
  recordDecisionAction,
  searchDecisions,
} from './service.js';
import { exportDecisionLedger } from './export.js';

const attendance = [
  { name: '张志远', role: 'head' as const, present: true },
  { name: '李文华', role: 'member' as const, present: true },
  { name: '王建明', role: 'member' as const, present: true },
];

describe.each(testEngines())('重大行政决策 on $name', (engine) => {
  let h: DatabaseHandle;
  let sys: Ctx;
  let orgs: DemoOrgs;
  let decisionId: string;
  let v: number;
  const act = async (body: Record<string, unknown>) => {
    const d = await recordDecisionAction(sys, decisionId, { ...body, version: v });
    v = d.version;
    return d;
  };

  beforeAll(async () => {
    h = await engine.open();
    orgs = await withOrgs(h);
    sys = sysCtx(h);
  }, 120_000);
  afterAll(() => h.close());

  it('publishes the catalogue only after the Party committee agrees, and adjusts it with a reason', async () => {
    const c = await createCatalogue(sys, { year: 2025, orgId: orgs.rootId, draftedOn: '2025-01-06' });

    expect(
      await codeOf(createCatalogue(sys, { year: 2025, orgId: orgs.rootId, draftedOn: '2025-01-07' })),
    ).toBe('legality.catalogue.exists@year');
    const d = await listDecision(sys, c.id, {
      title: '城区集中供热价格调整',
      category: 'publicPolicy',
      listedOn: '2025-01-08',
    });
    decisionId = d.id;
    v = d.version;
    expect(
      await codeOf(catalogueStep(sys, c, { action: 'publish', date: '2025-01-20', channel: '政府网站' })),
    ).toBe('legality.catalogue.actionNotAllowed@action');
    const agreed = await catalogueStep(sys, c, {
      action: 'agree',
      date: '2025-01-20',
      agreedBy: '市委常委会2025年第2次会议',
    });
    const published = await catalogueStep(sys, agreed, {
      action: 'publish',
      date: '2025-02-01',
      channel: '市人民政府门户网站',
    });
    expect(published.statusLabel).toBe('已公布');
    // after publication an item enters only with the reason for the adjustment
    const added = { title: '城区河道整治工程', category: 'publicWorks', listedOn: '2025-03-01' };
    expect(await codeOf(listDecision(sys, c.id, added))).toBe('legality.catalogue.adjustReason@reason');
    const extra = await listDecision(sys, c.id, { ...added, reason: '列入省级重点项目' });
    await decisionStep(sys, extra, { action: 'withdraw', date: '2025-04-01', reason: '由省级统筹实施' });
    const after = await getCatalogue(sys, c.id);
    expect(after.adjustmentCount).toBe(2);
  });

  it('refuses a short comment period without a reason, and discussion before a passed review', async () => {
    expect(
      await codeOf(
        act({
          action: 'publicComment',
          date: '2025-02-20',
          commentFrom: '2025-02-05',
          commentTo: '2025-02-19',
        }),
      ),
    ).toBe('legality.decision.commentTooShort@reason');
    await act({
      action: 'publicComment',
      date: '2025-03-08',
      commentFrom: '2025-02-05',
      commentTo: '2025-03-07',
      commentCount: 31,
    });
    await act({ action: 'hearing', date: '2025-03-10', participants: 21 });
    await act({ action: 'expertReview', date: '2025-03-12', experts: ['价格专家', '法学教授'] });
    expect(await codeOf(act({ action: 'riskAssessment', date: '2025-03-14', riskLevel: 'high' }))).toBe(
      'legality.decision.mitigationRequired@mitigation',
    );
    await act({
      action: 'riskAssessment',
      date: '2025-03-14',
      riskLevel: 'high',
      mitigation: '分档调价,低保户补贴',
    });
    const discuss = {
      action: 'discuss',
      date: '2025-03-20',
      meeting: '市人民政府第5次常务会议',
      attendance,
      opinions: [
        { speaker: '李文华', stance: 'agree' },
        { speaker: '王建明', stance: 'disagree', text: '建议暂缓' },
        { speaker: '张志远', stance: 'agree' },
      ],
      result: 'approved',
    };
    expect(await codeOf(act(discuss))).toBe('legality.decision.reviewRequired@action');
    const d = await act({ action: 'submitReview', date: '2025-03-15' });
    expect(d.procedures.find((p) => p.step === '合法性审查')?.note).toBe('审查中');
    // the review is on the desk, as a 重大行政决策
    const review = await getReview(sys, d.reviewId as string);
    expect(review.kindLabel).toBe('重大行政决策');
    expect(await codeOf(act(discuss))).toBe('legality.decision.reviewRequired@action');
    await recordReviewAction(sys, review.id, {
      action: 'conclude',
      date: '2025-03-19',
      version: review.version,
      conclusion: 'lawfulAfterRevision',
      opinions: ['第五条应补充听证情况'],
    });
    expect(
      await codeOf(
        act({
          ...discuss,
          opinions: [
            { speaker: '张志远', stance: 'agree' },
            { speaker: '李文华', stance: 'agree' },
          ],
        }),
      ),
    ).toBe('legality.decision.headLast@opinions');
    const decided = await act(discuss);
    expect(decided.statusLabel).toBe('已决定');
    expect(decided.procedures.find((p) => p.step === '集体讨论决定')?.note).toContain('不同意见:王建明');
  });

  it('publishes, executes and archives only with every material of the procedures it ran', async () => {
    expect(await codeOf(act({ action: 'publish', date: '2025-03-25', channel: '政府网站' }))).toBe(
      'legality.decision.adoptionNoteRequired@adoptionNote',
    );
    await act({ action: 'publish', date: '2025-03-25', channel: '政府网站', adoptionNote: '采纳意见12条' });
    const d = await getDecision(sys, decisionId);
    expect(d.archiveChecklist).toContain('听证笔录');
    const before = await h.db
      .selectFrom('legality_decision_event')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(
      await codeOf(act({ action: 'archive', date: '2025-04-01', archived: ['决策草案及起草说明'] })),
    ).toBe('legality.decision.archiveIncomplete@archived');
    const after = await h.db
      .selectFrom('legality_decision_event')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n); // nothing half written
    expect(await codeOf(act({ action: 'evaluate', date: '2025-04-01', trigger: 'planned' }))).toBe(
      'legality.decision.notExecuting@action',
    );
    await act({ action: 'execute', date: '2025-04-01', executor: '发展和改革局' });
    const archived = await act({ action: 'archive', date: '2025-04-02', archived: d.archiveChecklist });
    expect(archived.procedures.find((p) => p.step === '归档')?.done).toBe(true);
    await act({ action: 'evaluate', date: '2025-06-01', trigger: 'manyObjections', outcome: 'adjust' });
    expect((await getDecision(sys, decisionId)).stageNote).toBe('执行中、已归档、已后评估');
  });

  it('counts the figures from the records', async () => {
    const figure = await countyFigures(h, orgs.rootId, {
      from: '2025-01-01',
      to: '2025-12-31',
      today: '2025-06-16',
    });
    expect(await figure('legality.decisions.catalogued')).toBe(1);
    expect(await figure('legality.decisions.decided')).toBe(1);
    expect(await figure('legality.decisions.reviewed')).toBe(1);
    expect(await figure('legality.decisions.hearings')).toBe(1);
    expect(await figure('legality.decisions.riskAssessed')).toBe(1);
    expect(await figure('legality.decisions.postEvaluated')).toBe(1);
    expect(await figure('legality.decisions.awaitingDecision')).toBe(0);
    expect(await figure('legality.decisions.publicCommentRate')).toBe(100);
  });

  it('exports the ledger to Excel, one row per decision', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const { rows } = await exportDecisionLedger(sys, { year: 2025 }, out);
    expect(rows).toBe(2);
    expect(Buffer.concat(chunks).subarray(0, 2).toString()).toBe('PK');
  });

  it('answers 404 for another township’s decision', async () => {
    const township = await userCtx(h, 'township');
    expect(await codeOf(getDecision(township, decisionId))).toBe('legality.decision.notFound@');
    expect((await searchDecisions(township, {}, { offset: 0, limit: 10 })).total).toBe(0);
  });
});
