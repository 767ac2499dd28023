import type { Scope } from '../../../platform/context.js';
import { ledgerPage, type PageRequest } from '../../../platform/paging.js';
import type { Executor } from '../../../platform/db/types.js';
import { inScope } from '../../../platform/scope.js';
import {
  type PowerCategory,
  type PowerItem,
  type PowerItemRevision,
  type PowerStatus,
  powerCategoryLabels,
} from './schema.js';
import { presentRevisionChange, revisionColumns } from './revisions.js';
import '../tables.js';
import { withOrg } from '../../org/org-store.js';

export interface PowerFilter {
  q?: string | undefined;
  category?: PowerCategory | undefined;
  orgId?: string | undefined;
  status?: PowerStatus | undefined;
  lawName?: string | undefined;
}

function baseQuery(db: Executor) {
  return withOrg(db, 'power_item', 'p').select([
    'p.id',
    'p.region_code',
    'p.org_id',
    'g.name as org_name',
    'g.path as org_path',
    'p.code',
    'p.category',
    'p.name',
    'p.law_name',
    'p.article',
    'p.basis_note',
    'p.accountability',
    'p.status',
    'p.revision',
    'p.version',
  ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function present(r: Row): PowerItem {
  const category = r.category as PowerCategory;
  return {
    id: r.id,
    regionCode: r.region_code,
    orgId: r.org_id,
    orgName: r.org_name,
    code: r.code,
    category,
    categoryLabel: powerCategoryLabels[category],
    name: r.name,
    lawName: r.law_name,
    article: r.article,
    basis: `《${r.law_name}》${r.article}`,
    basisNote: r.basis_note,
    accountability: r.accountability,
    status: r.status as PowerStatus,
    revision: r.revision,
    version: r.version,
  };
}

function filtered(db: Executor, scope: Scope, f: PowerFilter) {
  let q = baseQuery(db).where(inScope(scope, 'p'));
  if (f.q) q = q.where((eb) => eb.or([eb('p.name', 'like', `%${f.q}%`), eb('p.code', 'like', `%${f.q}%`)]));
  if (f.category) q = q.where('p.category', '=', f.category);
  if (f.orgId) q = q.where('p.org_id', '=', f.orgId);
  if (f.status) q = q.where('p.status', '=', f.status);
  if (f.lawName) q = q.where('p.law_name', 'like', `%${f.lawName}%`);
  return q;
}

export async function listPowerItems(db: Executor, scope: Scope, f: PowerFilter, page: PageRequest) {
  const q = filtered(db, scope, f);
  const { rows, ...count } = await ledgerPage(db, q, page, (l) => l.orderBy('g.tree_rank').orderBy('p.code'));
  return { items: rows.map(present), ...count };
}

export async function* iteratePowerItems(db: Executor, scope: Scope, f: PowerFilter) {
  const size = 1000;
  for (let offset = 0; ; offset += size) {
    const rows = await filtered(db, scope, f)
      .orderBy('g.tree_rank')
      .orderBy('p.code')
      .offset(offset)
      .limit(size)
      .execute();
    for (const r of rows) yield present(r);
    if (rows.length < size) return;
  }
}

export async function findPowerItem(db: Executor, scope: Scope, id: string): Promise<PowerItem | undefined> {
  const r = await baseQuery(db).where('p.id', '=', id).where(inScope(scope, 'p')).executeTakeFirst();
  return r ? present(r) : undefined;
}

export async function listRevisions(db: Executor, itemId: string): Promise<PowerItemRevision[]> {
  const rows = await db
    .selectFrom('power_item_revision as r')
    .leftJoin('app_user as u', 'u.id', 'r.changed_by')
    .select(revisionColumns)
    .where('r.power_item_id', '=', itemId)
    .orderBy('r.revision', 'desc')
    .execute();
  return rows.map((r) => ({
    ...presentRevisionChange(r),
    changedBy: r.changed_by,
    changedByName: r.changed_by ? r.display_name : '系统',
    changedAt: r.changed_at,
  }));
}
