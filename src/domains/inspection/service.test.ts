import { type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../platform/context.js';
import type { DatabaseHandle } from '../../platform/db/open.js';
import { testEngines } from '../../test/db.js';
import { createBody, createOfficer } from '../enforcement/officers/service.js';
import type { DemoOrgs } from '../org/seed.js';
import { commitDraw, drawTask, executeDraw, getDraw, verifyStoredDraw } from './draw-service.js';
import { createPlan, createTask, getTask, updateTask } from './plan-service.js';
import {
  createChecklistItem,
  createConflict,
  createInspectee,
  createInspector,
  importInspectees,
  listInspectees,
  listInspectors,
  registerInspectorsFromOfficers,
} from './registry-service.js';
import { listTargets, publishResult, recordResult } from './result-service.js';
import { errorCodeOf, rejectionOf } from '../../test/ctx.js';
import { inspectorInputs, openWithOrgs, regionUscc } from './test-fixtures.js';

const NOW = new Date('2025-03-10T02:00:00Z');
const GRADES = ['A', 'B', 'C', 'D'] as const;

describe.each(testEngines())('inspection services on $name', (engine) => {
  let h: DatabaseHandle;
  let ctx: Ctx;
  let orgs: DemoOrgs;
  let scjg: string;
  let wj: string;
  let item: string;
  let wjItem: string;

  beforeAll(async () => {
    ({ h, ctx, orgs } = await openWithOrgs(engine, NOW));
    scjg = orgs.departments.get('市场监管局') ?? '';
    wj = orgs.departments.get('卫健局') ?? '';
  });
  afterAll(() => h.close());
  /** The `n` a `select count(*)::int as n` query answers. */
  const countOf = async (query: RawBuilder<unknown>) =>
    Number((await query.$castTo<{ n: number }>().execute(h.db)).rows[0]?.n);
  /** A task of a new 2025 department plan led by `orgId`: `task` is the task's input but its plan. */
  const departmentTask = async (orgId: string, planName: string, task: object) => {
    const plan = await createPlan(ctx, { year: 2025, name: planName, kind: 'department', leadOrgId: orgId });
    return createTask(ctx, { planId: plan.id, ...task });
  };

  it('一单: checklist items with ratio validated 0–100%', async () => {
    const base = {
      orgId: scjg,
      matter: '食品经营许可情况的检查',
      legalBasis: '《食品安全法》第一百一十条',
      method: '现场检查',
      defaultRatioPercent: 5,
    };
    const created = await createChecklistItem(ctx, base);
    expect(created).toMatchObject({
      matter: '食品经营许可情况的检查',
      defaultRatioPercent: 5,
      orgName: '开远市市场监督管理局',
    });
    item = created.id;
    await expect(
      createChecklistItem(ctx, { ...base, matter: 'x', defaultRatioPercent: 120 }),
    ).rejects.toThrow('0%–100%');
    await expect(createChecklistItem(ctx, { ...base, matter: 'y', defaultRatioPercent: -1 })).rejects.toThrow(
      '0%–100%',
    );
    wjItem = (
      await createChecklistItem(ctx, { ...base, orgId: wj, matter: '公共场所卫生的检查', joint: true })
    ).id;
  });

  it('名录库: inspectees with USCC checked; bulk import in batches, all or nothing', async () => {
    const restaurant = { orgId: scjg, industry: '餐饮', locationCode: '532502001' };
    const enterprise = { ...restaurant, kind: 'enterprise', riskGrade: 'A' };
    const badUscc = createInspectee(ctx, { ...enterprise, name: '甲公司', uscc: '91532502MA6K000000' });
    expect((await rejectionOf(badUscc)).message).toContain('校验码');
    const noUscc = createInspectee(ctx, { ...enterprise, name: '乙公司' });
    expect(await errorCodeOf(noUscc)).toBe('inspection.usccRequired');
    const one = await createInspectee(ctx, {
      ...restaurant,
      kind: 'individual',
      name: '张三小吃店',
      riskGrade: 'B',
    });
    expect(one.riskGrade).toBe('B');

    const rows = Array.from({ length: 1200 }, (_, i) => ({
      kind: 'enterprise',
      name: `开远测试企业${i}`,
      uscc: regionUscc(10_000 + i),
      industry: i % 3 === 0 ? '餐饮' : '食品销售',
      locationCode: i % 2 ? '532502001' : '532502100',
      riskGrade: GRADES[i % 4],
    }));
    const bad = rows.map((r, i) => (i === 1100 ? { ...r, uscc: '123' } : r));
    const refused = await rejectionOf(importInspectees(ctx, { orgId: scjg, rows: bad }, 500));
    expect(refused.message).toContain('第 1101 行');
    expect((await listInspectees(ctx.db, ctx.scope, {}, { offset: 0, limit: 1 })).total).toBe(1);

    expect(await importInspectees(ctx, { orgId: scjg, rows }, 500)).toEqual({ imported: 1200 });
    expect(
      await countOf(
        sql`select count(*)::int as n from audit_log where action = 'inspection.inspectee.import'`,
      ),
    ).toBe(3);
    // the same USCC again updates instead of duplicating
    await importInspectees(ctx, {
      orgId: scjg,
      rows: rows.slice(0, 10).map((r) => ({ ...r, riskGrade: 'A' })),
    });
    expect((await listInspectees(ctx.db, ctx.scope, {}, { offset: 0, limit: 1 })).total).toBe(1201);
    const wjRows = rows
      .slice(0, 200)
      .map((r, i) => ({ ...r, uscc: regionUscc(20_000 + i), name: `卫生单位${i}` }));
    await importInspectees(ctx, { orgId: wj, rows: wjRows });
  });

  it('名录库: inspectors need a valid certificate; officers with one can be registered', async () => {
    const uncertified = createInspector(ctx, {
      orgId: scjg,
      name: '无证',
      certificateNumber: ' ',
      certificateValidUntil: '2027-01-01',
    });
    expect((await rejectionOf(uncertified)).message).toContain('必须持有执法证');
    const expired = {
      orgId: scjg,
      name: '过期',
      certificateNumber: 'X1',
      certificateValidUntil: '2025-01-01',
    };
    expect(await errorCodeOf(createInspector(ctx, expired))).toBe('inspection.certificateExpired');
    const validUntil = '2026-12-31';
    const inspectors = [
      ...inspectorInputs(scjg, 6, { name: '市监', certificate: 'SJ', validUntil, fields: ['市场监督管理'] }),
      ...inspectorInputs(wj, 3, { name: '卫健', certificate: 'WJ', validUntil }),
    ];
    for (const inspector of inspectors) await createInspector(ctx, inspector);

    const yj = orgs.departments.get('应急局') ?? '';
    const body = await createBody(ctx, { orgId: yj, kind: 'statutory' });
    const cert = { field: '应急管理', issuedOn: '2024-01-01' };
    await createOfficer(ctx, {
      bodyId: body.id,
      name: '李应急',
      gender: 'male',
      certificate: { ...cert, number: 'YJ0001', validUntil: '2027-12-31' },
    });
    await createOfficer(ctx, {
      bodyId: body.id,
      name: '王过期',
      gender: 'female',
      certificate: { ...cert, number: 'YJ0002', validUntil: '2025-01-31' },
    });
    await createOfficer(ctx, { bodyId: body.id, name: '赵无证', gender: 'male' });
    expect(await registerInspectorsFromOfficers(ctx, yj)).toEqual({ registered: 1 });
    expect(await registerInspectorsFromOfficers(ctx, yj)).toEqual({ registered: 0 });
    const yjInspectors = (await listInspectors(ctx.db, ctx.scope, { orgIds: [yj] })).items;
    expect(yjInspectors.map((i) => [i.name, i.certificateNumber, i.fields])).toEqual([
      ['李应急', 'YJ0001', ['应急管理']],
    ]);
    expect(yjInspectors[0]?.officerId).not.toBeNull();
  });

  it('department plan: commit → frozen → draw → verify; edits and re-draws refused', async () => {
    const task = await departmentTask(scjg, '2025年市场监管局双随机抽查计划', {
      name: '食品经营者第一季度抽查',
      checklistItemIds: [item],
      mode: 'ratio',
      ratioPercent: { A: 20, B: 10, C: 5, D: 5 },
      industries: ['餐饮'],
      startOn: '2025-03-01',
      endOn: '2025-06-30',
    });
    const committed = await commitDraw(ctx, task.id);
    expect(committed.status).toBe('committed');
    expect(committed.commitment).toMatch(/^[0-9a-f]{64}$/);
    expect(committed.candidateCount).toBe(401); // 400 imported 餐饮 rows + the 小吃店

    const frozen = await rejectionOf(
      updateTask(ctx, task.id, {
        version: task.version,
        name: '改名',
        checklistItemIds: [item],
        allIndustries: true,
        mode: 'ratio',
        ratioPercent: { A: 50, B: 10, C: 5, D: 5 },
        startOn: '2025-03-01',
        endOn: '2025-06-30',
      }),
    );
    expect(frozen.code).toBe('inspection.frozen');
    await expect(
      sql`update inspection_draw set frozen_input = '{}' where id = ${committed.id}`.execute(h.db),
    ).rejects.toThrow(/frozen/);

    const drawn = await executeDraw(ctx, committed.id);
    expect(drawn.status).toBe('drawn');
    // 401 candidates: A 101 → 21, B 100 → 10, C 100 → 5, D 100 → 5 (ceil)
    expect(drawn.drawnCount).toBe(41);
    expect(await errorCodeOf(commitDraw(ctx, task.id))).toBe('inspection.alreadyDrawn');
    expect(await errorCodeOf(executeDraw(ctx, committed.id))).toBe('inspection.alreadyDrawn');
    expect((await getTask(ctx, task.id)).drawStatus).toBe('drawn');

    const ok = await verifyStoredDraw(ctx, committed.id);
    expect(ok).toMatchObject({ ok: true, drawnCount: 41 });

    const targets = (await listTargets(ctx, { drawId: committed.id })).items;
    expect(targets).toHaveLength(41);
    for (const t of targets) expect(new Set(t.inspectors.map((i) => i.id)).size).toBe(2);
    await expect(
      sql`update inspection_target set inspector_ids = '{}' where draw_id = ${committed.id}`.execute(h.db),
    ).rejects.toThrow(/cannot change/);
    // a target deleted behind the app's back is found by the verifier
    await sql`delete from inspection_target where draw_id = ${committed.id} and seq = 40`.execute(h.db);
    const broken = await verifyStoredDraw(ctx, committed.id);
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.difference.step).toBe('picks[40]');
  });

  it('joint plan: every drawn inspectee gets an inspector from each org; org-level conflicts respected', async () => {
    const plan = await createPlan(ctx, {
      year: 2025,
      name: '2025年公共场所卫生联合抽查',
      kind: 'joint',
      leadOrgId: wj,
      participantOrgIds: [scjg],
    });
    expect(plan.participantOrgIds).toEqual([scjg, wj].sort());
    const someone = (await listInspectees(ctx.db, ctx.scope, { q: '卫生单位0' }, { offset: 0, limit: 1 }))
      .items[0];
    await createConflict(ctx, {
      inspecteeId: someone?.id ?? '',
      conflictOrgId: scjg,
      reason: '法定代表人系市场监管局职工近亲属',
    });
    const task = await createTask(ctx, {
      planId: plan.id,
      name: '联合抽查',
      checklistItemIds: [item, wjItem],
      mode: 'count',
      count: 30,
      industries: ['食品销售'],
      startOn: '2025-04-01',
      endOn: '2025-05-31',
    });
    const drawn = await drawTask(ctx, task.id);
    expect(drawn.drawnCount).toBe(30);
    const inspectors = new Map(
      (await listInspectors(ctx.db, ctx.scope, {})).items.map((i) => [i.id, i.orgId]),
    );
    for (const t of (await listTargets(ctx, { taskId: task.id })).items) {
      expect(new Set(t.inspectors.map((i) => inspectors.get(i.id)))).toEqual(new Set([scjg, wj]));
    }
    expect((await verifyStoredDraw(ctx, drawn.id)).ok).toBe(true);
  });

  it('a draw that cannot meet a rule says which and draws nothing', async () => {
    const yj = orgs.departments.get('应急局') ?? '';
    const yjItem = await createChecklistItem(ctx, {
      orgId: yj,
      matter: '安全生产检查',
      legalBasis: '《安全生产法》',
      method: '现场检查',
      defaultRatioPercent: 5,
    });
    await createInspectee(ctx, {
      orgId: yj,
      kind: 'enterprise',
      name: '危化企业',
      uscc: regionUscc(99),
      industry: '危险化学品',
      locationCode: '532502100',
      riskGrade: 'A',
    });
    const task = await departmentTask(yj, '应急局计划', {
      name: '危化抽查',
      checklistItemIds: [yjItem.id],
      allIndustries: true,
      mode: 'ratio',
      ratioPercent: { A: 100, B: 0, C: 0, D: 0 },
      startOn: '2025-03-01',
      endOn: '2025-03-31',
    });
    // 应急局 has one inspector (from its officers): a team of two cannot be formed
    const pool = await rejectionOf(commitDraw(ctx, task.id));
    expect(pool).toMatchObject({ code: 'inspection.drawRule', details: { rule: 'poolSize' } });
    expect(pool.message).toContain('少于每个检查对象所需的 2 名');
    const none = await createTask(ctx, {
      planId: task.planId,
      name: '空名单',
      checklistItemIds: [yjItem.id],
      mode: 'ratio',
      ratioPercent: { A: 5, B: 5, C: 5, D: 5 },
      industries: ['不存在的行业'],
      startOn: '2025-03-01',
      endOn: '2025-03-31',
    });
    expect((await rejectionOf(commitDraw(ctx, none.id))).details).toMatchObject({ rule: 'emptyCandidates' });
    expect(
      await countOf(
        sql`select count(*)::int as n from inspection_draw where task_id in (${task.id}, ${none.id})`,
      ),
    ).toBe(0);

    // conflicts found only at draw time: the draw is recorded as failed, nothing drawn, and may be committed again
    await createInspector(ctx, {
      orgId: yj,
      name: '应急二',
      certificateNumber: 'YJX2',
      certificateValidUntil: '2026-06-30',
    });
    const target = (await listInspectees(ctx.db, ctx.scope, { q: '危化企业' }, { offset: 0, limit: 1 }))
      .items[0];
    const yjInspectors = (await listInspectors(ctx.db, ctx.scope, { orgIds: [yj] })).items;
    await createConflict(ctx, {
      inspecteeId: target?.id ?? '',
      inspectorId: yjInspectors[0]?.id ?? '',
      reason: '曾在该企业任职',
    });
    const committed = await commitDraw(ctx, task.id);
    const failed = await rejectionOf(executeDraw(ctx, committed.id));
    expect(failed).toMatchObject({ code: 'inspection.drawRule', details: { rule: 'minInspectors' } });
    const record = await getDraw(ctx, committed.id);
    expect(record).toMatchObject({ status: 'failed', drawnCount: null, failure: { rule: 'minInspectors' } });
    expect((await listTargets(ctx, { drawId: committed.id })).total).toBe(0);
    expect((await verifyStoredDraw(ctx, committed.id)).ok).toBe(true);
    expect((await commitDraw(ctx, task.id)).status).toBe('committed');
  });

  it('results and publication within 20 working days of the task end', async () => {
    const later: Ctx = { ...ctx, now: () => new Date('2025-07-20T02:00:00Z') };
    const task = await departmentTask(scjg, '二季度计划', {
      name: '二季度抽查',
      checklistItemIds: [item],
      allIndustries: true,
      mode: 'count',
      count: 3,
      startOn: '2025-04-01',
      endOn: '2025-06-30',
    });
    const drawn = await drawTask(ctx, task.id);
    const [a, b] = (await listTargets(later, { drawId: drawn.id })).items;
    if (!a || !b) throw new Error('expected targets');
    // 2025-06-30 + 20 working days = 2025-07-28 (no holidays in July)
    expect(a.publicationDue).toBe('2025-07-28');
    expect(a.publicationState).toBe('normal');
    expect(await errorCodeOf(publishResult(later, a.id, { version: a.version }))).toBe('inspection.noResult');
    // a problem result opens a case: these inspectors have no 行政执法人员 record, so it is refused
    const refused = await rejectionOf(
      recordResult(later, a.id, {
        version: a.version,
        result: 'problemCorrected',
        note: '未公示从业人员健康证明,已责令改正',
        inspectedOn: '2025-05-12',
      }),
    );
    expect(refused.code).toBe('inspection.inspectorNotOfficer');
    expect(refused.message).toContain('第四十二条');
    expect((await listTargets(later, { ids: [a.id] })).items[0]).toMatchObject({
      result: null,
      caseId: null,
    });
    const recorded = await recordResult(later, a.id, {
      version: a.version,
      result: 'noProblem',
      note: '经营许可证在有效期内',
      inspectedOn: '2025-05-12',
    });
    expect(recorded).toMatchObject({ resultLabel: '未发现问题', caseId: null });
    expect(
      await errorCodeOf(
        recordResult(later, b.id, { version: b.version, result: 'noProblem', inspectedOn: '2025-03-01' }),
      ),
    ).toBe('inspection.inspectedEarly');
    const published = await publishResult(later, a.id, { version: recorded.version });
    expect(published).toMatchObject({ publishedOn: '2025-07-20', publicationState: 'published' });
    expect(
      await errorCodeOf(
        recordResult(later, a.id, {
          version: published.version,
          result: 'noProblem',
          inspectedOn: '2025-05-12',
        }),
      ),
    ).toBe('inspection.published');
    const overdue: Ctx = { ...ctx, now: () => new Date('2025-07-29T02:00:00Z') };
    expect((await listTargets(overdue, { ids: [b.id] })).items[0]?.publicationState).toBe('overdue');
    // the ledger's 临期/逾期 filter (the 驾驶舱 links to it) finds exactly the unpublished ones
    const late = await listTargets(overdue, { drawId: drawn.id, due: 'overdue' });
    expect(late.items.map((t) => t.id)).toContain(b.id);
    expect(late.items.map((t) => t.id)).not.toContain(a.id);
    expect(late.total).toBe(late.items.length);
    const soon: Ctx = { ...ctx, now: () => new Date('2025-07-25T02:00:00Z') };
    expect((await listTargets(soon, { drawId: drawn.id, due: 'dueSoon' })).items.map((t) => t.id)).toContain(
      b.id,
    );
    expect((await listTargets(soon, { drawId: drawn.id, due: 'overdue' })).total).toBe(0);
  });
});
