import { type Ctx, systemCtx } from '../../platform/context.js';
import type { DatabaseHandle } from '../../platform/db/open.js';
import { loadIdentity } from '../org/auth-service.js';
import { type DemoOrgs, demoUscc, seedOrgs } from '../org/seed.js';

/** Tests of this domain run on 2025-06-16 10:00 in China (a Monday). */
export const TODAY = '2025-06-16';
export const NOW = new Date('2025-06-16T02:00:00Z');

export function sysCtx(h: DatabaseHandle, now = NOW): Ctx {
  return systemCtx(h.db, () => now);
}

export async function withOrgs(h: DatabaseHandle): Promise<DemoOrgs> {
  return seedOrgs(sysCtx(h), 'Passw0rd-demo', demoUscc);
}

/** The service context of a demo user (their real roles and data scope). */
export async function userCtx(h: DatabaseHandle, username: string, now = NOW): Promise<Ctx> {
  const u = await h.db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const identity = await loadIdentity(h.db, u.id, null);
  if (!identity) throw new Error(`no identity for ${username}`);
  return { db: h.db, actor: identity.actor, scope: identity.scope, now: () => now };
}
