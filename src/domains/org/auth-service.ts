import type { Actor, Scope } from '../../platform/context.js';
import {
  randomToken,
  sha256Hex,
  verifyPassword,
  checkPasswordStrength,
  hashPassword,
} from '../../platform/auth/secrets.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { type AttemptRule, SqlThrottleStore, type ThrottleStore } from '../../platform/auth/throttle.js';
import { prepared } from '../../platform/db/prepared.js';
import { newReadGuard, type ReadGuard } from '../../platform/db/read-guard.js';
import { newId, writeTx } from '../../platform/db/tx.js';
import type { Db, Executor } from '../../platform/db/types.js';
import { DomainError, invalid } from '../../platform/errors.js';
import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import {
  cachedIdentity,
  forgetIdentity,
  invalidateAuthCaches,
  keepIdentity,
  keptIdentity,
  orgTree,
} from './auth-cache.js';
import { buildScope } from './rules.js';
import type { DataScope } from './schema.js';

/**
 * Login attempts (等保 practice: limit failures; issue #10 D1 and "Also"). Counted per account
 * and address, per address, and per account from addresses it has never logged in from — for
 * known and unknown usernames alike, so the answer never tells whether a user exists. After the
 * free attempts each further one waits a delay that doubles up to 15 minutes; a stranger can
 * slow logins from other addresses, but cannot lock the owner out of an address they have
 * logged in from before.
 */
export const LOGIN_RULES = {
  /** one account from one address */
  pair: { free: 5, baseMs: 30_000, maxMs: 15 * 60_000, windowMs: 24 * 3600_000 },
  /** one address, any usernames (probing usernames, password spraying) */
  address: { free: 20, baseMs: 30_000, maxMs: 15 * 60_000, windowMs: 24 * 3600_000 },
  /** one account from addresses it has not logged in from (guessing from many addresses) */
  account: { free: 10, baseMs: 30_000, maxMs: 15 * 60_000, windowMs: 24 * 3600_000 },
  /** wrong old passwords on 修改密码 */
  password: { free: 5, baseMs: 30_000, maxMs: 15 * 60_000, windowMs: 24 * 3600_000 },
} as const satisfies Record<string, AttemptRule>;
/** an address a user logged in from stays known this long */
export const KNOWN_ADDRESS_MS = 30 * 24 * 3600_000;
export const SESSION_HOURS = 12;

let sharedThrottle: ThrottleStore | null = null;

/** Redis (REDIS_URL) holds the attempt counters instead of the database; null goes back to the database. */
export function setThrottleStore(store: ThrottleStore | null): void {
  sharedThrottle = store;
}

export function throttleStore(db: Executor): ThrottleStore {
  return sharedThrottle ?? new SqlThrottleStore(db);
}

const throttleKeys = (username: string, ip: string) => {
  const u = username.trim().toLowerCase();
  return { pair: `pair:${u}|${ip}`, address: `addr:${ip}`, account: `acct:${u}`, known: `known:${u}|${ip}` };
};

function throttled(until: Date | null, now: Date): DomainError {
  const seconds = Math.max(1, Math.ceil(((until?.getTime() ?? now.getTime()) - now.getTime()) / 1000));
  const wait = seconds >= 60 ? `${Math.ceil(seconds / 60)} 分钟` : `${seconds} 秒`;
  return new DomainError('auth.locked', `登录尝试过多,请 ${wait}后再试`, 'rateLimited');
}

export interface Identity {
  actor: Actor;
  scope: Scope;
  userId: string;
  orgName: string;
  roles: { code: string; name: string }[];
  dataScope: DataScope;
  csrfToken: string | null;
}

/** Hash checked for unknown users so that a miss costs as much as a wrong password. */
const dummyHash = hashPassword('no-such-user-0');

const badCredentials = () => new DomainError('auth.badCredentials', '用户名或密码错误', 'unauthenticated');

