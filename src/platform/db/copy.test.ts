import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testEngines } from '../../test/db.js';
import { databaseSetup } from '../../test/suite.js';
import { CopyRows, copyInto } from './copy.js';

class Rollback extends Error {}

describe.each(testEngines())('COPY on $name', (engine) => {
  const t = databaseSetup(engine, async (h) => {
    await sql`create table copy_probe (id int primary key, name text, tags text[], doc jsonb, flag boolean,
      day date, amount numeric(14,2))`.execute(h.db);
    return {};
  });

  it('loads text with tabs, newlines, backslashes, quotes and commas unchanged, and nulls as null', async () => {
    const rows = new CopyRows('copy_probe', ['id', 'name', 'tags', 'doc', 'flag', 'day', 'amount']);
    rows.add([
      1,
      '恒达\t商贸\n"有限"\\公司',
      ['警告', '罚款,没收', 'a"b\\c', null],
      '{"note":"x\\ty"}',
      true,
      '2024-02-29',
      '1234.50',
    ]);
    rows.add([2, null, [], '{}', false, null, null]);
    const copied = await t.h.db.transaction().execute((trx) => copyInto(trx, rows));
    expect(copied).toBe(2);
    const back = await sql<{
      id: number;
      name: string | null;
      tags: string[];
      doc: unknown;
      flag: boolean;
      day: string | null;
      amount: string | null;
    }>`select * from copy_probe order by id`.execute(t.h.db);
    expect(back.rows).toEqual([
      {
        id: 1,
        name: '恒达\t商贸\n"有限"\\公司',
        tags: ['警告', '罚款,没收', 'a"b\\c', null],
        doc: { note: 'x\ty' },
        flag: true,
        day: '2024-02-29',
        amount: '1234.50',
      },
      { id: 2, name: null, tags: [], doc: {}, flag: false, day: null, amount: null },
    ]);
  });

  it('a COPY rolled back with its transaction leaves nothing, and a failing COPY rolls back the whole transaction', async () => {
    const rows = new CopyRows('copy_probe', ['id', 'name', 'tags', 'doc', 'flag', 'day', 'amount']);
    rows.add([10, 'a', [], '{}', true, null, null]);
    await expect(
      t.h.db.transaction().execute(async (trx) => {
        await copyInto(trx, rows);
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
    const dup = new CopyRows('copy_probe', ['id', 'name', 'tags', 'doc', 'flag', 'day', 'amount']);
    dup.add([11, 'b', [], '{}', true, null, null]);
    dup.add([1, 'duplicate of an existing row', [], '{}', true, null, null]);
    await expect(
      t.h.db.transaction().execute(async (trx) => {
        await sql`insert into copy_probe (id, name, tags, doc, flag) values (12, 'c', '{}', '{}', true)`.execute(
          trx,
        );
        await copyInto(trx, dup);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    const ids = await sql<{ id: number }>`select id from copy_probe order by id`.execute(t.h.db);
    expect(ids.rows.map((r) => r.id)).toEqual([1, 2]);
    // the connection is usable afterwards
    const one = await sql<{ n: number }>`select 1 as n`.execute(t.h.db);
    expect(one.rows[0]?.n).toBe(1);
  });
});
