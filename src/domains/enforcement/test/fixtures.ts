import { ALL_SCOPE, type Ctx } from '../../../platform/context.js';
import type { MetricQuery } from '../../../platform/metrics/types.js';
import type { DatabaseHandle } from '../../../platform/db/open.js';
import { systemAt, userCtxAt } from '../../../test/ctx.js';
import { TEST_PASSWORD } from '../../../test/app.js';
/**
 * The demo orgs are created without USCCs here: src/platform/ids does not yet export `demoUscc`
 * (nor the `validateUscc` that org-service calls for a given USCC). Switch to `demoUscc` from
 * src/platform/ids/index.js when it lands, as src/test/app.ts already does.
 */
const demoUscc = (_n: number) => undefined as unknown as string;
import { type DemoOrgs, seedOrgs } from '../../org/seed.js';
import { searchBodies, searchOfficers } from '../officers/service.js';
import { seedOfficers } from '../officers/seed.js';
import { seedPowers } from '../power-list/seed.js';
import type { TestEngine } from '../../../test/db.js';
import { databaseSetup } from '../../../test/suite.js';

export const TODAY = '2025-06-16';
/** 2025-06-16 10:00 in China */
export const NOW = new Date('2025-06-16T02:00:00Z');

export const ctxAt = (h: DatabaseHandle, now = NOW): Ctx => systemAt(h, now);

/** The service context of a demo user (their real roles and data scope). */
export const userCtx = (h: DatabaseHandle, username: string, now = NOW): Promise<Ctx> =>
  userCtxAt(h, username, now);

/** The figures' query over one org's records (with no narrower scope) for a period, as of `today`. */
export const orgPeriod = (orgId: string, from: string, to: string, today: string): MetricQuery => ({
  scope: ALL_SCOPE,
  orgId,
  orgIds: [orgId],
  from,
  to,
  today,
});

export async function withOrgs(h: DatabaseHandle): Promise<DemoOrgs> {
  return seedOrgs(ctxAt(h), TEST_PASSWORD, demoUscc);
}

/**
 * 市场监督管理局's enforcement body and its officers (after `seedOfficers`): the team most tests
 * open their cases with. `certified` are the ids of those whose certificate is valid, in list order.
 */
export async function marketTeam(ctx: Ctx) {
  const page = { offset: 0, limit: 500 };
  const bodyId = (await searchBodies(ctx, { q: '市场监督管理局' }, page)).items[0]?.id ?? '';
  const officers = (await searchOfficers(ctx, { bodyId }, page)).items;
  const certified = officers.filter((o) => o.certificateState === 'valid').map((o) => o.id);
  return { bodyId, officers, certified };
}

/**
 * A case the market team handles: its body, its first two certified officers, and an organisation
 * as the party unless `over` says otherwise (with the party's name and the facts).
 */
export const marketCase = (
  team: { bodyId: string; certified: readonly string[] },
  over: Record<string, unknown>,
): Record<string, unknown> => ({
  bodyId: team.bodyId,
  partyKind: 'organisation',
  handlerIds: [team.certified[0], team.certified[1]],
  ...over,
});

/**
 * A describe block's database with the demo orgs and officers (seeded at TODAY) and the market
 * team: `sys` the system context at NOW, `bodies` what `seedOfficers` made, then `marketTeam`'s fields.
 */
export function marketSetup(engine: TestEngine) {
  return databaseSetup(engine, async (h) => {
    const orgs = await withOrgs(h);
    const sys = ctxAt(h);
    const bodies = await seedOfficers(sys, TODAY);
    return { orgs, sys, bodies, ...(await marketTeam(sys)) };
  });
}

/** A describe block's database with the demo orgs, their officers and every body's 权责清单. */
export function powerListSetup(engine: TestEngine) {
  return databaseSetup(engine, async (h) => {
    const orgs = await withOrgs(h);
    await seedPowers(ctxAt(h), await seedOfficers(ctxAt(h), TODAY));
    return { orgs };
  });
}
