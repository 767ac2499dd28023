import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportLedgerXlsx } from './export.js';
import { sink } from './test-fixtures.js';
import { type ViewColumn, viewLedger } from './view.js';

interface Item {
  name: string;
  count: number;
  due: string | null;
  late: boolean;
}

const columns: readonly ViewColumn<Item>[] = [
  { header: '名称', kind: 'text', required: true, width: 20, value: (i) => i.name },
  { header: '件数', kind: 'int', required: true, value: (i) => i.count },
  { header: '期限', kind: 'date', width: 12, value: (i) => i.due },
  { header: '状态', kind: 'text', value: (i) => (i.late ? '逾期' : '正常') },
];

describe('an export-only sheet from view columns', () => {
  it('writes each record as the screen shows it, in the columns’ order, with their kinds and widths', async () => {
    const items: Item[] = [
      { name: '甲', count: 3, due: '2025-06-30', late: true },
      { name: '乙', count: 0, due: null, late: false },
    ];
    async function* records() {
      yield* items;
    }
    const { out, bytes } = sink();
    const ledger = viewLedger(columns, records());
    expect(await exportLedgerXlsx(ledger.rows, ledger.columns, out, { sheetName: '台账' })).toEqual({
      rows: 2,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes() as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    expect(ws?.getRow(1).values).toEqual([undefined, '名称', '件数', '期限', '状态']);
    expect(ws?.getColumn(1).width).toBe(20);
    expect(ws?.getColumn(3).width).toBe(12);
    expect(ws?.getCell('A2').value).toBe('甲');
    expect(ws?.getCell('B2').value).toBe(3);
    expect(ws?.getCell('C2').value).toEqual(new Date(Date.UTC(2025, 5, 30)));
    expect(ws?.getCell('C2').numFmt).toBe('yyyy-mm-dd');
    expect(ws?.getCell('D2').value).toBe('逾期');
    expect(ws?.getCell('B3').value).toBe(0);
    expect(ws?.getCell('C3').value).toBeNull();
    expect(ws?.getCell('D3').value).toBe('正常');
  });

  it('refuses two columns with one header, as a ledger does', () => {
    const twice = [columns[0], columns[0]].filter((c) => c !== undefined);
    expect(() => viewLedger(twice, [])).toThrow('列名“名称”重复');
  });
});
