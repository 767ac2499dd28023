import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testEngines } from '../../test/db.js';
import { databaseSetup } from '../../test/suite.js';

// The app's PostgreSQL sessions run with JIT off (open.ts): at a province's size the figures'
// grouped scans crossed jit_above_cost and spent longer compiling than counting. The server here
// has JIT available and on by default, so this fails if the pool stops asking for it.
describe.each(testEngines().filter((e) => e.name === 'postgres'))('app sessions on %s', (engine) => {
  const t = databaseSetup(engine);

  it('every pooled connection has JIT off, so a costly grouped count is planned without compiling', async () => {
    const held = await Promise.all(
      [1, 2, 3].map(() => sql<{ jit: string }>`select current_setting('jit') as jit`.execute(t.h.db)),
    );
    expect(held.map((r) => r.rows[0]?.jit)).toEqual(['off', 'off', 'off']);
    const plan = await sql<{ 'QUERY PLAN': string }>`
      explain select count(*) filter (where g % 3 = 0), sum(g) filter (where g % 7 = 1)
      from generate_series(1, 10000000) g`.execute(t.h.db);
    const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    // planned at cost 250,000, over jit_above_cost (100,000): with JIT on the plan lists "JIT:"
    expect(text).toMatch(/Aggregate {2}\(cost=250000/);
    expect(text).not.toMatch(/JIT:/);
  });
});
