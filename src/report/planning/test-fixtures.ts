import { type Ctx, systemCtx } from '../../platform/context.js';
import type { DatabaseHandle } from '../../platform/db/open.js';
import { loadIdentity } from '../../domains/org/auth-service.js';
import { type DemoOrgs, demoUscc, seedOrgs } from '../../domains/org/seed.js';

/** 2026-02-10 10:00 in China: reports on 2025 are being compiled. */
export const NOW = new Date('2026-02-10T02:00:00Z');

export function systemAt(h: DatabaseHandle, now = NOW): Ctx {
  return systemCtx(h.db, () => now);
}

/** The service context of a demo user, with their real roles and data scope. */
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

export function seedDemoOrgs(h: DatabaseHandle): Promise<DemoOrgs> {
  return seedOrgs(systemAt(h), 'Passw0rd-demo', demoUscc);
}

export function orgIdOf(orgs: DemoOrgs, short: string): string {
  const id = orgs.departments.get(short);
  if (!id) throw new Error(`no department ${short}`);
  return id;
}
