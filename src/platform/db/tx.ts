import { randomUUID } from 'node:crypto';
import type { Insertable, UpdateObject } from 'kysely';
import type { Actor, Ctx } from '../context.js';
import { type AuditInput, appendAudit } from '../audit/audit.js';
import { conflict, DomainError } from '../errors.js';
import type { Database, Db, Tx } from './types.js';

/** PostgreSQL error codes we translate into user-facing conflicts. */
function translate(err: unknown): unknown {
  const code = (err as { code?: string }).code;
  const constraint = (err as { constraint?: string }).constraint;
  if (code === '23505') return conflict('db.duplicate', '该记录已存在(唯一性冲突)', { constraint });
  if (code === '23503') return conflict('db.reference', '引用的记录不存在或仍被其他记录引用', { constraint });
  if (code === '40001' || code === '40P01') return conflict('db.retry', '数据正被他人同时修改,请重试');
  return err;
}

/**
 * One write use-case = one transaction: the change and its audit entries commit together or
 * not at all. `audit` collects entries; they are appended (hash-chained) at the end.
 * `auditLockHeld`: `fn` took the audit lock (`auditLock()`) in its last statement, after its writes.
 */
export async function writeTx<T>(
  db: Db,
  actor: Actor,
  fn: (trx: Tx, audit: (entry: AuditInput) => void) => Promise<T>,
  at = new Date(),
  opts: { auditLockHeld?: boolean } = {},
): Promise<T> {
  try {
    return await db.transaction().execute(async (trx) => {
      const entries: AuditInput[] = [];
      const result = await fn(trx, (e) => entries.push(e));
      if (entries.length === 0) throw new Error('写操作必须记录审计日志'); // programming error, not user input
      for (const [i, e] of entries.entries())
        await appendAudit(trx, actor, e, at, i > 0 || (opts.auditLockHeld ?? false));
      return result;
    });
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw translate(err);
  }
}

export const newId = (): string => randomUUID();

/** A stale optimistic-lock version: the record changed since the caller read it. */
export const staleVersion = () =>
  conflict('conflict.stale', '该记录已被他人修改,请刷新后重试', { field: 'version' });

/**
 * The record a write changes, as the caller read it: found in the caller's scope (else
 * `missing()`, a not-found the caller names) and still at the `version` the caller sent (else
 * conflict.stale).
 */
export function atVersion<R extends { version: number }>(
  row: R | undefined,
  version: unknown,
  missing: () => Error,
): R {
  if (!row) throw missing();
  if (row.version !== version) throw staleVersion();
  return row;
}

/** Tables whose rows carry an `id` and the optimistic-lock columns (`version`, who and when last). */
export type VersionedTable = {
  [K in keyof Database & string]: Database[K] extends {
    id: string;
    version: unknown;
    updated_by: string | null;
    updated_at: unknown;
  }
    ? K
    : never;
}[keyof Database & string];

/** What a versioned update may set: any column but the key and the lock columns it sets itself. */
export type VersionedPatch<T extends VersionedTable> = Omit<
  UpdateObject<Database, T>,
  'id' | 'version' | 'updated_by' | 'updated_at'
>;

/**
 * The optimistic-lock update: sets `patch`, who and when, and `version + 1` on row `id` only if it
 * is still at `version` the caller read; otherwise someone changed it since (conflict.stale).
 */
export async function updateVersioned<T extends VersionedTable>(
  trx: Tx,
  by: Pick<Ctx, 'actor' | 'now'>,
  table: T,
  id: string,
  version: number,
  patch: VersionedPatch<T>,
): Promise<void> {
  const res = await trx
    .updateTable(table as VersionedTable)
    .set(patch as UpdateObject<Database, VersionedTable>)
    .set((eb) => ({ updated_by: by.actor.userId, updated_at: by.now(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw staleVersion();
}

/**
 * A write that is one versioned update and its audit entry (entity: the table; entityId: the row).
 */
export async function writeVersioned<T extends VersionedTable>(
  ctx: Pick<Ctx, 'db' | 'actor' | 'now'>,
  table: T,
  id: string,
  version: number,
  patch: VersionedPatch<T>,
  entry: Omit<AuditInput, 'entity' | 'entityId'>,
): Promise<void> {
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    await updateVersioned(trx, ctx, table, id, version, patch);
    audit({ ...entry, entity: table, entityId: id });
  });
}

/** Tables whose rows carry an `id`, their org and region, and who created them. */
export type OwnedTable = {
  [K in keyof Database & string]: Database[K] extends {
    id: string;
    org_id: string;
    region_code: string;
    created_by: string | null;
    updated_by: string | null;
  }
    ? K
    : never;
}[keyof Database & string];

/** A new row of an owned table, without who created it (the write adds the actor). */
export type OwnedRow<T extends OwnedTable> = Omit<Insertable<Database[T]>, 'created_by' | 'updated_by'> & {
  id: string;
  org_id: string;
  region_code: string;
};

/**
 * The columns that make a new row `org`'s: its id, and the org and region it is kept under (a
 * reader's scope is bounded by both, so they are always the owning org's own).
 */
export const ownedBy = (id: string, org: { id: string; region_code: string }) => ({
  id,
  region_code: org.region_code,
  org_id: org.id,
});

/**
 * Inside a write: inserts one row of an owned table, created and last changed by the actor, not
 * audited (the caller audits it, as `insertOwned` does); the values as written.
 */
export async function insertOwnedRow<T extends OwnedTable>(
  trx: Tx,
  actor: Actor,
  table: T,
  row: OwnedRow<T>,
): Promise<OwnedRow<T> & { created_by: string | null; updated_by: string | null }> {
  const values = { ...row, created_by: actor.userId, updated_by: actor.userId };
  await trx
    .insertInto(table as OwnedTable)
    .values(values as Insertable<Database[OwnedTable]>)
    .execute();
  return values;
}

/**
 * Inside a write: inserts one row of an owned table, created and last changed by the actor, and
 * audits it — entity the table, entityId, org and region the row's, change the row as written
 * unless the caller names a smaller one.
 */
export async function insertOwned<T extends OwnedTable>(
  trx: Tx,
  audit: (entry: AuditInput) => void,
  actor: Actor,
  table: T,
  action: string,
  row: OwnedRow<T>,
  change?: unknown,
): Promise<void> {
  const values = await insertOwnedRow(trx, actor, table, row);
  audit({
    action,
    entity: table,
    entityId: row.id,
    orgId: row.org_id,
    regionCode: row.region_code,
    change: change === undefined ? { after: values } : change,
  });
}

/** A write of its own that inserts one owned row and audits it (see `insertOwned`). */
export async function insertAudited<T extends OwnedTable>(
  ctx: Pick<Ctx, 'db' | 'actor'>,
  table: T,
  action: string,
  row: OwnedRow<T>,
  change?: unknown,
): Promise<void> {
  await writeTx(ctx.db, ctx.actor, (trx, audit) =>
    insertOwned(trx, audit, ctx.actor, table, action, row, change),
  );
}
