import type { ColumnType } from 'kysely';
import type { LedgerColumns } from '../../platform/db/types.js';

declare module '../../platform/db/types.js' {
  interface Database {
    inspection_checklist_item: InspectionChecklistItemTable;
    inspection_inspectee: InspectionInspecteeTable;
    inspection_inspector: InspectionInspectorTable;
    inspection_conflict: InspectionConflictTable;
    inspection_plan: InspectionPlanTable;
    inspection_task: InspectionTaskTable;
    inspection_draw: InspectionDrawTable;
    inspection_target: InspectionTargetTable;
  }
}

type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface InspectionChecklistItemTable extends LedgerColumns {
  id: string;
  matter: string;
  category: Defaulted<string>;
  legal_basis: string;
  method: string;
  default_ratio_bp: number;
  frequency_per_year: Defaulted<number>;
  joint: Defaulted<boolean>;
  active: Defaulted<boolean>;
}

export interface InspectionInspecteeTable extends LedgerColumns {
  id: string;
  kind: string;
  name: string;
  uscc: string | null;
  industry: string;
  location_code: string;
  risk_grade: string;
  address: Defaulted<string>;
  active: Defaulted<boolean>;
}

export interface InspectionInspectorTable extends LedgerColumns {
  id: string;
  officer_id: string | null;
  name: string;
  certificate_number: string;
  certificate_valid_until: string;
  fields: Defaulted<string[]>;
  active: Defaulted<boolean>;
}

export interface InspectionConflictTable extends LedgerColumns {
  id: string;
  inspectee_id: string;
  inspector_id: string | null;
  conflict_org_id: string | null;
  reason: string;
}

export interface InspectionPlanTable extends LedgerColumns {
  id: string;
  year: number;
  name: string;
  kind: string;
  participant_org_ids: string[];
  note: Defaulted<string>;
}

export interface InspectionTaskTable extends LedgerColumns {
  id: string;
  plan_id: string;
  name: string;
  checklist_item_ids: string[];
  mode: string;
  ratio_bp: ColumnType<Record<string, number>, string | undefined, string>;
  count: number | null;
  filter_industries: Defaulted<string[]>;
  filter_locations: Defaulted<string[]>;
  filter_risk_grades: Defaulted<string[]>;
  inspectors_per_inspectee: Defaulted<number>;
  start_on: string;
  end_on: string;
}

export interface InspectionDrawTable extends LedgerColumns {
  id: string;
  task_id: string;
  algorithm: string;
  frozen_input: string;
  candidates_hash: string;
  inspectors_hash: string;
  conflicts_hash: string;
  params_hash: string;
  commitment: string;
  committed_at: Date;
  status: string;
  drawn_at: Date | null;
  server_random: string | null;
  seed: string | null;
  result_hash: string | null;
  candidate_count: number;
  drawn_count: number | null;
  failure: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface InspectionTargetTable extends LedgerColumns {
  id: string;
  draw_id: string;
  task_id: string;
  seq: number;
  inspectee_id: string;
  stratum: string;
  inspector_ids: string[];
  result: string | null;
  result_note: Defaulted<string>;
  inspected_on: string | null;
  published_on: string | null;
  /** the enforcement case a problem result opened (0021) */
  case_id: Defaulted<string | null>;
}
