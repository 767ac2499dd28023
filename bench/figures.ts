// All registry figures of a county-year against one hand-written aggregate pass, in one run on one
// engine (issue 16 / issue 17 item 4). PostgreSQL when BENCH_DATABASE_URL is set, else PGlite.
//   BENCH_CASES=100000 npx tsx bench/figures.ts
//   BENCH_CASES=1000000 BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/figures.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { seedOfficers } from '../src/domains/enforcement/seed-officers.js';
import { demoUscc, seedOrgs } from '../src/domains/org/seed.js';
import { chinaDate, systemCtx } from '../src/platform/context.js';
import { migrate } from '../src/platform/db/migrate.js';
import { type DatabaseHandle, openDatabase } from '../src/platform/db/open.js';
import { computeFigures, loadRegistry, rootOrgId, yearPeriod } from '../src/report/registry.js';
import { fillCases } from './million.js';

const cases = Number(process.env.BENCH_CASES ?? 100_000);
const url = process.env.BENCH_DATABASE_URL;
const log = (s: string) => process.stderr.write(`${s}\n`);

async function median(n: number, f: () => Promise<unknown>): Promise<number> {
  const ts: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await f();
    ts.push(performance.now() - t);
  }
  return ts.sort((a, b) => a - b)[Math.floor(n / 2)] ?? 0;
}

async function open(): Promise<{ h: DatabaseHandle; done: () => Promise<void>; engine: string }> {
  if (url) {
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('drop database if exists fazhi_bench_figures with (force)');
    await admin.query(
      "create database fazhi_bench_figures template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'",
    );
    await admin.end();
    const u = new URL(url);
    u.pathname = '/fazhi_bench_figures';
    const h = await openDatabase({ url: u.toString() });
    return { h, done: () => h.close(), engine: 'PostgreSQL' };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-figures-'));
  const h = await openDatabase({ dataDir: path.join(dir, 'pgdata') });
  return {
    h,
    done: async () => {
      await h.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
    engine: 'PGlite',
  };
}

const { h, done, engine } = await open();
try {
  await migrate(h.db);
  const ctx = systemCtx(h.db);
  await seedOrgs(ctx, 'Bench-passw0rd', demoUscc);
  await seedOfficers(ctx, chinaDate(new Date()));
  const t0 = performance.now();
  await fillCases(h.db, cases, chinaDate(new Date()));
  log(
    `${engine}: ${cases.toLocaleString('en')} cases loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  await sql`analyze`.execute(h.db);
  const registry = await loadRegistry(h.db);
  const root = await rootOrgId(h.db);
  const year = Number(chinaDate(new Date()).slice(0, 4)) - 1;
  const period = yearPeriod(year);
  const orgIds = (await h.db.selectFrom('org').select('id').execute()).map((o) => o.id);
  // the hand-written pass: one aggregate over the year's decided cases (what the case figures need)
  const aggregate = () =>
    sql`
      select count(*) as decided, count(*) filter (where is_major) as major,
        count(*) filter (where is_major and reviewed) as major_reviewed, sum(amount) as fines,
        count(*) filter (where category = 'penalty') as penalties, count(*) filter (where procedure = 'summary') as summary
      from enforcement_case
      where decided_on between ${period.from}::date and ${period.to}::date and org_id = any(${orgIds}::uuid[])`.execute(
      h.db,
    );
  await computeFigures(ctx, registry, root, period);
  await aggregate();
  const base = await median(5, aggregate);
  const subject = await median(5, () => computeFigures(ctx, registry, root, period));
  const line = `| ${engine}: all ${registry.all.length} registry figures, county ${year}, ${cases.toLocaleString('en')} cases | ${base.toFixed(1)} ms one aggregate | ${subject.toFixed(1)} ms | ${(subject / base).toFixed(2)}× |`;
  process.stdout.write(`${line}\n`);
} finally {
  await done();
}
