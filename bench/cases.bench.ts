// Historical-case import and the case ledger at scale (issues #3 and #5), each measured against
// a baseline in the same run on the same engine:
//  a. importing N historical cases from .xlsx through the import service vs COPY of the same
//     derived rows into the same tables, and vs COPY into unindexed copies of them;
//  b. GET /api/enforcement/cases with typical filters over M cases vs a plain SELECT of that page;
//  c. every registry figure for a county-year vs one hand-written aggregate query.
// Sizes are set by bench/run.ts from the environment (see there).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type SelectQueryBuilder, sql } from 'kysely';
import { addDays, loadWorkCalendar } from '../src/platform/calendar/index.js';
import { chinaDate, type Ctx, systemCtx } from '../src/platform/context.js';
import { type CopyRows, copyInto } from '../src/platform/db/copy.js';
import { migrate } from '../src/platform/db/migrate.js';
import { caseAggregate } from './case-aggregate.js';
import type { DatabaseHandle } from '../src/platform/db/open.js';
import { newId } from '../src/platform/db/tx.js';
import type { Database } from '../src/platform/db/types.js';
import { demoUscc, seedOrgs } from '../src/domains/org/seed.js';
import { demoDepartments } from '../src/domains/org/demo-county.js';
import { importCases } from '../src/domains/enforcement/cases/import/import.js';
import { actionCopyRows, caseCopyRows } from '../src/domains/enforcement/cases/import/store.js';
import { historicalLog } from '../src/domains/enforcement/cases/import/rules.js';
import { projectCase } from '../src/domains/enforcement/cases/projection.js';
import { DEFAULT_MAJOR_THRESHOLDS } from '../src/domains/enforcement/cases/rules.js';
import type { PartyKind } from '../src/domains/enforcement/cases/schema.js';
import { seedOfficers } from '../src/domains/enforcement/officers/seed.js';
import { computeFigures, loadRegistry, orgSubtree, rootOrgId, yearPeriod } from '../src/report/registry.js';
import { buildApp } from '../src/server/app.js';
import { historicalRows, teams, writeHistoricalFile } from './case-file.js';
import { fillCases } from './million.js';

export interface BenchRow {
  name: string;
  baseline: string;
  subject: string;
  ratio: string;
}

const PASSWORD = 'Bench-passw0rd';
const log = (s: string) => process.stderr.write(`${s}\n`);
const ms = (t: number) => `${t < 10 ? t.toFixed(1) : t.toFixed(0)} ms`;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

const middle = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(fn))[1]);
  return middle(times);
}

/**
 * The medians of two sides run in turn, one run of each at a time: a spell of load on the machine
 * falls on both sides alike, not on whichever side happened to be running then.
 */
async function pairedMedians(
  runs: number,
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
): Promise<[number, number]> {
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    ta.push((await timed(a))[1]);
    tb.push((await timed(b))[1]);
  }
  return [middle(ta), middle(tb)];
}

class Rollback extends Error {}

/** The derived rows of the file's cases as COPY payloads of `chunk` cases each (and their acts). */
async function derivedCopyRows(h: DatabaseHandle, n: number, today: string, chunk: number) {
  const calendar = await loadWorkCalendar(h.db);
  const bodies = new Map(
    (
      await h.db
        .selectFrom('enforcement_body as b')
        .innerJoin('org as g', 'g.id', 'b.org_id')
        .select(['b.id', 'b.name', 'b.org_id', 'b.region_code'])
        .execute()
    ).map((b) => [b.name, b]),
  );
  const officerOf = new Map(
    (await h.db.selectFrom('enforcement_certificate').select(['number', 'officer_id']).execute()).map((c) => [
      c.number,
      c.officer_id,
    ]),
  );
  const chunks: { cases: CopyRows; acts: CopyRows }[] = [];
  let cases = caseCopyRows();
  let acts = actionCopyRows();
  for (const row of historicalRows(await teams(h.db, today), n, 'BL')) {
    const b = bodies.get(row.bodyName);
    if (!b) throw new Error(`unknown body ${row.bodyName}`);
    const hl = historicalLog(row, null);
    const facts = { procedure: hl.procedure, partyKind: row.partyKind as PartyKind, openedOn: row.openedOn };
    const p = projectCase({ ...facts, majorReason: null }, hl.log, calendar, DEFAULT_MAJOR_THRESHOLDS);
    const id = newId();
    cases.add([
      id,
      b.region_code,
      b.org_id,
      b.id,
      null,
      row.caseNo,
      row.category,
      hl.procedure,
      row.partyKind,
      row.partyName,
      row.partyKind === 'person' ? row.partyCode : null,
      row.partyKind === 'organisation' ? row.partyCode : null,
      row.facts,
      [officerOf.get(row.certificate1) ?? '', officerOf.get(row.certificate2) ?? ''],
      null,
      p.status,
      row.openedOn,
      p.decided_on,
      p.closed_on,
      p.penalties,
      p.amount === null ? null : p.amount.toFixed(2),
      p.is_major,
      p.reviewed,
      p.next_due_kind,
      p.next_due_on,
      p.action_count,
      p.outcome,
      null,
      null,
    ]);
    for (const [i, a] of hl.log.entries())
      acts.add([
        newId(),
        id,
        b.region_code,
        row.openedOn,
        b.org_id,
        i + 1,
        a.action,
        a.date,
        JSON.stringify(a.data),
        null,
        '',
      ]);
    if (cases.rowCount === chunk) {
      chunks.push({ cases, acts });
      cases = caseCopyRows();
      acts = actionCopyRows();
    }
  }
  if (cases.rowCount > 0) chunks.push({ cases, acts });
  return chunks;
}

