import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';

/**
 * The database shape. Empty here: each platform module and domain adds its own tables by
 * module augmentation in its `tables.ts` (`declare module '.../platform/db/types.js'`), so a
 * domain owns its tables and no central file grows with every domain.
 */
// biome-ignore lint/suspicious/noEmptyInterface: augmented by each module's tables.ts
export interface Database {}

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Anything that can run a query: the database or an open transaction. */
export type Executor = Kysely<Database>;

/** `date` columns travel as 'YYYY-MM-DD' strings (a type parser is registered on both engines). */
export type LocalDateColumn = string;
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

/** Columns every ledger table carries (ARCHITECTURE: region_code on every row, for sharding). */
export interface LedgerColumns {
  region_code: string;
  org_id: string;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_by: string | null;
  updated_at: Generated<Date>;
  version: Generated<number>;
}
/**
 * Columns every action-log table carries (ARCHITECTURE, Workflows: a case is an append-only log of
 * actions and its status is derived from it): the act's place in its record's log, the act, its
 * legal date and who did it (the name as it was then). Each table adds its record's key, `data`
 * and `created_at`.
 */
export interface ActionLogColumns {
  id: string;
  region_code: string;
  org_id: string;
  seq: number;
  action: string;
  occurred_on: string;
  actor_id: string | null;
  actor_name: string;
}
export type { Generated };
