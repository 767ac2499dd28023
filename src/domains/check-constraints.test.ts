import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Db } from '../platform/db/types.js';
import { testEngines } from '../test/db.js';
import { checkedColumns } from './check-constraints.js';

/** The values a `check (col in (...))` constraint allows, read back from the catalogue. */
function allowed(def: string): string[] {
  return [...def.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '').sort();
}

async function withMigratedDb(engine: ReturnType<typeof testEngines>[number], f: (db: Db) => Promise<void>) {
  const h = await engine.open();
  try {
    await f(h.db);
  } finally {
    await h.close();
  }
}

describe.each(testEngines().map((e) => [e.name, e] as const))('coded columns on %s', (_name, engine) => {
  it('each CHECK constraint allows exactly the values the code knows', async () => {
    await withMigratedDb(engine, async (db) => {
      for (const c of checkedColumns) {
        const r = await sql<{ def: string }>`
          select pg_get_constraintdef(k.oid) as def from pg_constraint k join pg_class t on t.oid = k.conrelid
          where t.relname = ${c.table} and k.conname = ${`${c.table}_${c.column}_check`}`.execute(db);
        expect(r.rows, `${c.table}.${c.column}`).toHaveLength(1);
        expect(allowed(r.rows[0]?.def ?? ''), `${c.table}.${c.column}`).toEqual([...c.values].sort());
      }
    });
  });

  it('a value the code does not know is refused by the database', async () => {
    await withMigratedDb(engine, async (db) => {
      await expect(
        sql`insert into org (id, name, kind, region_code, path, depth) values (gen_random_uuid(), '试验单位', 'nonsense', '000000', 'x', 0)`.execute(
          db,
        ),
      ).rejects.toThrow(/org_kind_check/);
    });
  });
});
