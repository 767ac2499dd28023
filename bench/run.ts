// `npm run bench`: each measurement against a baseline in the same run, reported as ratios.
import { fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import '../src/platform/validation.js';
import { type DatabaseHandle, openDatabase } from '../src/platform/db/open.js';
import { migrate } from '../src/platform/db/migrate.js';
import { seedDemo } from '../src/report/demo.js';
import { runCaseBenches } from './cases.bench.js';
import { runDrawBench } from './draw.bench.js';
import { runLegalityBenches } from './legality.bench.js';
import { runProvinceBench } from './province.js';

interface Row {
  name: string;
  baseline: string;
  subject: string;
  ratio: string;
  /** why the row is not a measurement (its subject or baseline answered errors) */
  failed?: string;
}
const rows: Row[] = [];
const log = (s: string) => process.stderr.write(`${s}\n`);
const PASSWORD = 'Bench-passw0rd';

// The server part (start-up, the officer ledger under load) runs on the demo county seeded at
// BENCH_SERVER_SCALE (default 0.1). The demo's orgs, users, bodies, officers and certificates —
// all the officer ledger reads — are the same at every scale; only the volumes of cases and
// other records shrink. Seeding the full demo took 154 s on PGlite and 80 s on PostgreSQL on the
// development machine (23 s at 0.1 on PostgreSQL). BENCH_SERVER_SCALE=1 seeds it whole.
const serverScale = Number(process.env.BENCH_SERVER_SCALE ?? 0.1);

async function seededFolder(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-'));
  const h = await openDatabase({ dataDir: path.join(dir, 'pgdata') });
  await migrate(h.db);
  await seedDemo(h.db, { password: PASSWORD, log, scale: serverScale });
  await h.close();
  return dir;
}

/** Runs `fn` on a fresh PGlite database in a temporary folder, closed and removed after. */
async function onTempPglite<T>(name: string, fn: (h: DatabaseHandle) => Promise<T>): Promise<T> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `fazhi-bench-${name}-`));
  const h = await openDatabase({ dataDir: path.join(tmp, 'pgdata') });
  try {
    return await fn(h);
  } finally {
    await h.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Runs `fn` on a database of the PostgreSQL server, closed after and dropped unless it is kept. */
async function onServerDatabase<T>(
  db: { url: string; drop?: () => Promise<void> },
  fn: (h: DatabaseHandle) => Promise<T>,
): Promise<T> {
  const h = await openDatabase({ url: db.url });
  try {
    return await fn(h);
  } finally {
    await h.close();
    await db.drop?.();
  }
}

function waitHealthy(url: string, started: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const tick = async () => {
      try {
        const r = await fetch(`${url}/api/health`);
        if (r.ok) return resolve(Date.now() - started);
      } catch {}
      if (Date.now() - started > 120_000) return reject(new Error('server did not become healthy'));
      setTimeout(tick, 25);
    };
    void tick();
  });
}

