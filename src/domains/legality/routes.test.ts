import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/open.js';
import { buildApp } from '../../server/app.js';
import { loginAs, type Session } from '../../test/app.js';
import { testEngines } from '../../test/db.js';
import type { DemoOrgs } from '../org/seed.js';
import { withOrgs } from './test-fixtures.js';

describe.each(testEngines())('合法性审查 HTTP API on $name', (engine) => {
  let h: DatabaseHandle;
  let app: FastifyInstance;
  let orgs: DemoOrgs;
  let yfzs: Session;
  let township: Session;
  beforeAll(async () => {
    h = await engine.open();
    orgs = await withOrgs(h);
    app = await buildApp({ handle: h, loginRateLimit: 1000 });
    yfzs = await loginAs(app, 'yfzs');
    township = await loginAs(app, 'township');
  });
  afterAll(async () => {
    await app.close();
    await h.close();
  });

  const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

  it('submits, lists and exports the desk; foreign-scope ids answer 404', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/legality/reviews',
      headers: yfzs.headers,
      payload: {
        kind: 'agendaItem',
        title: '关于研究城区停车场建设有关事项的议题',
        orgId: orgs.rootId,
        submittedOn: today(),
        materials: [{ name: '议题材料' }],
      },
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id as string;
    const list = await app.inject({
      method: 'GET',
      url: '/api/legality/reviews?kind=agendaItem',
      headers: yfzs.headers,
    });
    expect(list.json()).toMatchObject({
      total: 1,
      items: [{ kindLabel: '政府会议议题', statusLabel: '审查中' }],
    });
    const xlsx = await app.inject({
      method: 'GET',
      url: '/api/legality/reviews/export.xlsx',
      headers: yfzs.headers,
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const foreign = await app.inject({
      method: 'GET',
      url: `/api/legality/reviews/${id}`,
      headers: township.headers,
    });
    expect(foreign.statusCode).toBe(404);
    const linked = await app.inject({
      method: 'GET',
      url: '/api/legality/reviews/enforcement',
      headers: yfzs.headers,
    });
    expect(linked.json()).toMatchObject({ total: 0, items: [] });
  });

  it('exports the 规范性文件 ledger with the columns on screen and its filters', async () => {
    const made = await app.inject({
      method: 'POST',
      url: '/api/legality/documents',
      headers: yfzs.headers,
      payload: { orgId: orgs.rootId, title: '城区停车管理办法(导出)', draftedOn: today() },
    });
    expect(made.statusCode).toBe(201);
    const xlsx = await app.inject({
      method: 'GET',
      url: `/api/legality/documents/export.xlsx?q=${encodeURIComponent('停车管理办法(导出)')}`,
      headers: yfzs.headers,
    });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    if (!sheet) throw new Error('导出文件没有工作表');
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1).map((v) => String(v ?? ''));
    expect(row(1)).toEqual([
      '文件名称',
      '文号',
      '制定机关',
      '状态',
      '审核结论',
      '公布日期',
      '有效期至',
      '有效期状态',
      '备案',
    ]);
    expect(sheet.rowCount).toBe(2);
    expect(row(2)[0]).toBe('城区停车管理办法(导出)');
    expect(row(2)[3]).toBe('起草中');
    const refused = await app.inject({
      method: 'GET',
      url: '/api/legality/documents/export.xlsx',
      headers: (await loginAs(app, 'clerk')).headers,
    });
    expect(refused.statusCode).toBe(403);
  });

  it.each([
    ['a 100 kB body', { title: '办法', body: '条'.repeat(200_001), draftedOn: '2025-01-02' }, 'body'],
    ['a title with a control character', { title: '办法\u0007', draftedOn: '2025-01-02' }, 'title'],
    ['an impossible date', { title: '办法', draftedOn: '2025-02-30' }, 'draftedOn'],
  ])('answers 400 naming the field for %s', async (_n, payload, field) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/legality/documents',
      headers: yfzs.headers,
      payload: { orgId: orgs.rootId, ...payload },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(res.json())).toContain(field);
  });
});
