/** Ledger exchange with Excel and CSV: one column spec for export, template and import. */
export {
  type CellInput,
  COLUMN_KINDS,
  type ColumnKind,
  defineColumns,
  ERROR_COLUMN_HEADER,
  type EnumOption,
  type LedgerColumn,
  type LedgerColumns,
  type ParseResult,
} from './columns.js';
export type { CsvEncoding } from './csv.js';
export { exportErrorReport, exportLedgerCsv, exportLedgerXlsx, type XlsxExportOptions } from './export.js';
export {
  addRowErrors,
  type BadRow,
  type ImportOptions,
  type ImportProgress,
  type ImportReport,
  importLedger,
  type ReadOptions,
  validateLedger,
} from './import.js';
export { formatImportStatus, formatSeconds, ImportMeter, type ImportStatus } from './progress.js';
export type { RowError } from './rows.js';
export type { ImportFormat, ImportSource } from './source.js';
export { type SpooledFile, spoolToTempFile } from './spool.js';
export { type ViewCell, type ViewColumn, type ViewRow, viewLedger } from './view.js';