/** Start-up of `fazhi serve` on an existing folder vs a bare process opening the same folder. */
async function startup(dir: string): Promise<void> {
  const bareStart = Date.now();
  await new Promise<void>((resolve, reject) => {
    const p = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `
      import { openDatabase } from './src/platform/db/open.ts';
      const h = await openDatabase({ dataDir: ${JSON.stringify(path.join(dir, 'pgdata'))} });
      await h.db.selectFrom('org').select('id').limit(1).execute();
      await h.close();`,
      ],
      { stdio: 'inherit' },
    );
    p.on('exit', (c) => (c === 0 ? resolve() : reject(new Error(`bare open exited ${c}`))));
  });
  const bare = Date.now() - bareStart;
  const port = 18000 + Math.floor(Math.random() * 1000);
  const started = Date.now();
  const child = spawn(process.execPath, ['bin/fazhi.mjs', 'serve'], {
    env: { ...process.env, FAZHI_DATA_DIR: dir, PORT: String(port), FAZHI_LOG: '0', DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const ms = await waitHealthy(`http://127.0.0.1:${port}`, started);
  const rss =
    Number((fs.readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/) ?? [])[1] ?? 0) /
    1024;
  child.kill('SIGTERM');
  await new Promise((r) => child.on('exit', r));
  rows.push({
    name: `start-up to healthy /api/health (existing demo folder, scale ${serverScale})`,
    baseline: `${bare} ms bare open+query`,
    subject: `${ms} ms`,
    ratio: (ms / bare).toFixed(2),
  });
  rows.push({
    name: `memory after start-up with the demo (RSS, scale ${serverScale})`,
    baseline: '—',
    subject: `${rss.toFixed(0)} MB`,
    ratio: '—',
  });
}

async function cannon(url: string, headers: Record<string, string>) {
  const r = await autocannon({
    url,
    connections: 50,
    duration: Number(process.env.BENCH_SECONDS ?? 10),
    headers,
  });
  // which answers were not 2xx, so a FAILED row says what went wrong
  const codes = Object.entries(r.statusCodeStats ?? {})
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, v]) => `${code}×${(v as { count: number }).count}`)
    .join(', ');
  // a run that got no 2xx answer at all (every request still waiting at the end, or refused)
  // is a failure too, not a throughput of 0
  const none = r['2xx'] === 0 ? 1 : 0;
  return {
    rps: r.requests.average,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx + r.timeouts + none,
    what: [
      codes,
      r.errors ? `${r.errors} connection errors` : '',
      r.timeouts ? `${r.timeouts} timeouts` : '',
      none ? 'no 2xx answer in the whole run' : '',
    ]
      .filter(Boolean)
      .join(', '),
  };
}

/** A row whose subject or baseline answered errors is a failed row, not a ratio. */
function failure(parts: { label: string; errors: number; what: string }[]): string | undefined {
  const bad = parts.filter((p) => p.errors > 0);
  return bad.length ? bad.map((p) => `${p.label}: ${p.errors} errors (${p.what})`).join('; ') : undefined;
}

