// Historical-case import and the case ledger at scale (issues #3 and #5), each measured against
// a baseline in the same run on the same engine:
//  a. importing N historical cases from .xlsx through the import service vs raw multi-row INSERTs
//     of the same derived rows into the same tables;
//  b. GET /api/enforcement/cases with typical filters over M cases vs a plain SELECT of that page;
//  c. every registry figure for a county-year vs one hand-written aggregate query.
// Sizes are set by bench/run.ts from the environment (see there).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Insertable, type SelectQueryBuilder, sql } from 'kysely';
import { addDays, loadWorkCalendar } from '../src/platform/calendar/index.js';
import { chinaDate, type Ctx, systemCtx } from '../src/platform/context.js';
import { migrate } from '../src/platform/db/migrate.js';
import type { DatabaseHandle } from '../src/platform/db/open.js';
import { newId } from '../src/platform/db/tx.js';
import type { Database } from '../src/platform/db/types.js';
import { demoUscc, seedOrgs } from '../src/domains/org/seed.js';
import { demoDepartments } from '../src/domains/org/demo-county.js';
import { importCases } from '../src/domains/enforcement/case-import.js';
import { historicalLog } from '../src/domains/enforcement/case-import-rules.js';
import { projectCase } from '../src/domains/enforcement/case-projection.js';
import { DEFAULT_MAJOR_THRESHOLDS } from '../src/domains/enforcement/case-rules.js';
import type { PartyKind } from '../src/domains/enforcement/case-schema.js';
import { seedOfficers } from '../src/domains/enforcement/seed-officers.js';
import { computeFigures, loadRegistry, rootOrgId, yearPeriod } from '../src/report/registry.js';
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

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(fn))[1]);
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

class Rollback extends Error {}

