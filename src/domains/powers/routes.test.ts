import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../platform/context.js';
import type { Session } from '../../test/app.js';
import { appSetup } from '../../test/app-suite.js';
import { testEngines } from '../../test/db.js';
import { seedOfficers } from '../enforcement/officers/seed.js';
import { seedPowers } from '../enforcement/power-list/seed.js';
import { TODAY } from '../enforcement/test/fixtures.js';
import type { DemoOrgs } from '../org/seed.js';
import { seedPowersLists } from './seed.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const LISTS = ['licenses', 'matters', 'leniency-items', 'discretion-standards'] as const;

describe.each(testEngines())('/api/powers on $name', (engine) => {
  const t = appSetup(engine, { users: ['admin', 'scjg'] });
  beforeAll(async () => {
    const ctx = systemCtx(t.h.db, () => new Date('2025-06-16T02:00:00Z'));
    await seedPowers(ctx, await seedOfficers(ctx, TODAY));
    await seedPowersLists(ctx, { log: () => {} });
  });

  const get = (url: string, s: Session | null = t.as.admin) =>
    t.app.inject({ url, headers: s?.headers ?? {} });
  const post = (url: string, payload: unknown, s: Session | null = t.as.admin) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: s?.headers ?? {},
      payload: payload as Record<string, unknown>,
    });
  const jt = (o: DemoOrgs) => `orgId=${o.departments.get('交通运输局')}`;

  it('answers 401 without a session, 403 without the permission, 400 naming the field', async () => {
    expect((await get('/api/powers/licenses', null)).statusCode).toBe(401);
    const refused = await post('/api/powers/leniency-items', {}, t.as.scjg);
    expect(refused.statusCode).toBe(400);
    const license = {
      orgId: t.orgs.departments.get('市场监管局'),
      code: 'R-XK-1',
      name: '食品经营许可',
      implementingOrg: '开远市市场监督管理局',
      lawName: '中华人民共和国食品安全法',
      article: '第三十五条',
      approvalLevel: 'county',
      statutoryDays: 20,
      promisedDays: 10,
    };
    const forbidden = await post('/api/powers/licenses', license, t.as.scjg);
    expect(forbidden.statusCode).toBe(403);
    // 承诺时限 longer than the statutory one
    const bad = await post('/api/powers/licenses', { ...license, promisedDays: 30 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'powers.promisedOverStatutory' });
    expect(JSON.stringify(bad.json())).toContain('promisedDays');
    const sorted = await get('/api/powers/licenses?sort=secret');
    expect(sorted.statusCode).toBe(400);
    const list = await get('/api/powers/licenses?pageSize=5&sort=-promisedDays', t.as.scjg);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.every((i: { orgName: string }) => i.orgName === '开远市市场监督管理局')).toBe(
      true,
    );
  });

  const download = async (list: string) => {
    const r = await get(`/api/powers/${list}/export.xlsx?${jt(t.orgs)}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    return { wb, ws };
  };
  const upload = async (wb: ExcelJS.Workbook, list: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/powers/${list}/import`,
      headers: { ...t.as.admin.headers, 'content-type': XLSX },
      // without shared strings: exceljs's streaming reader can meet a sheet before workbook.xml in
      // files exceljs's writeBuffer zipped, and then fails intermittently ("reading 'sheets'")
      payload: Buffer.from(await wb.xlsx.writeBuffer({ useSharedStrings: false })),
    });
  const count = async (list: string) =>
    (await get(`/api/powers/${list}?${jt(t.orgs)}&pageSize=1`)).json().total;

  it.each(LISTS)('%s: an unedited export imports back changing nothing', async (list) => {
    const before = await count(list);
    expect(before).toBeGreaterThan(0);
    const { wb, ws } = await download(list);
    expect(ws.rowCount - 1).toBe(before);
    const r = await upload(wb, list);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ imported: 0 });
    expect(await count(list)).toBe(before);
  });

  it('an edited export changes the entry with a revision and adds the new rows', async () => {
    const { wb, ws } = await download('licenses');
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const col = (h: string) => header.indexOf(h) + 1;
    const row = ws.getRow(2);
    const code = String(row.getCell(col('事项编码')).value);
    row.getCell(col('承诺办结时限(工作日)')).value = 1;
    const added = header.map((h) => row.getCell(col(String(h))).value);
    added[col('事项编码') - 1] = 'R-XK-NEW-01';
    ws.addRow(added);
    const r = await upload(wb, 'licenses');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ imported: 2 });
    const changed = (await get(`/api/powers/licenses?q=${code}`)).json().items[0];
    expect(changed.promisedDays).toBe(1);
    const detail = (await get(`/api/powers/licenses/${changed.id}`)).json();
    expect(detail.revisions[0]).toMatchObject({ revision: 2, changeLabel: '变更', reason: 'Excel 导入' });
    expect((await get('/api/powers/licenses?q=R-XK-NEW-01')).json().total).toBe(1);
  });

  it('refuses a sheet with bad rows, naming row and column, and writes nothing', async () => {
    const { wb, ws } = await download('discretion-standards');
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const col = (h: string) => header.indexOf(h) + 1;
    ws.getRow(2).getCell(col('一般·罚款下限')).value = 999_999_999;
    ws.getRow(2).getCell(col('权责事项编码')).value = 'NO-SUCH-ITEM';
    const before = await count('discretion-standards');
    const r = await upload(wb, 'discretion-standards');
    expect(r.statusCode).toBe(400);
    const p = r.json();
    expect(p.code, p.detail).toBe('import.invalidRows');
    expect(p.detail).toContain('未写入任何数据');
    expect(p.errors.map((e: { row: number; column: string }) => `${e.row} ${e.column}`)).toEqual([
      '2 权责事项编码',
      '2 一般·罚款上限',
    ]);
    expect(await count('discretion-standards')).toBe(before);
  });
});
