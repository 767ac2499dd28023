import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ERROR_COLUMN_HEADER } from './columns.js';
import { exportErrorReport, exportLedgerCsv, exportLedgerXlsx } from './export.js';
import { importLedger, validateLedger } from './import.js';
import { buildCaseRow, type CaseRow, caseColumns, sink } from './test-fixtures.js';

async function load(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no sheet');
  return ws;
}

describe('ledger .xlsx export', () => {
  it('writes a sheet staff can work with: bold frozen filtered header, widths, real dates, labels, drop-downs', async () => {
    const row: CaseRow = { ...buildCaseRow(1), category: 'inspection', decidedOn: '2024-03-05', major: true };
    const { out, bytes } = sink();
    await exportLedgerXlsx([row], caseColumns, out, { sheetName: '执法案件' });
    const ws = await load(bytes());

    expect(ws.name).toBe('执法案件');
    expect(ws.getRow(1).values).toEqual([
      undefined,
      '案件编号',
      '当事人',
      '案件类别',
      '决定日期',
      '罚款金额(元)',
      '涉案人数',
      '是否重大',
      '备注',
    ]);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:H1');
    expect(ws.getColumn(1).width).toBe(22);
    expect(ws.getColumn(2).width).toBe(30);

    const date = ws.getCell('D2');
    expect(date.value).toEqual(new Date(Date.UTC(2024, 2, 5)));
    expect(date.numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('C2').value).toBe('行政检查');
    expect(ws.getCell('G2').value).toBe('是');
    expect(ws.getCell('E2').value).toBe(37.01);
    expect(ws.getCell('E2').numFmt).toBe('0.00');

    // Enum and yes/no columns get drop-down lists, also on rows added below the data.
    expect(ws.getCell('C2').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"行政处罚,行政强制,行政检查"'],
    });
    expect(ws.getCell('G500').dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect(ws.getCell('B2').dataValidation).toBeUndefined();
  });

  it('writes an empty template with the header only', async () => {
    const { out, bytes } = sink();
    await exportLedgerXlsx([], caseColumns, out);
    const ws = await load(bytes());
    expect(ws.rowCount).toBe(1);
    expect((await validateLedger(bytes(), caseColumns)).errors).toEqual([
      { row: 2, column: '', message: '表头下方没有数据行' },
    ]);
  });

  it('writes CSV with a BOM, CRLF, labels, and dates as text', async () => {
    const { out, bytes } = sink();
    await exportLedgerCsv([{ ...buildCaseRow(3), decidedOn: '2024-03-05' }], caseColumns, out);
    expect(bytes().toString('utf8')).toBe(
      '\uFEFF案件编号,当事人,案件类别,决定日期,罚款金额(元),涉案人数,是否重大,备注\r\n' +
        'ZF-2023-000003,某某商贸有限公司3,行政处罚,2024-03-05,111.03,4,否,\r\n',
    );
  });
});

describe('error report', () => {
  it('lists the bad rows with 错误说明; once fixed in Excel the same file imports', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['案件编号', '当事人', '案件类别', '决定日期', '是否重大']);
    ws.addRow(['E-1', '张三', '行政处罚', '2024-03-05', '否']);
    ws.addRow(['E-2', '李四', '行政许可', '2024-13-01', '否']);
    ws.addRow(['E-3', null, '行政检查', null, '是']);
    const first = await validateLedger(Buffer.from(await wb.xlsx.writeBuffer()), caseColumns);
    expect(first.ok).toBe(false);

    const { out, bytes } = sink();
    const written = await exportErrorReport(first, caseColumns, out);
    expect(written.rows).toBe(2);
    const sheet = await load(bytes());
    expect(sheet.getCell('I1').value).toBe(ERROR_COLUMN_HEADER);
    expect(sheet.getCell('A2').value).toBe('E-2');
    expect(sheet.getCell('D2').value).toBe('2024-13-01');
    expect(sheet.getCell('I2').value).toBe(
      '原第 3 行 — 案件类别:“行政许可”不是可选值,应为:行政处罚、行政强制、行政检查;决定日期:“2024-13-01”不是有效的日期',
    );
    expect(sheet.getCell('I3').value).toBe('原第 4 行 — 当事人:“当事人”为必填项');

    // Staff fix the cells in Excel and import the error report as it is.
    sheet.getCell('C2').value = '行政强制';
    sheet.getCell('D2').value = new Date(Date.UTC(2024, 0, 31));
    sheet.getCell('B3').value = '王五';
    const fixed = Buffer.from(await sheet.workbook.xlsx.writeBuffer());
    const rows: CaseRow[] = [];
    const report = await importLedger(fixed, caseColumns, { onBatch: (b) => void rows.push(...b) });
    expect(report.ok).toBe(true);
    expect(report.unknownColumns).toEqual([]);
    expect(rows.map((r) => [r.caseNo, r.party, r.category, r.decidedOn])).toEqual([
      ['E-2', '李四', 'coercion', '2024-01-31'],
      ['E-3', '王五', 'inspection', null],
    ]);
  });

  it('puts file-level problems on their own line and notes errors beyond the cap', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['案件编号', '当事人', '是否重大']);
    for (let i = 0; i < 5; i++) ws.addRow([`F-${i}`, '张三', '也许']);
    const report = await validateLedger(Buffer.from(await wb.xlsx.writeBuffer()), caseColumns, {
      maxErrors: 3,
    });
    expect(report.errorCount).toBe(6);

    const { out, bytes } = sink();
    await exportErrorReport(report, caseColumns, out);
    const sheet = await load(bytes());
    const notes = sheet.getColumn(9).values.slice(2);
    expect(notes).toEqual([
      '第 1 行“案件类别”:缺少必填列“案件类别”',
      '原第 2 行 — 是否重大:应填“是”或“否”',
      '原第 3 行 — 是否重大:应填“是”或“否”',
      '原第 4 行 — 是否重大:应填“是”或“否”',
      '另有 2 处错误未列出:请先改正以上各行后重新导入',
    ]);
  });
});
