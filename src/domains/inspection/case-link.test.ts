import { beforeAll, describe, expect, it } from 'vitest';
import { type Ctx, systemCtx } from '../../platform/context.js';
import { appSetup } from '../../test/app-suite.js';
import { testEngines } from '../../test/db.js';
import { createBody, createOfficer } from '../enforcement/officers/service.js';
import { registerInspectorsFromOfficers } from './registry-service.js';
import type { Target } from './result-service.js';
import { drawFoodCheck } from './test-fixtures.js';

const NOW = new Date('2025-07-20T02:00:00Z');

describe.each(testEngines())('a problem result opens an enforcement case on $name', (engine) => {
  const t = appSetup(engine, { users: ['admin'] });
  let targets: Target[];

  beforeAll(async () => {
    const ctx: Ctx = systemCtx(t.h.db, () => NOW);
    const scjg = t.orgs.departments.get('市场监管局') ?? '';
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
    targets = await drawFoodCheck(ctx, scjg, {
      inspectees: ['开远市甲食品店', '开远市乙餐饮有限公司'],
      usccFrom: 900,
      industry: '餐饮',
      plan: '二季度计划',
      task: '二季度食品抽查',
    });
    expect(targets).toHaveLength(2);
  });

  const cases = async () =>
    (await t.app.inject({ url: '/api/enforcement/cases', headers: t.as.admin.headers })).json<{
      items: { id: string; partyName: string; openedOn: string; caseNo: string }[];
      total: number;
    }>();

  it('发现问题 opens a 立案 handled by the drawn inspectors; 未发现问题 opens none', async () => {
    const [a, b] = targets;
    if (!a || !b) throw new Error('expected two targets');
    expect((await cases()).total).toBe(0);

    const none = await t.app.inject({
      method: 'PATCH',
      url: `/api/inspection/targets/${b.id}/result`,
      headers: t.as.admin.headers,
      payload: { version: b.version, result: 'noProblem', inspectedOn: '2025-05-10' },
    });
    expect(none.statusCode).toBe(200);
    expect(none.json()).toMatchObject({ resultLabel: '未发现问题', caseId: null });
    expect((await cases()).total).toBe(0);

    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/inspection/targets/${a.id}/result`,
      headers: t.as.admin.headers,
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
    const detail = (
      await t.app.inject({ url: `/api/enforcement/cases/${recorded.caseId}`, headers: t.as.admin.headers })
    ).json<{
      handlers: { name: string }[];
    }>();
    expect(detail.handlers.map((x) => x.name).sort()).toEqual(['张执法', '李执法']);

    // re-recording the result keeps the one case
    const again = await t.app.inject({
      method: 'PATCH',
      url: `/api/inspection/targets/${a.id}/result`,
      headers: t.as.admin.headers,
      payload: { version: recorded.version, result: 'problemCorrected', inspectedOn: '2025-05-12' },
    });
    expect(again.json()).toMatchObject({ caseId: recorded.caseId });
    expect((await cases()).total).toBe(1);
  });
});
