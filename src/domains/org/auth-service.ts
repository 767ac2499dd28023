import type { Actor, Scope } from '../../platform/context.js';
import {
  randomToken,
  sha256Hex,
  verifyPassword,
  checkPasswordStrength,
  hashPassword,
} from '../../platform/auth/secrets.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { newId, writeTx } from '../../platform/db/tx.js';
import type { Db, Executor } from '../../platform/db/types.js';
import { DomainError, invalid } from '../../platform/errors.js';
import { forgetIdentity, invalidateAuthCaches, orgTree } from './auth-cache.js';
import { buildScope } from './rules.js';
import type { DataScope } from './schema.js';

/** 等保 practice: lock an account for 15 minutes after 5 consecutive failures. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
export const SESSION_HOURS = 12;

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
  if (user.locked_until && user.locked_until > now) {
    const minutes = Math.ceil((user.locked_until.getTime() - now.getTime()) / 60000);
    throw new DomainError(
      'auth.locked',
      `连续登录失败次数过多,账号已临时锁定,请 ${minutes} 分钟后再试`,
      'rateLimited',
    );
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const failed = user.failed_logins + 1;
    const locked = failed >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCK_MINUTES * 60000) : null;
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('app_user')
        .set({ failed_logins: locked ? 0 : failed, locked_until: locked })
        .where('id', '=', user.id)
        .execute();
      await appendAudit(
        trx,
        actor,
        {
          action: locked ? 'auth.locked' : 'auth.loginFailed',
          entity: 'app_user',
          entityId: user.id,
          change: { ip: input.ip ?? null, failed },
        },
        now,
      );
    });
    if (locked)
      throw new DomainError(
        'auth.locked',
        `连续登录失败 ${MAX_FAILED_LOGINS} 次,账号已锁定 ${LOCK_MINUTES} 分钟`,
        'rateLimited',
      );
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
        change: { ip: input.ip ?? null },
      });
    },
    now,
  );
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

export async function loadIdentity(
  db: Executor,
  userId: string,
  csrfToken: string | null,
): Promise<Identity | null> {
  const user = await db
    .selectFrom('app_user as u')
    .innerJoin('org as o', 'o.id', 'u.org_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.org_id',
      'u.region_code',
      'u.active',
      'o.name as org_name',
    ])
    .where('u.id', '=', userId)
    .executeTakeFirst();
  if (!user?.active) return null;
  const roles = await db
    .selectFrom('user_role as ur')
    .innerJoin('role as r', 'r.id', 'ur.role_id')
    .select(['r.code', 'r.name', 'r.permissions', 'r.data_scope', 'r.custom_org_ids'])
    .where('ur.user_id', '=', userId)
    .execute();
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

/** Resolves a session cookie; expired or unknown sessions resolve to null. */
export async function resolveSession(
  db: Db,
  sessionToken: string,
  now = new Date(),
): Promise<Identity | null> {
  const s = await db
    .selectFrom('session')
    .selectAll()
    .where('token_hash', '=', sha256Hex(sessionToken))
    .executeTakeFirst();
  if (!s || s.expires_at <= now) return null;
  // sliding expiry, written at most once a minute to keep reads cheap
  if (now.getTime() - s.last_seen_at.getTime() > 60_000) {
    await db
      .updateTable('session')
      .set({ last_seen_at: now, expires_at: new Date(now.getTime() + SESSION_HOURS * 3600_000) })
      .where('token_hash', '=', s.token_hash)
      .execute();
  }
  return loadIdentity(db, s.user_id, s.csrf_token);
}

export async function logout(db: Db, identity: Identity, sessionToken: string): Promise<void> {
  await writeTx(db, identity.actor, async (trx, audit) => {
    await trx.deleteFrom('session').where('token_hash', '=', sha256Hex(sessionToken)).execute();
    audit({ action: 'auth.logout', entity: 'app_user', entityId: identity.userId });
  });
  forgetIdentity(`s:${sha256Hex(sessionToken)}`);
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
  const t = await db
    .selectFrom('api_token')
    .selectAll()
    .where('token_hash', '=', sha256Hex(token))
    .executeTakeFirst();
  if (!t || t.revoked_at) return null;
  if (!t.last_used_at || now.getTime() - t.last_used_at.getTime() > 60_000) {
    await db.updateTable('api_token').set({ last_used_at: now }).where('id', '=', t.id).execute();
  }
  return loadIdentity(db, t.user_id, null);
}

export async function changePassword(
  db: Db,
  identity: Identity,
  oldPassword: string,
  newPassword: string,
): Promise<void> {
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
    audit({ action: 'user.changePassword', entity: 'app_user', entityId: identity.userId });
  });
  invalidateAuthCaches();
}
