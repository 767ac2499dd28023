import { createHash } from 'node:crypto';
import { isBlank, parseCell } from './cells.js';
import { type AnyColumn, type CellInput, ERROR_COLUMN_HEADER } from './columns.js';
import type { SheetRow } from './xlsx-reader.js';

/** One problem in the file: the Excel row number, the column header, a Chinese message. */
export interface RowError {
  row: number;
  /** The column's header text; '' for a problem with the whole row or file. */
  column: string;
  message: string;
}

/** How many rows above the header are tolerated (a title such as “××县行政执法案件台账”). */
export const HEADER_SCAN_ROWS = 10;

/** Header text as people type it: spaces, a '*' marking required columns, “(必填)”. */
export function normalizeHeader(text: CellInput): string {
  if (text === null) return '';
  return String(text)
    .replace(/[\s\u3000]+/g, '')
    .replace(/[(（]必填[)）]$/, '')
    .replace(/^[*＊]+|[*＊]+$/g, '');
}

export interface HeaderMap {
  row: number;
  /** For each column spec, its 0-based index in the sheet, or -1 if absent. */
  index: number[];
  unknown: string[];
  errors: RowError[];
}

/** Matches a header row to the column specs by text, in any order. */
export function matchHeader(columns: readonly AnyColumn[], row: SheetRow): HeaderMap | undefined {
  const byHeader = new Map(columns.map((c, i) => [normalizeHeader(c.header), i]));
  const seen = row.cells.map(normalizeHeader);
  if (!seen.some((h) => byHeader.has(h))) return undefined;
  const index = columns.map(() => -1);
  const unknown: string[] = [];
  const errors: RowError[] = [];
  seen.forEach((h, col) => {
    if (h === '') return;
    const i = byHeader.get(h);
    if (i === undefined) {
      if (h !== ERROR_COLUMN_HEADER) unknown.push(String(row.cells[col]).trim());
      return;
    }
    const header = columns[i]?.header ?? h;
    if (index[i] !== -1)
      errors.push({ row: row.row, column: header, message: `列“${header}”出现了不止一次` });
    else index[i] = col;
  });
  columns.forEach((c, i) => {
    if (index[i] === -1 && c.required)
      errors.push({ row: row.row, column: c.header, message: `缺少必填列“${c.header}”` });
  });
  return { row: row.row, index, unknown, errors };
}

export interface ParsedRow {
  row: number;
  /** The values by key; complete only when `errors` is empty. */
  values: Record<string, unknown>;
  /** The non-empty cells of the known columns by header, as read (for the error report). */
  cells: Record<string, CellInput>;
  errors: RowError[];
}

export type RowCheck = (
  row: Record<string, unknown>,
  /** the row's number in the sheet, as the report names it */
  rowNumber: number,
) => readonly { column?: string; message: string }[] | undefined;

/** Parses data rows against a matched header; keeps the values of `unique` columns to spot repeats. */
export class RowParser {
  private readonly seen = new Map<string, Map<string, number>>();

  constructor(
    private readonly columns: readonly AnyColumn[],
    private readonly header: HeaderMap,
    private readonly checkRow?: RowCheck,
  ) {
    for (const c of columns) if (c.unique) this.seen.set(c.key, new Map());
  }

  /**
   * undefined for a blank row (skipped, as Excel leaves them below the data). Only the known
   * columns count: a row with nothing but a note in another column (such as an error report's
   * '错误说明') is blank too.
   */
  parse(sheetRow: SheetRow): ParsedRow | undefined {
    if (this.header.index.every((at) => at < 0 || isBlank(sheetRow.cells[at] ?? null))) return undefined;
    const values: Record<string, unknown> = {};
    const cells: Record<string, CellInput> = {};
    const errors: RowError[] = [];
    this.columns.forEach((c, i) => {
      const at = this.header.index[i] ?? -1;
      if (at < 0) {
        values[c.key] = null; // a missing column was reported once, at the header
        return;
      }
      const cell = sheetRow.cells[at] ?? null;
      if (isBlank(cell)) {
        values[c.key] = null;
        if (c.required)
          errors.push({ row: sheetRow.row, column: c.header, message: `“${c.header}”为必填项` });
        return;
      }
      cells[c.header] = cell;
      const parsed = parseCell(c, cell);
      if (!parsed.ok) {
        errors.push({ row: sheetRow.row, column: c.header, message: parsed.error });
        return;
      }
      values[c.key] = parsed.value;
      const seen = this.seen.get(c.key);
      if (seen) {
        const text = String(parsed.value);
        // A digest, not the text: a cell's text is a slice of the decoded chunk it came from,
        // and keeping it would keep the whole chunk, i.e. the whole file, in memory.
        const key = createHash('sha1').update(text).digest('base64');
        const first = seen.get(key);
        if (first !== undefined) {
          errors.push({ row: sheetRow.row, column: c.header, message: `“${text}”与第 ${first} 行重复` });
        } else seen.set(key, sheetRow.row);
      }
    });
    if (errors.length === 0 && this.checkRow) {
      for (const e of this.checkRow(values, sheetRow.row) ?? []) {
        errors.push({ row: sheetRow.row, column: headerOf(this.columns, e.column), message: e.message });
      }
    }
    return { row: sheetRow.row, values, cells, errors };
  }
}

/** The header of a column a check names by key or by header ('' for the whole row). */
export function headerOf(columns: readonly AnyColumn[], column: string | undefined): string {
  if (column === undefined) return '';
  return columns.find((c) => c.key === column || c.header === column)?.header ?? column;
}
