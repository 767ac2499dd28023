import type { Scope } from '../../../platform/context.js';
import type { Executor } from '../../../platform/db/types.js';
import { inScope } from '../../../platform/scope.js';
import '../core/tables.js';
import { withOrg } from '../../org/org-store.js';

/** What the office wrote in an org's report on a year (null: nothing yet). */
export async function findReportText(db: Executor, orgId: string, year: number) {
  return db
    .selectFrom('requests_disclosure_report')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('year', '=', year)
    .executeTakeFirst();
}

/** The reports on a year of the orgs in scope, for the reminders. */
export async function listReportStages(db: Executor, scope: Scope, year: number) {
  return db
    .selectFrom('requests_disclosure_report as r')
    .select(['r.org_id', 'r.submitted_on', 'r.published_on'])
    .where('r.year', '=', year)
    .where(inScope(scope, 'r'))
    .execute();
}

/** 主动公开 register (other proactive releases) of an org subtree in a year: entries and items by category. */
export async function proactiveCounts(db: Executor, scope: Scope, rootPath: string, year: number) {
  return withOrg(db, 'requests_entry', 'e')
    .select((eb) => [
      'e.category',
      eb.fn.countAll<number>().as('entries'),
      eb.fn.sum<number>('e.quantity').as('items'),
    ])
    .where('e.kind', '=', 'proactive')
    .where('g.path', 'like', `${rootPath}%`)
    .where('e.occurred_on', '>=', `${year}-01-01`)
    .where('e.occurred_on', '<=', `${year}-12-31`)
    .where(inScope(scope, 'e'))
    .groupBy('e.category')
    .execute();
}
