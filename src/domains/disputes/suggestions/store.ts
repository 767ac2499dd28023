import { sql } from 'kysely';
import type { LocalDate } from '../../../platform/calendar/index.js';
import type { Executor } from '../../../platform/db/types.js';
import { type DueFilter, whereDueOn } from '../../../platform/db/filters.js';
import { ledgerQueries } from '../../../platform/db/ledger.js';
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

const suggestions = ledgerQueries<SuggestionFilter, LocalDate>()({
  alias: 's',
  rows: baseQuery,
  filter: {
    keyword: ['s.document_no', 's.issuer', 's.summary'],
    equals: ['kind', 'status', 'orgId'],
    range: ['s.received_on', 'receivedFrom', 'receivedTo'],
  },
  // only a pending suggestion has a reply due
  where: (q, f, today) =>
    f.due ? whereDueOn(q.where('s.status', '=', 'pending'), 's.due_on', f.due, today, WARN_DAYS) : q,
  // pending ones by deadline first (overdue rises, then 临期), the rest newest first
  byDefault: (q) =>
    q
      .orderBy(sql`s.status = 'pending'`, 'desc')
      .orderBy(sql`case when s.status = 'pending' then s.due_on end`)
      .orderBy('s.received_on', 'desc')
      .orderBy('s.id'),
  exportOrder: 's.received_on',
});

export const listSuggestions = suggestions.pageAt;
export const iterateSuggestions = suggestions.exportAt;
export const findSuggestionRow = suggestions.find;
