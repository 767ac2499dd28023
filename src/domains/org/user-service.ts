import { invalidateAuthCaches } from './auth-cache.js';
import { throttleStore } from './auth-service.js';
import { sql } from 'kysely';
import { ALL_SCOPE, type Ctx, type Scope } from '../../platform/context.js';
import { checkPasswordStrength, hashPassword } from '../../platform/auth/secrets.js';
import { newId, updateVersioned, writeTx } from '../../platform/db/tx.js';
import type { Executor, Tx } from '../../platform/db/types.js';
import { invalid, notFound } from '../../platform/errors.js';
import { pageTotal, totalOver } from '../../platform/paging.js';
import { inScope } from '../../platform/scope.js';
import { parseSort } from '../../platform/validation.js';
import { findOrg } from './org-store.js';
import { authorize } from './policy.js';
import { CreateUserInput, type Org, UpdateUserInput } from './schema.js';

export interface User {
  id: string;
  username: string;
  displayName: string;
  phone: string | null;
  orgId: string;
  orgName: string;
  regionCode: string;
  roles: { id: string; code: string; name: string }[];
  active: boolean;
  lockedUntil: Date | null;
  version: number;
  updatedAt: Date;
}

/** Sortable fields of the user list (API name → column). */
const USER_SORT = {
  username: 'u.username',
  displayName: 'u.display_name',
  orgName: 'o.name',
  updatedAt: 'u.updated_at',
} as const;

export interface UserFilter {
  sort?: string | undefined;
  id?: string | undefined;
  q?: string | undefined;
  orgId?: string | undefined;
  roleCode?: string | undefined;
  active?: boolean | undefined;
}

/** Phones are personal data: lists show 138****5678. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  return phone.length >= 11 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

function query(db: Executor, scope: Scope, filter: UserFilter) {
  let q = db.selectFrom('app_user as u').innerJoin('org as o', 'o.id', 'u.org_id').where(inScope(scope, 'u'));
  if (filter.id) q = q.where('u.id', '=', filter.id);
  if (filter.q)
    q = q.where((eb) =>
      eb.or([eb('u.username', 'like', `%${filter.q}%`), eb('u.display_name', 'like', `%${filter.q}%`)]),
    );
  if (filter.orgId) q = q.where('u.org_id', '=', filter.orgId);
  if (filter.active !== undefined) q = q.where('u.active', '=', filter.active);
  if (filter.roleCode) {
    const code = filter.roleCode;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_role as ur')
          .innerJoin('role as r', 'r.id', 'ur.role_id')
          .whereRef('ur.user_id', '=', 'u.id')
          .where('r.code', '=', code)
          .select(sql`1`.as('x')),
      ),
    );
  }
  return q;
}

export async function listUsers(
  ctx: Ctx,
  filter: UserFilter,
  page: { offset: number; limit: number },
): Promise<{ items: User[]; total: number }> {
  authorize(ctx.actor, 'system:user:list');
  return queryUsers(ctx.db, ctx.scope, filter, page);
}

async function queryUsers(
  db: Executor,
  scope: Scope,
  filter: UserFilter,
  page: { offset: number; limit: number },
): Promise<{ items: User[]; total: number }> {
  const base = query(db, scope, filter);
  const sort = parseSort(filter.sort, USER_SORT);
  const rows = await (sort ? base.orderBy(sql.ref(sort.column), sort.direction) : base)
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.phone',
      'u.org_id',
      'o.name as org_name',
      'u.region_code',
      'u.active',
      'u.locked_until',
      'u.version',
      'u.updated_at',
      totalOver(),
    ])
    .select((eb) =>
      eb
        .selectFrom('user_role as ur')
        .innerJoin('role as r', 'r.id', 'ur.role_id')
        .whereRef('ur.user_id', '=', 'u.id')
        .select(
          sql<
            { id: string; code: string; name: string }[]
          >`coalesce(json_agg(json_build_object('id', r.id, 'code', r.code, 'name', r.name) order by r.code), '[]')`.as(
            'roles',
          ),
        )
        .as('roles'),
    )
    .orderBy('o.tree_rank')
    .orderBy('u.username')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  const total = await pageTotal(rows, page.offset, async () =>
    Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
  );
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      phone: maskPhone(r.phone),
      orgId: r.org_id,
      orgName: r.org_name,
      regionCode: r.region_code,
      roles: r.roles ?? [],
      active: r.active,
      lockedUntil: r.locked_until,
      version: r.version,
      updatedAt: r.updated_at,
    })),
  };
}

export async function getUser(ctx: Ctx, id: string, scope: Scope = ctx.scope): Promise<User> {
  const user = UUID_RE.test(id)
    ? (await queryUsers(ctx.db, scope, { id }, { offset: 0, limit: 1 })).items[0]
    : undefined;
  if (!user) throw notFound('user.notFound');
  return user;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function checkRoles(trx: Tx, roleIds: readonly string[]): Promise<void> {
  if (roleIds.length === 0) return;
  const found = await trx
    .selectFrom('role')
    .select('id')
    .where('id', 'in', [...roleIds])
    .execute();
  if (found.length !== new Set(roleIds).size) throw invalid('user.badRole', '所选角色不存在', 'roleIds');
}

/** The org a user is placed in: one the caller can see, else 404 (所属机构不存在). */
async function getPlacementOrg(ctx: Ctx, orgId: string): Promise<Org> {
  const org = await findOrg(ctx.db, ctx.scope, orgId);
  if (!org) throw notFound('org.notFound', '所属机构不存在或不在您的权限范围内');
  return org;
}