/** COPY of the payloads into `into` (the real tables, or bare copies), timed, rolled back. */
async function timedCopy(h: DatabaseHandle, chunks: { cases: CopyRows; acts: CopyRows }[], bare: boolean) {
  let took = 0;
  try {
    await h.db.transaction().execute(async (trx) => {
      if (bare)
        // columns, defaults and the generated search columns; no keys, indexes, checks or triggers
        for (const t of ['enforcement_case', 'enforcement_case_action'])
          await sql`create table ${sql.raw(`${t}_bare`)} (like ${sql.raw(t)} including defaults including generated)`.execute(
            trx,
          );
      const t = performance.now();
      for (const c of chunks) {
        await copyInto(trx, bare ? c.cases.renamed('enforcement_case_bare') : c.cases);
        await copyInto(trx, bare ? c.acts.renamed('enforcement_case_action_bare') : c.acts);
      }
      took = performance.now() - t;
      throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  return took;
}

/**
 * (a) The import service (.xlsx: check every row, then derive and COPY) vs COPY of the same
 * derived rows into the same tables with the same indexes, and both vs COPY into an unindexed
 * copy of the tables (the engine's limit). Baselines rolled back.
 */
export async function importBench(
  label: string,
  h: DatabaseHandle,
  ctx: Ctx,
  n: number,
): Promise<BenchRow[]> {
  const today = chinaDate(new Date());
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-import-')), 'cases.xlsx');
  await writeHistoricalFile(h.db, file, n, today);
  log(`${label}: ${n} 行历史案件文件 ${(fs.statSync(file).size / 1048576).toFixed(1)} MB`);

  // baselines: the rows the import derives, built outside the clock, then only the COPYs timed
  const indexed = await timedCopy(h, await derivedCopyRows(h, n, today, 10_000), false);
  const bare = await timedCopy(h, await derivedCopyRows(h, n, today, 10_000), true);

  let checked = 0;
  const t0 = performance.now();
  const [report, subject] = await timed(() =>
    importCases(ctx, file, {
      fileName: 'cases.xlsx',
      onProgress: (s) => {
        if (s.phase === 'write' && checked === 0) checked = performance.now() - t0;
      },
    }),
  );
  if (!report.ok || report.rowsWritten !== n)
    throw new Error(`import failed: ${JSON.stringify(report.errors.slice(0, 3))}`);
  log(`${label}: import — check pass ${ms(checked)}, write pass ${ms(subject - checked)}`);
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  const rate = (t: number) => `${Math.round(n / (t / 1000)).toLocaleString('en')} cases/s`;
  const subj = `${ms(subject)} (${rate(subject)}; check pass ${ms(checked)}, write pass ${ms(subject - checked)})`;
  return [
    {
      name: `${label}: import ${n.toLocaleString('en')} historical cases from .xlsx (check every row, then derive and COPY cases + action logs, one transaction) vs COPY of the same rows into the same tables and indexes`,
      baseline: `${ms(indexed)} COPY of the same derived rows (${rate(indexed)})`,
      subject: subj,
      ratio: (subject / indexed).toFixed(2),
    },
    {
      name: `${label}: the same import vs COPY into an unindexed copy of the tables (the engine's limit; COPY into the real tables ${(indexed / bare).toFixed(2)}× it)`,
      baseline: `${ms(bare)} COPY into unindexed copies (${rate(bare)})`,
      subject: ms(subject),
      ratio: (subject / bare).toFixed(2),
    },
  ];
}

type CaseSelect = SelectQueryBuilder<Database, 'enforcement_case', object>;

/**
 * (b) The ledger API over the big table vs a plain SELECT of the same page. `narrowTo` (an org
 * id) sends the org switcher's header, and the baseline reads only that org's subtree.
 */
export async function listBench(
  label: string,
  h: DatabaseHandle,
  m: number,
  narrowTo?: string,
): Promise<BenchRow[]> {
  const today = chinaDate(new Date());
  const app = await buildApp({ handle: h, loginRateLimit: 1000 });
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'admin', password: PASSWORD },
  });
  const cookie = login.cookies.find((c) => c.name === 'fazhi_session');
  const headers: Record<string, string> = { cookie: `fazhi_session=${cookie?.value}` };
  if (narrowTo) headers['x-fazhi-org'] = narrowTo;
  const within = narrowTo ? (await orgSubtree(systemCtx(h.db), narrowTo)).orgIds : null;
  // the demo county's market regulator (the busiest enforcing department of the demo)
  const marketRegulator = demoDepartments.find((d) => d.short === '市场监管局')?.name ?? '';
  const scjg = await h.db
    .selectFrom('org')
    .select('id')
    .where('name', '=', marketRegulator)
    .executeTakeFirstOrThrow();
  const month = { from: addDays(today, -400), to: addDays(today, -370) };
  const plain = () =>
    within
      ? h.db.selectFrom('enforcement_case').selectAll().where('org_id', 'in', within)
      : h.db.selectFrom('enforcement_case').selectAll();
  const scenarios: { name: string; query: string; base: (q: CaseSelect) => CaseSelect }[] = [
    { name: 'no filter, page 1', query: '', base: (q) => q.orderBy('opened_on', 'desc') },
    {
      name: 'no filter, page 1, exact total on request (精确计数)',
      query: 'exactTotal=true',
      base: (q) => q.orderBy('opened_on', 'desc'),
    },
    {
      name: 'one org',
      query: `orgId=${scjg.id}`,
      base: (q) => q.where('org_id', '=', scjg.id).orderBy('opened_on', 'desc'),
    },
    {
      name: 'status 调查取证',
      query: 'status=investigating',
      base: (q) => q.where('status', '=', 'investigating').orderBy('opened_on', 'desc'),
    },
    {
      name: '逾期',
      query: 'due=overdue',
      base: (q) => q.where('next_due_on', '<', today).orderBy('next_due_on'),
    },
    {
      name: '临期',
      query: 'due=dueSoon',
      base: (q) =>
        q
          .where('next_due_on', '>=', today)
          .where('next_due_on', '<=', addDays(today, 5))
          .orderBy('next_due_on'),
    },
    {
      name: '立案日期 one month',
      query: `openedFrom=${month.from}&openedTo=${month.to}`,
      base: (q) =>
        q
          .where('opened_on', '>=', month.from)
          .where('opened_on', '<=', month.to)
          .orderBy('opened_on', 'desc'),
    },
    {
      name: 'party-name search “恒达”',
      query: `q=${encodeURIComponent('恒达')}`,
      base: (q) => q.where('party_name', 'like', '%恒达%').orderBy('opened_on', 'desc'),
    },
    {
      name: 'deep page 2,000 (offset 39,980)',
      query: 'page=2000',
      base: (q) => q.orderBy('opened_on', 'desc').offset(39_980),
    },
  ];
  const out: BenchRow[] = [];
  // a server's steady state, not its first requests: 400 pages first, so that the first scenario
  // is not timed while V8 is still compiling the request path (page 1 took 5.2 ms over its first
  // 200 requests and 3.5 ms over the next 200)
  // (with 100, page 1 was still measured while the request path got faster: 3.1× in the bench,
  // 2.4–2.6× over 2,000 requests after 300, twelfth round)
  for (let i = 0; i < 400; i++) await app.inject({ url: '/api/enforcement/cases?pageSize=20', headers });
  for (const s of scenarios) {
    const url = `/api/enforcement/cases?pageSize=20${s.query ? `&${s.query}` : ''}`;
    const first = await app.inject({ url, headers });
    if (first.statusCode !== 200) throw new Error(`${url}: ${first.statusCode} ${first.body}`);
    const answer = first.json() as { total: number; totalKind?: string };
    const total = `${answer.totalKind === 'estimate' ? '~' : ''}${answer.total.toLocaleString('en')}${answer.totalKind === 'atLeast' ? '+' : ''}`;
    // both sides warm (the request above; one run of the plain SELECT), then the median of 25 runs
    // of each, taken in turn: with 5 runs one slow run of a few milliseconds moved a ratio by 2×
    // between two runs
    const page = () =>
      s
        .base(plain() as unknown as CaseSelect)
        .limit(20)
        .execute();
    await page();
    const [api, base] = await pairedMedians(25, () => app.inject({ url, headers }), page);
    out.push({
      name: `${label}: GET /api/enforcement/cases — ${s.name} over ${m.toLocaleString('en')} cases (${total} match)`,
      baseline: `${ms(base)} plain SELECT of the page`,
      subject: ms(api),
      ratio: (api / base).toFixed(1),
    });
  }
  await app.close();
  return out;
}

