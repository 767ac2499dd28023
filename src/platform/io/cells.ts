import type { AnyColumn, CellInput, ParseResult } from './columns.js';

/**
 * Cell ⇄ value conversion for each column kind. Pure functions: the readers, the writers and
 * the tests share them, so export and import cannot disagree on a format.
 */

const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });
const fail = (error: string): ParseResult<never> => ({ ok: false, error });

/** Empty after trimming: a blank cell. */
export function isBlank(cell: CellInput): cell is null | '' {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A real calendar date 'YYYY-MM-DD', or undefined. */
export function makeLocalDate(y: number, m: number, d: number): string | undefined {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return undefined;
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return undefined;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/**
 * Excel stores a date as days since 1899-12-30 (the 1900 leap-year bug makes that epoch exact
 * for every serial from 61, i.e. 1900-03-01, on); exceljs hands dates back as UTC midnights.
 * Reading the UTC parts keeps the legal date independent of the server's time zone.
 */
function dateFromUtc(d: Date): string | undefined {
  if (Number.isNaN(d.getTime())) return undefined;
  return makeLocalDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function dateFromExcelSerial(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 61 || serial >= 2_958_466) return undefined;
  return dateFromUtc(new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS));
}

/** The Date exceljs writes as the Excel serial of this legal date. */
export function excelDate(localDate: string): Date {
  const [y, m, d] = localDate.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1));
}

const DATE_PATTERNS = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日$/,
];

const DATE_HINT = '日期格式应为 YYYY-MM-DD、YYYY/M/D 或 YYYY年M月D日,例如 2024-03-05';

export function parseDate(cell: Exclude<CellInput, null>): ParseResult<string> {
  if (cell instanceof Date) {
    const d = dateFromUtc(cell);
    return d ? ok(d) : fail('不是有效的日期');
  }
  // A date cell whose style was not read arrives as its serial number.
  if (typeof cell === 'number') {
    const d = dateFromExcelSerial(cell);
    return d ? ok(d) : fail(DATE_HINT);
  }
  if (typeof cell === 'boolean') return fail(DATE_HINT);
  const s = cell.trim();
  for (const re of DATE_PATTERNS) {
    const m = re.exec(s);
    if (m) {
      const d = makeLocalDate(Number(m[1]), Number(m[2]), Number(m[3]));
      return d ? ok(d) : fail(`“${s}”不是有效的日期`);
    }
  }
  return fail(DATE_HINT);
}

/** Excel keeps 15 significant digits: a longer number typed into a cell is already damaged. */
const SCIENTIFIC = /^[+-]?\d(?:\.\d+)?E\+\d+$/i;
const DAMAGED_NUMBER = '数字超过 15 位已被 Excel 截断或转为科学计数法,请将该列设为“文本”格式后重新填写';

function parseText(cell: Exclude<CellInput, null>): ParseResult<string> {
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && Math.abs(cell) >= 1e15) return fail(DAMAGED_NUMBER);
    return ok(String(cell));
  }
  if (typeof cell === 'boolean') return ok(cell ? '是' : '否');
  if (cell instanceof Date) {
    const d = dateFromUtc(cell);
    return d ? ok(d) : fail('不是有效的文本');
  }
  const s = cell.replace(/\r\n?/g, '\n').trim();
  if (SCIENTIFIC.test(s)) return fail(DAMAGED_NUMBER);
  return ok(s);
}

function numberText(cell: Exclude<CellInput, null>): string | undefined {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return undefined;
    // toPrecision(15) drops binary noise such as 0.30000000000000004.
    const clean = Number(cell.toPrecision(15));
    const s = String(clean);
    return /e/i.test(s) ? clean.toFixed(20).replace(/\.?0+$/, '') : s;
  }
  if (typeof cell !== 'string') return undefined;
  // Thousands separators and full-width digits come from hand-typed sheets.
  return cell
    .trim()
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, '');
}

function parseInt_(cell: Exclude<CellInput, null>): ParseResult<number> {
  const s = numberText(cell);
  if (s === undefined || !/^[+-]?\d+(?:\.0+)?$/.test(s)) return fail('应为整数');
  const n = Number(s);
  if (!Number.isSafeInteger(n)) return fail('整数超出范围');
  return ok(n === 0 ? 0 : n);
}

/** Canonical decimal text: no '+', no leading zeros, exactly `scale` decimals (or none trailing). */
export function parseDecimal(cell: Exclude<CellInput, null>, scale?: number): ParseResult<string> {
  const s = numberText(cell);
  const m = s === undefined ? null : /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[2] === '' && !m[3])) return fail('应为数字');
  const sign = m[1] === '-' ? '-' : '';
  const intPart = (m[2] ?? '').replace(/^0+(?=\d)/, '') || '0';
  let frac = (m[3] ?? '').replace(/0+$/, '');
  if (scale !== undefined) {
    if (frac.length > scale) return fail(scale === 0 ? '应为整数' : `小数位数不能超过 ${scale} 位`);
    frac = frac.padEnd(scale, '0');
  }
  const text = frac ? `${intPart}.${frac}` : intPart;
  return ok(/^0(?:\.0*)?$/.test(text) ? text : sign + text);
}

