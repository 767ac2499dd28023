import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { loginAs } from '../../test/app.js';
import { testEngines } from '../../test/db.js';
import { databaseSetup } from '../../test/suite.js';
import { withOrgs } from './test/fixtures.js';

/** The first sheet of an .xlsx answer. */
async function firstSheet(payload: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

describe.each(testEngines())('复议应诉 HTTP API on $name', (engine) => {
  let caseId: string;
  const t = databaseSetup(engine, async (h) => {
    const orgs = await withOrgs(h);
    const app = await buildApp({ handle: h, loginRateLimit: 1000 });
    return { orgs, app, sfj: await loginAs(app, 'yfzs'), township: await loginAs(app, 'township') };
  });
  // registered after the database's: vitest runs it first, so the app closes before the database
  afterAll(async () => {
    await t.app?.close();
  });
  const application = () => ({
    channel: 'mail',
    receivedOn: '2025-06-04',
    filedOn: '2025-06-02',
    respondentOrgId: t.orgs.departments.get('市场监管局'),
    applicantKind: 'person',
    applicantName: '周文斌',
    act: {
      title: '行政处罚决定书',
      kind: 'penalty',
      knownOn: '2025-05-20',
      penaltyTypes: ['fine'],
      amount: 5000,
    },
    request: '撤销行政处罚决定',
    reasons: '认定事实不清。',
  });

  it('registers an application, lists it with its next due and exports the ledger', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/disputes/reconsiderations',
      headers: t.sfj.headers,
      payload: application(),
    });
    expect(res.statusCode).toBe(201);
    caseId = res.json().id;
    expect(res.json()).toMatchObject({ channelLabel: '邮寄', filedOn: '2025-06-02', statusLabel: '待审查' });
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/disputes/reconsiderations?pageSize=10',
      headers: t.sfj.headers,
    });
    expect(list.json().items.length).toBe(1);
    const x = await t.app.inject({
      method: 'GET',
      url: '/api/disputes/reconsiderations/export.xlsx',
      headers: t.sfj.headers,
    });
    expect(x.statusCode).toBe(200);
    const ws = await firstSheet(x.rawPayload);
    expect(ws?.getRow(1).getCell(1).value).toBe('案号');
    expect(ws?.getRow(2).getCell(4).value).toBe('周文斌');
  });

  it.each([
    ['/api/disputes/lawsuits/export.xlsx', '行政应诉台账', '案号'],
    ['/api/disputes/suggestions/export.xlsx', '检察建议司法建议台账', '文书编号'],
  ])('exports %s as the sheet %s', async (url, sheetName, firstHeader) => {
    const x = await t.app.inject({ method: 'GET', url, headers: t.sfj.headers });
    expect(x.statusCode).toBe(200);
    const ws = await firstSheet(x.rawPayload);
    expect(ws?.name).toBe(sheetName);
    expect(ws?.getRow(1).getCell(1).value).toBe(firstHeader);
  });

  it('answers a bad action with RFC 9457 naming the field in Chinese, and 404 outside the scope', async () => {
    const c = (
      await t.app.inject({
        method: 'GET',
        url: `/api/disputes/reconsiderations/${caseId}`,
        headers: t.sfj.headers,
      })
    ).json();
    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/disputes/reconsiderations/${caseId}/actions`,
      headers: t.sfj.headers,
      payload: {
        version: c.version,
        action: 'decide',
        date: '2025-06-08',
        data: { outcome: 'uphold', documentNo: '行复〔2025〕1号' },
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    // the silent review period ended long ago: the system marked 视为受理 on 2025-06-11
    expect(c).toMatchObject({ statusLabel: '审理中', deemedAccepted: true });
    expect(bad.json().detail).toBe('决定日期 2025-06-08 早于受理日期 2025-06-11');
    const hidden = await t.app.inject({
      method: 'GET',
      url: `/api/disputes/reconsiderations/${caseId}`,
      headers: t.township.headers,
    });
    expect([403, 404]).toContain(hidden.statusCode);
  });
});
