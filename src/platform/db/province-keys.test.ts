import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCases } from '../../domains/enforcement/cases/service.js';
import { createBody, createOfficers } from '../../domains/enforcement/officers/service.js';
import { ctxAt, withOrgs } from '../../domains/enforcement/test/fixtures.js';
import { testEngines } from '../../test/db.js';
import { yearPartitionsAhead } from './migrate.js';
import type { DatabaseHandle } from './open.js';
import { isYearPartitioned, partitionByYear } from './partition.js';
import { analyzePartitionedTables, startPartitionStatsJob } from './partition-stats.js';

/**
 * Province data (`fazhi partition`, migrations/optional/province-partitions.sql): the large tables
 * are partitioned by year and every key carries the region, so that a province can shard them by
 * region (Citus: the distribution column in every primary key and unique index). Read from the
 * catalogue, on both engines, of a database migrated as every county's is and then partitioned
 * with a case already in it.
 */
const LARGE_TABLES = [
  'enforcement_case',
  'enforcement_case_action',
  'enforcement_case_record',
  'enforcement_publication',
  'audit_log',
];
const year = new Date().getFullYear();

/** What the partitioned layout must keep of the layout every migration builds: names and columns. */
interface Catalogue {
  columns: string[];
  indexes: string[];
  constraints: string[];
  triggers: string[];
}
async function catalogue(h: DatabaseHandle): Promise<Catalogue> {
  const tables = [
    ...LARGE_TABLES,
    'enforcement_referral',
    'inspection_target',
    'disputes_reconsideration',
    'disputes_lawsuit',
  ];
  const q = async (query: ReturnType<typeof sql<{ name: string }>>) =>
    (await query.execute(h.db)).rows.map((r) => r.name).sort();
  return {
    columns: await q(sql`select c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
        || case when a.attnotnull then ' not null' else '' end
        || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '') as name
      from pg_attribute a join pg_class c on c.oid = a.attrelid
      left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
      where c.relname = any(${LARGE_TABLES}) and c.relnamespace = current_schema()::regnamespace
        and a.attnum > 0 and not a.attisdropped`),
    // the case number's uniqueness moves to enforcement_case_no under the same name (it cannot be a
    // partitioned unique index without the year): indexes and constraints are compared by name
    indexes: await q(sql`select x.relname as name from pg_index i join pg_class c on c.oid = i.indrelid
      join pg_class x on x.oid = i.indexrelid
      where c.relname = any(${[...LARGE_TABLES, 'enforcement_case_no']})
        and c.relnamespace = current_schema()::regnamespace`),
    constraints: await q(sql`select conname as name from pg_constraint
      where conrelid = any(select oid from pg_class where relname = any(${[...tables, 'enforcement_case_no']})
        and relnamespace = current_schema()::regnamespace) and conparentid = 0`),
    triggers: await q(sql`select tgrelid::regclass::text || '.' || tgname as name from pg_trigger
      where tgrelid = any(select oid from pg_class where relname = any(${tables})
        and relnamespace = current_schema()::regnamespace) and not tgisinternal and tgparentid = 0`),
  };
}

