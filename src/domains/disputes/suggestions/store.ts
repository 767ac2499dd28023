import { sql } from 'kysely';
import type { LocalDate } from '../../../platform/calendar/index.js';
import type { Scope } from '../../../platform/context.js';
import type { Executor } from '../../../platform/db/types.js';
import { inBatches, type ListSort, pageWithTotal, sortedBy } from '../../../platform/paging.js';
import { inScope } from '../../../platform/scope.js';
import { WARN_DAYS } from '../clock.js';
import '../tables.js';
import '../../org/tables.js';

export interface SuggestionFilter {
  q?: string | undefined;
  kind?: string | undefined;
  status?: string | undefined;
  orgId?: string | undefined;
  due?: 'dueSoon' | 'overdue' | undefined;
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
  return db
    .selectFrom('disputes_suggestion as s')
    .innerJoin('org as g', 'g.id', 's.org_id')
    .selectAll('s')
    .select('g.name as org_name');
}
export type SuggestionRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function filtered(db: Executor, scope: Scope, f: SuggestionFilter, today: LocalDate) {
  let q = baseQuery(db).where(inScope(scope, 's'));
  if (f.q) {
    const like = `%${f.q}%`;
    q = q.where((eb) =>
      eb.or([eb('s.document_no', 'like', like), eb('s.issuer', 'like', like), eb('s.summary', 'like', like)]),
    );
  }
  if (f.kind) q = q.where('s.kind', '=', f.kind);
  if (f.status) q = q.where('s.status', '=', f.status);
  if (f.orgId) q = q.where('s.org_id', '=', f.orgId);
  if (f.receivedFrom) q = q.where('s.received_on', '>=', f.receivedFrom);
  if (f.receivedTo) q = q.where('s.received_on', '<=', f.receivedTo);
  if (f.due === 'overdue') q = q.where('s.status', '=', 'pending').where('s.due_on', '<', today);
  if (f.due === 'dueSoon')
    q = q
      .where('s.status', '=', 'pending')
      .where('s.due_on', '>=', today)
      .where(sql<boolean>`s.due_on <= ${today}::date + ${WARN_DAYS}::int`);
  return q;
}

export async function listSuggestions(
  db: Executor,
  scope: Scope,
  f: SuggestionFilter,
  today: LocalDate,
  page: { offset: number; limit: number },
  sort: ListSort | null,
) {
  const q = filtered(db, scope, f, today);
  return pageWithTotal(
    q,
    (q) =>
      sort
        ? sortedBy(q, sort, 's.id')
        : // pending ones by deadline first (overdue rises, then 临期), the rest newest first
          q
            .orderBy(sql`s.status = 'pending'`, 'desc')
            .orderBy(sql`case when s.status = 'pending' then s.due_on end`)
            .orderBy('s.received_on', 'desc')
            .orderBy('s.id'),
    page,
  );
}

export async function* iterateSuggestions(db: Executor, scope: Scope, f: SuggestionFilter, today: LocalDate) {
  yield* inBatches(filtered(db, scope, f, today).orderBy('s.received_on').orderBy('s.id'));
}

export async function findSuggestionRow(db: Executor, scope: Scope, id: string) {
  return baseQuery(db).where('s.id', '=', id).where(inScope(scope, 's')).executeTakeFirst();
}