/** Verifies a password and opens a session. Failures and successes are both audited (登录日志). */
export async function login(
  db: Db,
  input: { username: string; password: string; ip?: string },
  now = new Date(),
): Promise<{ sessionToken: string; csrfToken: string; identity: Identity }> {
  const ip = input.ip ?? 'unknown';
  const keys = throttleKeys(input.username, ip);
  const throttle = throttleStore(db);
  // each attempt is counted before the password is checked (one atomic step per counter)
  const pair = await throttle.attempt(keys.pair, LOGIN_RULES.pair, now);
  if (!pair.allowed) throw throttled(pair.blockedUntil, now);
  const address = await throttle.attempt(keys.address, LOGIN_RULES.address, now);
  if (!address.allowed) throw throttled(address.blockedUntil, now);
  const known = await throttle.remembered(keys.known, now);
  const account = known ? null : await throttle.attempt(keys.account, LOGIN_RULES.account, now);
  if (account && !account.allowed) throw throttled(account.blockedUntil, now);

  const user = await db
    .selectFrom('app_user')
    .selectAll()
    .where('username', '=', input.username.trim())
    .executeTakeFirst();
  if (!user?.active) {
    // same answer and similar cost for unknown users, so usernames cannot be probed
    await verifyPassword(await dummyHash, input.password);
    throw badCredentials();
  }
  const actor = actorOf(user, new Set());
  if (!(await verifyPassword(user.password_hash, input.password))) {
    // the account-wide delay starting means guesses from addresses the user never used: the
    // password may be known, so the user's sessions end with it
    const endSessions = account !== null && account.failures === LOGIN_RULES.account.free;
    await db.transaction().execute(async (trx) => {
      // one statement: the count for the user list, the time the account-wide delay ends
      await trx
        .updateTable('app_user')
        .set((eb) => ({
          failed_logins: eb('failed_logins', '+', 1),
          locked_until: account?.blockedUntil ?? null,
        }))
        .where('id', '=', user.id)
        .execute();
      if (endSessions) await trx.deleteFrom('session').where('user_id', '=', user.id).execute();
      await appendAudit(
        trx,
        actor,
        {
          action: endSessions ? 'auth.locked' : 'auth.loginFailed',
          entity: 'app_user',
          entityId: user.id,
          change: { ip, failed: pair.failures, ...(endSessions ? { sessionsEnded: true } : {}) },
        },
        now,
      );
    });
    if (endSessions) invalidateAuthCaches();
    throw badCredentials();
  }
  const sessionToken = randomToken();
  const csrfToken = randomToken(24);
  await writeTx(
    db,
    actor,
    async (trx, audit) => {
      await trx
        .updateTable('app_user')
        .set({ failed_logins: 0, locked_until: null })
        .where('id', '=', user.id)
        .execute();
      await trx
        .insertInto('session')
        .values({
          token_hash: sha256Hex(sessionToken),
          user_id: user.id,
          csrf_token: csrfToken,
          expires_at: new Date(now.getTime() + SESSION_HOURS * 3600_000),
        })
        .execute();
      audit({
        action: 'auth.login',
        entity: 'app_user',
        entityId: user.id,
        change: { ip },
      });
    },
    now,
  );
  await throttle.clear([keys.pair, keys.account]);
  // a success is not a failure: an office's users behind one address never hold each other
  await throttle.forgive(keys.address);
  await throttle.remember(keys.known, KNOWN_ADDRESS_MS, now);
  const identity = await loadIdentity(db, user.id, csrfToken);
  if (!identity) throw badCredentials();
  return { sessionToken, csrfToken, identity };
}

function actorOf(
  user: { id: string; username: string; display_name: string; org_id: string; region_code: string },
  permissions: ReadonlySet<string>,
): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    orgId: user.org_id,
    regionCode: user.region_code,
    permissions,
  };
}

const scopeRank: Record<DataScope, number> = { all: 5, orgAndBelow: 4, custom: 3, org: 2, self: 1 };

/**
 * The user, their org's name and their roles in one statement (`roles` as a JSON array): the
 * request path resolves a session on every request, so it costs one round trip, not three.
 */
function identityQuery(db: Executor) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('org as o', 'o.id', 'u.org_id')
    .select((eb) => [
      'u.id',
      'u.username',
      'u.display_name',
      'u.org_id',
      'u.region_code',
      'u.active',
      'o.name as org_name',
      jsonArrayFrom(
        eb
          .selectFrom('user_role as ur')
          .innerJoin('role as r', 'r.id', 'ur.role_id')
          .select(['r.code', 'r.name', 'r.permissions', 'r.data_scope', 'r.custom_org_ids'])
          .whereRef('ur.user_id', '=', 'u.id'),
      ).as('roles'),
    ]);
}

