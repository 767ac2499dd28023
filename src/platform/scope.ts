import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Scope } from './context.js';

/**
 * The WHERE condition that keeps a query inside a scope. Every store function over a ledger
 * table applies it: `.where(inScope(ctx.scope, 'c'))`. Columns: org_id, region_code, created_by.
 */
export function inScope(scope: Scope, alias?: string): RawBuilder<SqlBool> {
  const col = (c: string) => sql.ref(alias ? `${alias}.${c}` : c);
  if (scope.all) {
    return scopeRegions(scope)
      ? sql<SqlBool>`${col('region_code')} = any(${[...scope.regionCodes]}::text[])`
      : sql<SqlBool>`true`;
  }
  const region =
    scope.regionCodes.length > 0
      ? sql`${col('region_code')} = any(${[...scope.regionCodes]}::text[]) and `
      : sql``;
  const byOrg = sql`${col('org_id')} = any(${[...scope.orgIds]}::uuid[])`;
  if (scope.selfUserId) {
    return sql<SqlBool>`(${region}(${byOrg} or ${col('created_by')} = ${scope.selfUserId}))`;
  }
  return sql<SqlBool>`(${region}${byOrg})`;
}

/**
 * The regions `inScope` bounds a query to, or undefined when it bounds none (an all-scope over
 * every region, or a scope given by orgs alone).
 */
export function scopeRegions(scope: Scope): readonly string[] | undefined {
  if (scope.regionCodes.length === 0 || (scope.all && scope.everyRegion)) return undefined;
  return scope.regionCodes;
}

/** Whether a single row (already loaded) is inside the scope. */
export function rowInScope(
  scope: Scope,
  row: { org_id: string; region_code: string; created_by?: string | null },
): boolean {
  if (scope.regionCodes.length > 0 && !scope.regionCodes.includes(row.region_code)) return false;
  if (scope.all) return true;
  if (scope.orgIds.includes(row.org_id)) return true;
  return scope.selfUserId !== null && row.created_by === scope.selfUserId;
}
