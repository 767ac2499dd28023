import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { migrate } from '../platform/db/migrate.js';
import { type DatabaseHandle, openDatabase } from '../platform/db/open.js';
import { config } from './config.js';

/** Opens the configured database (PGlite folder or DATABASE_URL) and applies pending migrations. */
export async function openConfigured(opts: { quiet?: boolean } = {}): Promise<DatabaseHandle> {
  const c = config();
  const handle = c.databaseUrl
    ? await openDatabase({ url: c.databaseUrl, ...(c.replicaUrl ? { replicaUrl: c.replicaUrl } : {}) })
    : await openDatabase({ dataDir: path.join(c.dataDir, 'pgdata') });
  const applied = await migrate(handle.db, (id) => {
    if (!opts.quiet) process.stderr.write(`应用迁移 ${id}\n`);
  });
  if (applied.length > 0 && !opts.quiet) process.stderr.write(`已应用 ${applied.length} 个迁移\n`);
  // pg_trgm silently drops Chinese characters unless LC_CTYPE is UTF-8 (TECH-NOTES)
  const ctype = await sql<{
    datctype: string;
  }>`select datctype from pg_database where datname = current_database()`.execute(handle.db);
  const value = ctype.rows[0]?.datctype ?? '';
  if (!/utf-?8/i.test(value)) {
    process.stderr.write(
      `警告:数据库的 LC_CTYPE 为 ${value},不是 UTF-8,中文全文检索将无法使用索引;请用 UTF-8 区域设置(如 C.UTF-8)创建数据库\n`,
    );
  }
  return handle;
}

/**
 * Runs `fn` on the configured database and closes it after, whether `fn` succeeds or throws: the
 * shape of every command that reads or writes the database. Quiet (no migration lines) unless told.
 */
export async function withDatabase<T>(
  fn: (h: DatabaseHandle) => Promise<T>,
  opts: { quiet?: boolean } = { quiet: true },
): Promise<T> {
  const h = await openConfigured(opts);
  try {
    return await fn(h);
  } finally {
    await h.close();
  }
}

export function filesDir(): string {
  const dir = path.join(config().dataDir, 'files');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
