import { invalidateAuthCaches } from './auth-cache.js';
import type { Ctx } from '../../platform/context.js';
import { newId, updateVersioned, writeTx } from '../../platform/db/tx.js';
import { invalid, notFound } from '../../platform/errors.js';
import { authorize } from './policy.js';
import { CreateRoleInput, type DataScope, UpdateRoleInput } from './schema.js';

export interface Role {
  id: string;
  code: string;
  name: string;
  permissions: string[];
  dataScope: DataScope;
  customOrgIds: string[];
  builtin: boolean;
  version: number;
}

export async function listRoles(ctx: Ctx): Promise<Role[]> {
  authorize(ctx.actor, 'system:role:list');
  const rows = await ctx.db
    .selectFrom('role')
    .selectAll()
    .orderBy('builtin', 'desc')
    .orderBy('code')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    permissions: r.permissions,
    dataScope: r.data_scope as DataScope,
    customOrgIds: r.custom_org_ids,
    builtin: r.builtin,
    version: r.version,
  }));
}

async function getRole(ctx: Ctx, id: string): Promise<Role> {
  const role = (await listRoles(ctx)).find((r) => r.id === id);
  if (!role) throw notFound('role.notFound');
  return role;
}

function checkPermissions(known: ReadonlySet<string>, permissions: readonly string[]): void {
  const unknown = permissions.filter((p) => p !== '*' && !known.has(p));
  if (unknown.length > 0)
    throw invalid('role.unknownPermission', `未知的权限标识:${unknown.join('、')}`, 'permissions');
}

export async function createRole(
  ctx: Ctx,
  raw: unknown,
  known: ReadonlySet<string>,
  builtin = false,
): Promise<Role> {
  authorize(ctx.actor, 'system:role:edit');
  const input = CreateRoleInput.parse(raw);
  checkPermissions(known, input.permissions);
  if (input.dataScope === 'custom' && input.customOrgIds.length === 0) {
    throw invalid('role.noCustomOrgs', '自定义数据范围须至少选择一个机构', 'customOrgIds');
  }
  const id = newId();
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    const taken = await trx.selectFrom('role').select('id').where('code', '=', input.code).executeTakeFirst();
    if (taken) throw invalid('role.codeTaken', `角色代码 ${input.code} 已存在`, 'code');
    await trx
      .insertInto('role')
      .values({
        id,
        code: input.code,
        name: input.name,
        permissions: input.permissions,
        data_scope: input.dataScope,
        custom_org_ids: input.customOrgIds,
        builtin,
        created_by: ctx.actor.userId,
        updated_by: ctx.actor.userId,
      })
      .execute();
    audit({ action: 'role.create', entity: 'role', entityId: id, change: { after: input } });
  });
  invalidateAuthCaches();
  return getRole(ctx, id);
}

export async function updateRole(
  ctx: Ctx,
  id: string,
  raw: unknown,
  known: ReadonlySet<string>,
): Promise<Role> {
  authorize(ctx.actor, 'system:role:edit');
  const input = UpdateRoleInput.parse(raw);
  if (input.permissions) checkPermissions(known, input.permissions);
  const before = await getRole(ctx, id);
  if (before.code === 'admin' && input.permissions && !input.permissions.includes('*')) {
    throw invalid('role.adminLocked', '不能收回系统管理员角色的全部权限', 'permissions');
  }
  const scope = input.dataScope ?? before.dataScope;
  const custom = input.customOrgIds ?? before.customOrgIds;
  if (scope === 'custom' && custom.length === 0) {
    throw invalid('role.noCustomOrgs', '自定义数据范围须至少选择一个机构', 'customOrgIds');
  }
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    await updateVersioned(trx, ctx, 'role', id, input.version, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.permissions !== undefined ? { permissions: input.permissions } : {}),
      ...(input.dataScope !== undefined ? { data_scope: input.dataScope } : {}),
      ...(input.customOrgIds !== undefined ? { custom_org_ids: input.customOrgIds } : {}),
    });
    audit({ action: 'role.update', entity: 'role', entityId: id, change: { before, after: input } });
  });
  invalidateAuthCaches();
  return getRole(ctx, id);
}
