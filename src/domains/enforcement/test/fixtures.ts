import { type Ctx, systemCtx } from '../../../platform/context.js';
import type { DatabaseHandle } from '../../../platform/db/open.js';
/**
 * The demo orgs are created without USCCs here: src/platform/ids does not yet export `demoUscc`
 * (nor the `validateUscc` that org-service calls for a given USCC). Switch to `demoUscc` from
 * src/platform/ids/index.js when it lands, as src/test/app.ts already does.
 */
const demoUscc = (_n: number) => undefined as unknown as string;
import { loadIdentity } from '../../org/auth-service.js';
import { type DemoOrgs, seedOrgs } from '../../org/seed.js';

export const TODAY = '2025-06-16';
/** 2025-06-16 10:00 in China */
export const NOW = new Date('2025-06-16T02:00:00Z');

export function ctxAt(h: DatabaseHandle, now = NOW): Ctx {
  return systemCtx(h.db, () => now);
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

export async function withOrgs(h: DatabaseHandle): Promise<DemoOrgs> {
  return seedOrgs(ctxAt(h), 'Passw0rd-demo', demoUscc);
}
