import type { ColumnType } from 'kysely';
import type { LedgerColumns } from '../../platform/db/types.js';

type Defaulted<T> = ColumnType<T, T | undefined, T>;

/** Columns the four versioned lists share (migrations/0015_powers_lists.sql). */
interface VersionedList extends LedgerColumns {
  id: string;
  status: Defaulted<string>;
  revision: Defaulted<number>;
}

declare module '../../platform/db/types.js' {
  interface Database {
    license_item: LicenseItemTable;
    enforcement_matter: EnforcementMatterTable;
    leniency_item: LeniencyItemTable;
    discretion_standard: DiscretionStandardTable;
    powers_revision: PowersRevisionTable;
  }
}

export interface LicenseItemTable extends VersionedList {
  power_item_id: string | null;
  code: string;
  name: string;
  sub_item: Defaulted<string>;
  implementing_org: string;
  law_name: string;
  article: string;
  implementation_basis: Defaulted<string>;
  approval_level: string;
  statutory_days: number;
  promised_days: number;
  charges: Defaulted<boolean>;
  fee_note: Defaulted<string>;
  prerequisite: Defaulted<boolean>;
  prerequisite_note: Defaulted<string>;
}

export interface EnforcementMatterTable extends VersionedList {
  power_item_id: string;
  body_id: string;
  level: string;
  entrusted: Defaulted<boolean>;
  note: Defaulted<string>;
}

export interface LeniencyItemTable extends VersionedList {
  kind: string;
  power_item_id: string | null;
  code: string;
  violation: string;
  conditions: string;
  law_name: string;
  article: string;
  outcome: string;
}

export interface DiscretionStandardTable extends VersionedList {
  power_item_id: string;
  code: string;
  violation: string;
  law_name: string;
  article: string;
  levels: ColumnType<unknown, string, string>;
}

export interface PowersRevisionTable {
  id: string;
  list: string;
  item_id: string;
  region_code: string;
  org_id: string;
  revision: number;
  change: string;
  reason: Defaulted<string>;
  snapshot: ColumnType<unknown, string, string>;
  changed_by: string | null;
  changed_at: ColumnType<Date, Date | string | undefined, never>;
}
