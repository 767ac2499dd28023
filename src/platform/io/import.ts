import { conflict } from '../errors.js';
import { type AnyColumn, type CellInput, type LedgerColumns, looseColumns } from './columns.js';
import type { CsvEncoding } from './csv.js';
import {
  HEADER_SCAN_ROWS,
  type HeaderMap,
  headerOf,
  matchHeader,
  type ParsedRow,
  type RowCheck,
  type RowError,
  RowParser,
} from './rows.js';
import { type ImportFormat, type ImportSource, openRows, sourceSize } from './source.js';
import type { SheetRow } from './xlsx-reader.js';

/** A bad row as it was read, for the error report staff fix and import again. */
export interface BadRow {
  row: number;
  /** Cells of the known columns by header, as read. */
  cells: Record<string, CellInput>;
  errors: RowError[];
}

export interface ImportReport {
  /** True when every row is valid (and, for `importLedger`, all rows were written). */
  ok: boolean;
  format: ImportFormat;
  /** CSV only. */
  encoding?: CsvEncoding;
  /** Excel row number of the header, or null when none was found. */
  headerRow: number | null;
  /** Non-blank data rows read. */
  rowsRead: number;
  rowsWritten: number;
  /** All errors, counted even past the cap. */
  errorCount: number;
  /** The first `maxErrors` errors. */
  errors: RowError[];
  errorsTruncated: boolean;
  /** The first `maxErrors` bad rows with their cells. */
  badRows: BadRow[];
  /** Headers in the file that match no column (their data is not imported). */
  unknownColumns: string[];
}

export interface ImportProgress {
  phase: 'validate' | 'write';
  /** Data rows read in this phase (checked as they are read in 'validate'). */
  rowsRead: number;
  /** Rows handed to `onBatch` and finished (0 while validating). */
  rowsWritten: number;
  /** The file's data rows: known once validation has read them all (null before). */
  rowsTotal: number | null;
  /** Bytes of the source read in this phase, and its size when known (for an estimate). */
  bytesRead: number;
  bytesTotal: number | null;
}

export interface ReadOptions<Row> {
  /** Forces the format; by default it is told from the bytes (.xlsx is a zip, else CSV). */
  format?: ImportFormat;
  /** Worksheet name; the first sheet by default. */
  sheet?: string;
  /** Errors (and bad rows) kept in the report; all are counted. Default 1,000. */
  maxErrors?: number;
  onProgress?: (p: ImportProgress) => void;
  /** Rows between progress calls. Default 1,000. */
  progressEvery?: number;
  /** Cross-column checks on a row whose cells all parsed; `column` is a key or a header. */
  checkRow?: (row: Row, rowNumber: number) => readonly { column?: string; message: string }[] | undefined;
}

type Written<Row, Ctx> =
  | {
      /**
       * Runs the write pass in one transaction, e.g. `db.transaction()` (Kysely's builder: it
       * is only opened once validation has passed). Every batch gets the transaction, and an
       * error thrown from a batch rolls all of them back.
       */
      transaction: { execute(write: (ctx: Ctx) => Promise<void>): Promise<unknown> };
      onBatch: (rows: Row[], ctx: Ctx) => Promise<void> | void;
    }
  | { transaction?: undefined; onBatch: (rows: Row[]) => Promise<void> | void };

export type ImportOptions<Row, Ctx> = ReadOptions<Row> &
  Written<Row, Ctx> & { /** Default 1,000. */ batchSize?: number };

const DEFAULT_MAX_ERRORS = 1000;

/** A report with nothing read yet, for a file of `format`. */
export function emptyReport(format: ImportFormat): ImportReport {
  return {
    ok: false,
    format,
    headerRow: null,
    rowsRead: 0,
    rowsWritten: 0,
    errorCount: 0,
    errors: [],
    errorsTruncated: false,
    badRows: [],
    unknownColumns: [],
  };
}

/**
 * The data rows under the header, parsed: the header is looked for in the first HEADER_SCAN_ROWS
 * rows, its row, unknown columns and problems go to `report` / `addError`, and each non-blank row
 * under it is counted in `report.rowsRead`. The rest of the source is still drained, so it is read
 * to its end (its digest covers it all). At the end a file with no header, or none under it, gets
 * its error.
 */
