import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testEngines } from '../../test/db.js';
import { databaseSetup } from '../../test/suite.js';

describe.each(testEngines())('append-only logs on %s', (engine) => {
  const t = databaseSetup(engine);

  it('every action log (a table named *_action) and the audit log refuse UPDATE and DELETE in the database', async () => {
    const logs = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE'
        and (table_name like '%\\_action' or table_name = 'audit_log')
      order by table_name`.execute(t.h.db);
    expect(logs.rows.length).toBeGreaterThanOrEqual(3);
    const guarded = await sql<{ table_name: string; events: string }>`
      select c.relname as table_name, string_agg(
        case when (t.tgtype & 8) <> 0 then 'delete' else '' end || case when (t.tgtype & 16) <> 0 then 'update' else '' end, ',') as events
      from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid
      where p.proname = 'fazhi_append_only' and not t.tgisinternal
      group by c.relname`.execute(t.h.db);
    const byTable = new Map(guarded.rows.map((r) => [r.table_name, r.events]));
    const unguarded = logs.rows
      .map((r) => r.table_name)
      .filter((t) => !(byTable.get(t)?.includes('delete') && byTable.get(t)?.includes('update')));
    expect(unguarded).toEqual([]);
  });
});
