import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { migrate } from '../platform/db/migrate.js';
import { partitionByYear } from '../platform/db/partition.js';
import { type DatabaseHandle, openDatabase } from '../platform/db/open.js';

/**
 * The engines a database test runs on: PGlite always; PostgreSQL when TEST_DATABASE_URL is set.
 * In CI a missing TEST_DATABASE_URL is an error, not a silent skip.
 */
export interface TestEngine {
  name: 'pglite' | 'postgres';
  /** A fresh, migrated, empty database of its own. */
  open(): Promise<DatabaseHandle>;
}

/**
 * `FAZHI_TEST_LAYOUT=partitioned`: the templates take `fazhi partition` after migrating, so the
 * tests run on the province layout (scripts/test.mjs runs the tests that write the large tables a
 * second time so, on PostgreSQL only when it is set).
 */
export const partitionedLayout = () => process.env.FAZHI_TEST_LAYOUT === 'partitioned';

/** Migrates a new database, then partitions it when the run asks for the province layout. */
async function migrateForLayout(h: DatabaseHandle): Promise<void> {
  await migrate(h.db);
  if (partitionedLayout()) await partitionByYear(h.db);
}

export const TEMPLATE_DUMP = path.resolve(
  partitionedLayout() ? '.tmp/pglite-template-partitioned.tar' : '.tmp/pglite-template.tar',
);
/**
 * Each test run has its own template and database names, so two runs on one server (two
 * developers, or CI beside a developer) never drop each other's databases.
 */
const runId = () => {
  if (!process.env.FAZHI_TEST_RUN) process.env.FAZHI_TEST_RUN = randomUUID().replace(/-/g, '').slice(0, 8);
  return process.env.FAZHI_TEST_RUN;
};
const templateDb = () => `fazhi_tpl_${runId()}${partitionedLayout() ? '_p' : ''}`;

export function testEngines(): TestEngine[] {
  const url = process.env.TEST_DATABASE_URL;
  if (!url && process.env.CI === 'true') {
    throw new Error('CI 中必须设置 TEST_DATABASE_URL,测试须在 PostgreSQL 上运行');
  }
  const engines: TestEngine[] = [{ name: 'pglite', open: openPglite }];
  if (url) engines.push({ name: 'postgres', open: () => openPostgres(url) });
  // the province layout is PostgreSQL's: PGlite takes it only where there is no server
  if (partitionedLayout() && url) return engines.filter((e) => e.name === 'postgres');
  return engines;
}

async function openPglite(): Promise<DatabaseHandle> {
  // a migrated template dumped once by the global setup; loading it is much cheaper than initdb
  if (fs.existsSync(TEMPLATE_DUMP)) {
    const buf = fs.readFileSync(TEMPLATE_DUMP);
    const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
    return openDatabase({ loadDataDir: ab });
  }
  const h = await openDatabase({});
  await migrateForLayout(h);
  return h;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A new database per test file, copied from a migrated template database. */
async function openPostgres(url: string): Promise<DatabaseHandle> {
  const name = `fazhi_t_${runId()}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${templateDb()}`);
  } finally {
    await admin.end();
  }
  const h = await openDatabase({ url: withDatabase(url, name), poolSize: 4 });
  await migrate(h.db); // no-op on the template's level; applies anything newer
  return {
    ...h,
    close: async () => {
      await h.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** Runs once before all test files (vitest globalSetup): builds both templates. */
export async function buildTemplates(): Promise<void> {
  fs.mkdirSync(path.dirname(TEMPLATE_DUMP), { recursive: true });
  const h = await openDatabase({});
  await migrateForLayout(h);
  const dump = await h.pglite?.dump();
  if (dump) fs.writeFileSync(TEMPLATE_DUMP, Buffer.from(dump));
  await h.close();
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`drop database if exists ${templateDb()} with (force)`);
      await admin.query(
        `create database ${templateDb()} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`,
      );
    } finally {
      await admin.end();
    }
    const t = await openDatabase({ url: withDatabase(url, templateDb()), poolSize: 1 });
    await migrateForLayout(t);
    await t.close();
  }
}

/** Runs once after all test files: drops this run's template and any database it left behind. */
export async function dropTemplates(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const left = await admin.query<{ datname: string }>(
      'select datname from pg_database where datname like $1 or datname = $2',
      [`fazhi_t_${runId()}_%`, templateDb()],
    );
    for (const r of left.rows) await admin.query(`drop database if exists ${r.datname} with (force)`);
  } finally {
    await admin.end();
  }
}
