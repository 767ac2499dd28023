import { invalidateAuthCaches } from './auth-cache.js';
import { ALL_SCOPE, type Ctx } from '../../platform/context.js';
import { invalid, notFound } from '../../platform/errors.js';
import { newId, writeTx, writeVersioned } from '../../platform/db/tx.js';
import { checkUscc as checkUsccFormat } from '../../platform/ids/index.js';
import { findOrg, regionExists } from './org-store.js';
import { authorize } from './policy.js';
import { CreateOrgInput, type Org, UpdateOrgInput } from './schema.js';

function checkUscc(uscc: string | null | undefined): void {
  if (!uscc) return;
  const r = checkUsccFormat(uscc);
  if (!r.ok) throw invalid('org.badUscc', r.reason, 'uscc');
}

export async function getOrg(ctx: Ctx, id: string): Promise<Org> {
  const org = await findOrg(ctx.db, ctx.scope, id);
  if (!org) throw notFound('org.notFound');
  return org;
}

/** Creates an org under a parent the caller can see; region defaults to the parent's. */
export async function createOrg(ctx: Ctx, raw: unknown): Promise<Org> {
  authorize(ctx.actor, 'system:org:edit');
  const input = CreateOrgInput.parse(raw);
  checkUscc(input.uscc);
  const parent = await findOrg(ctx.db, ctx.scope, input.parentId);
  if (!parent) throw notFound('org.parentNotFound', '上级机构不存在或不在您的权限范围内');
  const regionCode = input.regionCode ?? parent.regionCode;
  if (!(await regionExists(ctx.db, regionCode)))
    throw invalid('org.badRegion', `行政区划代码 ${regionCode} 不存在`, 'regionCode');
  const id = await insertOrg(ctx, parent, {
    region_code: regionCode,
    name: input.name,
    short_name: input.shortName ?? null,
    doc_prefix: input.docPrefix ?? null,
    kind: input.kind,
    uscc: input.uscc ?? null,
    sort: input.sort ?? 0,
  });
  return getOrgUnscoped(ctx, id);
}

/**
 * Writes a new org under `parent` (the tree's root when null) with its audit entry, and makes the
 * auth caches forget the old tree. The caller has checked the input and its right to write.
 */
export async function insertOrg(
  ctx: Ctx,
  parent: Pick<Org, 'id' | 'path' | 'depth'> | null,
  fields: {
    region_code: string;
    name: string;
    short_name: string | null;
    doc_prefix?: string | null;
    kind: string;
    uscc: string | null;
    sort?: number;
  },
): Promise<string> {
  const id = newId();
  const { region_code, ...rest } = fields;
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    const row = {
      id,
      region_code,
      parent_id: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      depth: parent ? parent.depth + 1 : 0,
      ...rest,
      created_by: ctx.actor.userId,
      updated_by: ctx.actor.userId,
    };
    await trx.insertInto('org').values(row).execute();
    audit({
      action: 'org.create',
      entity: 'org',
      entityId: id,
      orgId: id,
      regionCode: region_code,
      change: { after: row },
    });
  });
  invalidateAuthCaches();
  return id;
}

/** Read back after a write: a freshly created child may sit outside a narrowed scope snapshot. */
async function getOrgUnscoped(ctx: Ctx, id: string): Promise<Org> {
  const org = await findOrg(ctx.db, ALL_SCOPE, id);
  if (!org) throw notFound('org.notFound');
  return org;
}

export async function updateOrg(ctx: Ctx, id: string, raw: unknown): Promise<Org> {
  authorize(ctx.actor, 'system:org:edit');
  const input = UpdateOrgInput.parse(raw);
  checkUscc(input.uscc);
  const before = await getOrg(ctx, id);
  if (input.active === false && before.parentId === null) {
    throw invalid('org.rootInactive', '不能停用根机构', 'active');
  }
  const patch = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.shortName !== undefined ? { short_name: input.shortName } : {}),
    ...(input.docPrefix !== undefined ? { doc_prefix: input.docPrefix } : {}),
    ...(input.kind !== undefined ? { kind: input.kind } : {}),
    ...(input.uscc !== undefined ? { uscc: input.uscc } : {}),
    ...(input.sort !== undefined ? { sort: input.sort } : {}),
    ...(input.active !== undefined ? { active: input.active } : {}),
  };
  await writeVersioned(ctx, 'org', id, input.version, patch, {
    action: 'org.update',
    orgId: id,
    regionCode: before.regionCode,
    change: { before: pick(before, patch), after: patch },
  });
  invalidateAuthCaches();
  return getOrgUnscoped(ctx, id);
}

function pick(org: Org, patch: Record<string, unknown>): Record<string, unknown> {
  const map: Record<string, keyof Org> = {
    name: 'name',
    short_name: 'shortName',
    doc_prefix: 'docPrefix',
    kind: 'kind',
    uscc: 'uscc',
    sort: 'sort',
    active: 'active',
  };
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(patch)) {
    const key = map[k];
    if (key) out[k] = org[key];
  }
  return out;
}
