import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { DataValidation, Worksheet } from 'exceljs';
import { csvField, UTF8_BOM } from './csv.js';
import { formatCell, formatText, numFmtFor } from './cells.js';
import {
  type AnyColumn,
  type CellInput,
  ERROR_COLUMN_HEADER,
  type LedgerColumns,
  looseColumns,
} from './columns.js';
import type { ImportReport } from './import.js';

export interface XlsxExportOptions {
  /** Worksheet name (Excel allows 31 characters). Default '台账'. */
  sheetName?: string;
  /** Rows between progress calls. Default 1,000. */
  progressEvery?: number;
  onProgress?: (rowsWritten: number) => void;
}

/** Excel refuses a list validation formula longer than 255 characters. */
const MAX_LIST_FORMULA = 255;

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** exceljs has `dataValidations` on every worksheet (the streaming writer too) but its typings omit it. */
type WithValidations = Worksheet & { dataValidations: { add(range: string, rule: DataValidation): void } };

/** Header, widths, frozen first row, filter and drop-down lists shared by ledgers and error reports. */
function prepareSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  cols: readonly AnyColumn[],
  extra: { header: string; width: number }[] = [],
): Worksheet {
  const headers = [...cols.map((c) => ({ header: c.header, width: c.width })), ...extra];
  const sheet = workbook.addWorksheet(name.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
  });
  sheet.columns = headers.map((h, i) => {
    const c = cols[i];
    const fmt = c ? numFmtFor(c) : undefined;
    return {
      header: h.header,
      width: h.width ?? Math.max(10, [...h.header].length * 2 + 2),
      ...(fmt ? { style: { numFmt: fmt } } : {}),
    };
  });
  const last = columnLetter(headers.length);
  sheet.autoFilter = `A1:${last}1`;
  const head = sheet.getRow(1);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle' };
  head.commit();
  return sheet;
}

/**
 * Drop-down lists keep edited enum and yes/no cells importable. Added when the rows are known
 * (the writer puts validations after the data): they cover the rows written plus room to add
 * more, as a whole-column range makes exceljs-based readers expand a million cells.
 */
