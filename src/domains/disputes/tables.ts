import type { ColumnType } from 'kysely';
import type { ActionLogColumns, LedgerColumns } from '../../platform/db/types.js';
import type { ReconProjection } from './reconsideration/projection.js';

declare module '../../platform/db/types.js' {
  interface Database {
    disputes_reconsideration: DisputesReconsiderationTable;
    disputes_reconsideration_action: DisputesReconsiderationActionTable;
    disputes_lookup_failure: DisputesLookupFailureTable;
    disputes_lawsuit: DisputesLawsuitTable;
    disputes_hearing: DisputesHearingTable;
    disputes_suggestion: DisputesSuggestionTable;
  }
}

type Json = ColumnType<unknown, string, string>;
type Money = ColumnType<string | null, number | null, number | null>;

export interface DisputesReconsiderationTable extends LedgerColumns, Omit<ReconProjection, 'status'> {
  id: string;
  case_no: string;
  channel: string;
  received_on: string;
  filed_on: string;
  applicant_kind: string;
  applicant_name: string;
  applicant_id_no: string | null;
  applicant_phone: string | null;
  applicant_address: string | null;
  agent_name: string | null;
  third_parties: Json;
  act_title: string;
  act_document_no: string | null;
  act_kind: string;
  subject_area: string | null;
  act_on: string | null;
  act_known_on: string;
  act_on_the_spot: boolean;
  act_penalty_types: string[];
  act_amount: Money;
  enforcement_case_id: string | null;
  parties_agree_simple: boolean;
  precondition: boolean;
  request: string;
  reasons: string;
  norm_review: ColumnType<unknown, string | null, string | null>;
  attachments: Json;
  receipt_no: string | null;
  secret_hash: string | null;
  // the projection's columns (ReconProjection) but the status, stored as text
  status: string;
}

export interface DisputesReconsiderationActionTable extends ActionLogColumns {
  reconsideration_id: string;
  data: Json;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface DisputesLookupFailureTable {
  id: string;
  receipt_no: string;
  client: string;
  at: ColumnType<Date, Date | string | undefined, never>;
}

export interface DisputesLawsuitTable extends LedgerColumns {
  id: string;
  court: string;
  court_case_no: string;
  instance: string;
  parent_id: string | null;
  plaintiff: string;
  co_defendant_org_id: string | null;
  reconsideration_id: string | null;
  contested_act: string;
  act_kind: string | null;
  subject_area: string | null;
  enforcement_case_id: string | null;
  filed_on: string;
  claims: string;
  outcome: string | null;
  concluded_on: string | null;
  judgment_served_on: string | null;
  appealed_by: string | null;
  status: string;
}

export interface DisputesHearingTable {
  id: string;
  lawsuit_id: string;
  region_code: string;
  org_id: string;
  summons_served_on: string;
  hearing_on: string;
  appearer_name: string;
  appearer_title: string;
  appearer_role: string;
  counts_as_head: boolean;
  excuse_ground: string | null;
  excuse_note: string | null;
  excuse_proof_sha256: string | null;
  summons_late: boolean;
  created_by: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface DisputesSuggestionTable extends LedgerColumns {
  id: string;
  kind: string;
  issuer: string;
  document_no: string;
  issued_on: string;
  received_on: string;
  urgent: boolean;
  summary: string;
  due_on: string;
  replied_on: string | null;
  reply: string | null;
  rectification: string | null;
  status: string;
}