async function listRoute(label: string, env: Record<string, string>): Promise<void> {
  const child = fork('bench/server.ts', [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const { port } = await new Promise<{ port: number }>((resolve) =>
    child.once('message', (m) => resolve(m as { port: number })),
  );
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  if (!login.ok) throw new Error(`${label}: bench login answered ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const plain = await cannon(`${base}/bench/plain`, {});
  const bare = await cannon(`${base}/bench/bare`, {});
  // while the ledger is under load, a health probe shows whether the HTTP loop itself stalls
  const [app, probe] = await Promise.all([
    cannon(`${base}/api/enforcement/officers?pageSize=20`, { cookie }),
    autocannon({
      url: `${base}/api/health/live`,
      connections: 1,
      duration: Number(process.env.BENCH_SECONDS ?? 10),
    }),
  ]);
  child.send('rss');
  const { rss } = await new Promise<{ rss: number }>((resolve) =>
    child.once('message', (m) => resolve(m as { rss: number })),
  );
  // the server's connections must be closed before its database is dropped (a forced drop
  // terminates them, and the child would die on the error)
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send('stop');
  await exited;
  const failed = failure([
    { label: 'subject', ...app },
    { label: 'bare route', ...bare },
    { label: 'plain SELECT route', ...plain },
  ]);
  rows.push({
    name: `${label}: GET /api/enforcement/officers (900-officer ledger, 20 rows, session, scope) × 50 connections`,
    baseline: `${bare.rps.toFixed(0)} req/s, p99 ${bare.p99} ms (bare query route; a plain 20-row SELECT route ${plain.rps.toFixed(0)} req/s, p99 ${plain.p99} ms)`,
    subject: `${app.rps.toFixed(0)} req/s, p99 ${app.p99} ms, errors ${app.errors}`,
    ratio: failed
      ? 'FAILED'
      : `${(app.rps / bare.rps).toFixed(2)} throughput; RSS ${(rss / 1048576).toFixed(0)} MB`,
    ...(failed ? { failed } : {}),
  });
  const probeErrors = probe.errors + probe.non2xx + probe.timeouts;
  rows.push({
    name: `${label}: event-loop probe GET /api/health/live during that load`,
    baseline: '—',
    subject: `p50 ${probe.latency.p50} ms, p99 ${probe.latency.p99} ms`,
    ratio: probeErrors ? 'FAILED' : '—',
    ...(probeErrors ? { failed: `probe: ${probeErrors} errors` } : {}),
  });
}

/**
 * A fresh database of this run's own on the PostgreSQL server (UTF-8, C.UTF-8 so pg_trgm keeps
 * Chinese characters): two benches on one server never drop each other's. `BENCH_DB_PREFIX`
 * (default fazhi_bench) starts its name; `drop` removes it.
 */
async function freshDatabase(
  serverUrl: string,
  part: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const { default: pg } = await import('pg');
  const name = `${process.env.BENCH_DB_PREFIX ?? 'fazhi_bench'}_${part}_${process.pid}`;
  const admin = async (text: string) => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    try {
      await c.query(text);
    } finally {
      await c.end();
    }
  };
  await admin(`drop database if exists ${name} with (force)`);
  await admin(
    `create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`,
  );
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

/** A database of this name kept between runs (BENCH_REUSE=1): created when it is not there. */
async function keptDatabase(serverUrl: string, part: string): Promise<{ url: string }> {
  const { default: pg } = await import('pg');
  const name = `${process.env.BENCH_DB_PREFIX ?? 'fazhi_bench'}_${part}`;
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    const there = await c.query('select 1 from pg_database where datname = $1', [name]);
    if (there.rowCount === 0)
      await c.query(
        `create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`,
      );
  } finally {
    await c.end();
  }
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return { url: u.toString() };
}

// BENCH_PARTS picks parts (comma-separated: server, draw, cases, legality; default all of them);
// `--province` runs only the province bench (bench/province.ts; PostgreSQL)
const province = process.argv.includes('--province');
const parts = new Set(
  province ? [] : (process.env.BENCH_PARTS ?? 'server,draw,cases,legality').split(',').map((p) => p.trim()),
);
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
// how long each part took, printed after the table (the default run must stay under 10 minutes)
const took: string[] = [];
let partStart = Date.now();
const benchStart = partStart;
const partDone = (name: string) => {
  if (parts.has(name) || (name === 'province' && province))
    took.push(`${name} ${((Date.now() - partStart) / 1000).toFixed(0)} s`);
  partStart = Date.now();
};
const size = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
if (province) {
  if (!pgUrl)
    throw new Error('--province needs a PostgreSQL server: set BENCH_DATABASE_URL or TEST_DATABASE_URL');
  const counties = size('BENCH_PROVINCE_COUNTIES', 100);
  const cases = size('BENCH_PROVINCE_CASES', 10_000_000);
  // BENCH_REUSE=1 keeps the filled province (`<prefix>_province_keep_<counties>_<cases>`), as for the case ledger
  const fresh: { url: string; drop?: () => Promise<void> } =
    process.env.BENCH_REUSE === '1'
      ? await keptDatabase(pgUrl, `province_keep_${counties}_${cases}`)
      : await freshDatabase(pgUrl, 'province');
  rows.push(
    ...(await onServerDatabase(fresh, (pgh) =>
      runProvinceBench(pgh, { counties, cases, importRows: size('BENCH_PROVINCE_IMPORT_ROWS', 20_000) }),
    )),
  );
}
partDone('province');
const dir = parts.has('server') ? await seededFolder() : null;
if (dir) {
  await startup(dir);
  await listRoute('PGlite', { BENCH_DATA_DIR: path.join(dir, 'pgdata') });
}
if (dir && pgUrl) {
  // a fresh database on the server, seeded the same way
  const fresh = await freshDatabase(pgUrl, 'server');
  const h = await openDatabase({ url: fresh.url });
  await migrate(h.db);
  await seedDemo(h.db, { password: PASSWORD, log, scale: serverScale });
  await h.close();
  await listRoute('PostgreSQL', { BENCH_DATABASE_URL: fresh.url });
  await fresh.drop();
}
if (dir) fs.rmSync(dir, { recursive: true, force: true });
partDone('server');

for (const r of parts.has('draw') ? await runDrawBench() : []) {
  rows.push({
    name: r.name,
    baseline: `${r.baselineMs.toFixed(1)} ms plain shuffle`,
    subject: `${r.subjectMs.toFixed(1)} ms`,
    ratio: r.ratio.toFixed(1),
  });
}

partDone('draw');

// Historical import and the case ledger at scale, on each engine in a database of its own.
// Sizes (0 skips a part): BENCH_IMPORT_ROWS, import on PGlite (default 10,000);
// BENCH_PG_IMPORT_ROWS, import on PostgreSQL (default 20,000); BENCH_PGLITE_CASES (default
// 20,000) and BENCH_CASES (PostgreSQL, default 100,000), the generated ledger. The defaults keep
// `npm run bench` under 10 minutes on a 2-core machine; the sizes are set by hand
// (BENCH_IMPORT_ROWS=100000 BENCH_PGLITE_CASES=100000 BENCH_CASES=1000000).
if (parts.has('cases')) {
  rows.push(
    ...(await onTempPglite('cases', (h) =>
      runCaseBenches('PGlite', h, {
        importRows: size('BENCH_IMPORT_ROWS', 10_000),
        cases: size('BENCH_PGLITE_CASES', 20_000),
      }),
    )),
  );
  if (pgUrl) {
    // BENCH_REUSE=1 keeps the filled ledger database (`<prefix>_cases_keep_<cases>`) after the run
    // and reuses it when it already holds that many cases: the ledger's reads can be measured
    // again without an hour of filling at 1,000,000 cases (drop it by hand when done)
    const reuse = process.env.BENCH_REUSE === '1';
    const cases = size('BENCH_CASES', 100_000);
    const fresh: { url: string; drop?: () => Promise<void> } = reuse
      ? await keptDatabase(pgUrl, `cases_keep_${cases}`)
      : await freshDatabase(pgUrl, 'cases');
    rows.push(
      ...(await onServerDatabase(fresh, (pgh) =>
        runCaseBenches('PostgreSQL', pgh, { importRows: size('BENCH_PG_IMPORT_ROWS', 20_000), cases, reuse }),
      )),
    );
  }
}

partDone('cases');

// The legality desk's queue and the public document search (issue #12): BENCH_LEGALITY_DOCS and
// BENCH_LEGALITY_REVIEWS on PostgreSQL (default 20,000 each; the figures are taken at
// 100,000), BENCH_PGLITE_LEGALITY on PGlite (default 5,000 each; 0 skips) — so that the default
// `npm run bench` stays within ten minutes on a laptop.
if (parts.has('legality')) {
  const n = size('BENCH_PGLITE_LEGALITY', 5_000);
  if (n > 0) {
    rows.push(
      ...(await onTempPglite('legality', (h) =>
        runLegalityBenches('PGlite', h, { documents: n, reviews: n }),
      )),
    );
  }
  if (pgUrl) {
    rows.push(
      ...(await onServerDatabase(await freshDatabase(pgUrl, 'legality'), (pgh) =>
        runLegalityBenches('PostgreSQL', pgh, {
          documents: size('BENCH_LEGALITY_DOCS', 20_000),
          reviews: size('BENCH_LEGALITY_REVIEWS', 20_000),
        }),
      )),
    );
  }
}

partDone('legality');

process.stdout.write('\n| benchmark | baseline | subject | ratio |\n|---|---|---|---|\n');
for (const r of rows) process.stdout.write(`| ${r.name} | ${r.baseline} | ${r.subject} | ${r.ratio} |\n`);
process.stdout.write(`\nTook ${((Date.now() - benchStart) / 60000).toFixed(1)} min: ${took.join(', ')}\n`);
const failedRows = rows.filter((r) => r.failed);
if (failedRows.length) {
  process.stdout.write(`\nFAILED: ${failedRows.length} row(s) measured a subject that answered errors\n`);
  for (const r of failedRows) process.stdout.write(`- ${r.name}: ${r.failed}\n`);
  process.exitCode = 1;
}