type IdentityRow = Awaited<ReturnType<ReturnType<typeof identityQuery>['executeTakeFirstOrThrow']>>;

async function toIdentity(
  db: Executor,
  user: IdentityRow,
  csrfToken: string | null,
): Promise<Identity | null> {
  if (!user.active) return null;
  const roles = user.roles;
  const permissions = new Set(roles.flatMap((r) => r.permissions));
  const grants = roles.map((r) => ({ dataScope: r.data_scope as DataScope, customOrgIds: r.custom_org_ids }));
  const scope = buildScope({ id: user.id, orgId: user.org_id }, grants, await orgTree(db));
  const widest = grants.map((g) => g.dataScope).sort((a, b) => scopeRank[b] - scopeRank[a])[0] ?? 'self';
  return {
    actor: actorOf(user, permissions),
    scope,
    userId: user.id,
    orgName: user.org_name,
    roles: roles.map((r) => ({ code: r.code, name: r.name })),
    dataScope: widest,
    csrfToken,
  };
}

export async function loadIdentity(
  db: Executor,
  userId: string,
  csrfToken: string | null,
): Promise<Identity | null> {
  const user = await identityQuery(db).where('u.id', '=', userId).executeTakeFirst();
  return user ? toIdentity(db, user, csrfToken) : null;
}

/**
 * The identity behind a session cookie, or null. `cached`: only for the embedded engine, which runs
 * in one process (its folder is locked against a second opener), so every write that ends a session
 * or changes a user, role or org passes through this process and clears the cache (auth-cache.ts).
 * On a server other instances write too: there the session is read whole (here), or a kept
 * identity is vouched for by a read guard (`resolveSessionForRead`).
 */
export async function resolveSession(
  db: Db,
  sessionToken: string,
  { now = new Date(), cached = false }: { now?: Date; cached?: boolean } = {},
): Promise<Identity | null> {
  const tokenHash = sha256Hex(sessionToken);
  if (!cached) return (await readSession(db, tokenHash, now))?.identity ?? null;
  const key = `s:${tokenHash}`;
  const hit = await cachedIdentity(key, () => readSession(db, tokenHash, now));
  if (hit && hit.expiresAt <= now) {
    forgetIdentity(key);
    return null;
  }
  return hit?.identity ?? null;
}

/**
 * The read guard's check (platform/db/read-guard.ts): true while the session stands and no user,
 * role or org has changed since the identity was read; else SQLSTATE FZ401 (migration 0230).
 */
export const SESSION_CHECK = 'select auth_guard($1, $2, $3) as current';

/**
 * A read request's identity on a server: one this instance resolved in the last few seconds is
 * used again, with the check that it still stands (`guard`, to ride on the request's first read);
 * otherwise the session is read whole and kept. Null when there is no live session.
 */
export async function resolveSessionForRead(
  db: Db,
  sessionToken: string,
  now = new Date(),
): Promise<{ identity: Identity; guard: ReadGuard | null } | null> {
  const tokenHash = sha256Hex(sessionToken);
  const key = `g:${tokenHash}`;
  const kept = keptIdentity<ReadSession>(key);
  // the sliding expiry is written by a whole read, at most once a minute
  if (kept && kept.expiresAt > now && now.getTime() - kept.lastSeenAt.getTime() <= 60_000) {
    return {
      identity: kept.identity,
      guard: newReadGuard({ text: SESSION_CHECK, values: [tokenHash, now, kept.epoch] }),
    };
  }
  const read = await readSession(db, tokenHash, now);
  if (!read) {
    forgetIdentity(key);
    return null;
  }
  keepIdentity(key, read);
  return { identity: read.identity, guard: null };
}

interface ReadSession {
  identity: Identity;
  expiresAt: Date;
  lastSeenAt: Date;
  /** `auth_epoch` as read with the user and roles, in the same statement. */
  epoch: string;
}

