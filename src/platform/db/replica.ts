import { sql } from 'kysely';
import type { DatabaseHandle } from './open.js';
import type { Db } from './types.js';

/** A WAL position as PostgreSQL prints it (`16/B374D848`). */
const LSN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i;

export const isLsn = (v: unknown): v is string => typeof v === 'string' && LSN.test(v);

/** Where the primary's WAL ends now: every write committed before this call is at or below it. */
export async function currentLsn(db: Db): Promise<string> {
  const r = await sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(db);
  const lsn = r.rows[0]?.lsn;
  if (!isLsn(lsn)) throw new Error(`unexpected WAL position: ${String(lsn)}`);
  return lsn;
}

/** Whether the replica has replayed the primary's WAL up to `lsn` (a primary has, trivially). */
export async function replayedTo(replica: Db, lsn: string): Promise<boolean> {
  const r = await sql<{ ok: boolean | null }>`
    select case when pg_is_in_recovery() then pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn else true end as ok`.execute(
    replica,
  );
  return r.rows[0]?.ok === true;
}

let warnedAt = 0;

/**
 * The database a lag-tolerant read goes to: the replica when there is one, it answers, and it
 * has replayed the reader's own last write (`lastWrite`, the WAL position after it); else the
 * primary. The replica is asked on every call (one short query), so a replica that has gone away
 * sends reads to the primary at once rather than failing them.
 */
export async function readerFor(handle: DatabaseHandle, lastWrite?: string | null): Promise<Db> {
  const replica = handle.replica;
  if (!replica) return handle.db;
  try {
    if (!isLsn(lastWrite)) {
      await sql`select 1`.execute(replica);
      return replica;
    }
    return (await replayedTo(replica, lastWrite)) ? replica : handle.db;
  } catch (err) {
    if (Date.now() - warnedAt > 60_000) {
      warnedAt = Date.now();
      process.stderr.write(`只读副本不可用,读请求改由主库处理:${(err as Error).message}\n`);
    }
    return handle.db;
  }
}