const TRUE_TEXT = new Set(['是', 'true', '1', 'y', 'yes', '√', '对']);
const FALSE_TEXT = new Set(['否', 'false', '0', 'n', 'no', '×', '错']);

function parseBool(cell: Exclude<CellInput, null>): ParseResult<boolean> {
  if (typeof cell === 'boolean') return ok(cell);
  if (typeof cell === 'number' && (cell === 0 || cell === 1)) return ok(cell === 1);
  if (typeof cell === 'string') {
    const s = cell.trim().toLowerCase();
    if (TRUE_TEXT.has(s)) return ok(true);
    if (FALSE_TEXT.has(s)) return ok(false);
  }
  return fail('应填“是”或“否”');
}

function parseEnum(column: AnyColumn, cell: Exclude<CellInput, null>): ParseResult<string> {
  const s = typeof cell === 'string' ? cell.trim() : String(cell);
  const options = column.enum ?? [];
  const byLabel = options.find((o) => o.label === s);
  if (byLabel) return ok(byLabel.value);
  // The code value is accepted too, for files produced by other systems.
  const byValue = options.find((o) => o.value === s);
  if (byValue) return ok(byValue.value);
  return fail(`“${s}”不是可选值,应为:${options.map((o) => o.label).join('、')}`);
}

/** Parses a non-blank cell by the column's kind (or its own parser), then applies its checks. */
export function parseCell(column: AnyColumn, cell: Exclude<CellInput, null>): ParseResult<unknown> {
  let parsed: ParseResult<unknown>;
  if (column.parse) parsed = column.parse(cell);
  else {
    switch (column.kind) {
      case 'text':
        parsed = parseText(cell);
        break;
      case 'int':
        parsed = parseInt_(cell);
        break;
      case 'decimal':
        parsed = parseDecimal(cell, column.scale);
        break;
      case 'date':
        parsed = parseDate(cell);
        break;
      case 'bool':
        parsed = parseBool(cell);
        break;
      case 'enum':
        parsed = parseEnum(column, cell);
        break;
    }
  }
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  if (column.maxLength !== undefined && typeof value === 'string' && [...value].length > column.maxLength) {
    return fail(`不能超过 ${column.maxLength} 个字(现有 ${[...value].length} 个)`);
  }
  const check = column.validate;
  if (check) {
    if (typeof check === 'function') {
      const error = check(value);
      if (error) return fail(error);
    } else {
      const r = check.safeParse(value);
      if (!r.success) return fail(r.error.issues[0]?.message ?? '取值无效');
    }
  }
  return parsed;
}

const isEmptyValue = (v: unknown): v is null | undefined => v === null || v === undefined;

/** Row value → the cell written to .xlsx (dates as real Excel dates, enums as labels). */
export function formatCell(column: AnyColumn, value: unknown, row: Record<string, unknown>): CellInput {
  if (column.format) return column.format(value, row);
  if (isEmptyValue(value)) return null;
  switch (column.kind) {
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? excelDate(value)
        : String(value);
    case 'bool':
      return value ? '是' : '否';
    case 'enum':
      return column.enum?.find((o) => o.value === value)?.label ?? String(value);
    case 'int':
      return typeof value === 'number' ? value : Number(value);
    case 'decimal': {
      // Beyond 15 significant digits a double would change the value: keep it as text.
      const s = String(value);
      return s.replace(/[-.]/g, '').replace(/^0+/, '').length <= 15 ? Number(s) : s;
    }
    case 'text':
      return String(value);
  }
}

/** Row value → CSV field text (same conventions as the .xlsx cells, dates as 'YYYY-MM-DD'). */
export function formatText(column: AnyColumn, value: unknown, row: Record<string, unknown>): string {
  const cell = column.format ? column.format(value, row) : isEmptyValue(value) ? null : undefined;
  if (cell === null) return '';
  if (cell !== undefined) {
    if (cell instanceof Date) return dateFromUtc(cell) ?? '';
    if (typeof cell === 'boolean') return cell ? '是' : '否';
    return String(cell);
  }
  switch (column.kind) {
    case 'bool':
      return value ? '是' : '否';
    case 'enum':
      return column.enum?.find((o) => o.value === value)?.label ?? String(value);
    default:
      return String(value);
  }
}

/** Excel number format for a column, so dates show as dates and amounts keep their decimals. */
export function numFmtFor(column: AnyColumn): string | undefined {
  if (column.kind === 'date') return 'yyyy-mm-dd';
  if (column.kind === 'decimal' && column.scale !== undefined) {
    return column.scale > 0 ? `0.${'0'.repeat(column.scale)}` : '0';
  }
  if (column.kind === 'text') return '@';
  return undefined;
}
