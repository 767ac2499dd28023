// `npm run bench -- --province` (issue #17 item 8): the case ledger, the figures and the import
// at a province's size on PostgreSQL — by default 100 counties and 10,000,000 cases.
//
// The demo county is seeded through the services; the other counties are copies of its org
// tree, enforcement bodies and officers made in SQL under one province org, each with a region
// code of its own (synthetic codes 5399xx, which GB/T 2260 does not use, under the demo's
// province). The cases are then generated across every county's bodies (bench/million.ts), so
// each county holds about 1/counties of them. Measured, each against a baseline in the same run:
//  - the case ledger as the province office sees it (scope: every county) and as one county
//    sees it (the org switcher narrowed to the demo county), vs a plain SELECT of the page;
//  - every registry figure for one county-year and for the province-year vs one aggregate;
//  - importing historical cases into the province-size tables vs COPY of the same rows.
// Sizes: BENCH_PROVINCE_COUNTIES (default 100, at most 100), BENCH_PROVINCE_CASES (default
// 10,000,000), BENCH_PROVINCE_IMPORT_ROWS (default 20,000; 0 skips). At the full size the whole
// run took 11 minutes on two quiet cores, 9 of them the fill (docs/scale.md), so it is not part
// of the default run.
import { sql } from 'kysely';
import { chinaDate, systemCtx } from '../src/platform/context.js';
import { isYearPartitioned, partitionByYear } from '../src/platform/db/partition.js';
import { migrate } from '../src/platform/db/migrate.js';
import type { DatabaseHandle } from '../src/platform/db/open.js';
import type { Executor } from '../src/platform/db/types.js';
import { invalidateAuthCaches } from '../src/domains/org/auth-cache.js';
import { demoUscc, seedOrgs } from '../src/domains/org/seed.js';
import { seedOfficers } from '../src/domains/enforcement/officers/seed.js';
import { type BenchRow, figuresBench, importBench, listBench } from './cases.bench.js';
import { fillCases } from './million.js';

const PASSWORD = 'Bench-passw0rd';
const log = (s: string) => process.stderr.write(`${s}\n`);

/** The columns of a table a row can be inserted into (not generated), in their order. */
async function columnsOf(db: Executor, table: string): Promise<string[]> {
  const r = await sql<{ column_name: string }>`
    select column_name from information_schema.columns
    where table_schema = current_schema() and table_name = ${table} and is_generated = 'NEVER'
    order by ordinal_position`.execute(db);
  return r.rows.map((c) => c.column_name);
}

/** insert into `table` select … from `from`, each column copied unless `set` gives its value. */
async function copyRows(db: Executor, table: string, set: Record<string, string>, from: string) {
  const cols = await columnsOf(db, table);
  const exprs = cols.map((c) => set[c] ?? `t.${c}`);
  await sql
    .raw(`insert into ${table} (${cols.join(', ')}) select ${exprs.join(', ')} from ${from}`)
    .execute(db);
}

/**
 * Puts the seeded county under a province org and adds `copies` more counties like it: their
 * org trees, enforcement bodies and officers. Returns the province org's and the demo county's ids.
 */
async function cloneCounties(db: Executor, copies: number): Promise<{ province: string; county: string }> {
  const county = await sql<{ id: string; region_code: string }>`
    select id, region_code from org where parent_id is null`.execute(db);
  const root = county.rows[0];
  if (!root || county.rows.length !== 1) throw new Error('expected one seeded county');
  const provinceRegion = await sql<{ code: string }>`
    select p.code from region c join region r on r.code = c.parent_code join region p on p.code = r.parent_code
    where c.code = ${root.region_code}`.execute(db);
  const region = provinceRegion.rows[0]?.code;
  if (!region) throw new Error('the seeded county has no province region above it');
  const province = (await sql<{ id: string }>`select gen_random_uuid() as id`.execute(db)).rows[0]?.id ?? '';
  await sql`
    insert into org (id, region_code, parent_id, path, depth, name, kind)
    values (${province}, ${region}, null, ${`/${province}/`}, 0, '省级基准测试', 'government')`.execute(db);
  await sql`update org set path = ${`/${province}`} || path, depth = depth + 1 where id <> ${province}`.execute(
    db,
  );
  await sql`update org set parent_id = ${province} where id = ${root.id}`.execute(db);
  for (let k = 1; k <= copies; k++) {
    const code = `5399${String(k).padStart(2, '0')}`;
    await sql`insert into region (code, name, level, parent_code) values (${code}, ${`基准县${k}`}, 3, ${region})`.execute(
      db,
    );
    await sql`drop table if exists bench_org_map, bench_body_map`.execute(db);
    await sql`
      create temp table bench_org_map as
      select id as old_id, gen_random_uuid() as new_id from org where path like ${`/${province}/${root.id}/%`}`.execute(
      db,
    );
    const mapped = (col: string) =>
      `coalesce((select m.new_id from bench_org_map m where m.old_id = t.${col}), t.${col})`;
    await copyRows(
      db,
      'org',
      {
        id: 'o.new_id',
        region_code: `'${code}'`,
        parent_id: mapped('parent_id'),
        // the path is rebuilt below, parents first
        path: "'/'",
        name: `'基准县${k}' || t.name`,
        uscc: 'null',
        doc_prefix: 'null',
      },
      'org t join bench_org_map o on o.old_id = t.id',
    );
    await sql`
      create temp table bench_body_map as
      select b.id as old_id, gen_random_uuid() as new_id from enforcement_body b
      join bench_org_map m on m.old_id = b.org_id`.execute(db);
    await copyRows(
      db,
      'enforcement_body',
      {
        id: 'bm.new_id',
        region_code: `'${code}'`,
        org_id: mapped('org_id'),
        name: `'基准县${k}' || t.name`,
        entrusted_by_org_id: mapped('entrusted_by_org_id'),
      },
      'enforcement_body t join bench_body_map bm on bm.old_id = t.id',
    );
    await copyRows(
      db,
      'enforcement_officer',
      {
        id: 'gen_random_uuid()',
        region_code: `'${code}'`,
        org_id: mapped('org_id'),
        body_id: 'bm.new_id',
        user_id: 'null',
      },
      'enforcement_officer t join bench_body_map bm on bm.old_id = t.body_id',
    );
  }
  await sql`drop table if exists bench_org_map, bench_body_map`.execute(db);
  // paths of the copies, one level at a time from the province down
  const depth = await sql<{ d: number }>`select max(depth) as d from org`.execute(db);
  for (let d = 1; d <= (depth.rows[0]?.d ?? 0); d++)
    await sql`
      update org c set path = p.path || c.id::text || '/'
      from org p where c.parent_id = p.id and c.depth = ${d} and c.region_code like '5399%'`.execute(db);
  await sql`analyze org`.execute(db);
  await sql`analyze enforcement_body`.execute(db);
  await sql`analyze enforcement_officer`.execute(db);
  invalidateAuthCaches();
  return { province, county: root.id };
}

