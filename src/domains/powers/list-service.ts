import type { ZodType } from 'zod';
import type { PageRequest } from '../../platform/paging.js';
import { ALL_SCOPE, type Ctx } from '../../platform/context.js';
import { newId, staleVersion, writeTx } from '../../platform/db/tx.js';
import type { Tx } from '../../platform/db/types.js';
import { conflict, DomainError, invalid, notFound } from '../../platform/errors.js';
import { parseInput, parseSort } from '../../platform/validation.js';
import { authorize } from '../org/policy.js';
import { Lookups } from './lookups.js';
import { type ListStatus, listStatusLabels, RepealInput, type Revision } from './schema.js';
import {
  appendRevisions,
  findEntry,
  findStoredRow,
  insertRows,
  iterateEntries,
  type ListFilter,
  type ListSpec,
  listEntries,
  listRevisions,
  updateRow,
} from './store.js';
import type { Permission } from '../permissions.js';

/** One of the four versioned lists: how it reads, validates and writes (see license.ts & co). */
export interface ListDef<Entry, Create, Amend> {
  spec: ListSpec;
  /** permissions to read and to change it */
  read: Permission;
  edit: Permission;
  /** Chinese name of one entry, for messages: '许可事项' */
  noun: string;
  createSchema: ZodType<Create>;
  amendSchema: ZodType<Amend & { version: number; reason: string }>;
  /** the stored columns of a new entry (org_id and region_code included), after its rules */
  toRow(input: Create, look: Lookups): Promise<Record<string, unknown>>;
  /** the changed columns; `merged` is the stored row with them applied, for the rules */
  toPatch(input: Amend, current: Record<string, unknown>, look: Lookups): Promise<Record<string, unknown>>;
  /** adds labels to an entry as the store reads it */
  present(raw: Entry): Entry;
}

type Base = { id: string; status: ListStatus; statusLabel?: string };

const BOOKKEEPING = new Set([
  'id',
  'created_by',
  'created_at',
  'updated_by',
  'updated_at',
  'version',
  'revision',
]);
const snapshotOf = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).filter(([k]) => !BOOKKEEPING.has(k)));

function inRow(e: unknown, row: number, many: boolean): unknown {
  if (!many || !(e instanceof DomainError)) return e;
  return new DomainError(e.code, `第 ${row + 1} 条:${e.message}`, e.kind, {
    ...e.details,
    ...(e.details.field ? { field: `${row}.${e.details.field}` } : {}),
  });
}

export function withStatusLabel<T extends Base>(e: T): T {
  return { ...e, statusLabel: listStatusLabels[e.status] };
}

export async function searchList<E extends Base>(
  ctx: Ctx,
  def: ListDef<E, unknown, unknown>,
  filter: ListFilter,
  sort: string | undefined,
  page: PageRequest,
) {
  authorize(ctx.actor, def.read);
  const order = parseSort(sort, def.spec.sortable);
  const r = await listEntries<E>(ctx.db, ctx.scope, def.spec, filter, order, page);
  return { items: r.items.map((e) => def.present(e)), total: r.total, totalKind: r.totalKind };
}

export async function* exportList<E extends Base>(
  ctx: Ctx,
  def: ListDef<E, unknown, unknown>,
  filter: ListFilter,
) {
  authorize(ctx.actor, def.read);
  for await (const e of iterateEntries<E>(ctx.db, ctx.scope, def.spec, filter)) yield def.present(e);
}

export async function getEntry<E extends Base>(
  ctx: Ctx,
  def: ListDef<E, unknown, unknown>,
  id: string,
): Promise<E & { revisions: Revision[] }> {
  authorize(ctx.actor, def.read);
  const e = await findEntry<E>(ctx.db, ctx.scope, def.spec, id);
  if (!e) throw notFound(`powers.${def.spec.list}NotFound`, `${def.noun}不存在或不在您的权限范围内`);
  return { ...def.present(e), revisions: await listRevisions(ctx.db, ctx.scope, def.spec.list, id) };
}

