import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/open.js';
import { codeOf, seedDemoOrgsAt, userCtxAt } from '../../test/ctx.js';
import { testEngines } from '../../test/db.js';
import { getOrg, updateOrg } from './org-service.js';
import type { DemoOrgs } from './seed.js';

const NOW = new Date('2025-03-03T02:00:00Z');

// platform/db/tx.ts writeVersioned, as every ledger's edit form meets it
describe.each(testEngines())('a versioned edit on $name', (engine) => {
  let h: DatabaseHandle;
  let orgs: DemoOrgs;
  beforeAll(async () => {
    h = await engine.open();
    orgs = await seedDemoOrgsAt(h, NOW);
  });
  afterAll(() => h.close());

  const auditCount = async (id: string) =>
    (await h.db.selectFrom('audit_log').select('seq').where('entity_id', '=', id).execute()).length;

  it('saves the change with the next version and who made it, and audits it on the row', async () => {
    const ctx = await userCtxAt(h, 'admin', NOW);
    const before = await getOrg(ctx, orgs.rootId);
    const audits = await auditCount(orgs.rootId);
    const after = await updateOrg(ctx, orgs.rootId, { version: before.version, sort: before.sort + 1 });
    expect(after.version).toBe(before.version + 1);
    expect(after.sort).toBe(before.sort + 1);
    const row = await h.db
      .selectFrom('org')
      .select(['updated_by', 'updated_at'])
      .where('id', '=', orgs.rootId)
      .executeTakeFirstOrThrow();
    expect(row.updated_by).toBe(ctx.actor.userId);
    expect(new Date(row.updated_at).getTime()).toBe(NOW.getTime());
    const entry = await h.db
      .selectFrom('audit_log')
      .select(['action', 'entity', 'org_id'])
      .where('entity_id', '=', orgs.rootId)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry).toEqual({ action: 'org.update', entity: 'org', org_id: orgs.rootId });
    expect(await auditCount(orgs.rootId)).toBe(audits + 1);
  });

  it('refuses an edit made on a version someone has since changed, and writes nothing', async () => {
    const ctx = await userCtxAt(h, 'admin', NOW);
    const read = await getOrg(ctx, orgs.rootId);
    // someone else saves first
    const current = await updateOrg(ctx, orgs.rootId, { version: read.version, sort: 5 });
    const audits = await auditCount(orgs.rootId);
    expect(await codeOf(updateOrg(ctx, orgs.rootId, { version: read.version, sort: 7 }))).toBe(
      'conflict.stale@version',
    );
    expect(await getOrg(ctx, orgs.rootId)).toEqual(current);
    expect(await auditCount(orgs.rootId)).toBe(audits);
  });
});
