import type { ColumnType } from 'kysely';
import type { ActionLogColumns, LedgerColumns } from '../../platform/db/types.js';

declare module '../../platform/db/types.js' {
  interface Database {
    enforcement_body: EnforcementBodyTable;
    enforcement_officer: EnforcementOfficerTable;
    enforcement_certificate: EnforcementCertificateTable;
  }
}

export interface EnforcementBodyTable extends LedgerColumns {
  id: string;
  name: string;
  kind: string;
  scope: ColumnType<string, string | undefined, string>;
  entrusted_by_org_id: string | null;
  basis: ColumnType<string, string | undefined, string>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface EnforcementOfficerTable extends LedgerColumns {
  id: string;
  body_id: string;
  user_id: string | null;
  name: string;
  gender: string;
  position: ColumnType<string, string | undefined, string>;
  training_hours: ColumnType<number, number | undefined, number>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  /** migrations/0080: the day the officer left the post (null while in post) */
  left_on: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface EnforcementCertificateTable extends LedgerColumns {
  id: string;
  officer_id: string;
  number: string;
  field: string;
  issued_on: string;
  valid_until: string;
  status: ColumnType<string, string | undefined, string>;
  /** migrations/0080: the day the issuer status last changed (null = valid since issue) */
  status_on: ColumnType<string | null, string | null | undefined, string | null>;
}

declare module '../../platform/db/types.js' {
  interface Database {
    power_item: PowerItemTable;
    power_item_revision: PowerItemRevisionTable;
  }
}

export interface PowerItemTable extends LedgerColumns {
  id: string;
  code: string;
  category: string;
  name: string;
  law_name: string;
  article: string;
  basis_note: ColumnType<string, string | undefined, string>;
  accountability: ColumnType<string, string | undefined, string>;
  status: ColumnType<string, string | undefined, string>;
  revision: ColumnType<number, number | undefined, number>;
}

export interface PowerItemRevisionTable {
  id: string;
  power_item_id: string;
  region_code: string;
  org_id: string;
  revision: number;
  change: string;
  reason: ColumnType<string, string | undefined, string>;
  snapshot: ColumnType<unknown, string, string>;
  changed_by: string | null;
  changed_at: ColumnType<Date, Date | string | undefined, never>;
}

declare module '../../platform/db/types.js' {
  interface Database {
    enforcement_case: EnforcementCaseTable;
    enforcement_case_action: EnforcementCaseActionTable;
    enforcement_major_threshold: MajorThresholdTable;
  }
}

export interface EnforcementCaseTable extends LedgerColumns {
  id: string;
  body_id: string;
  power_item_id: string | null;
  case_no: string;
  category: ColumnType<string, string | undefined, string>;
  procedure: string;
  party_kind: string;
  party_name: string;
  party_id_number: string | null;
  party_uscc: string | null;
  party_minor: ColumnType<boolean, boolean | undefined, boolean>;
  party_address: string | null;
  private_names: ColumnType<string[], string[] | undefined, string[]>;
  facts: string;
  handler_ids: string[];
  major_reason: string | null;
  status: string;
  opened_on: string;
  decided_on: string | null;
  closed_on: string | null;
  penalties: ColumnType<string[], string[] | undefined, string[]>;
  amount: ColumnType<string | null, number | null | undefined, number | null>;
  is_major: ColumnType<boolean, boolean | undefined, boolean>;
  reviewed: ColumnType<boolean, boolean | undefined, boolean>;
  next_due_kind: string | null;
  next_due_on: string | null;
  action_count: ColumnType<number, number | undefined, number>;
  changed_on: ColumnType<string | null, string | null | undefined, string | null>;
  revoked_on: ColumnType<string | null, string | null | undefined, string | null>;
  outcome: ColumnType<string | null, string | null | undefined, string | null>;
}

declare module '../../platform/db/types.js' {
  interface Database {
    enforcement_case_record: EnforcementCaseRecordTable;
  }
}

/** migrations/0014: 全过程记录 of one act (an attachment kept by SHA-256). */
export interface EnforcementCaseRecordTable {
  id: string;
  case_id: string;
  region_code: string;
  /** the case's opened_on: the partition key (migration 0280) */
  case_opened_on: string;
  org_id: string;
  seq: number;
  sha256: string;
  kind: string;
  name: string;
  size: ColumnType<string, number, number>;
  added_by: string | null;
  added_at: ColumnType<Date, Date | string | undefined, never>;
  late: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface EnforcementCaseActionTable extends ActionLogColumns {
  case_id: string;
  /** the case's opened_on: the partition key (migration 0280) */
  case_opened_on: string;
  data: ColumnType<unknown, string, string>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface MajorThresholdTable {
  region_code: string;
  person_amount: ColumnType<string, number, number>;
  organisation_amount: ColumnType<string, number, number>;
  revoke_license: ColumnType<boolean, boolean | undefined, boolean>;
  suspend_business: ColumnType<boolean, boolean | undefined, boolean>;
  hearing_held: ColumnType<boolean, boolean | undefined, boolean>;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

declare module '../../platform/db/types.js' {
  interface Database {
    enforcement_publication: EnforcementPublicationTable;
  }
}

export interface EnforcementPublicationTable extends LedgerColumns {
  id: string;
  case_id: string;
  /** the case's opened_on: the partition key (migration 0280) */
  case_opened_on: string;
  decided_on: string;
  due_on: string;
  status: string;
  withheld_reason: string | null;
  /** the day it was withheld: when made (不予公开), or by a later 变更 / 撤销 (migration 0260) */
  withheld_on: ColumnType<string | null, string | null | undefined, string | null>;
  published_on: string | null;
  withdrawn_on: string | null;
  content: ColumnType<unknown, string | null, string | null>;
  withdraw_due_on: ColumnType<string | null, string | null | undefined, string | null>;
  change_kind: ColumnType<string | null, string | null | undefined, string | null>;
  change_reason: ColumnType<string | null, string | null | undefined, string | null>;
  withdraw_note: ColumnType<string | null, string | null | undefined, string | null>;
  category: ColumnType<string, string | undefined, string>;
}

declare module '../../platform/db/types.js' {
  interface Database {
    enforcement_referral: EnforcementReferralTable;
    enforcement_referral_action: EnforcementReferralActionTable;
  }
}

export interface EnforcementReferralTable extends LedgerColumns {
  id: string;
  case_id: string;
  team_ids: string[];
  suspected_crime: string;
  facts: string;
  evidence: ColumnType<unknown, string, string>;
  reported_on: string;
  penalty_decided: boolean;
  penalty_amount: ColumnType<string | null, number | null, number | null>;
  status: string;
  approved_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  handed_over_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  handed_over_on: string | null;
  handover_hours: ColumnType<string | null, number | null, number | null>;
  handover_late: boolean | null;
  police_org: string | null;
  filed_on: string | null;
  declined_on: string | null;
  closed_on: string | null;
  next_due_kind: string | null;
  next_due_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  next_due_soon_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  late_count: number;
  action_count: number;
}

export interface EnforcementReferralActionTable extends ActionLogColumns {
  referral_id: string;
  occurred_at: ColumnType<Date | null, Date | string | null, never>;
  data: ColumnType<unknown, string, string>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}
