import { sql } from 'kysely';
import type { Db } from '../src/platform/db/types.js';

/**
 * The figures benches' baseline: one hand-written aggregate over a period's decided cases of
 * `orgIds`, what the case figures need (decided, major, major reviewed, fines, penalties, summary).
 */
export function caseAggregate(db: Db, period: { from: string; to: string }, orgIds: readonly string[]) {
  return sql`
      select count(*) as decided, count(*) filter (where is_major) as major,
        count(*) filter (where is_major and reviewed) as major_reviewed, sum(amount) as fines,
        count(*) filter (where category = 'penalty') as penalties, count(*) filter (where procedure = 'summary') as summary
      from enforcement_case
      where decided_on between ${period.from}::date and ${period.to}::date and org_id = any(${orgIds}::uuid[])`.execute(
    db,
  );
}
