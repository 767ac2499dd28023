import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testEngines } from '../../test/db.js';
import { databaseSetup } from '../../test/suite.js';
import { prepared, preparedName } from './prepared.js';

describe.each(testEngines())('statements prepared by name on $name', (engine) => {
  const t = databaseSetup(engine);

  it('answers a marked statement like an unmarked one, and on PostgreSQL prepares it once per connection', async () => {
    const query = sql<{
      n: number;
      word: string;
    }>`select ${7}::int + 1 as n, ${'执法'}::text as word`.compile(t.h.db);
    const plain = (await t.h.db.executeQuery(query)).rows;
    const marked = prepared(query);
    const name = preparedName(marked.sql);
    expect(name).toMatch(/^fazhi_\d+$/);
    const held = await t.h.db.connection().execute(async (c) => {
      const runs = [(await c.executeQuery(marked)).rows, (await c.executeQuery(marked)).rows];
      const statements = await sql<{ name: string }>`select name from pg_prepared_statements`.execute(c);
      return { runs, names: statements.rows.map((r) => r.name) };
    });
    expect(held.runs).toEqual([plain, plain]);
    expect(plain).toEqual([{ n: 8, word: '执法' }]);
    // the embedded engine runs it as any other statement; the server keeps it under its name
    if (engine.name === 'postgres') expect(held.names).toContain(name);
    else expect(held.names).not.toContain(name);
  });
});
