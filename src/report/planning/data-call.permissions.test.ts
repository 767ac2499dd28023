import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import { rowInScope } from '../../platform/scope.js';
import { testEngines } from '../../test/db.js';
import { databaseSetup } from '../../test/suite.js';
import { changeDataCallStatus, createDataCall, getSubmission, saveFigures } from './data-call-service.js';
import { seedDemoOrgs, userCtx } from './test-fixtures.js';

const USERS = ['admin', 'yfzs', 'leader', 'scjg', 'fzsh', 'township', 'clerk'] as const;

async function outcome(p: Promise<unknown>): Promise<'ok' | DomainError['kind']> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof DomainError) return e.kind;
    throw e;
  }
}

describe.each(testEngines())('who may read and fill which answer, on $name', (engine) => {
  const ctxs = new Map<string, Ctx>();

  const suite = databaseSetup(engine, async (h) => {
    const orgs = await seedDemoOrgs(h);
    const office = await userCtx(h, 'yfzs');
    const targets = [...orgs.departments.values(), ...[...orgs.townships.values()].map((t) => t.id)];
    const call = await createDataCall(office, {
      title: '权限测试填报',
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
      deadline: '2026-02-28',
      targetOrgIds: targets,
      items: [{ metricId: 'rpt.litigation.cases' }],
    });
    const subs = (await changeDataCallStatus(office, call.id, 'open', { version: 1 })).submissions;
    const rows = await h.db.selectFrom('org').select(['id', 'region_code']).execute();
    const regionOf = new Map(rows.map((r) => [r.id, r.region_code]));
    for (const u of USERS) ctxs.set(u, await userCtx(h, u));
    return { orgs, subs, regionOf };
  });

  it('reads an answer only inside the scope (or as the issuing office), fills only its own with the permission', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...USERS), fc.nat(), async (username, pick) => {
        const ctx = ctxs.get(username);
        const sub = suite.subs[pick % suite.subs.length];
        if (!ctx || !sub) throw new Error('fixture');
        const own = rowInScope(ctx.scope, {
          org_id: sub.orgId,
          region_code: suite.regionOf.get(sub.orgId) ?? '',
        });
        const office = rowInScope(ctx.scope, {
          org_id: suite.orgs.departments.get('司法局') ?? '',
          region_code: '532502',
        });
        const read = await outcome(getSubmission(ctx, sub.id));
        expect(read).toBe(own || office ? 'ok' : 'notFound');
        if (read !== 'ok') return;
        const form = await getSubmission(ctx, sub.id);
        // a stale version keeps the database unchanged whatever the outcome
        const fill = await outcome(
          saveFigures(ctx, sub.id, {
            version: form.version + 1000,
            figures: [{ itemId: form.lines[0]?.id, value: 1, unit: '件' }],
          }),
        );
        const mayFill = ctx.actor.permissions.has('*') || ctx.actor.permissions.has('planning:dataCall:fill');
        expect(fill).toBe(!mayFill ? 'forbidden' : own ? 'conflict' : 'notFound');
      }),
      { numRuns: 60 },
    );
  });
});
