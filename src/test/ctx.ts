import { type Ctx, systemCtx } from '../platform/context.js';
import type { DatabaseHandle } from '../platform/db/open.js';
import { DomainError } from '../platform/errors.js';
import { loadIdentity } from '../domains/org/auth-service.js';
import { type DemoOrgs, demoUscc, seedOrgs } from '../domains/org/seed.js';
import { TEST_PASSWORD } from './app.js';

/**
 * Service contexts for tests that call services directly (no HTTP). Each domain's fixtures fix
 * the instant its tests run at and pass it here.
 */

/** The system's context at `now` (demo seeding, set-up). */
export function systemAt(h: DatabaseHandle, now: Date): Ctx {
  return systemCtx(h.db, () => now);
}

/** The service context of a demo user at `now`: their real roles and data scope. */
export async function userCtxAt(h: DatabaseHandle, username: string, now: Date): Promise<Ctx> {
  const u = await h.db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const identity = await loadIdentity(h.db, u.id, null);
  if (!identity) throw new Error(`no identity for ${username}`);
  return { db: h.db, actor: identity.actor, scope: identity.scope, now: () => now };
}

/** The demo org tree, roles and users (with their USCCs), seeded at `now`. */
export function seedDemoOrgsAt(h: DatabaseHandle, now: Date): Promise<DemoOrgs> {
  return seedOrgs(systemAt(h, now), TEST_PASSWORD, demoUscc);
}

/** 'ok', or the DomainError's code@field a user would see the message for. */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return e instanceof DomainError ? `${e.code}@${e.details.field ?? ''}` : String(e);
  }
}
