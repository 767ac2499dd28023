// Fills enforcement_case with N synthetic cases in one SQL statement (generate_series), NOT
// through the services: the benchmarks measure reads over a large ledger, and a million cases
// through the import would take far longer than the reads being measured. Rows follow the
// shapes the services write: 7 years of cases, ~88 % closed, the rest open with due dates
// around today (临期 / 逾期), party names searchable, two handlers of the case's body.
import { sql } from 'kysely';
import type { Db, Executor } from '../src/platform/db/types.js';

const NAMES = [
  '鑫源',
  '恒达',
  '兴隆',
  '宏图',
  '福瑞',
  '华盛',
  '金诚',
  '永安',
  '顺发',
  '佳禾',
  '德信',
  '天和',
];

export async function fillCases(pool: Db, n: number, today: string): Promise<void> {
  // one connection: the temporary table and the session setting below are per session
  await pool.connection().execute((db) => fill(db, n, today));
}

async function fill(db: Executor, n: number, today: string): Promise<void> {
  const t0 = performance.now();
  const lap = (what: string) =>
    process.stderr.write(`  ${what}: ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  // secondary indexes are dropped for the load and rebuilt from their own definitions after it:
  // one bulk build instead of a million GIN/btree insertions
  const indexes = await sql<{ indexname: string; indexdef: string }>`
    select i.indexname, i.indexdef from pg_indexes i
    where i.tablename = 'enforcement_case' and i.schemaname = current_schema()
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`.execute(db);
  for (const i of indexes.rows) await sql`drop index ${sql.id(i.indexname)}`.execute(db);
  await sql`
    create temp table bench_body as
    select (row_number() over (order by b.id) - 1)::int as k, b.id, b.org_id, b.region_code,
      (select array_agg(o.id order by o.id) from (select id from enforcement_officer o where o.body_id = b.id
        order by id limit 2) o) as handlers
    from enforcement_body b
    where (select count(*) from enforcement_officer o where o.body_id = b.id) >= 2`.execute(db);
  // foreign keys point at rows just read from their tables: skip the per-row trigger checks
  await sql`set session_replication_role = replica`.execute(db);
  await sql`
    insert into enforcement_case (id, region_code, org_id, body_id, case_no, category, procedure, party_kind,
      party_name, facts, handler_ids, status, opened_on, decided_on, closed_on, penalties, amount, is_major,
      reviewed, next_due_kind, next_due_on, action_count)
    select gen_random_uuid(), b.region_code, b.org_id, b.id, 'GS' || lpad(g::text, 8, '0'),
      case when g % 10 = 3 then 'license' when g % 20 = 7 then 'coercion' else 'penalty' end,
      case when g % 7 = 0 then 'summary' else 'ordinary' end,
      case when g % 5 < 2 then 'person' else 'organisation' end,
      case when g % 5 < 2 then '张某' || (g % 997)
        else (${NAMES}::text[])[1 + g % 12] || (g % 4999) || '商贸有限公司' end,
      '销售过期食品',
      b.handlers,
      s.status,
      s.opened_on,
      case when s.status in ('closed', 'decided', 'served', 'executed') then s.opened_on + 30 end,
      case when s.status = 'closed' then s.opened_on + 45 end,
      case when s.status = 'investigating' then '{}'::text[] else '{fine}'::text[] end,
      case when s.status = 'investigating' then null else ((g % 50) + 1) * 1000 end,
      g % 50 = 0, g % 50 = 0 or g % 9 = 0,
      case when s.status = 'closed' then null when s.status = 'decided' then 'service' else 'decision' end,
      case when s.status = 'closed' then null else ${today}::date + ((g % 41) - 20) end,
      case when s.status = 'closed' then 7 else 3 end
    from generate_series(1, ${n}::int) g
    -- the body by g / 100, not g: the status is chosen by g % 100, and with a number of bodies that
    -- shares a factor with 100 (a province's) every case of a body would have the same status
    join bench_body b on b.k = (g / 100) % (select count(*) from bench_body)
    cross join lateral (select
        case when g % 100 < 88 then 'closed' when g % 100 < 94 then 'investigating' when g % 100 < 97 then 'notified'
          else 'decided' end as status,
        case when g % 100 < 88 then ${today}::date - 60 - ((g::bigint * 7919) % 2500)::int else ${today}::date - (g % 80) end
          as opened_on) s`.execute(db);
  await sql`set session_replication_role = default`.execute(db);
  // the replica role skipped the triggers too: the tally of decided cases (migration 0160) is
  // rebuilt from the ledger, as the migration fills it for cases that were there before it
  await sql`select enforcement_case_tally_rebuild()`.execute(db);
  lap('insert');
  await sql`drop table bench_body`.execute(db);
  // a partitioned table's definitions read `ON ONLY` (the parent alone): built on every partition
  for (const i of indexes.rows) await sql.raw(i.indexdef.replace(' ON ONLY ', ' ON ')).execute(db);
  await sql`select fazhi_partition_index_names('enforcement_case')`.execute(db);
  lap('indexes');
  // what autovacuum does on a live database: statistics, and the visibility map that lets counts
  // read only the index
  await sql`vacuum analyze enforcement_case`.execute(db);
}