export async function* rowsUnderHeader(
  rows: AsyncIterable<SheetRow>,
  cols: readonly AnyColumn[],
  report: ImportReport,
  addError: (e: RowError) => void,
  checkRow?: RowCheck,
): AsyncGenerator<ParsedRow> {
  let header: HeaderMap | undefined;
  let parser: RowParser | undefined;
  let scanned = 0;
  for await (const sheetRow of rows) {
    if (!parser) {
      if (header || scanned >= HEADER_SCAN_ROWS) continue;
      scanned++;
      header = matchHeader(cols, sheetRow);
      if (!header) continue;
      report.headerRow = header.row;
      report.unknownColumns = header.unknown;
      for (const e of header.errors) addError(e);
      parser = new RowParser(cols, header, checkRow);
      continue;
    }
    const parsed = parser.parse(sheetRow);
    if (!parsed) continue;
    report.rowsRead++;
    yield parsed;
  }
  if (!header) {
    addError({
      row: 1,
      column: '',
      message: `未找到表头:前 ${HEADER_SCAN_ROWS} 行中没有与模板一致的列名(应包含${cols
        .slice(0, 3)
        .map((c) => `“${c.header}”`)
        .join('、')}等列)`,
    });
  } else if (report.rowsRead === 0) {
    addError({ row: header.row + 1, column: '', message: '表头下方没有数据行' });
  }
}

/**
 * Reads the whole source and checks every row; keeps nothing but the errors (and the values
 * of `unique` columns), so memory does not grow with the file. Nothing is written.
 */
export async function validateLedger<Row>(
  source: ImportSource,
  columns: LedgerColumns<Row>,
  options: ReadOptions<Row> = {},
): Promise<ImportReport & { digest: string }> {
  const cols = looseColumns(columns);
  const maxErrors = options.maxErrors ?? DEFAULT_MAX_ERRORS;
  const every = options.progressEvery ?? 1000;
  const opened = await openRows(source, options);
  const bytesTotal = sourceSize(source);
  const report = emptyReport(opened.format);
  const progress = (): ImportProgress => ({
    phase: 'validate',
    rowsRead: report.rowsRead,
    rowsWritten: 0,
    rowsTotal: null,
    bytesRead: opened.bytesRead(),
    bytesTotal,
  });
  const addError = (e: RowError) => {
    report.errorCount++;
    if (report.errors.length < maxErrors) report.errors.push(e);
    else report.errorsTruncated = true;
  };

  for await (const parsed of rowsUnderHeader(
    opened.rows,
    cols,
    report,
    addError,
    options.checkRow as RowCheck | undefined,
  )) {
    if (parsed.errors.length > 0) {
      for (const e of parsed.errors) addError(e);
      if (report.badRows.length < maxErrors) {
        report.badRows.push({ row: parsed.row, cells: parsed.cells, errors: parsed.errors });
      }
    }
    if (report.rowsRead % every === 0) options.onProgress?.(progress());
  }
  options.onProgress?.({ ...progress(), rowsTotal: report.rowsRead });

  const encoding = opened.encoding();
  if (encoding) report.encoding = encoding;
  report.ok = report.errorCount === 0;
  return { ...report, digest: opened.digest() };
}

/**
 * Row problems found after the check pass (a lookup of the whole file's values, say) added to its
 * report, each naming its column by key or by header as `checkRow` does: counted, listed in line
 * order, and the report refused. The rows they name are read again
 * from the source for their cells, so that the error report (`exportErrorReport`) shows them to be
 * fixed in Excel like any other bad row; a row that already had problems gets these as well. The
 * extra read happens only when there is something to add.
 */
