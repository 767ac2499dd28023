import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCases } from '../../domains/enforcement/cases/service.js';
import { createBody, createOfficers } from '../../domains/enforcement/officers/service.js';
import { ctxAt, withOrgs } from '../../domains/enforcement/test/fixtures.js';
import { testEngines } from '../../test/db.js';
import { yearPartitionsAhead } from './migrate.js';
import type { DatabaseHandle } from './open.js';

/**
 * Province data (migration 0230): the large tables are partitioned by year and every key carries
 * the region, so that a province can shard them by region (Citus: the distribution column in
 * every primary key and unique index). Read from the catalogue, on both engines.
 */
const LARGE_TABLES = [
  'enforcement_case',
  'enforcement_case_action',
  'enforcement_case_record',
  'enforcement_publication',
  'audit_log',
];
const year = new Date().getFullYear();

describe.each(testEngines())('province keys on $name', (engine) => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await engine.open();
  });
  afterAll(() => h?.close());

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

  it('every reference to a case carries its region and year (the composite key)', async () => {
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
      'enforcement_case_action',
      'enforcement_case_record',
      'enforcement_publication',
      'enforcement_referral',
      'inspection_target',
    ]);
    for (const f of r.rows) expect(f.columns).toEqual(['region_code', 'opened_on', 'id']);
  });

  it("next year's partitions are made a year ahead by every migrate", async () => {
    await sql`drop table ${sql.id(`audit_log_y${year + 1}`)}`.execute(h.db);
    expect(await yearPartitionsAhead(h.db)).toBe(1);
    expect(await yearPartitionsAhead(h.db)).toBe(0);
    const r = await sql<{ n: number }>`select count(*)::int as n from pg_class
      where relname = ${`audit_log_y${year + 1}`}`.execute(h.db);
    expect(r.rows[0]?.n).toBe(1);
  });

  it('a case, its acts and its publication live in the year partition of its 立案日期; numbers stay unique per region', async () => {
    const orgs = await withOrgs(h);
    const ctx = ctxAt(h, new Date(`${year}-06-01T02:00:00Z`));
    const orgId = orgs.departments.get('林草局') ?? '';
    const bodyId = (await createBody(ctx, { orgId, kind: 'statutory' })).id;
    const cert = (n: number) => ({
      number: `PK-${n}`,
      field: '林业',
      issuedOn: '2000-01-01',
      validUntil: '2099-12-31',
    });
    const handlerIds = await createOfficers(ctx, [
      { bodyId, name: '张林', gender: 'male', certificate: cert(1) },
      { bodyId, name: '李木', gender: 'female', certificate: cert(2) },
    ]);
    const decided = (openedOn: string) => ({
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
        {
          action: 'notify',
          date: openedOn,
          data: { sanction: { penalties: ['fine'], amount: 2000 } },
          actorId: null,
        },
        {
          action: 'decide',
          date: openedOn,
          data: { sanction: { penalties: ['fine'], amount: 2000 } },
          actorId: null,
        },
      ],
    });
    const [thisYear, earlier] = await createCases(ctx, [
      decided(`${year}-03-02`),
      decided(`${year - 5}-03-02`),
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
    expect(numbers.rows[0]?.n).toBe(2);
  });
});
