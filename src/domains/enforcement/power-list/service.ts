import { insertInBatches } from '../../../platform/service/batches.js';
import { enforcementError } from '../errors.js';
import { parseRow } from '../../../platform/validation.js';
import { ALL_SCOPE, type Ctx } from '../../../platform/context.js';
import type { PageRequest } from '../../../platform/paging.js';
import { newId, updateVersioned, writeTx } from '../../../platform/db/tx.js';
import { auditOneOrBatch } from '../audit.js';
import type { Tx } from '../../../platform/db/types.js';
import { conflict, invalid, notFound } from '../../../platform/errors.js';
import { findOrg } from '../../org/org-store.js';
import { authorize } from '../../org/policy.js';
import {
  AmendPowerItemInput,
  CreatePowerItemInput,
  type PowerChange,
  type PowerItem,
  type PowerItemRevision,
  RepealPowerItemInput,
} from './schema.js';
import { findPowerItem, listPowerItems, listRevisions, type PowerFilter } from './store.js';

export async function searchPowerItems(ctx: Ctx, filter: PowerFilter, page: PageRequest) {
  authorize(ctx.actor, 'enforcement:power:list');
  return listPowerItems(ctx.db, ctx.scope, filter, page);
}

export async function getPowerItem(
  ctx: Ctx,
  id: string,
): Promise<PowerItem & { revisions: PowerItemRevision[] }> {
  authorize(ctx.actor, 'enforcement:power:list');
  const item = await findPowerItem(ctx.db, ctx.scope, id);
  if (!item) throw enforcementError('enforcement.powerItemNotFound');
  return { ...item, revisions: await listRevisions(ctx.db, id) };
}

/** The item as a revision snapshot records it (the fields a change can touch). */
function snapshotOf(row: {
  category: string;
  name: string;
  law_name: string;
  article: string;
  basis_note: string;
  accountability: string;
  status: string;
  org_id: string;
  code: string;
}) {
  return {
    code: row.code,
    orgId: row.org_id,
    category: row.category,
    name: row.name,
    lawName: row.law_name,
    article: row.article,
    basisNote: row.basis_note,
    accountability: row.accountability,
    status: row.status,
  };
}

async function appendRevision(
  trx: Tx,
  ctx: Ctx,
  item: { id: string; region_code: string; org_id: string },
  revision: number,
  change: PowerChange,
  reason: string,
  snapshot: unknown,
) {
  await trx
    .insertInto('power_item_revision')
    .values({
      id: newId(),
      power_item_id: item.id,
      region_code: item.region_code,
      org_id: item.org_id,
      revision,
      change,
      reason,
      snapshot: JSON.stringify(snapshot),
      changed_by: ctx.actor.userId,
      changed_at: ctx.now(),
    })
    .execute();
}

export async function createPowerItem(ctx: Ctx, raw: unknown): Promise<PowerItem> {
  const [id] = await createPowerItems(ctx, [raw]);
  const item = id ? await findPowerItem(ctx.db, ALL_SCOPE, id) : undefined;
  if (!item) throw enforcementError('enforcement.powerItemNotFound');
  return item;
}

/**
 * Adds items to the 权责清单, each with its first revision, in one transaction (one audit entry
 * for a batch). Every row is validated first: one bad row writes nothing.
 */
export async function createPowerItems(ctx: Ctx, raws: readonly unknown[]): Promise<string[]> {
  authorize(ctx.actor, 'enforcement:power:edit');
  const inputs = raws.map((r, i) => parseRow(CreatePowerItemInput, r, i, raws.length));
  const orgRegion = new Map<string, string>();
  for (const orgId of new Set(inputs.map((i) => i.orgId))) {
    const org = await findOrg(ctx.db, ctx.scope, orgId);
    if (!org) throw notFound('org.notFound', '责任单位不存在或不在您的权限范围内');
    orgRegion.set(orgId, org.regionCode);
  }
  const seen = new Set<string>();
  const rows = inputs.map((input) => {
    const regionCode = orgRegion.get(input.orgId) ?? '';
    const key = `${regionCode}/${input.code}`;
    if (seen.has(key))
      throw conflict('enforcement.powerCodeDuplicate', `事项编码 ${input.code} 重复`, { field: 'code' });
    seen.add(key);
    return {
      id: newId(),
      region_code: regionCode,
      org_id: input.orgId,
      code: input.code,
      category: input.category,
      name: input.name,
      law_name: input.lawName,
      article: input.article,
      basis_note: input.basisNote ?? '',
      accountability: input.accountability ?? '',
      status: 'active',
      created_by: ctx.actor.userId,
      updated_by: ctx.actor.userId,
    };
  });
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    await insertInBatches(trx, 'power_item', rows, 500);
    for (const row of rows) await appendRevision(trx, ctx, row, 1, 'create', '', snapshotOf(row));
    auditOneOrBatch(
      audit,
      'power_item',
      rows,
      { action: 'enforcement.power.create', change: (row) => ({ after: row }) },
      { action: 'enforcement.power.bulkCreate', change: { count: rows.length } },
    );
  });
  return rows.map((r) => r.id);
}

async function change(
  ctx: Ctx,
  id: string,
  kind: 'amend' | 'repeal',
  version: number,
  reason: string,
  patch: Record<string, string>,
) {
  const current = await ctx.db.selectFrom('power_item').selectAll().where('id', '=', id).executeTakeFirst();
  if (!current || !(await findPowerItem(ctx.db, ctx.scope, id)))
    throw enforcementError('enforcement.powerItemNotFound');
  if (current.status === 'repealed')
    throw conflict('enforcement.powerItemRepealed', '该事项已取消,不能再变更', { field: 'status' });
  const next = { ...current, ...patch };
  const revision = current.revision + 1;
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    await updateVersioned(trx, ctx, 'power_item', id, version, {
      ...patch,
      revision,
    });
    await appendRevision(trx, ctx, current, revision, kind, reason, snapshotOf(next));
    audit({
      action: `enforcement.power.${kind}`,
      entity: 'power_item',
      entityId: id,
      orgId: current.org_id,
      regionCode: current.region_code,
      change: { before: snapshotOf(current), after: patch, reason },
    });
  });
  return getPowerItem({ ...ctx, scope: ALL_SCOPE }, id);
}

/** A change to an item keeps the previous state as a revision, with the reason. */
export async function amendPowerItem(ctx: Ctx, id: string, raw: unknown) {
  authorize(ctx.actor, 'enforcement:power:edit');
  const input = AmendPowerItemInput.parse(raw);
  const patch: Record<string, string> = {
    ...(input.category !== undefined ? { category: input.category } : {}),
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.lawName !== undefined ? { law_name: input.lawName } : {}),
    ...(input.article !== undefined ? { article: input.article } : {}),
    ...(input.basisNote !== undefined ? { basis_note: input.basisNote } : {}),
    ...(input.accountability !== undefined ? { accountability: input.accountability } : {}),
  };
  if (Object.keys(patch).length === 0)
    throw invalid('enforcement.powerNoChange', '没有需要变更的内容', 'name');
  return change(ctx, id, 'amend', input.version, input.reason, patch);
}

/** 取消 an item: it stays in the ledger, marked repealed, with its history. */
export async function repealPowerItem(ctx: Ctx, id: string, raw: unknown) {
  authorize(ctx.actor, 'enforcement:power:edit');
  const input = RepealPowerItemInput.parse(raw);
  return change(ctx, id, 'repeal', input.version, input.reason, { status: 'repealed' });
}
