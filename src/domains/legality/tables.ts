import type { ColumnType, Generated } from 'kysely';
import type { ActionLogColumns, LedgerColumns } from '../../platform/db/types.js';

declare module '../../platform/db/types.js' {
  interface Database {
    legality_setting: LegalitySettingTable;
    legality_review: LegalityReviewTable;
    legality_review_action: LegalityLogTable & { review_id: string };
    legality_review_opinion: LegalityReviewOpinionTable;
    legality_document: LegalityDocumentTable;
    legality_document_counter: { region_code: string; year: number; last_seq: number };
    legality_document_event: LegalityLogTable & { document_id: string };
    legality_document_version: LegalityDocumentVersionTable;
    legality_cleanup: LegalityCleanupTable;
    legality_cleanup_result: LegalityCleanupResultTable;
    legality_adviser: LegalityAdviserTable;
    legality_adviser_work: LegalityAdviserWorkTable;
    legality_catalogue: LegalityCatalogueTable;
    legality_catalogue_event: LegalityLogTable & { catalogue_id: string };
    legality_decision: LegalityDecisionTable;
    legality_decision_event: LegalityLogTable & { decision_id: string };
    legality_public_comment: LegalityPublicCommentTable;
  }
}

type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Json<T> = ColumnType<T, string | undefined, string>;

export interface LegalitySettingTable {
  region_code: string;
  review_workdays: Defaulted<number>;
  extension_workdays: Defaulted<number>;
  due_soon_days: Defaulted<number>;
  number_format: Defaulted<string>;
  number_abbr: Defaulted<string>;
  filing_days: Defaulted<number>;
  village_count: Defaulted<number>;
  updated_by: string | null;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface LegalityReviewTable extends LedgerColumns {
  id: string;
  kind: string;
  title: string;
  subject_id: string | null;
  item_count: Defaulted<number>;
  submitted_on: string;
  materials: Json<{ name: string; sha256?: string | undefined }[]>;
  reviewers: Json<{ kind: string; name: string; adviserId?: string | undefined }[]>;
  period_workdays: number;
  extension_workdays: number;
  status: string;
  conclusion: string | null;
  concluded_on: string | null;
  due_on: string | null;
  due_soon_on: string | null;
  extended: Defaulted<boolean>;
  paused_since: string | null;
  paused_days: Defaulted<number>;
  opinion_count: Defaulted<number>;
  action_count: Defaulted<number>;
}

export interface LegalityLogTable extends ActionLogColumns {
  data: Json<Record<string, unknown>>;
  created_at: Generated<Date>;
}

export interface LegalityReviewOpinionTable {
  id: string;
  review_id: string;
  region_code: string;
  org_id: string;
  seq: number;
  body: string;
  adoption: string | null;
  adoption_reason: Defaulted<string>;
  answered_on: string | null;
}

export interface LegalityDocumentTable extends LedgerColumns {
  id: string;
  drafting_org_id: string | null;
  title: string;
  body: Defaulted<string>;
  provisional: Defaulted<boolean>;
  market_related: Defaulted<boolean>;
  status: string;
  drafted_on: string;
  comment_from: string | null;
  comment_to: string | null;
  comment_reason: Defaulted<string>;
  fair_competition_on: string | null;
  review_id: string | null;
  deliberated_on: string | null;
  meeting: Defaulted<string>;
  number_year: number | null;
  number_seq: number | null;
  doc_number: string | null;
  published_on: string | null;
  effective_on: string | null;
  effective_reason: Defaulted<string>;
  valid_until: string | null;
  filed_on: string | null;
  filing_receipt: Defaulted<string>;
  filing_late: Defaulted<boolean>;
  filing_late_reason: Defaulted<string>;
  filing_outcome: string | null;
  filing_outcome_on: string | null;
  amended_on: string | null;
  ended_on: string | null;
  version_count: Defaulted<number>;
  /** generated (0042): lower-cased title, number and text for the public search */
  search_text: ColumnType<string, never, never>;
}

export interface LegalityDocumentVersionTable {
  id: string;
  document_id: string;
  seq: number;
  title: string;
  body: string;
  note: Defaulted<string>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface LegalityCleanupTable extends LedgerColumns {
  id: string;
  name: string;
  started_on: string;
}

export interface LegalityCleanupResultTable {
  id: string;
  cleanup_id: string;
  document_id: string;
  region_code: string;
  org_id: string;
  outcome: string;
  reason: string;
  decided_on: string;
}

export interface LegalityAdviserTable extends LedgerColumns {
  id: string;
  kind: string;
  party: Defaulted<string>;
  name: string;
  firm: Defaulted<string>;
  appointed_by: string;
  village: Defaulted<string>;
  contract_from: string | null;
  contract_to: string | null;
  certificate_no: string | null;
  fields: Defaulted<string[]>;
  team: Defaulted<string>;
  active: Defaulted<boolean>;
}

export interface LegalityAdviserWorkTable extends LedgerColumns {
  id: string;
  adviser_id: string;
  kind: string;
  occurred_on: string;
  title: string;
  count: Defaulted<number>;
  source: string;
  review_id: string | null;
}

export interface LegalityCatalogueTable extends LedgerColumns {
  id: string;
  year: number;
  status: string;
  agreed_on: string | null;
  agreed_by: Defaulted<string>;
  published_on: string | null;
  channel: Defaulted<string>;
  adjustment_count: Defaulted<number>;
}

export interface LegalityDecisionTable extends LedgerColumns {
  id: string;
  catalogue_id: string;
  year: number;
  title: string;
  category: string;
  market_related: Defaulted<boolean>;
  undertaking_org: Defaulted<string>;
  listed_on: string;
  status: string;
  comment_from: string | null;
  comment_to: string | null;
  comment_count: Defaulted<number>;
  hearing_on: string | null;
  expert_on: string | null;
  risk_on: string | null;
  risk_level: string | null;
  waived: Defaulted<string[]>;
  review_id: string | null;
  discussed_on: string | null;
  meeting: Defaulted<string>;
  decided_on: string | null;
  published_on: string | null;
  archived_on: string | null;
  executing_from: string | null;
  evaluated_on: string | null;
  evaluation_count: Defaulted<number>;
  action_count: Defaulted<number>;
}

export interface LegalityPublicCommentTable {
  id: string;
  region_code: string;
  org_id: string;
  subject_kind: string;
  subject_id: string;
  receipt_no: string;
  body: string;
  name: Defaulted<string>;
  contact: Defaulted<string>;
  submitted_on: string;
  status: Defaulted<string>;
  adoption: string | null;
  reply: Defaulted<string>;
  moderated_by: string | null;
  moderated_at: Date | null;
  created_by: ColumnType<string | null, never, never>;
  created_at: Generated<Date>;
}
