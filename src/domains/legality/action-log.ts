import { sql } from 'kysely';
import { readGrouped } from '../../platform/db/grouped.js';
import type { AuditInput } from '../../platform/audit/audit.js';
import type { Ctx } from '../../platform/context.js';
import { insertOwnedRow, newId, type OwnedRow, writeTx } from '../../platform/db/tx.js';
import type { Executor, Tx } from '../../platform/db/types.js';
import { invalid } from '../../platform/errors.js';
import './tables.js';

/**
 * The append-only logs of this domain's ledgers (审查台 reviews, 规范性文件, 决策事项目录, 重大行政决策):
 * one table each, the same columns but for the one naming the record the entry belongs to.
 */
const logs = {
  review: { table: 'legality_review_action', key: 'review_id', records: 'legality_review' },
  document: { table: 'legality_document_event', key: 'document_id', records: 'legality_document' },
  catalogue: { table: 'legality_catalogue_event', key: 'catalogue_id', records: 'legality_catalogue' },
  decision: { table: 'legality_decision_event', key: 'decision_id', records: 'legality_decision' },
} as const;
export type LegalityLog = keyof typeof logs;

/** One step as the rules see it: what was done, on which legal date, with what. */
export interface LogEntry {
  action: string;
  date: string;
  data: Record<string, unknown>;
}

/** A step is dated no earlier than the step before it (`last`: that step's date, if any). */
export function checkAfterLast(log: LegalityLog, last: string | undefined, date: string): void {
  if (last !== undefined && date < last)
    throw invalid(`legality.${log}.dateOrder`, `日期不能早于上一步(${last})`, 'date');
}

/** Appends step `seq` to a record's log inside the caller's transaction, signed by the actor. */
export async function appendLogEntry(
  trx: Tx,
  ctx: Ctx,
  log: LegalityLog,
  owner: { id: string; region_code: string; org_id: string },
  seq: number,
  entry: LogEntry,
): Promise<void> {
  const { table, key } = logs[log];
  await trx
    .insertInto(table)
    .values({
      id: newId(),
      [key]: owner.id,
      region_code: owner.region_code,
      org_id: owner.org_id,
      seq,
      action: entry.action,
      occurred_on: entry.date,
      data: JSON.stringify(entry.data),
      actor_id: ctx.actor.userId,
      actor_name: ctx.actor.displayName,
    })
    .execute();
}

/**
 * A write of this domain: one transaction as the request's actor, its audit entries dated by the
 * request's clock (a test's fixed day, not the machine's).
 */
export function writeTxFor<T>(
  ctx: Ctx,
  fn: (trx: Tx, audit: (entry: AuditInput) => void) => Promise<T>,
): Promise<T> {
  return writeTx(ctx.db, ctx.actor, fn, ctx.now());
}

/** A record of this domain as its log and audit entries name it: its id, org and region. */
export interface OwnedRecord {
  id: string;
  region_code: string;
  org_id: string;
}

/** The audit entry of a write to one record, filed under the record's org and region. */
export function recordAudit(
  action: string,
  entity: string,
  record: OwnedRecord,
  change: unknown,
): AuditInput {
  return {
    action,
    entity,
    entityId: record.id,
    orgId: record.org_id,
    regionCode: record.region_code,
    change,
  };
}

/**
 * A step and its audit entry `legality.<log>.<action>` on the record, by default with the step's
 * date and data as the change (a create states what it created instead).
 */
export async function logStep(
  trx: Tx,
  ctx: Ctx,
  audit: (entry: AuditInput) => void,
  log: LegalityLog,
  owner: OwnedRecord,
  seq: number,
  entry: LogEntry,
  change: Record<string, unknown> = { date: entry.date, ...entry.data },
): Promise<void> {
  await appendLogEntry(trx, ctx, log, owner, seq, entry);
  audit(recordAudit(`legality.${log}.${entry.action}`, `legality_${log}`, owner, change));
}

/**
 * A new record of this domain inside the caller's write: its row, created and last changed by the
 * actor, then step 1 of its log and that step's audit entry with `change` (what it created).
 */
export async function insertRecord<L extends LegalityLog>(
  trx: Tx,
  ctx: Ctx,
  audit: (entry: AuditInput) => void,
  log: L,
  row: OwnedRow<(typeof logs)[L]['records']>,
  first: LogEntry,
  change: Record<string, unknown>,
): Promise<void> {
  await insertOwnedRow<(typeof logs)[L]['records']>(trx, ctx.actor, logs[log].records, row);
  await logStep(trx, ctx, audit, log, row, 1, first, change);
}

/** A step as a record's detail shows it: the action and its name, its date, who, what it recorded. */
export interface TimelineEntry {
  action: string;
  actionLabel: string;
  date: string;
  actorName: string;
  data: Record<string, unknown>;
}

/** A record's log in order. */
export async function loadLogEntries(db: Executor, log: LegalityLog, id: string) {
  const { table, key } = logs[log];
  return db
    .selectFrom(table)
    .select(['seq', 'action', 'occurred_on', 'data', 'actor_name', 'created_at'])
    .where(key, '=', id)
    .orderBy('seq')
    .execute();
}

/** The steps of many records, each record's in order, by the record's id (read 1,000 records at a time). */
export function loadLogsOf(db: Executor, log: LegalityLog, ids: readonly string[]) {
  const { table, key } = logs[log];
  return readGrouped(
    ids,
    (chunk) =>
      db
        .selectFrom(table)
        .select([sql.ref<string>(key).as('record_id'), 'action', 'occurred_on', 'data'])
        .where(key, 'in', chunk)
        .orderBy(key)
        .orderBy('seq')
        .execute(),
    (r) => r.record_id,
    ({ record_id, ...step }) => step,
  );
}
