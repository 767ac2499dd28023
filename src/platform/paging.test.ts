import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './db/open.js';
import { testEngines } from '../test/db.js';
import { listTotal, settleTotal } from './paging.js';

describe.each(testEngines())('listTotal on $name', (engine) => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await engine.open();
    await sql`create table paging_probe (id int primary key, kind text not null)`.execute(h.db);
    await sql`insert into paging_probe select g, case when g % 10 = 0 then 'rare' else 'common' end
      from generate_series(1, 30000) g`.execute(h.db);
    await sql`analyze paging_probe`.execute(h.db);
  });
  afterAll(() => h?.close());

  const rows = (kind?: string) =>
    h.db
      .selectFrom('paging_probe' as never)
      .select(sql`id`.as('id'))
      .$if(kind !== undefined, (q) => q.where(sql`kind`, '=', kind));

  it('counts a list up to the cap exactly', async () => {
    expect(await listTotal(h.db, rows('rare'), { cap: 5000 })).toEqual({ total: 3000, totalKind: 'exact' });
  });

  it('past the cap answers the planner estimate, not a count of every row', async () => {
    const r = await listTotal(h.db, rows(), { cap: 5000 });
    expect(r.totalKind).toBe('estimate');
    // the estimate is of the table's 30,000 rows (statistics from analyze), rounded to 3 figures
    expect(r.total).toBeGreaterThan(25_000);
    expect(r.total).toBeLessThan(35_000);
  });

  it('answers the estimate above the cap, rounded to three figures', async () => {
    const r = await listTotal(h.db, rows('rare'), { cap: 1000 });
    expect(r.totalKind).toBe('estimate');
    expect(r.total).toBeGreaterThan(2000);
    expect(r.total).toBeLessThan(4000);
    expect(r.total % 10).toBe(0);
  });

  it('answers "cap+" when more rows than the cap exist but the planner guesses fewer', async () => {
    // the planner guesses 0.5 % for an expression it has no statistics for; 3,000 rows match
    const r = await listTotal(h.db, rows().where(sql`id % 10`, '=', 0), { cap: 1000 });
    expect(r).toEqual({ total: 1000, totalKind: 'atLeast' });
  });

  it('answers the estimate when counting would cost more than the budget', async () => {
    // 3,000 rare rows need a read of the whole table: over a budget of 10 cost units
    const r = await listTotal(h.db, rows('rare'), { cap: 5000, budget: 10 });
    expect(r.totalKind).toBe('estimate');
    expect(r.total).toBeGreaterThan(2000);
    expect(r.total).toBeLessThan(4000);
    // within the budget the same list is counted
    expect(await listTotal(h.db, rows('rare'), { cap: 5000, budget: 100_000 })).toEqual({
      total: 3000,
      totalKind: 'exact',
    });
  });

  it('counts every row when asked for the exact total', async () => {
    expect(await listTotal(h.db, rows(), { cap: 5000, exactTotal: true })).toEqual({
      total: 30000,
      totalKind: 'exact',
    });
  });
});

describe('settleTotal', () => {
  const estimate = { total: 3000, totalKind: 'estimate' as const };
  it('a page shorter than the limit ends the list: the total is exact', () => {
    expect(settleTotal(estimate, { offset: 40, limit: 20 }, 7)).toEqual({ total: 47, totalKind: 'exact' });
    expect(settleTotal(estimate, { offset: 0, limit: 20 }, 0)).toEqual({ total: 0, totalKind: 'exact' });
  });
  it('a full page keeps the estimate, raised to the rows already seen', () => {
    expect(settleTotal(estimate, { offset: 0, limit: 20 }, 20)).toEqual(estimate);
    expect(settleTotal(estimate, { offset: 4000, limit: 20 }, 20)).toEqual({
      total: 4020,
      totalKind: 'estimate',
    });
  });
  it('an empty page past the end says nothing about the total', () => {
    expect(settleTotal(estimate, { offset: 6000, limit: 20 }, 0)).toEqual(estimate);
  });
});