describe.each(testEngines())('province keys on $name', (engine) => {
  let h: DatabaseHandle;
  let before: Catalogue | undefined;
  let orgs: Awaited<ReturnType<typeof withOrgs>>;
  let bodyId = '';
  let handlerIds: string[] = [];
  let earlierCase = '';
  beforeAll(async () => {
    h = await engine.open();
    orgs = await withOrgs(h);
    const ctx = ctxAt(h, new Date(`${year}-06-01T02:00:00Z`));
    bodyId = (await createBody(ctx, { orgId: orgs.departments.get('林草局') ?? '', kind: 'statutory' })).id;
    const cert = (n: number) => ({
      number: `PK-${n}`,
      field: '林业',
      issuedOn: '2000-01-01',
      validUntil: '2099-12-31',
    });
    handlerIds = await createOfficers(ctx, [
      { bodyId, name: '张林', gender: 'male', certificate: cert(1) },
      { bodyId, name: '李木', gender: 'female', certificate: cert(2) },
    ]);
    // the layout every county's database has; the partitioned test pass starts from the other one
    if (!(await isYearPartitioned(h.db))) {
      before = await catalogue(h);
      [earlierCase = ''] = await createCases(ctx, [
        decided(bodyId, handlerIds, `${year - 1}-03-02`),
      ] as never);
      expect((await partitionByYear(h.db)).partitioned).toBe(true);
    }
  });
  afterAll(() => h?.close());
  const count = async (table: string) =>
    Number(
      (await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(h.db)).rows[0]?.n ?? 0,
    );

  it('partitioning keeps every column, index, constraint and trigger of the migrated layout by name, and the rows', async () => {
    expect(before, '此测试须从未分区的数据库开始').toBeDefined();
    const after = await catalogue(h);
    expect(after.columns).toEqual(before?.columns);
    // the references into the partitioned tables become statement-level checks of the same name
    const triggerNames = after.triggers.map((t) => t.slice(t.indexOf('.') + 1));
    for (const kind of ['indexes', 'constraints', 'triggers'] as const) {
      const kept = kind === 'constraints' ? [...after.constraints, ...triggerNames] : after[kind];
      const lost = (before?.[kind] ?? []).filter((n) => !kept.includes(n));
      expect(lost, kind).toEqual([]);
    }
    const where = await sql<{
      part: string;
    }>`select tableoid::regclass::text as part from enforcement_case_action
      where case_id = ${earlierCase}`.execute(h.db);
    expect(new Set(where.rows.map((r) => r.part))).toEqual(new Set([`enforcement_case_action_y${year - 1}`]));
    // a second run changes nothing and says so
    const again = await partitionByYear(h.db);
    expect(again.partitioned).toBe(false);
    expect(again.rows.enforcement_case).toBe(1);
  });

  it('every large table is partitioned by range, with this year, next year and a default partition', async () => {
    const r = await sql<{ table: string; strategy: string | null; partitions: string[] }>`
      select c.relname as table, p.partstrat as strategy,
        array(select k.relname::text from pg_inherits i join pg_class k on k.oid = i.inhrelid
          where i.inhparent = c.oid order by 1) as partitions
      from pg_class c left join pg_partitioned_table p on p.partrelid = c.oid
      where c.relname = any(${LARGE_TABLES}) and c.relnamespace = current_schema()::regnamespace
      order by 1`.execute(h.db);
    expect(r.rows.map((t) => t.table)).toEqual([...LARGE_TABLES].sort());
    for (const t of r.rows) {
      expect({ table: t.table, strategy: t.strategy }).toEqual({ table: t.table, strategy: 'r' });
      expect(t.partitions).toEqual(
        expect.arrayContaining([`${t.table}_default`, `${t.table}_y${year}`, `${t.table}_y${year + 1}`]),
      );
    }
  });

  it("every large table's primary key and unique indexes carry region_code where the table has one (not null)", async () => {
    const r = await sql<{ table: string; index: string; primary: boolean; columns: string[] }>`
      select c.relname as table, x.relname as index, i.indisprimary as primary,
        array(select a.attname::text from unnest(i.indkey) k join pg_attribute a
          on a.attrelid = c.oid and a.attnum = k) as columns
      from pg_index i join pg_class c on c.oid = i.indrelid join pg_class x on x.oid = i.indexrelid
      where c.relname = any(${LARGE_TABLES}) and c.relnamespace = current_schema()::regnamespace
        and (i.indisunique or i.indisprimary)`.execute(h.db);
    const regional = await sql<{ table: string }>`
      select c.relname as table from pg_attribute a join pg_class c on c.oid = a.attrelid
      where c.relname = any(${LARGE_TABLES}) and c.relnamespace = current_schema()::regnamespace
        and a.attname = 'region_code' and a.attnotnull`.execute(h.db);
    const withRegion = new Set(regional.rows.map((t) => t.table));
    // the audit log's region is null for entries no region owns: it is keyed (seq, at)
    expect([...withRegion].sort()).toEqual(LARGE_TABLES.filter((t) => t !== 'audit_log').sort());
    for (const t of LARGE_TABLES)
      expect(r.rows.filter((i) => i.table === t && i.primary).length, `${t} 没有主键`).toBe(1);
    const missing = r.rows
      .filter((i) => withRegion.has(i.table) && !i.columns.includes('region_code'))
      .map((i) => `${i.table}.${i.index}(${i.columns.join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('every reference to a case carries its region and year (the composite key; a 全过程记录 reaches it through its act)', async () => {
    const r = await sql<{ table: string; constraint: string; columns: string[] }>`
      select c.conrelid::regclass::text as table, c.conname as constraint,
        array(select a.attname::text from unnest(c.confkey) with ordinality k(n, i) join pg_attribute a
          on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) as columns
      from pg_constraint c
      where c.contype = 'f' and c.confrelid = 'enforcement_case'::regclass and c.conparentid = 0
      order by 1`.execute(h.db);
    expect(r.rows.map((f) => f.table)).toEqual([
      'disputes_lawsuit',
      'disputes_reconsideration',
      'enforcement_referral',
      'inspection_target',
    ]);
    for (const f of r.rows) expect(f.columns).toEqual(['region_code', 'opened_on', 'id']);
    // the bulk children's, checked once a statement (fazhi_reference_check; its second argument
    // names the referenced table)
    const checked = await sql<{ name: string }>`
      select t.tgrelid::regclass::text || '.' || t.tgname as name from pg_trigger t join pg_proc f on f.oid = t.tgfoid
      where f.proname = 'fazhi_reference_check' and t.tgparentid = 0
        and split_part(encode(t.tgargs, 'escape'), '\\000', 2) = 'enforcement_case' order by 1`.execute(h.db);
    expect(checked.rows.map((t) => t.name)).toEqual([
      'enforcement_case_action.enforcement_case_action_case_id_fkey',
      'enforcement_publication.enforcement_publication_case_id_fkey',
    ]);
  });

  it('the statement-level checks refuse what the foreign keys refused, with their code and name, and write nothing', async () => {
    const ctx = ctxAt(h, new Date(`${year}-06-01T02:00:00Z`));
    const [caseId = ''] = await createCases(ctx, [decided(bodyId, handlerIds, `${year}-04-01`)] as never);
    const acts = await count('enforcement_case_action');
    const refused = (constraint: string) => ({ code: '23503', constraint });
    // two acts in one statement, one of them for a case that does not exist: neither is written
    const twoActs = sql`insert into enforcement_case_action
        (id, case_id, case_opened_on, region_code, org_id, seq, action, occurred_on, data, actor_name)
      select gen_random_uuid(), x.case_id, a.case_opened_on, a.region_code, a.org_id, 90, a.action, a.occurred_on,
        a.data, a.actor_name
      from enforcement_case_action a,
        (values (${caseId}::uuid), ('00000000-0000-4000-8000-000000000000'::uuid)) x(case_id)
      where a.case_id = ${caseId} and a.seq = 1`;
    await expect(twoActs.execute(h.db)).rejects.toMatchObject(
      refused('enforcement_case_action_case_id_fkey'),
    );
    expect(await count('enforcement_case_action')).toBe(acts);
    // the case's key copied wrong (another year): not the case
    const wrongYear = sql`insert into enforcement_publication
        (id, region_code, org_id, case_id, case_opened_on, decided_on, due_on, status, content)
      select gen_random_uuid(), region_code, org_id, case_id, case_opened_on - 400, decided_on, due_on, status, content
      from enforcement_publication where case_id = ${caseId}`;
    await expect(wrongYear.execute(h.db)).rejects.toMatchObject(
      refused('enforcement_publication_case_id_fkey'),
    );
    const moved = sql`update enforcement_publication set case_opened_on = case_opened_on - 1 where case_id = ${caseId}`;
    await expect(moved.execute(h.db)).rejects.toMatchObject(refused('enforcement_publication_case_id_fkey'));
    // a record of an act the case does not have (of a stored file, whose reference is a plain key)
    const sha = 'a'.repeat(64);
    await sql`insert into stored_file (sha256, size, mime, original_name)
      values (${sha}, 1, 'application/pdf', '笔录.pdf')`.execute(h.db);
    const record = sql`insert into enforcement_case_record
        (id, case_id, case_opened_on, region_code, org_id, seq, sha256, kind, name, size)
      values (gen_random_uuid(), ${caseId}, ${`${year}-04-01`}, (select region_code from enforcement_case where id = ${caseId}),
        (select org_id from enforcement_case where id = ${caseId}), 99, ${sha}, 'document', '笔录.pdf', 1)`;
    await expect(record.execute(h.db)).rejects.toMatchObject(
      refused('enforcement_case_record_case_id_seq_fkey'),
    );
    // the case side: a case with acts is neither deleted nor moved to another year
    await expect(sql`delete from enforcement_case where id = ${caseId}`.execute(h.db)).rejects.toMatchObject(
      refused('enforcement_case_action_case_id_fkey'),
    );
    await expect(
      sql`update enforcement_case set opened_on = opened_on - 400 where id = ${caseId}`.execute(h.db),
    ).rejects.toMatchObject(refused('enforcement_case_action_case_id_fkey'));
    expect(await count('enforcement_case')).toBeGreaterThan(0);
  });

  it("next year's partitions are made a year ahead by every migrate", async () => {
    await sql`drop table ${sql.id(`audit_log_y${year + 1}`)}`.execute(h.db);
    expect(await yearPartitionsAhead(h.db)).toBe(1);
    expect(await yearPartitionsAhead(h.db)).toBe(0);
    // analyzed when made (reltuples -1: never analyzed), with the parent's extended statistics
    const r = await sql<{ tuples: number; statistics: string[] }>`
      select c.reltuples::int as tuples,
        array(select s.stxname::text from pg_statistic_ext s where s.stxrelid = c.oid) as statistics
      from pg_class c where c.relname = ${`audit_log_y${year + 1}`}`.execute(h.db);
    expect(r.rows).toEqual([{ tuples: 0, statistics: [`audit_log_org_region_y${year + 1}`] }]);
  });

  it("every partition has its table's extended statistics (org → region) and was analyzed by the migration", async () => {
    const r = await sql<{ partition: string; tuples: number; missing: string[] }>`
      select k.relname as partition, k.reltuples::int as tuples,
        array(select s.stxname || '_' || substr(k.relname, length(c.relname) + 2) from pg_statistic_ext s
          where s.stxrelid = c.oid
          except select e.stxname from pg_statistic_ext e where e.stxrelid = k.oid) as missing
      from pg_class c join pg_inherits i on i.inhparent = c.oid join pg_class k on k.oid = i.inhrelid
      where c.relname = any(${LARGE_TABLES}) and c.relnamespace = current_schema()::regnamespace
      order by 1`.execute(h.db);
    expect(r.rows.length).toBeGreaterThanOrEqual(LARGE_TABLES.length * 3);
    expect(r.rows.filter((p) => p.missing.length > 0 || p.tuples < 0)).toEqual([]);
  });

  it('the maintenance job analyzes the partitioned tables as a whole, which autovacuum never does', async () => {
    await sql`create table fazhi_job_probe (y int not null, v int) partition by range (y)`.execute(h.db);
    await sql`create table fazhi_job_probe_a partition of fazhi_job_probe for values from (0) to (10)`.execute(
      h.db,
    );
    await sql`insert into fazhi_job_probe select g % 10, g from generate_series(1, 500) g`.execute(h.db);
    const inherited = async () =>
      (
        await sql<{ n: number }>`select count(*)::int as n from pg_statistic
          where starelid = 'fazhi_job_probe'::regclass and stainherit`.execute(h.db)
      ).rows[0]?.n;
    expect(await inherited()).toBe(0);
    const tables = await analyzePartitionedTables(h.db);
    expect(tables).toEqual(expect.arrayContaining([...LARGE_TABLES, 'fazhi_job_probe']));
    expect(await inherited()).toBe(2);
    await sql`drop table fazhi_job_probe`.execute(h.db);
  });

  it("the daily job runs on its timer, makes next year's partition if it is missing, and stops", async () => {
    const next = `enforcement_publication_y${year + 1}`;
    const exists = async () =>
      (await sql<{ ok: boolean }>`select to_regclass(${next}) is not null as ok`.execute(h.db)).rows[0]?.ok;
    await sql`drop table ${sql.id(next)}`.execute(h.db);
    expect(await exists()).toBe(false);
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const done: string[][] = [];
      const stop = startPartitionStatsJob(h.db, { everyMs: 1000, onDone: (t) => done.push(t) });
      await vi.advanceTimersByTimeAsync(1000);
      await vi.waitFor(() => expect(done.length).toBe(1));
      stop();
      await vi.advanceTimersByTimeAsync(5000);
      expect(done.length).toBe(1);
      expect(done[0]).toEqual(expect.arrayContaining(LARGE_TABLES));
      expect(await exists()).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a case, its acts and its publication live in the year partition of its 立案日期; numbers stay unique per region', async () => {
    const ctx = ctxAt(h, new Date(`${year}-06-01T02:00:00Z`));
    const [thisYear, earlier] = await createCases(ctx, [
      decided(bodyId, handlerIds, `${year}-03-02`),
      decided(bodyId, handlerIds, `${year - 5}-03-02`),
    ] as never);
    const where = async (table: string, column: string, id: string) =>
      (
        await sql<{ part: string }>`select tableoid::regclass::text as part from ${sql.table(table)}
          where ${sql.ref(column)} = ${id}`.execute(h.db)
      ).rows.map((r) => r.part);
    expect(await where('enforcement_case', 'id', thisYear ?? '')).toEqual([`enforcement_case_y${year}`]);
    expect(new Set(await where('enforcement_case_action', 'case_id', thisYear ?? ''))).toEqual(
      new Set([`enforcement_case_action_y${year}`]),
    );
    expect(await where('enforcement_publication', 'case_id', thisYear ?? '')).toEqual([
      `enforcement_publication_y${year}`,
    ]);
    expect(await where('enforcement_case', 'id', earlier ?? '')).toEqual(['enforcement_case_default']);
    // the same number in the same region, in another year's partition: refused as before
    const copy = sql`insert into enforcement_case (id, region_code, org_id, body_id, case_no, category, procedure,
        party_kind, party_name, facts, handler_ids, status, opened_on)
      select gen_random_uuid(), region_code, org_id, body_id, case_no, category, procedure, party_kind,
        party_name, facts, handler_ids, status, opened_on + 400
      from enforcement_case where id = ${earlier ?? ''}`;
    await expect(copy.execute(h.db)).rejects.toMatchObject({
      code: '23505',
      constraint: 'enforcement_case_region_code_case_no_key',
    });
    const numbers = await sql<{ n: number }>`select count(*)::int as n from enforcement_case_no`.execute(
      h.db,
    );
    // one number for each case (the cases of the other tests too)
    expect(numbers.rows[0]?.n).toBe(await count('enforcement_case'));
  });
});

/** A case filed and decided (罚款 2,000 元) on `openedOn`. */
function decided(bodyId: string, handlerIds: string[], openedOn: string) {
  const sanction = { penalties: ['fine'], amount: 2000 };
  return {
    kind: 'open',
    input: {
      bodyId,
      partyKind: 'organisation',
      partyName: '某某木材加工厂',
      facts: '违法运输木材',
      handlerIds,
      openedOn,
    },
    actions: [
      { action: 'notify', date: openedOn, data: { sanction }, actorId: null },
      { action: 'decide', date: openedOn, data: { sanction }, actorId: null },
    ],
  };
}
