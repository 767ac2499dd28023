import { beforeAll, describe, expect, it } from 'vitest';
import { type Ctx, systemCtx } from '../../platform/context.js';
import { demoIdNumber } from '../../platform/ids/index.js';
import { appSetup } from '../../test/app-suite.js';
import { testEngines } from '../../test/db.js';
import { createInspector } from './registry-service.js';
import { publishResult, recordResult } from './result-service.js';
import { drawFoodCheck, inspectorInputs } from './test-fixtures.js';

const NOW = new Date('2025-07-20T02:00:00Z');
const ID_NUMBER = demoIdNumber(42, '532502');

describe.each(testEngines())('public page /portal/inspections on $name', (engine) => {
  const t = appSetup(engine);
  let published = '';
  let unpublished = '';
  let publishedId = '';
  let scjg = '';

  beforeAll(async () => {
    const ctx: Ctx = systemCtx(t.h.db, () => NOW);
    scjg = t.orgs.departments.get('市场监管局') ?? '';
    for (const inspector of inspectorInputs(scjg, 2, {
      name: '市监',
      certificate: 'SJ',
      validUntil: '2026-12-31',
    }))
      await createInspector(ctx, inspector);
    const targets = await drawFoodCheck(ctx, scjg, {
      inspectees: ['开远市公示甲商行', '开远市未公示乙商行'],
      usccFrom: 800,
      industry: '零售',
      plan: '食品抽查计划',
      task: '食品经营抽查',
    });
    for (const target of targets) {
      const r = await recordResult(ctx, target.id, {
        version: target.version,
        result: 'noProblem',
        note: `负责人身份证号 ${ID_NUMBER},经营正常`,
        inspectedOn: '2025-05-10',
      });
      if (target.inspecteeName === '开远市公示甲商行') {
        await publishResult(ctx, target.id, { version: r.version, publishedOn: '2025-07-10' });
        published = target.inspecteeName;
        publishedId = target.id;
      } else unpublished = target.inspecteeName;
    }
  });

  it('answers without login: published results only, masked, in Chinese', async () => {
    const res = await t.app.inject({ url: '/portal/inspections' });
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
    const body = async (qs: string) => (await t.app.inject({ url: `/portal/inspections?${qs}` })).body;
    expect(
      await body(`year=2025&orgId=${scjg}&result=noProblem&q=${encodeURIComponent('甲商行')}`),
    ).toContain(published);
    expect(await body('year=2024')).toContain('没有符合条件的已公示抽查结果');
    expect(await body('result=problemCorrected')).not.toContain(published);
    expect(await body(`q=${encodeURIComponent('丙')}`)).not.toContain(published);
    expect(await body('year=&orgId=&result=&q=')).toContain(published);
    expect((await t.app.inject({ url: '/portal/inspections?year=abc' })).statusCode).toBe(400);

    const detail = await t.app.inject({ url: `/portal/inspections/${publishedId}` });
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain(published);
    expect(detail.body).toContain('经营正常');
    expect(detail.body).not.toContain(ID_NUMBER);
    const unknown = await t.app.inject({ url: '/portal/inspections/00000000-0000-4000-8000-000000000000' });
    expect(unknown.statusCode).toBe(404);
  });
});
