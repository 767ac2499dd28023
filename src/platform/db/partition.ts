import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { MIGRATIONS_DIR, withMigrationLock } from './migrate.js';
import type { Executor } from './types.js';

/** The tables `fazhi partition` partitions by year (migrations/optional/province-partitions.sql). */
export const YEAR_PARTITIONED_TABLES = [
  'enforcement_case',
  'enforcement_case_action',
  'enforcement_case_record',
  'enforcement_publication',
  'audit_log',
] as const;

export const PROVINCE_PARTITIONS_SQL = path.join(MIGRATIONS_DIR, 'optional', 'province-partitions.sql');

/** Whether the database has the partitioned layout (`fazhi partition` has run on it). */
export async function isYearPartitioned(db: Executor): Promise<boolean> {
  return Object.keys(await partitionsOf(db)).length > 0;
}

/** The partitions of each large table that is partitioned, by table. */
async function partitionsOf(db: Executor): Promise<Record<string, string[]>> {
  const r = await sql<{ table: string; partitions: string[] }>`
    select c.relname as table, array(select k.relname::text from pg_inherits i join pg_class k on k.oid = i.inhrelid
      where i.inhparent = c.oid order by 1) as partitions
    from pg_class c join pg_partitioned_table p on p.partrelid = c.oid
    where c.relname = any(${[...YEAR_PARTITIONED_TABLES]}) and c.relnamespace = current_schema()::regnamespace`.execute(
    db,
  );
  return Object.fromEntries(r.rows.map((t) => [t.table, t.partitions]));
}

export interface PartitionResult {
  /** false when the database already had the partitioned layout (nothing was done) */
  partitioned: boolean;
  /** rows of each large table after the move (the same as before it) */
  rows: Record<string, number>;
  /** the partitions made, by table */
  partitions: Record<string, string[]>;
}

async function rowCounts(db: Executor): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  for (const t of YEAR_PARTITIONED_TABLES) {
    const r = await sql<{ n: string }>`select count(*) as n from ${sql.table(t)}`.execute(db);
    rows[t] = Number(r.rows[0]?.n ?? 0);
  }
  return rows;
}

/**
 * The province layout: the large tables partitioned by year with region_code leading their keys
 * (migrations/optional/province-partitions.sql), in one transaction — a failure leaves the
 * database as it was. For a province's PostgreSQL; a county's embedded database gains nothing from
 * it and its writes get slower (docs/scale.md "Province data"). Needs migrations through 0280. Run
 * a second time it does nothing and says so. The row counts of every moved table are compared
 * before and after, inside the transaction. Partitions are made from the first year the rows
 * hold (at most ten back), or from `fromYear` when earlier (a province about to import its history:
 * rows of a year without a partition go to the default partition, where no year pruning reaches).
 */
export async function partitionByYear(
  db: Executor,
  opts: { fromYear?: number } = {},
): Promise<PartitionResult> {
  const text = fs.readFileSync(PROVINCE_PARTITIONS_SQL, 'utf8');
  return withMigrationLock(db, async (conn) => {
    const ready = await sql<{ ok: boolean }>`
      select to_regproc('fazhi_year_partitions') is not null as ok`.execute(conn);
    if (!ready.rows[0]?.ok) throw new Error('数据库尚未迁移到 0280,请先运行 fazhi migrate');
    const existing = await partitionsOf(conn);
    if (Object.keys(existing).length > 0) {
      return { partitioned: false, rows: await rowCounts(conn), partitions: existing };
    }
    return await conn.transaction().execute(async (trx) => {
      const before = await rowCounts(trx);
      if (opts.fromYear !== undefined)
        await sql`select set_config('fazhi.partition_from', ${String(opts.fromYear)}, true)`.execute(trx);
      await sql.raw(text).execute(trx);
      const after = await rowCounts(trx);
      for (const t of YEAR_PARTITIONED_TABLES) {
        if (before[t] !== after[t])
          throw new Error(`分区后 ${t} 的行数 ${after[t]} 与分区前 ${before[t]} 不符,已回滚`);
      }
      return { partitioned: true, rows: after, partitions: await partitionsOf(trx) };
    });
  });
}
