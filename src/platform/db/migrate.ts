import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Kysely, sql } from 'kysely';
import type { Database } from './types.js';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/', import.meta.url));

/** Held while migrations (or `fazhi partition`) change the schema: one server at a time. */
const MIGRATION_LOCK = 7242001;

/**
 * Runs `fn` on one connection holding the schema lock (an advisory lock), released whether `fn`
 * succeeds or throws: migrations and `fazhi partition` never run at once, from any server.
 */
export async function withMigrationLock<T>(
  db: Kysely<Database>,
  fn: (conn: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`.execute(conn);
    try {
      return await fn(conn);
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(conn);
    }
  });
}

export interface Migration {
  id: string;
  sql: string;
  checksum: string;
}

/** Plain-SQL migrations `NNNN_name.sql`, applied in file-name order; the same files on both engines. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      return {
        id: f.replace(/\.sql$/, ''),
        sql: text,
        checksum: createHash('sha256').update(text).digest('hex'),
      };
    });
}

/**
 * Applies pending migrations, each in its own transaction. An advisory lock keeps two servers
 * starting at once against one PostgreSQL from applying the same migration twice. A changed
 * file that was already applied is refused: migrations are append-only. Then the large tables'
 * year partitions are made through next year (`yearPartitionsAhead`).
 */
export async function migrate(
  db: Kysely<Database>,
  onProgress: (id: string) => void = () => {},
): Promise<string[]> {
  const applied: string[] = [];
  await withMigrationLock(db, async (conn) => {
    await sql`create table if not exists schema_migrations (
      id text primary key, checksum text not null, applied_at timestamptz not null default now())`.execute(
      conn,
    );
    const rows = await sql<{
      id: string;
      checksum: string;
    }>`select id, checksum from schema_migrations`.execute(conn);
    const done = new Map(rows.rows.map((r) => [r.id, r.checksum]));
    for (const m of loadMigrations()) {
      const prev = done.get(m.id);
      if (prev !== undefined) {
        if (prev !== m.checksum) throw new Error(`迁移 ${m.id} 已应用但文件内容被修改;迁移只能追加,不能修改`);
        continue;
      }
      onProgress(m.id);
      await conn.transaction().execute(async (trx) => {
        await sql.raw(m.sql.includes(';') ? m.sql : `${m.sql};`).execute(trx);
        await sql`insert into schema_migrations (id, checksum) values (${m.id}, ${m.checksum})`.execute(trx);
      });
      applied.push(m.id);
    }
    await yearPartitionsAhead(conn);
  });
  return applied;
}

/**
 * Next year's partition of every year-partitioned table (`fazhi partition`), made a year ahead:
 * run by every migrate, so by `fazhi migrate` and at each server start. Returns how many it
 * created (0 on a database without the partitioned layout).
 */
export async function yearPartitionsAhead(db: Kysely<Database>): Promise<number> {
  const fn = await sql<{
    ok: boolean;
  }>`select to_regproc('fazhi_year_partitions_ahead') is not null as ok`.execute(db);
  if (!fn.rows[0]?.ok) return 0;
  const r = await sql<{ n: number }>`select fazhi_year_partitions_ahead() as n`.execute(db);
  return r.rows[0]?.n ?? 0;
}
