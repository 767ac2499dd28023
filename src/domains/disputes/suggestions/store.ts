import { sql } from 'kysely';
import type { LocalDate } from '../../../platform/calendar/index.js';
import type { Scope } from '../../../platform/context.js';
import type { Executor } from '../../../platform/db/types.js';
import { type DueFilter, whereDueOn, whereFilter } from '../../../platform/db/filters.js';
import { inBatches, type ListSort, sortedPageWithTotal } from '../../../platform/paging.js';
import { inScope } from '../../../platform/scope.js';
import { WARN_DAYS } from '../clock.js';
import '../tables.js';
import { withOrg } from '../../org/org-store.js';

export interface SuggestionFilter {
  q?: string | undefined;
  kind?: string | undefined;
  status?: string | undefined;
  orgId?: string | undefined;
  due?: DueFilter | undefined;
  receivedFrom?: LocalDate | undefined;
  receivedTo?: LocalDate | undefined;
}

export const suggestionSortColumns = {
  receivedOn: 's.received_on',
  dueOn: 's.due_on',
  repliedOn: 's.replied_on',
  orgName: 'g.name',
  kind: 's.kind',
} as const;

function baseQuery(db: Executor) {
  return withOrg(db, 'disputes_suggestion', 's').selectAll('s').select('g.name as org_name');
}
export type SuggestionRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function filtered(db: Executor, scope: Scope, f: SuggestionFilter, today: LocalDate) {
  const q = whereFilter(baseQuery(db).where(inScope(scope, 's')), 's', f, {
    keyword: ['s.document_no', 's.issuer', 's.summary'],
    equals: ['kind', 'status', 'orgId'],
    range: ['s.received_on', 'receivedFrom', 'receivedTo'],
  });
  // only a pending suggestion has a reply due
  return f.due ? whereDueOn(q.where('s.status', '=', 'pending'), 's.due_on', f.due, today, WARN_DAYS) : q;
}

export async function listSuggestions(
  db: Executor,
  scope: Scope,
  f: SuggestionFilter,
  today: LocalDate,
  page: { offset: number; limit: number },
  sort: ListSort | null,
) {
  return sortedPageWithTotal(filtered(db, scope, f, today), page, sort, 's.id', (q) =>
    // pending ones by deadline first (overdue rises, then 临期), the rest newest first
    q
      .orderBy(sql`s.status = 'pending'`, 'desc')
      .orderBy(sql`case when s.status = 'pending' then s.due_on end`)
      .orderBy('s.received_on', 'desc')
      .orderBy('s.id'),
  );
}

export async function* iterateSuggestions(db: Executor, scope: Scope, f: SuggestionFilter, today: LocalDate) {
  yield* inBatches(filtered(db, scope, f, today).orderBy('s.received_on').orderBy('s.id'));
}

export async function findSuggestionRow(db: Executor, scope: Scope, id: string) {
  return baseQuery(db).where('s.id', '=', id).where(inScope(scope, 's')).executeTakeFirst();
}
