import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../context.js';
import type { DatabaseHandle } from '../db/open.js';
import { writeTx } from '../db/tx.js';
import { testEngines } from '../../test/db.js';
import { verifyAudit } from './audit.js';

describe.each(testEngines())('audit chain on $name', (engine) => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await engine.open();
    const ctx = systemCtx(h.db);
    for (let i = 0; i < 5; i++) {
      await writeTx(h.db, ctx.actor, async (_trx, audit) => {
        audit({
          action: 'test.write',
          entity: 'thing',
          entityId: String(i),
          change: { after: { n: i, 名称: '测试', nested: { b: 1, a: [1, 2] } } },
        });
      });
    }
  });
  afterAll(() => h.close());

  it('verifies an intact chain', async () => {
    expect(await verifyAudit(h.db)).toEqual({ ok: true, checked: 5 });
  });

  it('a write that fails leaves no audit entry', async () => {
    await expect(
      writeTx(h.db, systemCtx(h.db).actor, async (_trx, audit) => {
        audit({ action: 'test.write', entity: 'thing' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await verifyAudit(h.db)).checked).toBe(5);
  });

  it('refuses an edit or a delete of an audit entry in the database itself', async () => {
    await expect(sql`update audit_log set change = '{}' where seq = 3`.execute(h.db)).rejects.toThrow(
      /只增记录/,
    );
    await expect(sql`delete from audit_log where seq = 2`.execute(h.db)).rejects.toThrow(/只增记录/);
    expect((await verifyAudit(h.db)).ok).toBe(true);
  });

  it('names the first row edited with raw SQL by someone who disabled the guard', async () => {
    // only the database owner can do this; verify still finds it
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(h.db);
    await sql`update audit_log set change = '{"after":{"n":99}}' where seq = 3`.execute(h.db);
    const r = await verifyAudit(h.db);
    expect(r.ok).toBe(false);
    expect(r.firstBroken?.seq).toBe(3);
    expect(r.checked).toBe(2);
  });

  it('names a deleted row', async () => {
    await sql`delete from audit_log where seq = 2`.execute(h.db);
    const r = await verifyAudit(h.db);
    expect(r.firstBroken?.seq).toBe(2);
    expect(r.firstBroken?.reason).toContain('删除');
  });
});