function addDropDowns(sheet: Worksheet, cols: readonly AnyColumn[], dataRows: number): void {
  const lastRow = dataRows + 1 + EXTRA_VALIDATED_ROWS;
  cols.forEach((c, i) => {
    const labels =
      c.kind === 'bool'
        ? ['是', '否']
        : c.kind === 'enum' && !c.format
          ? (c.enum ?? []).map((o) => o.label)
          : [];
    const formula = `"${labels.join(',')}"`;
    if (labels.length === 0 || formula.length > MAX_LIST_FORMULA || labels.some((l) => /[,"]/.test(l)))
      return;
    const col = columnLetter(i + 1);
    (sheet as WithValidations).dataValidations.add(`${col}2:${col}${lastRow}`, {
      type: 'list',
      allowBlank: !c.required,
      formulae: [formula],
      showErrorMessage: true,
      errorTitle: c.header,
      error: `请从下拉列表中选择:${labels.join('、')}`,
    });
  });
}

/** Rows below the data that still get drop-down lists, for staff adding records by hand. */
const EXTRA_VALIDATED_ROWS = 2000;

function newWorkbook(out: Writable): ExcelJS.stream.xlsx.WorkbookWriter {
  // Inline strings, not a shared-string table: the table would hold every distinct text in
  // memory until the end, which is the export OOM of RULES §5.
  return new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
}

/**
 * Streams rows to .xlsx: bold frozen header with a filter, the spec's widths, dates as real
 * Excel dates (yyyy-mm-dd), enums and yes/no as their Chinese labels with drop-down lists.
 * Each row is committed as it is written, so memory stays flat for any row count.
 * The output stream is ended.
 */
export async function exportLedgerXlsx<Row>(
  rows: AsyncIterable<Row> | Iterable<Row>,
  columns: LedgerColumns<Row>,
  out: Writable,
  options: XlsxExportOptions = {},
): Promise<{ rows: number }> {
  const cols = looseColumns(columns);
  const workbook = newWorkbook(out);
  const sheet = prepareSheet(workbook, options.sheetName ?? '台账', cols);
  const every = options.progressEvery ?? 1000;
  let n = 0;
  for await (const row of rows) {
    // A row is a plain record; its values are read by the keys of its own column specs.
    const record = row as Record<string, unknown>;
    sheet.addRow(cols.map((c) => formatCell(c, record[c.key], record))).commit();
    n++;
    if (n % every === 0) {
      options.onProgress?.(n);
      await drained(out);
    }
  }
  addDropDowns(sheet, cols, n);
  sheet.commit();
  await workbook.commit();
  options.onProgress?.(n);
  return { rows: n };
}

/** Lets a slow reader (an HTTP client) catch up instead of buffering the file in memory. */
async function drained(out: Writable): Promise<void> {
  if (out.writableNeedDrain) await once(out, 'drain');
}

/**
 * Streams rows to CSV in UTF-8 with a BOM, so Excel opens it as UTF-8 instead of the system
 * code page; CRLF line ends, dates 'YYYY-MM-DD', enums and yes/no as labels. The output
 * stream is ended.
 */
export async function exportLedgerCsv<Row>(
  rows: AsyncIterable<Row> | Iterable<Row>,
  columns: LedgerColumns<Row>,
  out: Writable,
): Promise<{ rows: number }> {
  const cols = looseColumns(columns);
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await write(`${UTF8_BOM + cols.map((c) => csvField(c.header)).join(',')}\r\n`);
  let n = 0;
  for await (const row of rows) {
    const record = row as Record<string, unknown>;
    await write(`${cols.map((c) => csvField(formatText(c, record[c.key], record))).join(',')}\r\n`);
    n++;
  }
  out.end();
  await once(out, 'finish');
  return { rows: n };
}

/**
 * The bad rows of a failed import as .xlsx, with the cells as they were read and an extra
 * '错误说明' column: staff fix the rows in Excel and import the file again (the importer
 * ignores that column). The output stream is ended.
 */
export async function exportErrorReport<Row>(
  report: Pick<ImportReport, 'badRows' | 'errors' | 'errorCount'>,
  columns: LedgerColumns<Row>,
  out: Writable,
  options: { sheetName?: string } = {},
): Promise<{ rows: number }> {
  const cols = looseColumns(columns);
  const workbook = newWorkbook(out);
  const sheet = prepareSheet(workbook, options.sheetName ?? '错误数据', cols, [
    { header: ERROR_COLUMN_HEADER, width: 60 },
  ]);
  const errorCol = sheet.getColumn(cols.length + 1);
  errorCol.font = { color: { argb: 'FFC00000' } };
  // File-level problems (missing columns, no header) have no row of their own.
  const general = report.errors.filter((e) => !report.badRows.some((b) => b.row === e.row));
  for (const e of general) {
    const values: CellInput[] = cols.map(() => null);
    sheet.addRow([...values, `第 ${e.row} 行${e.column ? `“${e.column}”` : ''}:${e.message}`]).commit();
  }
  for (const bad of report.badRows) {
    const values = cols.map((c) => bad.cells[c.header] ?? null);
    const text = bad.errors.map((e) => (e.column ? `${e.column}:${e.message}` : e.message)).join(';');
    sheet.addRow([...values, `原第 ${bad.row} 行 — ${text}`]).commit();
  }
  const listed = general.length + report.badRows.reduce((n, b) => n + b.errors.length, 0);
  if (report.errorCount > listed) {
    const note = `另有 ${report.errorCount - listed} 处错误未列出:请先改正以上各行后重新导入`;
    sheet.addRow([...cols.map(() => null), note]).commit();
  }
  addDropDowns(sheet, cols, report.badRows.length + general.length);
  sheet.commit();
  await workbook.commit();
  return { rows: report.badRows.length };
}