export async function addRowErrors<Row>(
  source: ImportSource,
  columns: LedgerColumns<Row>,
  report: ImportReport,
  problems: readonly { row: number; column?: string; message: string }[],
  options: Pick<ReadOptions<Row>, 'format' | 'sheet' | 'maxErrors'> = {},
): Promise<void> {
  if (problems.length === 0) return;
  const cols = looseColumns(columns);
  const maxErrors = options.maxErrors ?? DEFAULT_MAX_ERRORS;
  report.ok = false;
  report.errorCount += problems.length;
  const listed: RowError[] = problems
    .slice(0, Math.max(0, maxErrors - report.errors.length))
    .map((p) => ({ row: p.row, column: headerOf(cols, p.column), message: p.message }));
  if (listed.length < problems.length) report.errorsTruncated = true;
  report.errors.push(...listed);
  report.errors.sort((a, b) => a.row - b.row);
  const byRow = new Map<number, RowError[]>();
  for (const p of listed) byRow.set(p.row, [...(byRow.get(p.row) ?? []), p]);
  const bad = new Map(report.badRows.map((b) => [b.row, b]));
  for (const [row, errors] of byRow) {
    const known = bad.get(row);
    if (known) {
      known.errors.push(...errors);
      byRow.delete(row);
    }
  }
  if (byRow.size === 0) return;
  const opened = await openRows(source, options);
  const again = emptyReport(opened.format);
  for await (const parsed of rowsUnderHeader(opened.rows, cols, again, () => {})) {
    const errors = byRow.get(parsed.row);
    if (errors && report.badRows.length < maxErrors)
      report.badRows.push({ row: parsed.row, cells: parsed.cells, errors });
  }
  report.badRows.sort((a, b) => a.row - b.row);
}

/**
 * All-or-nothing import. Pass 1 validates the whole file without holding a transaction; if
 * any row is bad nothing is written and the report says why. Pass 2 reads the source again
 * and hands the rows to `onBatch` in batches, inside `transaction` when given: one
 * transaction for the whole file. Should the source change between the passes (a different
 * digest or a row that now fails), pass 2 throws `io.sourceChanged` so the transaction
 * rolls back.
 */
export async function importLedger<Row, Ctx = undefined>(
  source: ImportSource,
  columns: LedgerColumns<Row>,
  options: ImportOptions<Row, Ctx>,
): Promise<ImportReport> {
  const { digest, ...report } = await validateLedger(source, columns, options);
  if (!report.ok) return report;

  const cols = looseColumns(columns);
  const batchSize = options.batchSize ?? 1000;
  const every = options.progressEvery ?? 1000;
  let written = 0;
  const bytesTotal = sourceSize(source);
  const write = async (ctx: Ctx) => {
    const opened = await openRows(source, options);
    let read = 0;
    const progress = (): ImportProgress => ({
      phase: 'write',
      rowsRead: read,
      rowsWritten: written,
      rowsTotal: report.rowsRead,
      bytesRead: opened.bytesRead(),
      bytesTotal,
    });
    let header: HeaderMap | undefined;
    let parser: RowParser | undefined;
    let batch: Row[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const rows = batch;
      batch = [];
      if (options.transaction) await options.onBatch(rows, ctx);
      else await options.onBatch(rows);
      written += rows.length;
      options.onProgress?.(progress());
    };
    for await (const sheetRow of opened.rows) {
      if (!parser) {
        if (header || sheetRow.row < (report.headerRow ?? 0)) continue;
        header = matchHeader(cols, sheetRow);
        if (header) parser = new RowParser(cols, header, options.checkRow as RowCheck | undefined);
        continue;
      }
      const parsed = parser.parse(sheetRow);
      if (!parsed) continue;
      if (parsed.errors.length > 0) throw sourceChanged();
      // The values were built from this Row type's own column specs.
      batch.push(parsed.values as Row);
      read++;
      if (read % every === 0) options.onProgress?.(progress());
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    if (opened.digest() !== digest || written !== report.rowsRead) throw sourceChanged();
  };

  if (options.transaction) await options.transaction.execute(write);
  // Without a transaction onBatch takes no context, so the value passed is never read.
  else await write(undefined as Ctx);
  return { ...report, rowsWritten: written };
}

const sourceChanged = () =>
  conflict('io.sourceChanged', '导入过程中文件内容发生了变化,已全部撤销:请重新导入', { field: 'file' });