export async function createUser(ctx: Ctx, raw: unknown): Promise<User> {
  authorize(ctx.actor, 'system:user:edit');
  const input = CreateUserInput.parse(raw);
  checkPasswordStrength(input.password);
  const org = await getPlacementOrg(ctx, input.orgId);
  const passwordHash = await hashPassword(input.password);
  const id = newId();
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    const taken = await trx
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', input.username)
      .executeTakeFirst();
    if (taken) throw invalid('user.usernameTaken', `用户名 ${input.username} 已被使用`, 'username');
    await checkRoles(trx, input.roleIds);
    await trx
      .insertInto('app_user')
      .values({
        id,
        region_code: org.regionCode,
        org_id: org.id,
        username: input.username,
        display_name: input.displayName,
        phone: input.phone ?? null,
        password_hash: passwordHash,
        created_by: ctx.actor.userId,
        updated_by: ctx.actor.userId,
      })
      .execute();
    if (input.roleIds.length > 0) {
      await trx
        .insertInto('user_role')
        .values([...new Set(input.roleIds)].map((roleId) => ({ user_id: id, role_id: roleId })))
        .execute();
    }
    audit({
      action: 'user.create',
      entity: 'app_user',
      entityId: id,
      orgId: org.id,
      regionCode: org.regionCode,
      change: {
        after: {
          username: input.username,
          displayName: input.displayName,
          orgId: org.id,
          roleIds: input.roleIds,
        },
      },
    });
  });
  invalidateAuthCaches();
  return getUser(ctx, id, ALL_SCOPE);
}

export async function updateUser(ctx: Ctx, id: string, raw: unknown): Promise<User> {
  authorize(ctx.actor, 'system:user:edit');
  const input = UpdateUserInput.parse(raw);
  const before = await getUser(ctx, id);
  let orgRegion = before.regionCode;
  if (input.orgId && input.orgId !== before.orgId) {
    orgRegion = (await getPlacementOrg(ctx, input.orgId)).regionCode;
  }
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    const patch = {
      ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
      ...(input.orgId !== undefined ? { org_id: input.orgId, region_code: orgRegion } : {}),
      ...(input.phone !== undefined ? { phone: input.phone } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    };
    await updateVersioned(trx, ctx, 'app_user', id, input.version, patch);
    if (input.roleIds) {
      await checkRoles(trx, input.roleIds);
      await trx.deleteFrom('user_role').where('user_id', '=', id).execute();
      if (input.roleIds.length > 0) {
        await trx
          .insertInto('user_role')
          .values([...new Set(input.roleIds)].map((roleId) => ({ user_id: id, role_id: roleId })))
          .execute();
      }
    }
    if (input.active === false) await trx.deleteFrom('session').where('user_id', '=', id).execute();
    audit({
      action: 'user.update',
      entity: 'app_user',
      entityId: id,
      orgId: input.orgId ?? before.orgId,
      regionCode: orgRegion,
      change: {
        before: {
          displayName: before.displayName,
          orgId: before.orgId,
          active: before.active,
          roleIds: before.roles.map((r) => r.id),
        },
        after: { ...patch, ...(input.roleIds ? { roleIds: input.roleIds } : {}) },
      },
    });
  });
  invalidateAuthCaches();
  return getUser(ctx, id, ALL_SCOPE);
}

/** Sets a new password (admin reset or CLI); ends the user's sessions and clears a lockout. */
export async function resetPassword(ctx: Ctx, id: string, password: string): Promise<void> {
  authorize(ctx.actor, 'system:user:edit');
  checkPasswordStrength(password);
  const user = await getUser(ctx, id);
  const passwordHash = await hashPassword(password);
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    await trx
      .updateTable('app_user')
      .set((eb) => ({
        password_hash: passwordHash,
        failed_logins: 0,
        locked_until: null,
        password_changed_at: ctx.now(),
        updated_by: ctx.actor.userId,
        updated_at: ctx.now(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .execute();
    await trx.deleteFrom('session').where('user_id', '=', id).execute();
    audit({
      action: 'user.resetPassword',
      entity: 'app_user',
      entityId: id,
      orgId: user.orgId,
      regionCode: user.regionCode,
      change: {},
    });
  });
  // an administrator's reset also lifts the account-wide login delay
  await throttleStore(ctx.db).clear([`acct:${user.username.toLowerCase()}`]);
  invalidateAuthCaches();
}

export async function findUserIdByUsername(db: Executor, username: string): Promise<string | undefined> {
  return (await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst())
    ?.id;
}
