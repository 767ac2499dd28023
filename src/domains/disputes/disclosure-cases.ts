import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { LocalDate } from '../../platform/calendar/index.js';
import type { Scope } from '../../platform/context.js';
import { inScope } from '../../platform/scope.js';

/** The cases one 政务公开 table counts: of these orgs, dated in [from, to], of these act kinds (null: every kind). */
export interface DisclosureCases {
  orgIds: readonly string[];
  from: LocalDate;
  to: LocalDate;
  actKinds: readonly string[] | null;
}

/**
 * The rows of ledger `alias` among `cases`, within the scope, dated by `dateColumn` (复议: the day
 * the application was received; 诉讼: the day the suit was filed).
 */
export function amongDisclosureCases(
  scope: Scope,
  cases: DisclosureCases,
  alias: 'r' | 'l',
  dateColumn: 'received_on' | 'filed_on',
): RawBuilder<SqlBool> {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  const kinds = cases.actKinds ? sql` and ${col('act_kind')} in (${sql.join([...cases.actKinds])})` : sql``;
  return sql<SqlBool>`${col('org_id')} = any(${[...cases.orgIds]}::uuid[]) and ${inScope(scope, alias)}
    and ${col(dateColumn)} >= ${cases.from} and ${col(dateColumn)} <= ${cases.to}${kinds}`;
}
