import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testEngines } from '../../test/db.js';
import { CopyClient } from './copy.js';
import type { DatabaseHandle } from './open.js';
import { newReadGuard, runGuarded, STALE, StaleIdentity, settleGuard } from './read-guard.js';

// The read guard on PostgreSQL's primary pool (the embedded engine caches its sessions instead and
// never carries a guard). The check here reads a flag in a table of the test's own, so each case
// can say whether the identity stands, and fails with STALE when it does not, as the session check
// of migration 0230 does.
const postgres = testEngines().filter((e) => e.name === 'postgres');

describe.each(postgres)('read guard on $name', (engine) => {
  let h: DatabaseHandle;
  const sent = vi.spyOn(CopyClient.prototype, 'rawQuery');
  const CHECK = 'select guard_check($1) as current';
  const guard = (id: number) => newReadGuard({ text: CHECK, values: [id] });
  const runCheck = async (text: string, values: readonly unknown[]) =>
    (await sql.raw(text.replace('$1', String(values[0]))).execute(h.db)) as { rows: { current?: unknown }[] };

  beforeAll(async () => {
    h = await engine.open();
    await sql`create table guard_flag (id int primary key, ok boolean not null)`.execute(h.db);
    await sql`insert into guard_flag values (1, true), (2, false)`.execute(h.db);
    await sql`create table guard_written (n int)`.execute(h.db);
    await sql
      .raw(`create function guard_check(p_id int) returns boolean language plpgsql as $$
        begin
          if (select ok from guard_flag where id = p_id) then return true; end if;
          raise exception 'stale' using errcode = '${STALE}';
        end $$`)
      .execute(h.db);
  });
  afterAll(async () => {
    sent.mockRestore();
    await h?.close();
  });

  it('sends the check and the first read in one round trip, and the rows come back as usual', async () => {
    const g = guard(1);
    sent.mockClear();
    const { rows } = await runGuarded(g, () =>
      sql<{ n: number; at: Date }>`select g::int as n, now() as at from generate_series(1, 3) g`.execute(
        h.db,
      ),
    );
    // parsed by the pool's type parsers, as a plain read's rows are
    expect(rows.map((r) => r.n)).toEqual([1, 2, 3]);
    expect(rows[0]?.at).toBeInstanceOf(Date);
    expect(sent.mock.calls).toHaveLength(1);
    expect(g).toMatchObject({ state: 'current', rode: 1, alone: 0 });
    // once the identity stands, later statements go as they are
    await runGuarded(g, () => sql`select 1`.execute(h.db));
    expect(sent.mock.calls).toHaveLength(2);
  });

  it('refuses the read, and every statement after it, when the identity no longer stands', async () => {
    const g = guard(2);
    await expect(runGuarded(g, () => sql`select 1 as one`.execute(h.db))).rejects.toBeInstanceOf(
      StaleIdentity,
    );
    expect(g.state).toBe('stale');
    await expect(runGuarded(g, () => sql`select 2`.execute(h.db))).rejects.toBeInstanceOf(StaleIdentity);
  });

  it('skips a write that rides behind a stale check (a WITH … INSERT looks like a read)', async () => {
    const g = guard(2);
    await expect(
      runGuarded(g, () =>
        sql`with w as (insert into guard_written values (9) returning n) select n from w`.execute(h.db),
      ),
    ).rejects.toBeInstanceOf(StaleIdentity);
    expect(g.rode).toBe(1);
    const written = await sql<{ n: number }>`select n from guard_written where n = 9`.execute(h.db);
    expect(written.rows).toEqual([]);
  });

  it('checks alone before a write, and writes nothing for an identity that no longer stands', async () => {
    await expect(
      runGuarded(guard(2), () => sql`insert into guard_written values (1)`.execute(h.db)),
    ).rejects.toBeInstanceOf(StaleIdentity);
    await expect(
      runGuarded(guard(2), () =>
        h.db.transaction().execute((trx) => sql`insert into guard_written values (2)`.execute(trx)),
      ),
    ).rejects.toBeInstanceOf(StaleIdentity);
    const g = guard(1);
    await runGuarded(g, () => sql`insert into guard_written values (3)`.execute(h.db));
    expect(g).toMatchObject({ state: 'current', rode: 0, alone: 1 });
    const written = await sql<{ n: number }>`select n from guard_written order by n`.execute(h.db);
    expect(written.rows.map((r) => r.n)).toEqual([3]);
  });

  it("gives the read's own error with its code, and keeps the check's answer", async () => {
    const g = guard(1);
    const failed = runGuarded(g, () =>
      sql`select 1 / (select count(*)::int - count(*)::int from guard_flag)`.execute(h.db),
    );
    await expect(failed).rejects.toMatchObject({ code: '22012' });
    expect(g.state).toBe('current');
    // the connection is usable after the failed pipeline
    const ok = await runGuarded(g, () => sql<{ n: number }>`select 41 + 1 as n`.execute(h.db));
    expect(ok.rows[0]?.n).toBe(42);
  });

  it('reads running side by side wait for the one check, which goes out once', async () => {
    const g = guard(1);
    sent.mockClear();
    const answers = await runGuarded(g, () =>
      Promise.all([1, 2, 3, 4].map((n) => sql<{ n: number }>`select ${n}::int as n`.execute(h.db))),
    );
    expect(answers.map((a) => a.rows[0]?.n)).toEqual([1, 2, 3, 4]);
    expect(g).toMatchObject({ state: 'current', rode: 1, alone: 0 });
    expect(sent.mock.calls).toHaveLength(4);
  });

  it('answers a request that read nothing by a check sent alone', async () => {
    const stale = guard(2);
    await settleGuard(stale, runCheck);
    expect(stale).toMatchObject({ state: 'stale', alone: 1 });
    const current = guard(1);
    await settleGuard(current, runCheck);
    expect(current).toMatchObject({ state: 'current', alone: 1 });
  });

  it('sends a statement outside a guarded request as it is', async () => {
    sent.mockClear();
    await sql`select 1`.execute(h.db);
    expect(sent.mock.calls).toHaveLength(1);
  });
});
