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

/** What a user is told of an error: the DomainError's code@field (`field: false`: the code alone). */
function errorCode(e: unknown, field: boolean): string {
  if (!(e instanceof DomainError)) return String(e);
  return field ? `${e.code}@${e.details.field ?? ''}` : e.code;
}

/** 'ok', or the DomainError's code@field a user would see the message for (`field: false`: the code alone). */
export function codeOf(p: Promise<unknown>, o: { field?: boolean } = {}): Promise<string> {
  return p.then(
    () => 'ok',
    (e: unknown) => errorCode(e, o.field ?? true),
  );
}

/** 'ok', or the DomainError's code alone. */
export const errorCodeOf = (p: Promise<unknown>) => codeOf(p, { field: false });

/** `codeOf` for a rule that throws synchronously. */
export function codeOfCall(fn: () => unknown, o: { field?: boolean } = {}): string {
  try {
    fn();
  } catch (e) {
    return errorCode(e, o.field ?? true);
  }
  return 'ok';
}

/** 'ok', or the code alone of the DomainError a rule throws. */
export const errorCodeOfCall = (fn: () => unknown) => codeOfCall(fn, { field: false });

/** The DomainError a promise is refused with; a fulfilled promise or any other error fails the test. */
export async function refusalOf(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

/**
 * What a promise is refused with — a DomainError, or the validation error of a bad input — for
 * tests that read its code, message or details; a fulfilled promise fails the test.
 */
export async function rejectionOf(
  p: Promise<unknown>,
): Promise<{ code?: string; message: string; details?: Record<string, unknown> }> {
  try {
    await p;
  } catch (err) {
    return err as { code?: string; message: string; details?: Record<string, unknown> };
  }
  throw new Error('expected a refusal');
}
