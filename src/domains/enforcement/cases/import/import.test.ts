import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoIdNumber } from '../../../../platform/ids/index.js';
import { loginAs } from '../../../../test/app.js';
import { testEngines } from '../../../../test/db.js';
import { BODY, caseRow, HEADERS, importSetup, OTHER_BODY, workbook, XLSX } from './test-fixtures.js';

async function sheetRows(bytes: Buffer): Promise<Record<string, unknown>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no sheet');
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as unknown[]).slice(1);
    out.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? null])));
  });
  return out;
}

describe.each(testEngines())('historical case import on $name', (engine) => {
  const t = importSetup(engine, [BODY, OTHER_BODY]);
  const body = BODY;
  const otherBody = OTHER_BODY;
  let certs: string[];
  let otherCerts: string[];

  const row = (over: Partial<Record<string, string | number | null>>) =>
    caseRow(body, certs, { 决定书文号: '开市监罚〔2024〕12号', ...over });
  const upload = (bytes: Buffer, url = '/api/enforcement/cases/import', s = t.admin) =>
    t.app.inject({ method: 'POST', url, headers: { ...s.headers, 'content-type': XLSX }, payload: bytes });
  const list = async (q: string) =>
    (
      await t.app.inject({
        url: `/api/enforcement/cases?pageSize=50&q=${encodeURIComponent(q)}`,
        headers: t.admin.headers,
      })
    ).json() as { total: number; items: { id: string; caseNo: string; status: string }[] };

  beforeAll(() => {
    // two bodies, each with two officers whose certificates cover 2024
    certs = t.certs.get(body) ?? [];
    otherCerts = t.certs.get(otherBody) ?? [];
    expect(certs.length).toBeGreaterThanOrEqual(2);
    expect(otherCerts.length).toBeGreaterThanOrEqual(2);
  });

  it('offers the template with the column spec as headers', async () => {
    const r = await t.app.inject({
      url: '/api/enforcement/cases/import/template.xlsx',
      headers: t.admin.headers,
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    expect(((wb.worksheets[0]?.getRow(1).values ?? []) as unknown[]).slice(1)).toEqual(HEADERS);
  });

  it('imports closed cases of every kind with their action logs, audited once with the file hash', async () => {
    const file = await workbook([
      row({ 案件编号: 'HIST-2024-001' }),
      row({
        案件编号: 'HIST-2024-002',
        程序: '简易程序(当场处罚)',
        当事人类型: '自然人',
        当事人名称: '李某',
        '统一社会信用代码/身份证号': demoIdNumber(7, '532502'),
        立案日期: '2024-04-02',
        决定日期: '2024-04-02',
        送达日期: '2024-04-02',
        结案日期: '2024-04-03',
        处罚种类: '罚款',
        '罚款金额(元)': 100,
        是否经法制审核: '否',
      }),
      row({
        案件编号: 'HIST-2024-003',
        决定日期: null,
        送达日期: null,
        处罚种类: null,
        '罚款金额(元)': null,
        是否经法制审核: '否',
        结案日期: '2024-04-01',
      }),
      row({
        案件编号: 'HIST-2024-004',
        执法类别: '行政许可',
        违法事实或事项: '食品经营许可',
        送达日期: null,
        处罚种类: null,
        '罚款金额(元)': null,
        是否经法制审核: '否',
      }),
      row({
        案件编号: 'HIST-2024-005',
        执法类别: '行政强制',
        执法主体: otherBody,
        办案机构: otherBody,
        承办人执法证号1: otherCerts[0] ?? '',
        承办人执法证号2: otherCerts[1] ?? '',
        送达日期: null,
        处罚种类: null,
        '罚款金额(元)': null,
        是否重大: '是',
        是否经法制审核: '是',
      }),
    ]);
    const r = await upload(file);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ imported: 5 });

    const found = await list('HIST-2024');
    expect(found.total).toBe(5);
    expect(new Set(found.items.map((i) => i.status))).toEqual(new Set(['closed']));
    const first = found.items.find((i) => i.caseNo === 'HIST-2024-001');
    const detail = (
      await t.app.inject({ url: `/api/enforcement/cases/${first?.id}`, headers: t.admin.headers })
    ).json() as { actions: { action: string; date: string }[]; reviewed: boolean; amount: string | number };
    expect(detail.actions.map((a) => a.action)).toEqual([
      'open',
      'notify',
      'submitReview',
      'passReview',
      'decide',
      'serve',
      'execute',
      'close',
    ]);
    expect(detail.actions.find((a) => a.action === 'serve')?.date).toBe('2024-05-13');
    expect(detail.reviewed).toBe(true);

    const cases = await t.h.db
      .selectFrom('enforcement_case')
      .select([
        'case_no',
        'category',
        'procedure',
        'decided_on',
        'closed_on',
        'amount',
        'is_major',
        'next_due_on',
      ])
      .where('case_no', 'like', 'HIST-2024-%')
      .orderBy('case_no')
      .execute();
    expect(cases.map((c) => [c.case_no, c.category, c.procedure, c.decided_on, c.closed_on])).toEqual([
      ['HIST-2024-001', 'penalty', 'ordinary', '2024-05-10', '2024-06-20'],
      ['HIST-2024-002', 'penalty', 'summary', '2024-04-02', '2024-04-03'],
      ['HIST-2024-003', 'penalty', 'ordinary', null, '2024-04-01'],
      ['HIST-2024-004', 'license', 'license', '2024-05-10', '2024-06-20'],
      ['HIST-2024-005', 'coercion', 'coercion', '2024-05-10', '2024-06-20'],
    ]);
    expect(Number(cases[0]?.amount)).toBe(5000);
    expect(cases.map((c) => c.is_major)).toEqual([false, false, false, false, true]);
    expect(cases.every((c) => c.next_due_on === null)).toBe(true);

    const audit = await t.h.db
      .selectFrom('audit_log')
      .select(['change'])
      .where('action', '=', 'enforcement.case.import')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.change).toMatchObject({
      rows: 5,
      sha256: createHash('sha256').update(file).digest('hex'),
    });
  });

  it('exports the cases in the same columns; importing the export again is refused as duplicates', async () => {
    const r = await t.app.inject({ url: '/api/enforcement/cases/export.xlsx', headers: t.admin.headers });
    expect(r.statusCode).toBe(200);
    const rows = (await sheetRows(r.rawPayload)).filter((x) => String(x.案件编号).startsWith('HIST-2024'));
    expect(rows).toHaveLength(5);
    const one = rows.find((x) => x.案件编号 === 'HIST-2024-001');
    expect(one).toMatchObject({
      执法类别: '行政处罚',
      执法主体: body,
      程序: '普通程序',
      处罚种类: '警告、罚款',
      '罚款金额(元)': 5000,
      承办人执法证号1: certs[0],
      承办人执法证号2: certs[1],
      是否经法制审核: '是',
      决定书文号: '开市监罚〔2024〕12号',
    });
    expect((one?.送达日期 as Date | undefined)?.toISOString().slice(0, 10)).toBe('2024-05-13');
    expect(rows.find((x) => x.案件编号 === 'HIST-2024-004')?.执法类别).toBe('行政许可');

    const again = await upload(r.rawPayload);
    expect(again.statusCode).toBe(400);
    const dupes = (again.json().errors as { column: string; message: string }[]).filter(
      (e) => e.column === '案件编号' && e.message.includes('已存在'),
    );
    expect(dupes.length).toBeGreaterThanOrEqual(5);
    // the error report lists each taken number's row with its cells, to fix in Excel
    const report = await upload(r.rawPayload, '/api/enforcement/cases/import/errors.xlsx');
    expect(report.statusCode).toBe(200);
    const bad = (await sheetRows(report.rawPayload)).filter((x) =>
      String(x.案件编号).startsWith('HIST-2024'),
    );
    expect(bad).toHaveLength(5);
    expect(bad.find((x) => x.案件编号 === 'HIST-2024-001')).toMatchObject({
      执法主体: body,
      决定书文号: '开市监罚〔2024〕12号',
      错误说明: expect.stringMatching(/^原第 \d+ 行 — 案件编号:案件编号“HIST-2024-001”在本行政区域已存在/),
    });
  });

  it('refuses a file with bad rows, naming each row, column and problem, and writes nothing', async () => {
    const before = (await list('BAD-')).total;
    const file = await workbook([
      row({ 案件编号: 'BAD-001' }),
      row({ 案件编号: 'BAD-002', 决定日期: '2024-02-01' }),
      row({ 案件编号: 'BAD-003', '统一社会信用代码/身份证号': '91532502MA6K000000' }),
      row({ 案件编号: 'BAD-004', 承办人执法证号2: 'NO-SUCH-CERT' }),
      row({ 案件编号: 'BAD-001' }),
      row({ 案件编号: 'BAD-006', 执法类别: '行政处分' }),
      row({ 案件编号: 'BAD-007', 执法主体: '不存在的执法主体' }),
      row({ 案件编号: 'BAD-008', 处罚种类: '警告', '罚款金额(元)': 300 }),
      row({ 案件编号: 'BAD-009', 承办人执法证号2: certs[0] ?? '' }),
      row({ 案件编号: 'BAD-010', 承办人执法证号2: otherCerts[0] ?? '' }),
    ]);
    const r = await upload(file);
    expect(r.statusCode).toBe(400);
    const p = r.json() as { code: string; errors: { row: number; column: string; message: string }[] };
    expect(p.code).toBe('import.invalidRows');
    const at = (n: number) => p.errors.filter((e) => e.row === n).map((e) => [e.column, e.message]);
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual([['决定日期', expect.stringContaining('早于立案日期')]]);
    expect(at(4)).toEqual([['统一社会信用代码/身份证号', expect.stringContaining('统一社会信用代码')]]);
    expect(at(5)).toEqual([['承办人执法证号2', expect.stringContaining('NO-SUCH-CERT')]]);
    expect(at(6)).toEqual([['案件编号', expect.stringContaining('与第 2 行重复')]]);
    expect(at(7)).toEqual([['执法类别', expect.any(String)]]);
    expect(at(8)).toEqual([['执法主体', expect.stringContaining('不存在')]]);
    expect(at(9)).toEqual([['罚款金额(元)', expect.stringContaining('罚款')]]);
    expect(at(10)).toEqual([['承办人执法证号2', expect.stringContaining('不得少于两人')]]);
    expect(at(11)).toEqual([['承办人执法证号2', expect.stringContaining(body)]]);
    expect((await list('BAD-')).total).toBe(before);

    const report = await upload(file, '/api/enforcement/cases/import/errors.xlsx');
    expect(report.statusCode).toBe(200);
    const bad = await sheetRows(report.rawPayload);
    // the 错误说明 of each row goes into the comparison so that a failure shows what the check said
    expect(bad.map((b) => [b.案件编号, String(b.错误说明).slice(0, 12)])).toEqual(
      ['BAD-002', 'BAD-003', 'BAD-004', 'BAD-001', 'BAD-006', 'BAD-007', 'BAD-008', 'BAD-009', 'BAD-010'].map(
        (no, i) => [no, expect.stringMatching(new RegExp(`^原第 ${[3, 4, 5, 6, 7, 8, 9, 10, 11][i]} 行`))],
      ),
    );
  });

  it("accepts the web app's multipart upload (field file)", async () => {
    const form = new FormData();
    form.append(
      'file',
      new Blob([new Uint8Array(await workbook([row({ 案件编号: 'MP-001' })]))]),
      '历史案件.xlsx',
    );
    const req = new Request('http://x/', { method: 'POST', body: form });
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/enforcement/cases/import',
      headers: { ...t.admin.headers, 'content-type': req.headers.get('content-type') ?? '' },
      payload: Buffer.from(await req.arrayBuffer()),
    });
    expect(r.statusCode, r.body).toBe(200);
    expect((await list('MP-001')).total).toBe(1);
  });

  it('imports a CSV file (UTF-8) with the same columns', async () => {
    const csv = `\uFEFF${HEADERS.join(',')}\r\n${row({ 案件编号: 'CSV-001' })
      .map((v) => (v === null ? '' : String(v)))
      .join(',')}\r\n`;
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/enforcement/cases/import',
      headers: { ...t.admin.headers, 'content-type': 'text/csv' },
      payload: Buffer.from(csv, 'utf8'),
    });
    expect(r.statusCode, r.body).toBe(200);
    expect((await list('CSV-001')).items[0]?.status).toBe('closed');
  });

  it("keeps a department's import inside its own bodies", async () => {
    const scjg = await loginAs(t.app, 'scjg');
    const r = await upload(
      await workbook([
        row({
          案件编号: 'SCOPE-001',
          执法主体: otherBody,
          办案机构: otherBody,
          承办人执法证号1: otherCerts[0] ?? '',
          承办人执法证号2: otherCerts[1] ?? '',
        }),
      ]),
      '/api/enforcement/cases/import',
      scjg,
    );
    expect(r.statusCode).toBe(400);
    expect(r.json().errors).toEqual([
      expect.objectContaining({ row: 2, column: '执法主体', message: expect.stringContaining('权限范围') }),
    ]);
  });

  it('answers 401 without a session and 400 without a file', async () => {
    const anon = await t.app.inject({
      method: 'POST',
      url: '/api/enforcement/cases/import',
      headers: { 'content-type': XLSX },
      payload: Buffer.from('x'),
    });
    expect(anon.statusCode).toBe(401);
    const empty = await t.app.inject({
      method: 'POST',
      url: '/api/enforcement/cases/import',
      headers: { ...t.admin.headers, 'content-type': XLSX },
      payload: Buffer.alloc(0),
    });
    expect(empty.statusCode).toBe(400);
  });
});
