import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportLedgerCsv, exportLedgerXlsx } from './export.js';
import { addRowErrors, importLedger, validateLedger } from './import.js';
import { buildCaseRows, type CaseRow, caseColumns, sink } from './test-fixtures.js';

/** A workbook as a person makes it in Excel (shared strings, typed cells, any column order). */
async function handMade(rows: unknown[][], sheetName = 'Sheet1'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function collect(source: Uint8Array, opts: { batchSize?: number } = {}) {
  const rows: CaseRow[] = [];
  const batches: number[] = [];
  const report = await importLedger(source, caseColumns, {
    ...opts,
    onBatch: (batch) => {
      batches.push(batch.length);
      rows.push(...batch);
    },
  });
  return { report, rows, batches };
}

const HEADER = ['案件编号', '当事人', '案件类别', '决定日期', '罚款金额(元)', '涉案人数', '是否重大', '备注'];

describe('round trip: export → import gives the same rows', () => {
  it('through .xlsx, 2,000 rows, in batches, with progress', async () => {
    const { out, bytes } = sink();
    const exported = await exportLedgerXlsx(buildCaseRows(2000), caseColumns, out);
    expect(exported.rows).toBe(2000);

    const progress: string[] = [];
    const rows: CaseRow[] = [];
    const batches: number[] = [];
    const report = await importLedger(bytes(), caseColumns, {
      batchSize: 500,
      progressEvery: 1000,
      onProgress: (p) => progress.push(`${p.phase}:${p.rowsRead}/${p.rowsWritten}/${p.rowsTotal ?? '?'}`),
      onBatch: (b) => {
        batches.push(b.length);
        rows.push(...b);
      },
    });
    expect(report).toMatchObject({
      ok: true,
      format: 'xlsx',
      headerRow: 1,
      rowsRead: 2000,
      rowsWritten: 2000,
    });
    expect(report.errors).toEqual([]);
    expect(batches).toEqual([500, 500, 500, 500]);
    expect(rows).toEqual([...buildCaseRows(2000)]);
    expect(progress).toEqual([
      'validate:1000/0/?',
      'validate:2000/0/?',
      'validate:2000/0/2000',
      // every batch written, and every 1,000 rows read
      'write:500/500/2000',
      'write:1000/500/2000',
      'write:1000/1000/2000',
      'write:1500/1500/2000',
      'write:2000/1500/2000',
      'write:2000/2000/2000',
    ]);
  });

  it('through CSV with a BOM, 2,000 rows', async () => {
    const { out, bytes } = sink();
    await exportLedgerCsv(buildCaseRows(2000), caseColumns, out);
    const b = bytes();
    expect([...b.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { report, rows } = await collect(b);
    expect(report).toMatchObject({ ok: true, format: 'csv', encoding: 'utf-8', rowsWritten: 2000 });
    expect(rows).toEqual([...buildCaseRows(2000)]);
  });

  it('keeps Chinese text intact where a character straddles two zip chunks', async () => {
    // All-Chinese cells make most 16 KB chunk boundaries fall inside a 3-byte character.
    const rows = [...buildCaseRows(3000)].map((r, i) => ({
      ...r,
      party: `某县${'市场监督管理局执法大队'.repeat(1 + (i % 4))}${i}`,
    }));
    const { out, bytes } = sink();
    await exportLedgerXlsx(rows, caseColumns, out);
    const got = await collect(bytes());
    expect(got.report.errors).toEqual([]);
    expect(got.rows.filter((r, i) => r.party !== rows[i]?.party)).toEqual([]);
  });

  it('keeps Chinese text intact in a shared-string table (how Excel saves) across zip chunks', async () => {
    const parties = Array.from(
      { length: 3000 },
      (_, i) => `当事人${'某某县城关镇个体工商户'.repeat(1 + (i % 3))}${i}`,
    );
    const file = await handMade([
      HEADER,
      ...parties.map((p, i) => [`S-${i}`, p, '行政处罚', null, null, null, '否']),
    ]);
    const got = await collect(file);
    expect(got.report.errors).toEqual([]);
    expect(got.rows.map((r) => r.party)).toEqual(parties);
  });

  it('through Excel-style edits: shared strings, other column order, title row, typed cells', async () => {
    const file = await handMade([
      ['××县行政执法案件台账(2024年)'],
      ['备注', '是否重大', '案件编号', '当事人', '案件类别', '决定日期', '罚款金额(元)', '涉案人数'],
      [null, '否', 'A-1', '张三', '行政处罚', new Date(Date.UTC(2024, 2, 5)), 1200.5, 3],
      ['补充', true, 'A-2', '李四', 'inspection', '2024年3月6日', '1,000', '2'],
      [],
      [null, '是', 20240003, '王五', '行政强制', '2024/3/7', null, null],
    ]);
    const { report, rows } = await collect(file);
    expect(report).toMatchObject({ ok: true, headerRow: 2, rowsRead: 3 });
    expect(rows).toEqual([
      {
        caseNo: 'A-1',
        party: '张三',
        category: 'penalty',
        decidedOn: '2024-03-05',
        amount: '1200.50',
        persons: 3,
        major: false,
        note: null,
      },
      {
        caseNo: 'A-2',
        party: '李四',
        category: 'inspection',
        decidedOn: '2024-03-06',
        amount: '1000.00',
        persons: 2,
        major: true,
        note: '补充',
      },
      {
        caseNo: '20240003',
        party: '王五',
        category: 'coercion',
        decidedOn: '2024-03-07',
        amount: null,
        persons: null,
        major: true,
        note: null,
      },
    ]);
  });
});

describe('bad files', () => {
  it('reports each bad cell with its Excel row, its header and a Chinese message, and writes nothing', async () => {
    const file = await handMade([
      ['××县行政执法案件台账'],
      [...HEADER, '经办人'],
      ['A-1', '张三', '行政处罚', '2024-03-05', 100, 1, '否', null, '小王'],
      ['A-2', null, '行政许可', '2024-02-30', '12.345', 0, '也许', '内部测试', null],
      ['A-1', '李四', '行政检查', '3/5/2024', 'abc', 1.5, '是', null, null],
      ['A-4', '赵六', '行政检查', null, null, null, null, null, null],
    ]);
    let called = false;
    const report = await importLedger(file, caseColumns, {
      onBatch: () => {
        called = true;
      },
    });
    expect(called).toBe(false);
    expect(report.ok).toBe(false);
    expect(report.rowsWritten).toBe(0);
    expect(report.unknownColumns).toEqual(['经办人']);
    expect(report.errors).toEqual([
      { row: 4, column: '当事人', message: '“当事人”为必填项' },
      { row: 4, column: '案件类别', message: '“行政许可”不是可选值,应为:行政处罚、行政强制、行政检查' },
      { row: 4, column: '决定日期', message: '“2024-02-30”不是有效的日期' },
      { row: 4, column: '罚款金额(元)', message: '小数位数不能超过 2 位' },
      { row: 4, column: '涉案人数', message: '涉案人数至少为 1' },
      { row: 4, column: '是否重大', message: '应填“是”或“否”' },
      { row: 4, column: '备注', message: '备注中不能含“测试”' },
      { row: 5, column: '案件编号', message: '“A-1”与第 3 行重复' },
      {
        row: 5,
        column: '决定日期',
        message: '日期格式应为 YYYY-MM-DD、YYYY/M/D 或 YYYY年M月D日,例如 2024-03-05',
      },
      { row: 5, column: '罚款金额(元)', message: '应为数字' },
      { row: 5, column: '涉案人数', message: '应为整数' },
      { row: 6, column: '是否重大', message: '“是否重大”为必填项' },
    ]);
    expect(report.errorCount).toBe(12);
    expect(report.badRows.map((b) => b.row)).toEqual([4, 5, 6]);
    expect(report.badRows[0]?.cells).toMatchObject({ 案件编号: 'A-2', 决定日期: '2024-02-30', 涉案人数: 0 });
  });

  it('says the header is missing when no row in the first ten matches', async () => {
    const file = await handMade([
      ['编号', '名称'],
      ['A-1', '张三'],
    ]);
    const report = await validateLedger(file, caseColumns);
    expect(report.ok).toBe(false);
    expect(report.headerRow).toBeNull();
    expect(report.errors).toEqual([
      {
        row: 1,
        column: '',
        message: '未找到表头:前 10 行中没有与模板一致的列名(应包含“案件编号”、“当事人”、“案件类别”等列)',
      },
    ]);
  });

  it('reports a missing required column once, not on every row', async () => {
    const header = HEADER.filter((h) => h !== '案件类别' && h !== '备注');
    const data = [...buildCaseRows(50)].map((r) => [
      r.caseNo,
      r.party,
      r.decidedOn,
      null,
      null,
      r.major ? '是' : '否',
    ]);
    const report = await validateLedger(await handMade([header, ...data]), caseColumns);
    expect(report.errors).toEqual([{ row: 1, column: '案件类别', message: '缺少必填列“案件类别”' }]);
    expect(report.rowsRead).toBe(50);
  });

  it('reports an empty ledger and a duplicated header column', async () => {
    expect((await validateLedger(await handMade([HEADER]), caseColumns)).errors).toEqual([
      { row: 2, column: '', message: '表头下方没有数据行' },
    ]);
    const dup = await validateLedger(
      await handMade([
        [...HEADER, '当事人'],
        ['A', 'B', '行政处罚'],
      ]),
      caseColumns,
    );
    expect(dup.errors[0]).toEqual({ row: 1, column: '当事人', message: '列“当事人”出现了不止一次' });
  });

  it('counts every error but keeps the first 1,000', async () => {
    const data = Array.from({ length: 1500 }, (_, i) => [
      `A-${i}`,
      '张三',
      '行政审批',
      null,
      null,
      null,
      '否',
    ]);
    const report = await validateLedger(await handMade([HEADER, ...data]), caseColumns);
    expect(report.errorCount).toBe(1500);
    expect(report.errors).toHaveLength(1000);
    expect(report.errorsTruncated).toBe(true);
    expect(report.errors[999]?.row).toBe(1001);
  });

  it('reads CSV typed by hand with a BOM, slashes and Chinese dates, and blank lines', async () => {
    const csv = `\uFEFF案件编号,当事人,案件类别,决定日期,是否重大\r\nB-1,张三,行政处罚,2024/3/5,否\r\n\r\nB-2,"李四,王五",行政检查,2024年12月1日,是\r\n`;
    const { report, rows } = await collect(Buffer.from(csv, 'utf8'));
    expect(report).toMatchObject({ ok: true, format: 'csv', encoding: 'utf-8', rowsRead: 2 });
    expect(rows.map((r) => [r.caseNo, r.party, r.decidedOn, r.major])).toEqual([
      ['B-1', '张三', '2024-03-05', false],
      ['B-2', '李四,王五', '2024-12-01', true],
    ]);
  });

  it('refuses a legacy .xls file with advice to save as .xlsx', async () => {
    const xls = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await expect(validateLedger(xls, caseColumns)).rejects.toMatchObject({
      code: 'io.xlsNotSupported',
      kind: 'unsupported',
    });
  });

  it('refuses a damaged .xlsx with a Chinese message', async () => {
    const { out, bytes } = sink();
    await exportLedgerXlsx(buildCaseRows(100), caseColumns, out);
    const cut = bytes().subarray(0, 3000);
    await expect(validateLedger(cut, caseColumns)).rejects.toMatchObject({ code: 'io.badFile' });
  });

  it('reads the named worksheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('填表说明').addRow(['请按模板填写']);
    const ws = wb.addWorksheet('台账');
    ws.addRow(HEADER);
    ws.addRow(['C-1', '张三', '行政处罚', null, null, null, '否']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const { report, rows } = await (async () => {
      const got: CaseRow[] = [];
      const r = await importLedger(file, caseColumns, { sheet: '台账', onBatch: (b) => void got.push(...b) });
      return { report: r, rows: got };
    })();
    expect(report.ok).toBe(true);
    expect(rows.map((r) => r.caseNo)).toEqual(['C-1']);
    await expect(validateLedger(file, caseColumns, { sheet: '不存在' })).rejects.toMatchObject({
      code: 'io.sheetNotFound',
    });
  });
});

describe('addRowErrors: problems found after the check pass', () => {
  it('refuses the report, lists the problems in line order and reads the named rows back with their cells', async () => {
    const file = await handMade([
      ['县司法局 2024 年执法案件'],
      HEADER,
      ['L-1', '张三', '行政处罚', null, null, null, '否'],
      ['L-2', null, '行政处罚', null, null, null, '否'],
      ['L-3', '王五', '行政检查', null, null, null, '否'],
    ]);
    const { digest: _digest, ...report } = await validateLedger(file, caseColumns);
    expect(report.errors.map((e) => e.row)).toEqual([4]); // 当事人 is required
    // a column named by key (as checkRow may) is reported by its header
    await addRowErrors(file, caseColumns, report, [
      { row: 5, column: 'caseNo', message: '已在库中' },
      { row: 4, column: '案件编号', message: '已在库中' },
    ]);
    expect(report).toMatchObject({ ok: false, errorCount: 3, errorsTruncated: false });
    expect(report.errors.map((e) => [e.row, e.column])).toEqual([
      [4, '当事人'],
      [4, '案件编号'],
      [5, '案件编号'],
    ]);
    // line 4 already had its cells and gets the new problem; line 5 is read back for its cells
    expect(report.badRows.map((b) => [b.row, b.cells.案件编号, b.errors.map((e) => e.column)])).toEqual([
      [4, 'L-2', ['当事人', '案件编号']],
      [5, 'L-3', ['案件编号']],
    ]);
  });

  it('counts past the cap without listing, and does nothing when there is nothing to add', async () => {
    const file = await handMade([HEADER, ['M-1', '张三', '行政处罚', null, null, null, '否']]);
    const { digest: _digest, ...report } = await validateLedger(file, caseColumns);
    await addRowErrors(file, caseColumns, report, []);
    expect(report).toMatchObject({ ok: true, errorCount: 0, errors: [], badRows: [] });
    await addRowErrors(
      file,
      caseColumns,
      report,
      [
        { row: 2, column: '案件编号', message: '一' },
        { row: 2, column: '当事人', message: '二' },
      ],
      { maxErrors: 1 },
    );
    expect(report).toMatchObject({ ok: false, errorCount: 2, errorsTruncated: true });
    expect(report.errors).toEqual([{ row: 2, column: '案件编号', message: '一' }]);
    expect(report.badRows.map((b) => b.errors.length)).toEqual([1]);
  });
});
