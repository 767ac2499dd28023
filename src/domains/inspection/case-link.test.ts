import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ctx, systemCtx } from '../../platform/context.js';
import type { DatabaseHandle } from '../../platform/db/open.js';
import { generateUscc } from '../../platform/ids/index.js';
import { appWithOrgs, loginAs } from '../../test/app.js';
import { testEngines } from '../../test/db.js';
import { createBody, createOfficer } from '../enforcement/officer-service.js';
import { drawTask } from './draw-service.js';
import { createPlan, createTask } from './plan-service.js';
import { createChecklistItem, createInspectee, registerInspectorsFromOfficers } from './registry-service.js';
import { listTargets, type Target } from './result-service.js';

const NOW = new Date('2025-07-20T02:00:00Z');

describe.each(testEngines())('a problem result opens an enforcement case on $name', (engine) => {
  let h: DatabaseHandle;
  let app: FastifyInstance;
  let headers: Record<string, string>;
  let targets: Target[];

  beforeAll(async () => {
    h = await engine.open();
    const made = await appWithOrgs(h);
    app = made.app;
    headers = (await loginAs(app, 'admin')).headers;
    const ctx: Ctx = systemCtx(h.db, () => NOW);
    const scjg = made.orgs.departments.get('市场监管局') ?? '';
    const body = await createBody(ctx, { orgId: scjg, kind: 'statutory' });
    for (const [i, name] of ['张执法', '李执法'].entries())
      await createOfficer(ctx, {
        bodyId: body.id,
        name,
        gender: 'male',
        certificate: {
          field: '市场监督管理',
          issuedOn: '2024-01-01',
          number: `SJ000${i}`,
          validUntil: '2027-12-31',
        },
      });
    expect(await registerInspectorsFromOfficers(ctx, scjg)).toEqual({ registered: 2 });
    const item = await createChecklistItem(ctx, {
      orgId: scjg,
      matter: '食品经营许可情况的检查',
      legalBasis: '《食品安全法》第一百一十条',
      method: '现场检查',
      defaultRatioPercent: 5,
    });
    for (const [i, name] of ['开远市甲食品店', '开远市乙餐饮有限公司'].entries())
      await createInspectee(ctx, {
        orgId: scjg,
        kind: 'enterprise',
        name,
        uscc: generateUscc(900 + i, { regionCode: '532502' }),
        industry: '餐饮',
        locationCode: '532502001',
        riskGrade: 'C',
      });
    const plan = await createPlan(ctx, {
      year: 2025,
      name: '二季度计划',
      kind: 'department',
      leadOrgId: scjg,
    });
    const task = await createTask(ctx, {
      planId: plan.id,
      name: '二季度食品抽查',
      checklistItemIds: [item.id],
      allIndustries: true,
      mode: 'count',
      count: 2,
      startOn: '2025-04-01',
      endOn: '2025-06-30',
    });
    const drawn = await drawTask(ctx, task.id);
    targets = (await listTargets(ctx, { drawId: drawn.id })).items;
    expect(targets).toHaveLength(2);
  });
  afterAll(async () => {
    await app.close();
    await h.close();
  });

  const cases = async () =>
    (await app.inject({ url: '/api/enforcement/cases', headers })).json<{
      items: { id: string; partyName: string; openedOn: string; caseNo: string }[];
      total: number;
    }>();

  it('发现问题 opens a 立案 handled by the drawn inspectors; 未发现问题 opens none', async () => {
    const [a, b] = targets;
    if (!a || !b) throw new Error('expected two targets');
    expect((await cases()).total).toBe(0);

    const none = await app.inject({
      method: 'PATCH',
      url: `/api/inspection/targets/${b.id}/result`,
      headers,
      payload: { version: b.version, result: 'noProblem', inspectedOn: '2025-05-10' },
    });
    expect(none.statusCode).toBe(200);
    expect(none.json()).toMatchObject({ resultLabel: '未发现问题', caseId: null });
    expect((await cases()).total).toBe(0);

    const res = await app.inject({
      method: 'PATCH',
      url: `/api/inspection/targets/${a.id}/result`,
      headers,
      payload: {
        version: a.version,
        result: 'problemPending',
        note: '超范围经营',
        inspectedOn: '2025-05-12',
      },
    });
    expect(res.statusCode).toBe(200);
    const recorded = res.json<Target>();
    expect(recorded.resultLabel).toBe('发现问题待后续处理');
    expect(recorded.caseId).toMatch(/^[0-9a-f-]{36}$/);
    const list = await cases();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({
      id: recorded.caseId,
      partyName: a.inspecteeName,
      openedOn: '2025-05-12',
    });
    const detail = (await app.inject({ url: `/api/enforcement/cases/${recorded.caseId}`, headers })).json<{
      handlers: { name: string }[];
    }>();
    expect(detail.handlers.map((x) => x.name).sort()).toEqual(['张执法', '李执法']);

    // re-recording the result keeps the one case
    const again = await app.inject({
      method: 'PATCH',
      url: `/api/inspection/targets/${a.id}/result`,
      headers,
      payload: { version: recorded.version, result: 'problemCorrected', inspectedOn: '2025-05-12' },
    });
    expect(again.json()).toMatchObject({ caseId: recorded.caseId });
    expect((await cases()).total).toBe(1);
  });
});
