import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ctx, systemCtx } from '../../platform/context.js';
import type { DatabaseHandle } from '../../platform/db/open.js';
import { demoIdNumber, generateUscc } from '../../platform/ids/index.js';
import { appWithOrgs } from '../../test/app.js';
import { testEngines } from '../../test/db.js';
import { drawTask } from './draw-service.js';
import { createPlan, createTask } from './plan-service.js';
import { createChecklistItem, createInspectee, createInspector } from './registry-service.js';
import { listTargets, publishResult, recordResult } from './result-service.js';

const NOW = new Date('2025-07-20T02:00:00Z');
const ID_NUMBER = demoIdNumber(42, '532502');

describe.each(testEngines())('public page /portal/inspections on $name', (engine) => {
  let h: DatabaseHandle;
  let app: FastifyInstance;
  let published = '';
  let unpublished = '';
  let publishedId = '';
  let scjg = '';

  beforeAll(async () => {
    h = await engine.open();
    const made = await appWithOrgs(h);
    app = made.app;
    const ctx: Ctx = systemCtx(h.db, () => NOW);
    scjg = made.orgs.departments.get('市场监管局') ?? '';
    for (let i = 0; i < 2; i++)
      await createInspector(ctx, {
        orgId: scjg,
        name: `市监${i}`,
        certificateNumber: `SJ${i}`,
        certificateValidUntil: '2026-12-31',
      });
    const item = await createChecklistItem(ctx, {
      orgId: scjg,
      matter: '食品经营许可情况的检查',
      legalBasis: '《食品安全法》第一百一十条',
      method: '现场检查',
      defaultRatioPercent: 5,
    });
    for (const [i, name] of ['开远市公示甲商行', '开远市未公示乙商行'].entries())
      await createInspectee(ctx, {
        orgId: scjg,
        kind: 'enterprise',
        name,
        uscc: generateUscc(800 + i, { regionCode: '532502' }),
        industry: '零售',
        locationCode: '532502001',
        riskGrade: 'C',
      });
    const plan = await createPlan(ctx, {
      year: 2025,
      name: '食品抽查计划',
      kind: 'department',
      leadOrgId: scjg,
    });
    const task = await createTask(ctx, {
      planId: plan.id,
      name: '食品经营抽查',
      checklistItemIds: [item.id],
      allIndustries: true,
      mode: 'count',
      count: 2,
      startOn: '2025-04-01',
      endOn: '2025-06-30',
    });
    const drawn = await drawTask(ctx, task.id);
    for (const t of (await listTargets(ctx, { drawId: drawn.id })).items) {
      const r = await recordResult(ctx, t.id, {
        version: t.version,
        result: 'noProblem',
        note: `负责人身份证号 ${ID_NUMBER},经营正常`,
        inspectedOn: '2025-05-10',
      });
      if (t.inspecteeName === '开远市公示甲商行') {
        await publishResult(ctx, t.id, { version: r.version, publishedOn: '2025-07-10' });
        published = t.inspecteeName;
        publishedId = t.id;
      } else unpublished = t.inspecteeName;
    }
  });
  afterAll(async () => {
    await app.close();
    await h.close();
  });

  it('answers without login: published results only, masked, in Chinese', async () => {
    const res = await app.inject({ url: '/portal/inspections' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('“双随机、一公开”抽查结果公示');
    expect(res.body).toContain(published);
    expect(res.body).not.toContain(unpublished);
    expect(res.body).not.toContain(ID_NUMBER);
    expect(res.body).toContain('未发现问题');
    expect(res.body).toContain('2025年');
  });

  it('filters by year, org, result category and name; the detail page is masked', async () => {
    const body = async (qs: string) => (await app.inject({ url: `/portal/inspections?${qs}` })).body;
    expect(
      await body(`year=2025&orgId=${scjg}&result=noProblem&q=${encodeURIComponent('甲商行')}`),
    ).toContain(published);
    expect(await body('year=2024')).toContain('没有符合条件的已公示抽查结果');
    expect(await body('result=problemCorrected')).not.toContain(published);
    expect(await body(`q=${encodeURIComponent('丙')}`)).not.toContain(published);
    expect(await body('year=&orgId=&result=&q=')).toContain(published);
    expect((await app.inject({ url: '/portal/inspections?year=abc' })).statusCode).toBe(400);

    const detail = await app.inject({ url: `/portal/inspections/${publishedId}` });
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain(published);
    expect(detail.body).toContain('经营正常');
    expect(detail.body).not.toContain(ID_NUMBER);
    const unknown = await app.inject({ url: '/portal/inspections/00000000-0000-4000-8000-000000000000' });
    expect(unknown.statusCode).toBe(404);
  });
});
