import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type RawBuilder,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
} from 'kysely';
import type { Database } from '../db/types.js';

/** A query builder that never connects: it only builds queries (Kysely's "DummyDriver" recipe). */
export const builder = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/**
 * The condition a metric's WHERE modifier adds to its query, as one boolean expression — so a
 * figure written as `(qb) => qb.where(…)` for its own query can also be one `count(*) filter
 * (where …)` column of a grouped pass. Only conditions are allowed: a modifier that joins or
 * selects something changes the rows, not the condition, and is refused.
 */
export function addedCondition<QB extends SelectQueryBuilder<Database, keyof Database, object>>(
  base: QB,
  modifier: (qb: QB) => QB,
): RawBuilder<SqlBool> {
  const before = base.toOperationNode();
  if (before.where) throw new Error('分组统计的基础查询不应带筛选条件');
  const after = modifier(base).toOperationNode();
  if (
    after.joins?.length !== before.joins?.length ||
    after.selections?.length !== before.selections?.length ||
    after.groupBy !== before.groupBy ||
    after.having !== before.having
  )
    throw new Error('分组统计只能合并筛选条件');
  const cond = after.where?.where;
  if (!cond) return sql<SqlBool>`true`;
  return sql<SqlBool>`(${{ toOperationNode: () => cond }})`;
}
