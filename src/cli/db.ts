import fs from 'node:fs';
import path from 'node:path';
import { migrate } from '../platform/db/migrate.js';
import { type DatabaseHandle, openDatabase } from '../platform/db/open.js';
import { config } from './config.js';

/** Opens the configured database (PGlite folder or DATABASE_URL) and applies pending migrations. */
export async function openConfigured(opts: { quiet?: boolean } = {}): Promise<DatabaseHandle> {
  const c = config();
  const handle = c.databaseUrl
    ? await openDatabase({ url: c.databaseUrl })
    : await openDatabase({ dataDir: path.join(c.dataDir, 'pgdata') });
  const applied = await migrate(handle.db, (id) => {
    if (!opts.quiet) process.stderr.write(`应用迁移 ${id}\n`);
  });
  if (applied.length > 0 && !opts.quiet) process.stderr.write(`已应用 ${applied.length} 个迁移\n`);
  return handle;
}

export function filesDir(): string {
  const dir = path.join(config().dataDir, 'files');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