/**
 * (c) Every registry figure of a county-year (or of `orgId`'s subtree) vs one aggregate query
 * over the same cases.
 */
export async function figuresBench(
  label: string,
  h: DatabaseHandle,
  m: number,
  orgId?: string,
): Promise<BenchRow> {
  const ctx = systemCtx(h.db);
  const registry = await loadRegistry(h.db);
  const root = orgId ?? (await rootOrgId(h.db));
  const year = Number(chinaDate(new Date()).slice(0, 4)) - 1;
  const period = yearPeriod(year);
  // the same orgs the figures count (the report's own subtree)
  const { orgIds } = await orgSubtree(ctx, root);
  await computeFigures(ctx, registry, root, period);
  const subject = await median(3, () => computeFigures(ctx, registry, root, period));
  const base = await median(3, () => caseAggregate(h.db, period, orgIds));
  return {
    name: `${label}: all ${registry.all.length} registry figures for ${orgId ? 'its org' : 'the county'}, ${year}, over ${m.toLocaleString('en')} cases`,
    baseline: `${ms(base)} one hand-written aggregate query`,
    subject: ms(subject),
    ratio: (subject / base).toFixed(1),
  };
}

/** Runs a–c on one engine; `h` is an empty database of its own. */
export async function runCaseBenches(
  label: string,
  h: DatabaseHandle,
  sizes: { importRows: number; cases: number; reuse?: boolean },
): Promise<BenchRow[]> {
  const { importRows, cases } = sizes;
  await migrate(h.db);
  const ctx = systemCtx(h.db);
  // a kept database (BENCH_REUSE=1) already holding the ledger skips the seed and the fill
  const held = sizes.reuse
    ? Number(
        (
          await h.db
            .selectFrom('enforcement_case')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    : 0;
  if (held > 0 && held === cases && importRows === 0) {
    log(`${label}: reusing the kept database with ${held} cases`);
    return [...(await listBench(label, h, cases)), await figuresBench(label, h, cases)];
  }
  if (held > 0)
    throw new Error(`${label}: the kept database holds ${held} cases, not ${cases}: drop it first`);
  await seedOrgs(ctx, PASSWORD, demoUscc);
  await seedOfficers(ctx, chinaDate(new Date()));
  const rows: BenchRow[] = [];
  const push = rows.push.bind(rows);
  rows.push = (...r: BenchRow[]) => {
    for (const x of r) log(`| ${x.name} | ${x.baseline} | ${x.subject} | ${x.ratio} |`);
    return push(...r);
  };
  if (importRows > 0) rows.push(...(await importBench(label, h, ctx, importRows)));
  if (cases > 0) {
    const [, fill] = await timed(() => fillCases(h.db, cases, chinaDate(new Date())));
    log(`${label}: ${cases} 件案件 generate_series 用时 ${(fill / 1000).toFixed(1)} s`);
    rows.push({
      name: `${label}: load ${cases.toLocaleString('en')} synthetic cases by generate_series (not through the services)`,
      baseline: '—',
      subject: `${(fill / 1000).toFixed(1)} s (${Math.round(cases / (fill / 1000)).toLocaleString('en')} rows/s)`,
      ratio: '—',
    });
    rows.push(...(await listBench(label, h, cases)));
    rows.push(await figuresBench(label, h, cases));
  }
  return rows;
}