/** Validates new entries and builds their rows; throws (naming the entry in a batch) before any write. */
async function prepareCreates<C>(
  def: ListDef<unknown, C, unknown>,
  raws: readonly unknown[],
  look: Lookups,
): Promise<Record<string, unknown>[]> {
  const many = raws.length > 1;
  const rows: Record<string, unknown>[] = [];
  for (const [i, raw] of raws.entries()) {
    try {
      const input = parseInput(def.createSchema, raw, { lead: many ? `第 ${i + 1} 条:` : undefined });
      rows.push({ id: newId(), ...(await def.toRow(input, look)) });
    } catch (e) {
      throw inRow(e, i, many && !(e instanceof DomainError && e.code === 'validation'));
    }
  }
  const codes = new Set<string>();
  for (const [i, r] of rows.entries()) {
    if (typeof r.code !== 'string') continue;
    const key = `${String(r.region_code)}/${r.code}`;
    if (codes.has(key))
      throw conflict('powers.codeDuplicate', `第 ${i + 1} 条:编码 ${r.code} 重复`, { field: 'code' });
    codes.add(key);
  }
  return rows;
}

async function writeCreates(
  trx: Tx,
  ctx: Ctx,
  def: ListDef<unknown, unknown, unknown>,
  rows: Record<string, unknown>[],
  at: Date,
) {
  await insertRows(
    trx,
    def.spec.table,
    rows.map((r) => ({ ...r, created_by: ctx.actor.userId, updated_by: ctx.actor.userId })),
  );
  await appendRevisions(
    trx,
    rows.map((r) => ({
      id: newId(),
      list: def.spec.list,
      itemId: String(r.id),
      regionCode: String(r.region_code),
      orgId: String(r.org_id),
      revision: 1,
      change: 'create',
      reason: '',
      snapshot: snapshotOf(r),
    })),
    ctx.actor.userId,
    at,
  );
}

/**
 * Adds entries, each with its first revision, in one transaction and one audit entry. Every
 * entry is validated first: one bad entry writes nothing.
 */
export async function createEntries<C>(
  ctx: Ctx,
  def: ListDef<unknown, C, unknown>,
  raws: readonly unknown[],
  look = new Lookups(ctx),
): Promise<string[]> {
  authorize(ctx.actor, def.edit);
  const rows = await prepareCreates(def, raws, look);
  const at = ctx.now();
  await writeTx(
    ctx.db,
    ctx.actor,
    async (trx, audit) => {
      await writeCreates(trx, ctx, def as ListDef<unknown, unknown, unknown>, rows, at);
      const first = rows[0];
      if (rows.length === 1 && first)
        audit({
          action: `powers.${def.spec.list}.create`,
          entity: def.spec.table,
          entityId: String(first.id),
          orgId: String(first.org_id),
          regionCode: String(first.region_code),
          change: { after: first },
        });
      else
        audit({
          action: `powers.${def.spec.list}.bulkCreate`,
          entity: def.spec.table,
          change: { count: rows.length },
        });
    },
    at,
  );
  return rows.map((r) => String(r.id));
}

export async function createEntry<E extends Base, C>(ctx: Ctx, def: ListDef<E, C, unknown>, raw: unknown) {
  const [id] = await createEntries(ctx, def as ListDef<unknown, C, unknown>, [raw]);
  return getEntry({ ...ctx, scope: ALL_SCOPE }, def, id ?? '');
}

interface PreparedChange {
  id: string;
  kind: 'amend' | 'repeal';
  version: number;
  reason: string;
  current: Record<string, unknown>;
  patch: Record<string, unknown>;
}

async function prepareChange(
  ctx: Ctx,
  def: ListDef<unknown, unknown, unknown>,
  id: string,
  kind: 'amend' | 'repeal',
  input: { version: number; reason: string },
  patchOf: (current: Record<string, unknown>) => Promise<Record<string, unknown>>,
): Promise<PreparedChange> {
  const current = await findStoredRow(ctx.db, ctx.scope, def.spec.table, id);
  if (!current) throw notFound(`powers.${def.spec.list}NotFound`, `${def.noun}不存在或不在您的权限范围内`);
  if (current.status === 'repealed')
    throw conflict('powers.entryRepealed', `该${def.noun}已取消,不能再变更`, { field: 'status' });
  if (current.version !== input.version) throw staleVersion();
  const patch = await patchOf(current);
  return { id, kind, version: input.version, reason: input.reason, current, patch };
}

async function writeChange(
  trx: Tx,
  ctx: Ctx,
  def: ListDef<unknown, unknown, unknown>,
  c: PreparedChange,
  at: Date,
) {
  const revision = Number(c.current.revision) + 1;
  const ok = await updateRow(trx, def.spec.table, c.id, c.version, c.patch, {
    revision,
    userId: ctx.actor.userId,
    at,
  });
  if (!ok) throw staleVersion();
  await appendRevisions(
    trx,
    [
      {
        id: newId(),
        list: def.spec.list,
        itemId: c.id,
        regionCode: String(c.current.region_code),
        orgId: String(c.current.org_id),
        revision,
        change: c.kind,
        reason: c.reason,
        snapshot: snapshotOf({ ...c.current, ...c.patch }),
      },
    ],
    ctx.actor.userId,
    at,
  );
}

