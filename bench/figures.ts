// All registry figures of a county-year against one hand-written aggregate pass, in one run on one
// engine (issue 16 / issue 17 item 4). PostgreSQL when BENCH_DATABASE_URL is set, else PGlite.
//   BENCH_CASES=100000 npx tsx bench/figures.ts
//   BENCH_CASES=1000000 BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/figures.ts
// BENCH_REUSE=1 (PostgreSQL) keeps the filled database `fazhi_bench_figures_<cases>` between runs and
// reuses it when it is there (BENCH_DB names another database); BENCH_PROFILE=1 also times each grouped scan and the slowest of the other figures, one at a time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { seedOfficers } from '../src/domains/enforcement/officers/seed.js';
import { demoUscc, seedOrgs } from '../src/domains/org/seed.js';
import { chinaDate, systemCtx } from '../src/platform/context.js';
import { migrate } from '../src/platform/db/migrate.js';
import { caseAggregate } from './case-aggregate.js';
import { type DatabaseHandle, openDatabase } from '../src/platform/db/open.js';
import { groupByScan, scanPass } from '../src/report/one-pass.js';
import { computeFigures, loadRegistry, rootOrgId, yearPeriod } from '../src/report/registry.js';
import { fillCases } from './million.js';

const cases = Number(process.env.BENCH_CASES ?? 100_000);
const url = process.env.BENCH_DATABASE_URL;
const reuse = process.env.BENCH_REUSE === '1';
const profile = process.env.BENCH_PROFILE === '1';
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

async function open(): Promise<{
  h: DatabaseHandle;
  done: () => Promise<void>;
  engine: string;
  filled: boolean;
}> {
  if (url) {
    const { default: pg } = await import('pg');
    const name = process.env.BENCH_DB ?? (reuse ? `fazhi_bench_figures_${cases}` : 'fazhi_bench_figures');
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
    if (!reuse || !exists) {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.query(
        `create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`,
      );
    }
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    const h = await openDatabase({ url: u.toString() });
    let filled = false;
    if (reuse && exists) {
      const n = await sql<{ n: number }>`select count(*)::int as n from enforcement_case`.execute(h.db).then(
        (r) => r.rows[0]?.n ?? 0,
        () => 0,
      );
      filled = n === cases;
    }
    return { h, done: () => h.close(), engine: 'PostgreSQL', filled };
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
    filled: false,
  };
}

const { h, done, engine, filled } = await open();
try {
  await migrate(h.db);
  const ctx = systemCtx(h.db);
  if (!filled) {
    await seedOrgs(ctx, 'Bench-passw0rd', demoUscc);
    await seedOfficers(ctx, chinaDate(new Date()));
    const t0 = performance.now();
    await fillCases(h.db, cases, chinaDate(new Date()));
    log(
      `${engine}: ${cases.toLocaleString('en')} cases loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  } else log(`${engine}: reusing the database with ${cases.toLocaleString('en')} cases`);
  await sql`analyze`.execute(h.db);
  const registry = await loadRegistry(h.db);
  const root = await rootOrgId(h.db);
  const year = Number(chinaDate(new Date()).slice(0, 4)) - 1;
  const period = yearPeriod(year);
  const orgIds = (await h.db.selectFrom('org').select('id').execute()).map((o) => o.id);
  // the hand-written pass: one aggregate over the year's decided cases (what the case figures need)
  const aggregate = () => caseAggregate(h.db, period, orgIds);
  await computeFigures(ctx, registry, root, period);
  await aggregate();
  const base = await median(5, aggregate);
  const subject = await median(5, () => computeFigures(ctx, registry, root, period));
  const line = `| ${engine}: all ${registry.all.length} registry figures, county ${year}, ${cases.toLocaleString('en')} cases | ${base.toFixed(1)} ms one aggregate | ${subject.toFixed(1)} ms | ${(subject / base).toFixed(2)}× |`;
  process.stdout.write(`${line}\n`);
  if (profile) {
    const q = {
      scope: ctx.scope,
      orgId: root,
      orgIds,
      from: period.from,
      to: period.to,
      today: chinaDate(new Date()),
    };
    // per phase, as figureValues runs them but one at a time: each grouped scan, then the rest
    const scans: [string, number][] = [];
    for (const { scan, defs } of groupByScan(registry.all)) {
      const t = performance.now();
      await scanPass(h.db, q, scan, defs);
      scans.push([`${scan.key} (${defs.length} figures)`, performance.now() - t]);
    }
    const times: [string, number][] = [];
    for (const d of registry.all) {
      if (d.grouped || (d.numerator && d.denominator)) continue;
      const t = performance.now();
      await d.compute(h.db, q);
      times.push([d.id, performance.now() - t]);
    }
    const sum = (xs: [string, number][]) => xs.reduce((s, [, t]) => s + t, 0).toFixed(0);
    scans.sort((a, b) => b[1] - a[1]);
    times.sort((a, b) => b[1] - a[1]);
    log(`grouped: ${sum(scans)} ms over ${scans.length} scans; slowest:`);
    for (const [id, t] of scans.slice(0, 8)) log(`  ${t.toFixed(1).padStart(8)} ms  ${id}`);
    log(`the rest one by one: ${sum(times)} ms over ${times.length} figures; slowest:`);
    for (const [id, t] of times.slice(0, 25)) log(`  ${t.toFixed(1).padStart(8)} ms  ${id}`);
  }
} finally {
  await done();
}
