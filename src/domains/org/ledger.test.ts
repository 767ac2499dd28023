import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { appSetup } from '../../test/app-suite.js';
import { testEngines } from '../../test/db.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The org ledger's columns, in the export's order (文书编号前缀 last). */
const COLUMNS = [
  '机构编号',
  '机构名称',
  '简称',
  '类型',
  '上级机构',
  '行政区划代码',
  '统一社会信用代码',
  '排序',
  '启用',
  '文书编号前缀',
];

describe.each(testEngines())('org ledger Excel round trip on $name', (engine) => {
  const t = appSetup(engine, { users: ['admin'] });

  const download = async () => {
    const r = await t.app.inject({ url: '/api/orgs/export.xlsx', headers: t.as.admin.headers });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe(XLSX);
    expect(String(r.headers['content-disposition'])).toContain(encodeURIComponent('机构台账'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    return wb;
  };
  const upload = (bytes: Buffer) =>
    t.app.inject({
      method: 'POST',
      url: '/api/orgs/import',
      headers: { ...t.as.admin.headers, 'content-type': XLSX },
      payload: bytes,
    });

  it('exports what the list shows, with Chinese headers and labels', async () => {
    const ws = (await download()).worksheets[0];
    if (!ws) throw new Error('no sheet');
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(COLUMNS);
    const names = ws?.getColumn(2).values.slice(2);
    expect(names).toContain('开远市市场监督管理局');
    expect(ws?.getColumn(4).values).toContain('政府工作部门');
  });

  it('imports an edited export: changed rows update, new rows create, all audited', async () => {
    const wb = await download();
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    let edited = 0;
    ws.eachRow((row, n) => {
      if (n > 1 && row.getCell(2).value === '开远市统计局') {
        row.getCell(3).value = '统计局(改)';
        edited++;
      }
    });
    expect(edited).toBe(1);
    ws.addRow([null, '开远市数据局', '数据局', '政府工作部门', '开远市人民政府', '532502', null, 40, '是']);
    const before = await t.h.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const r = await upload(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r.statusCode, r.body).toBe(200);
    const list = await t.app.inject({ url: '/api/orgs?q=%E7%BB%9F%E8%AE%A1', headers: t.as.admin.headers });
    expect(list.json().items[0].shortName).toBe('统计局(改)');
    const created = await t.app.inject({
      url: `/api/orgs?parentId=${t.orgs.rootId}&q=${encodeURIComponent('数据局')}`,
      headers: t.as.admin.headers,
    });
    expect(created.json().items[0]).toMatchObject({ name: '开远市数据局', kind: 'department', depth: 1 });
    const after = await t.h.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n) + 1);
  });

  it('refuses a file with bad rows, naming row and column, and writes nothing', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('机构台账');
    // a file made by hand may leave out the optional last column
    ws.addRow(COLUMNS.slice(0, -1));
    ws.addRow([null, '开远市新甲局', null, '政府工作部门', '开远市人民政府', '532502', null, 1, '是']);
    ws.addRow([null, '开远市新乙局', null, '部门', '不存在的上级', '5325', null, 1, '是']);
    const r = await upload(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r.statusCode).toBe(400);
    const p = r.json();
    expect(p.code).toBe('import.invalidRows');
    expect(p.detail).toContain('未写入任何数据');
    const cols = p.errors
      .filter((e: { row: number }) => e.row === 3)
      .map((e: { column: string }) => e.column);
    expect(cols, JSON.stringify(p)).toEqual(expect.arrayContaining(['类型', '行政区划代码']));
    const none = await t.app.inject({
      url: `/api/orgs?q=${encodeURIComponent('新甲')}`,
      headers: t.as.admin.headers,
    });
    expect(none.json().total).toBe(0);
  });
});