async function change<E extends Base>(ctx: Ctx, def: ListDef<E, unknown, unknown>, c: PreparedChange) {
  if (Object.keys(c.patch).length === 0) throw invalid('powers.noChange', '没有需要变更的内容', 'reason');
  const at = ctx.now();
  const loose = def as ListDef<unknown, unknown, unknown>;
  await writeTx(
    ctx.db,
    ctx.actor,
    async (trx, audit) => {
      await writeChange(trx, ctx, loose, c, at);
      audit({
        action: `powers.${def.spec.list}.${c.kind}`,
        entity: def.spec.table,
        entityId: c.id,
        orgId: String(c.current.org_id),
        regionCode: String(c.current.region_code),
        change: { before: snapshotOf(c.current), after: c.patch, reason: c.reason },
      });
    },
    at,
  );
  return getEntry({ ...ctx, scope: ALL_SCOPE }, def, c.id);
}

/** JSON with object keys sorted: jsonb hands keys back in its own order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

/** Only the columns whose value really changes. */
const changedOnly = (patch: Record<string, unknown>, current: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(patch).filter(([k, v]) => canonical(current[k]) !== canonical(v)));

/** A change keeps the previous state as a revision, with the reason. */
export async function amendEntry<E extends Base, A>(
  ctx: Ctx,
  def: ListDef<E, unknown, A>,
  id: string,
  raw: unknown,
) {
  authorize(ctx.actor, def.edit);
  const input = parseInput(def.amendSchema, raw);
  const look = new Lookups(ctx);
  const loose = def as ListDef<unknown, unknown, unknown>;
  const prepared = await prepareChange(ctx, loose, id, 'amend', input, async (current) =>
    changedOnly(await def.toPatch(input, current, look), current),
  );
  return change(ctx, def as ListDef<E, unknown, unknown>, prepared);
}

/** 取消: the entry stays in the list, marked repealed, with its history. */
export async function repealEntry<E extends Base>(
  ctx: Ctx,
  def: ListDef<E, unknown, unknown>,
  id: string,
  raw: unknown,
) {
  authorize(ctx.actor, def.edit);
  const input = parseInput(RepealInput, raw);
  const prepared = await prepareChange(
    ctx,
    def as ListDef<unknown, unknown, unknown>,
    id,
    'repeal',
    input,
    async () => ({
      status: 'repealed',
    }),
  );
  return change(ctx, def, prepared);
}

/**
 * An import: new entries and changes to existing ones (each an amend with `reason`), checked
 * in full before anything is written, then written in one transaction with one audit entry.
 * Rows that change nothing are skipped. Answers how many entries were created and changed.
 */
export async function importEntries<C, A>(
  ctx: Ctx,
  def: ListDef<unknown, C, A>,
  creates: readonly unknown[],
  amends: readonly { id: string; raw: unknown }[],
  reason: string,
): Promise<{ created: number; changed: number }> {
  authorize(ctx.actor, def.edit);
  const look = new Lookups(ctx);
  const loose = def as ListDef<unknown, unknown, unknown>;
  const rows = await prepareCreates(def, creates, look);
  const changes: PreparedChange[] = [];
  for (const [i, a] of amends.entries()) {
    try {
      const input = parseInput(def.amendSchema, a.raw);
      const c = await prepareChange(ctx, loose, a.id, 'amend', { ...input, reason }, async (current) =>
        changedOnly(await def.toPatch(input, current, look), current),
      );
      if (Object.keys(c.patch).length > 0) changes.push(c);
    } catch (e) {
      throw inRow(e, creates.length + i, true);
    }
  }
  if (rows.length === 0 && changes.length === 0) return { created: 0, changed: 0 };
  const at = ctx.now();
  await writeTx(
    ctx.db,
    ctx.actor,
    async (trx, audit) => {
      await writeCreates(trx, ctx, loose, rows, at);
      for (const c of changes) await writeChange(trx, ctx, loose, c, at);
      audit({
        action: `powers.${def.spec.list}.import`,
        entity: def.spec.table,
        change: { created: rows.map((r) => r.id), changed: changes.map((c) => c.id), reason },
      });
    },
    at,
  );
  return { created: rows.length, changed: changes.length };
}