/** (a) The import service vs raw multi-row INSERTs of the same rows (rolled back afterwards). */
async function importBench(label: string, h: DatabaseHandle, ctx: Ctx, n: number): Promise<BenchRow> {
  const today = chinaDate(new Date());
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-import-')), 'cases.xlsx');
  await writeHistoricalFile(h.db, file, n, today);
  log(`${label}: ${n} 行历史案件文件 ${(fs.statSync(file).size / 1048576).toFixed(1)} MB`);

  // baseline: the rows the import derives, built outside the clock, then only the INSERTs timed
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
  let baseline = 0;
  const rows = historicalRows(await teams(h.db, today), n, 'BL');
  try {
    await h.db.transaction().execute(async (trx) => {
      for (;;) {
        const cases: Insertable<Database['enforcement_case']>[] = [];
        const acts: Insertable<Database['enforcement_case_action']>[] = [];
        for (let next = rows.next(); !next.done; next = rows.next()) {
          const row = next.value;
          const b = bodies.get(row.bodyName);
          if (!b) throw new Error(`unknown body ${row.bodyName}`);
          const hl = historicalLog(row, null);
          const facts = {
            procedure: hl.procedure,
            partyKind: row.partyKind as PartyKind,
            openedOn: row.openedOn,
            majorReason: null,
          };
          const p = projectCase(facts, hl.log, calendar, DEFAULT_MAJOR_THRESHOLDS);
          const id = newId();
          cases.push({
            id,
            region_code: b.region_code,
            org_id: b.org_id,
            body_id: b.id,
            case_no: row.caseNo,
            category: row.category,
            procedure: hl.procedure,
            party_kind: row.partyKind,
            party_name: row.partyName,
            party_id_number: row.partyKind === 'person' ? row.partyCode : null,
            facts: row.facts,
            handler_ids: [officerOf.get(row.certificate1) ?? '', officerOf.get(row.certificate2) ?? ''],
            opened_on: row.openedOn,
            ...p,
          });
          for (const [i, a] of hl.log.entries())
            acts.push({
              id: newId(),
              case_id: id,
              region_code: b.region_code,
              org_id: b.org_id,
              seq: i + 1,
              action: a.action,
              occurred_on: a.date,
              data: JSON.stringify(a.data),
              actor_id: null,
              actor_name: '',
            });
          if (cases.length === 1000) break;
        }
        if (cases.length === 0) break;
        const t = performance.now();
        for (let i = 0; i < cases.length; i += 500)
          await trx
            .insertInto('enforcement_case')
            .values(cases.slice(i, i + 500))
            .execute();
        for (let i = 0; i < acts.length; i += 2000)
          await trx
            .insertInto('enforcement_case_action')
            .values(acts.slice(i, i + 2000))
            .execute();
        baseline += performance.now() - t;
      }
      throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }

  const [report, subject] = await timed(() => importCases(ctx, file, { fileName: 'cases.xlsx' }));
  if (!report.ok || report.rowsWritten !== n)
    throw new Error(`import failed: ${JSON.stringify(report.errors.slice(0, 3))}`);
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return {
    name: `${label}: import ${n.toLocaleString('en')} historical cases from .xlsx (check every row, then write cases + action logs, one transaction)`,
    baseline: `${ms(baseline)} raw multi-row INSERT of the same rows (${Math.round(n / (baseline / 1000)).toLocaleString('en')} cases/s)`,
    subject: `${ms(subject)} (${Math.round(n / (subject / 1000)).toLocaleString('en')} cases/s)`,
    ratio: (subject / baseline).toFixed(2),
  };
}

type CaseSelect = SelectQueryBuilder<Database, 'enforcement_case', object>;

/** (b) The ledger API over the big table vs a plain SELECT of the same page. */
async function listBench(label: string, h: DatabaseHandle, m: number): Promise<BenchRow[]> {
  const today = chinaDate(new Date());
  const app = await buildApp({ handle: h, loginRateLimit: 1000 });
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'admin', password: PASSWORD },
  });
  const cookie = login.cookies.find((c) => c.name === 'fazhi_session');
  const headers = { cookie: `fazhi_session=${cookie?.value}` };
  // the demo county's market regulator (the busiest enforcing department of the demo)
  const marketRegulator = demoDepartments.find((d) => d.short === '市场监管局')?.name ?? '';
  const scjg = await h.db
    .selectFrom('org')
    .select('id')
    .where('name', '=', marketRegulator)
    .executeTakeFirstOrThrow();
  const month = { from: addDays(today, -400), to: addDays(today, -370) };
  const plain = () => h.db.selectFrom('enforcement_case').selectAll();
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
  for (const s of scenarios) {
    const url = `/api/enforcement/cases?pageSize=20${s.query ? `&${s.query}` : ''}`;
    const first = await app.inject({ url, headers });
    if (first.statusCode !== 200) throw new Error(`${url}: ${first.statusCode} ${first.body}`);
    const answer = first.json() as { total: number; totalKind?: string };
    const total = `${answer.totalKind === 'estimate' ? '~' : ''}${answer.total.toLocaleString('en')}${answer.totalKind === 'atLeast' ? '+' : ''}`;
    const api = await median(5, () => app.inject({ url, headers }));
    const base = await median(5, () =>
      s
        .base(plain() as unknown as CaseSelect)
        .limit(20)
        .execute(),
    );
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

/** (c) Every registry figure of a county-year vs one aggregate query over the same cases. */
async function figuresBench(label: string, h: DatabaseHandle, m: number): Promise<BenchRow> {
  const ctx = systemCtx(h.db);
  const registry = await loadRegistry(h.db);
  const root = await rootOrgId(h.db);
  const year = Number(chinaDate(new Date()).slice(0, 4)) - 1;
  const period = yearPeriod(year);
  const orgIds = (await h.db.selectFrom('org').select('id').execute()).map((o) => o.id);
  await computeFigures(ctx, registry, root, period);
  const subject = await median(3, () => computeFigures(ctx, registry, root, period));
  const base = await median(3, () =>
    sql`
      select count(*) as decided, count(*) filter (where is_major) as major,
        count(*) filter (where is_major and reviewed) as major_reviewed, sum(amount) as fines,
        count(*) filter (where category = 'penalty') as penalties, count(*) filter (where procedure = 'summary') as summary
      from enforcement_case
      where decided_on between ${period.from}::date and ${period.to}::date and org_id = any(${orgIds}::uuid[])`.execute(
      h.db,
    ),
  );
  return {
    name: `${label}: all ${registry.all.length} registry figures for the county, ${year}, over ${m.toLocaleString('en')} cases`,
    baseline: `${ms(base)} one hand-written aggregate query`,
    subject: ms(subject),
    ratio: (subject / base).toFixed(1),
  };
}

/** Runs a–c on one engine; `h` is an empty database of its own. */
export async function runCaseBenches(
  label: string,
  h: DatabaseHandle,
  sizes: { importRows: number; cases: number },
): Promise<BenchRow[]> {
  const { importRows, cases } = sizes;
  await migrate(h.db);
  const ctx = systemCtx(h.db);
  await seedOrgs(ctx, PASSWORD, demoUscc);
  await seedOfficers(ctx, chinaDate(new Date()));
  const rows: BenchRow[] = [];
  const push = rows.push.bind(rows);
  rows.push = (...r: BenchRow[]) => {
    for (const x of r) log(`| ${x.name} | ${x.baseline} | ${x.subject} | ${x.ratio} |`);
    return push(...r);
  };
  if (importRows > 0) rows.push(await importBench(label, h, ctx, importRows));
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
