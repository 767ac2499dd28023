import { randomUUID } from 'node:crypto';
import type { Actor } from '../context.js';
import { type AuditInput, appendAudit } from '../audit/audit.js';
import { conflict, DomainError } from '../errors.js';
import type { Db, Tx } from './types.js';

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
