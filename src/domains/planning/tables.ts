import type { ColumnType, Generated } from 'kysely';
import type { LedgerColumns, LocalDateColumn } from '../../platform/db/types.js';

declare module '../../platform/db/types.js' {
  interface Database {
    reported_metric: ReportedMetricTable;
    data_call: DataCallTable;
    data_call_item: DataCallItemTable;
    data_call_submission: DataCallSubmissionTable;
    data_call_figure: DataCallFigureTable;
    annual_report: AnnualReportTable;
    annual_report_version: AnnualReportVersionTable;
  }
}

/** numeric columns come back as strings; written as numbers or strings */
type Numeric = ColumnType<string, number | string, number | string>;
type Json = ColumnType<unknown, string, string>;

export interface ReportedMetricTable extends LedgerColumns {
  id: string;
  name: string;
  unit: string;
  definition: string;
  additive: Generated<boolean>;
}

export interface DataCallTable extends LedgerColumns {
  id: string;
  title: string;
  period_from: LocalDateColumn;
  period_to: LocalDateColumn;
  deadline: LocalDateColumn;
  status: string;
  opened_at: Date | null;
  closed_at: Date | null;
}

export interface DataCallItemTable {
  id: string;
  call_id: string;
  seq: number;
  metric_id: string;
  source: string;
  name: string;
  unit: string;
  definition: string;
}

export interface DataCallSubmissionTable extends LedgerColumns {
  id: string;
  call_id: string;
  status: string;
  submitted_at: Date | null;
  reviewed_at: Date | null;
  reviewed_by: string | null;
  return_reason: string | null;
}

export interface DataCallFigureTable extends LedgerColumns {
  id: string;
  submission_id: string;
  item_id: string;
  metric_id: string;
  value: Numeric;
  unit: string;
  /** migrations/0080: 约 / 余 / 以上 / 以内 as filed (about / over / atLeast / within), or empty */
  qualifier: ColumnType<string, string | undefined, string>;
  evidence_text: string | null;
  evidence_hash: string | null;
}

export interface AnnualReportTable extends LedgerColumns {
  id: string;
  year: number;
}

export interface AnnualReportVersionTable extends LedgerColumns {
  id: string;
  report_id: string;
  no: number;
  status: string;
  content: Json;
  published_at: Date | null;
}