/** The province bench on an empty PostgreSQL database of its own. */
export async function runProvinceBench(
  h: DatabaseHandle,
  sizes: { counties: number; cases: number; importRows: number },
  layout: 'partitioned' | 'plain' = process.env.BENCH_PROVINCE_LAYOUT === 'plain' ? 'plain' : 'partitioned',
): Promise<BenchRow[]> {
  if (sizes.counties < 1 || sizes.counties > 100)
    throw new Error('BENCH_PROVINCE_COUNTIES must be between 1 and 100');
  await migrate(h.db);
  // the layout a province runs (`fazhi partition`); BENCH_PROVINCE_LAYOUT=plain measures a county's
  // with partitions for every year the fill spreads cases over (today - 60 - 2,500 days at most)
  if (layout === 'partitioned') await partitionByYear(h.db, { fromYear: new Date().getFullYear() - 8 });
  else if (await isYearPartitioned(h.db)) throw new Error('the kept database is partitioned, not plain');
  const ctx = systemCtx(h.db);
  const today = chinaDate(new Date());
  const label = `PostgreSQL (${layout === 'partitioned' ? 'year partitions' : 'plain tables'}), province of ${sizes.counties} counties`;
  const rows: BenchRow[] = [];
  const add = (...r: BenchRow[]) => {
    for (const x of r) log(`| ${x.name} | ${x.baseline} | ${x.subject} | ${x.ratio} |`);
    rows.push(...r);
  };
  // a kept database (BENCH_REUSE=1) already holding the province is measured again without refilling
  const held = await sql<{ n: string }>`select count(*) as n from enforcement_case`.execute(h.db);
  const kept = Number(held.rows[0]?.n ?? 0);
  let province: string;
  let county: string;
  if (kept > 0) {
    if (kept !== sizes.cases) throw new Error(`the kept database holds ${kept} cases, not ${sizes.cases}`);
    const top = await sql<{ id: string }>`select id from org where parent_id is null`.execute(h.db);
    province = top.rows[0]?.id ?? '';
    const demo = await sql<{ id: string }>`
      select id from org where parent_id = ${province} and region_code not like '5399%'`.execute(h.db);
    county = demo.rows[0]?.id ?? '';
    log(`province: reusing the kept database with ${kept} cases`);
  } else {
    await seedOrgs(ctx, PASSWORD, demoUscc);
    await seedOfficers(ctx, today);
    const t0 = performance.now();
    ({ province, county } = await h.db.connection().execute((db) => cloneCounties(db, sizes.counties - 1)));
    const orgs = await sql<{ n: string }>`select count(*) as n from org`.execute(h.db);
    log(
      `province: ${sizes.counties} counties, ${orgs.rows[0]?.n} orgs in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const t1 = performance.now();
    await fillCases(h.db, sizes.cases, today);
    const fill = (performance.now() - t1) / 1000;
    add({
      name: `${label}: load ${sizes.cases.toLocaleString('en')} synthetic cases by generate_series (not through the services)`,
      baseline: '—',
      subject: `${fill.toFixed(1)} s (${Math.round(sizes.cases / fill).toLocaleString('en')} rows/s)`,
      ratio: '—',
    });
  }
  add(...(await listBench(`${label}, the province office (every county)`, h, sizes.cases)));
  add(...(await listBench(`${label}, one county (org switcher)`, h, sizes.cases, county)));
  add(await figuresBench(`${label}, one county`, h, sizes.cases, county));
  add(await figuresBench(`${label}, the province`, h, sizes.cases, province));
  // the import adds cases: not on a kept database, whose size the next run checks
  if (sizes.importRows > 0 && kept === 0) add(...(await importBench(label, h, ctx, sizes.importRows)));
  return rows;
}
