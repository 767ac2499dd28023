import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../context.js';
import type { Executor } from '../db/types.js';
import type { AuditLogTable } from './tables.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  /** dotted verb, e.g. 'org.create', 'auth.login' */
  action: string;
  /** table-level entity name, e.g. 'org', 'app_user' */
  entity: string;
  entityId?: string | null;
  orgId?: string | null;
  regionCode?: string | null;
  /** what changed: { before?, after? } or the input; never secrets */
  change?: unknown;
}

/** JSON with keys sorted at every level, so the hash does not depend on key order (jsonb reorders). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** A log row as hashed: every column but the hash itself. */
export type AuditRow = Omit<AuditLogTable, 'hash'>;

export function entryHash(row: AuditRow): string {
  const body = canonicalJson({
    seq: row.seq,
    at: row.at.toISOString(),
    actorId: row.actor_id,
    actorName: row.actor_name,
    orgId: row.org_id,
    regionCode: row.region_code,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    change: row.change,
  });
  return createHash('sha256').update(row.prev_hash).update(body).digest('hex');
}

/** Normalise a change through JSON so that what we hash is exactly what jsonb gives back. */
function normalise(change: unknown): unknown {
  return JSON.parse(canonicalJson(change ?? {}));
}

/**
 * The advisory lock that serialises audit appenders (held until commit). A write that takes it in
 * its own last statement (after its row locks, see the case act) passes `lockHeld` to appendAudit.
 */
export const auditLock = () => sql<void>`pg_advisory_xact_lock(7242002)`;

/**
 * Appends one entry, chained to the previous one. Must run inside the writing transaction,
 * so the write and its audit entry commit or roll back together. The advisory lock serialises
 * appenders until commit, so two transactions cannot both chain to the same predecessor.
 */
export async function appendAudit(
  trx: Executor,
  actor: Actor,
  input: AuditInput,
  at = new Date(),
  lockHeld = false,
): Promise<number> {
  if (!lockHeld) await sql`select ${auditLock()}`.execute(trx);
  const last = await trx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  // timestamptz keeps microseconds; JS keeps milliseconds: hash the millisecond value we store.
  const row: AuditRow = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date(Math.floor(at.getTime())),
    actor_id: actor.userId,
    actor_name:
      actor.displayName === actor.username ? actor.username : `${actor.displayName}(${actor.username})`,
    org_id: input.orgId ?? actor.orgId,
    region_code: input.regionCode ?? actor.regionCode,
    action: input.action,
    entity: input.entity,
    entity_id: input.entityId ?? null,
    change: normalise(input.change),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const hash = entryHash(row);
  await trx
    .insertInto('audit_log')
    .values({ ...row, change: JSON.stringify(row.change), hash })
    .execute();
  return row.seq;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBroken?: { seq: number; reason: string };
}

/** Re-walks the chain in order; names the first entry whose hash, link or sequence is wrong. */
export async function verifyAudit(
  db: Executor,
  onProgress: (checked: number) => void = () => {},
): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  const batch = 5000;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batch)
      .execute();
    for (const r of rows) {
      if (r.seq !== expectedSeq) {
        return {
          ok: false,
          checked,
          firstBroken: { seq: expectedSeq, reason: `缺少第 ${expectedSeq} 条日志(已被删除)` },
        };
      }
      if (r.prev_hash !== prevHash) {
        return { ok: false, checked, firstBroken: { seq: r.seq, reason: '与上一条日志的链接哈希不一致' } };
      }
      if (entryHash(r) !== r.hash) {
        return {
          ok: false,
          checked,
          firstBroken: { seq: r.seq, reason: '日志内容与其哈希不一致(已被篡改)' },
        };
      }
      prevHash = r.hash;
      expectedSeq++;
      checked++;
    }
    onProgress(checked);
    if (rows.length < batch) return { ok: true, checked };
  }
}
