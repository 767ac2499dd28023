import type { ColumnType, Generated } from 'kysely';
import type { ActionLogColumns, LedgerColumns } from '../../../platform/db/types.js';

declare module '../../../platform/db/types.js' {
  interface Database {
    requests_item: RequestsItemTable;
    requests_action: RequestsActionTable;
    requests_committee: RequestsCommitteeTable;
    requests_entry: RequestsEntryTable;
    requests_setting: RequestsSettingTable;
    requests_disclosure_report: RequestsDisclosureReportTable;
  }
}

type Json = ColumnType<unknown, string, string>;

export interface RequestsItemTable extends LedgerColumns {
  id: string;
  kind: string;
  receipt_no: string;
  subject: string;
  received_on: string;
  channel: string;
  category: string;
  applicant_kind: string;
  applicant_name: string;
  applicant_contact: string | null;
  facts: Json;
  link_id: string | null;
  secret_hash: string | null;
  status: string;
  outcome: string | null;
  due_kind: string | null;
  due_on: string | null;
  due_provisional: ColumnType<boolean, boolean | undefined, boolean>;
  extended: ColumnType<boolean, boolean | undefined, boolean>;
  answered_on: string | null;
  closed_on: string | null;
  on_time: boolean | null;
  resolved: boolean | null;
  amount: ColumnType<string | null, number | null | undefined, number | null>;
  action_count: ColumnType<number, number | undefined, number>;
}

export interface RequestsActionTable extends ActionLogColumns {
  item_id: string;
  data: Json;
  created_at: Generated<Date>;
}

export interface RequestsCommitteeTable extends LedgerColumns {
  id: string;
  name: string;
  members: Json;
  term_start: string;
  term_end: string;
}

export interface RequestsEntryTable extends LedgerColumns {
  id: string;
  kind: string;
  category: string;
  occurred_on: string;
  title: string;
  quantity: number;
  person_name: string | null;
  person_org: string | null;
  place: string | null;
  adviser_id: ColumnType<string | null, string | null | undefined, string | null>;
  data: Json;
}

export interface RequestsSettingTable {
  region_code: string;
  proposal_return_days: ColumnType<number, number | undefined, number>;
  reception_day: number | null;
  warn_days: ColumnType<number, number | undefined, number>;
  updated_by: string | null;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

/** migrations/0061: what the office writes in its 政务公开年报, and when it was submitted and published. */
export interface RequestsDisclosureReportTable extends LedgerColumns {
  id: string;
  year: number;
  overview_note: ColumnType<string, string | undefined, string>;
  problems: ColumnType<string, string | undefined, string>;
  other_matters: ColumnType<string, string | undefined, string>;
  submitted_on: string | null;
  published_on: string | null;
}
