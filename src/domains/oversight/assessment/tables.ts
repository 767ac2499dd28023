import type { ColumnType } from 'kysely';
import type { LedgerColumns } from '../../../platform/db/types.js';

declare module '../../../platform/db/types.js' {
  interface Database {
    oversight_assessment_edition: AssessmentEditionTable;
    oversight_assessment_indicator: AssessmentIndicatorTable;
    oversight_assessment_round: AssessmentRoundTable;
    oversight_assessment_unit: AssessmentUnitTable;
    oversight_assessment_entry: AssessmentEntryTable;
  }
}

/** numeric columns come back from both engines as strings */
type Numeric = ColumnType<string, string | number, string | number>;
type NullableNumeric = ColumnType<string | null, string | number | null | undefined, string | number | null>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface AssessmentEditionTable extends LedgerColumns {
  id: string;
  name: string;
  edition: number;
  note: Defaulted<string>;
  excellent_from: Numeric;
  good_from: Numeric;
  pass_from: Numeric;
  indicator_count: number;
  source_file: string | null;
}

export interface AssessmentIndicatorTable {
  id: string;
  edition_id: string;
  region_code: string;
  seq: number;
  code: string;
  level: number;
  parent_code: string | null;
  title: string;
  weight: Numeric;
  leaf: boolean;
  method: string | null;
  metric_id: string | null;
  rule: string | null;
  target: NullableNumeric;
  evidence: Defaulted<string>;
}

export interface AssessmentRoundTable extends LedgerColumns {
  id: string;
  edition_id: string;
  year: number;
  title: string;
  opened_on: string;
  fill_due: string;
  published_on: string | null;
}

export interface AssessmentUnitTable extends LedgerColumns {
  id: string;
  round_id: string;
  submitted_on: string | null;
  submitted_by: string | null;
  returned_note: Defaulted<string>;
  scored_on: string | null;
  scored_by: string | null;
  total: NullableNumeric;
  grade: string | null;
}

export interface AssessmentEntryTable {
  id: string;
  unit_id: string;
  region_code: string;
  org_id: string;
  indicator_id: string;
  value: NullableNumeric;
  note: Defaulted<string>;
  evidence: ColumnType<unknown, string | undefined, string>;
  auto_on: string | null;
  score: NullableNumeric;
  comment: Defaulted<string>;
  reviewer_id: string | null;
  reviewer_name: string | null;
}