async function readSession(db: Db, tokenHash: string, now: Date): Promise<ReadSession | null> {
  // sent on every request on a server: prepared by name there (platform/db/prepared.ts)
  const query = identityQuery(db)
    .innerJoin('session as s', 's.user_id', 'u.id')
    .select(['s.csrf_token', 's.expires_at', 's.last_seen_at'])
    .select(sql<string>`(select value::text from auth_epoch)`.as('auth_epoch'))
    .where('s.token_hash', '=', tokenHash);
  const [s] = (await db.executeQuery(prepared(query.compile()))).rows;
  if (!s || s.expires_at <= now) return null;
  // sliding expiry, written at most once a minute to keep reads cheap
  let expiresAt = s.expires_at;
  let lastSeenAt = s.last_seen_at;
  if (now.getTime() - s.last_seen_at.getTime() > 60_000) {
    expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
    lastSeenAt = now;
    await db
      .updateTable('session')
      .set({ last_seen_at: now, expires_at: expiresAt })
      .where('token_hash', '=', tokenHash)
      .execute();
  }
  const identity = await toIdentity(db, s, s.csrf_token);
  return identity ? { identity, expiresAt, lastSeenAt, epoch: s.auth_epoch } : null;
}

export async function logout(db: Db, identity: Identity, sessionToken: string): Promise<void> {
  await writeTx(db, identity.actor, async (trx, audit) => {
    await trx.deleteFrom('session').where('token_hash', '=', sha256Hex(sessionToken)).execute();
    audit({ action: 'auth.logout', entity: 'app_user', entityId: identity.userId });
  });
  forgetIdentity(`s:${sha256Hex(sessionToken)}`);
  forgetIdentity(`g:${sha256Hex(sessionToken)}`);
}

export const API_TOKEN_PREFIX = 'fzt_';

/** Creates an API token for a user; the secret is shown once and stored only as its hash. */
export async function createApiToken(db: Db, actor: Actor, userId: string, name: string): Promise<string> {
  const token = `${API_TOKEN_PREFIX}${randomToken()}`;
  await writeTx(db, actor, async (trx, audit) => {
    const id = newId();
    await trx
      .insertInto('api_token')
      .values({ id, user_id: userId, name, token_hash: sha256Hex(token) })
      .execute();
    audit({ action: 'token.create', entity: 'api_token', entityId: id, change: { userId, name } });
  });
  return token;
}

export async function resolveApiToken(db: Db, token: string, now = new Date()): Promise<Identity | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const t = await identityQuery(db)
    .innerJoin('api_token as t', 't.user_id', 'u.id')
    .select(['t.id as token_id', 't.revoked_at', 't.last_used_at'])
    .where('t.token_hash', '=', sha256Hex(token))
    .executeTakeFirst();
  if (!t || t.revoked_at) return null;
  if (!t.last_used_at || now.getTime() - t.last_used_at.getTime() > 60_000) {
    await db.updateTable('api_token').set({ last_used_at: now }).where('id', '=', t.token_id).execute();
  }
  return toIdentity(db, t, null);
}

/**
 * 修改密码: the old password is checked under an attempt limit (a stolen session must not try
 * passwords freely); the new one ends every other session of the user.
 */
export async function changePassword(
  db: Db,
  identity: Identity,
  oldPassword: string,
  newPassword: string,
  currentSessionToken: string | null = null,
  now = new Date(),
): Promise<void> {
  const throttle = throttleStore(db);
  const key = `pw:${identity.userId}`;
  const attempt = await throttle.attempt(key, LOGIN_RULES.password, now);
  if (!attempt.allowed) {
    const e = throttled(attempt.blockedUntil, now);
    throw new DomainError('auth.passwordThrottled', e.message.replace('登录', '原密码'), 'rateLimited');
  }
  const user = await db
    .selectFrom('app_user')
    .select(['password_hash'])
    .where('id', '=', identity.userId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, oldPassword)))
    throw invalid('auth.badOldPassword', '原密码不正确', 'oldPassword');
  checkPasswordStrength(newPassword, 'newPassword');
  const passwordHash = await hashPassword(newPassword);
  await writeTx(db, identity.actor, async (trx, audit) => {
    await trx
      .updateTable('app_user')
      .set({ password_hash: passwordHash, password_changed_at: new Date() })
      .where('id', '=', identity.userId)
      .execute();
    // every other session ends: whoever else holds one no longer knows the password
    await trx
      .deleteFrom('session')
      .where('user_id', '=', identity.userId)
      .$if(currentSessionToken !== null, (q) =>
        q.where('token_hash', '!=', sha256Hex(currentSessionToken ?? '')),
      )
      .execute();
    audit({ action: 'user.changePassword', entity: 'app_user', entityId: identity.userId });
  });
  await throttle.clear([key]);
  invalidateAuthCaches();
}
