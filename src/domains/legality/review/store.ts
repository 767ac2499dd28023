import { sql } from 'kysely';
import type { LocalDate } from '../../../platform/calendar/index.js';
import type { Executor } from '../../../platform/db/types.js';
import type { DueFilter } from '../../../platform/db/filters.js';
import { ledgerQueries } from '../../../platform/db/ledger.js';
import type { ReviewKind, ReviewLogEntry, ReviewStatus } from './schema.js';
import '../tables.js';
import { loadLogEntries } from '../action-log.js';
import { withOrg } from '../../org/org-store.js';

export interface ReviewFilter {
  q?: string | undefined;
  kind?: ReviewKind | undefined;
  status?: ReviewStatus | undefined;
  orgId?: string | undefined;
  subjectId?: string | undefined;
  /** open reviews 临期 / 逾期 on `today` (due_soon_on and due_on are stored projections) */
  due?: DueFilter | undefined;
  submittedFrom?: LocalDate | undefined;
  submittedTo?: LocalDate | undefined;
}

export const reviewSortColumns = {
  submittedOn: 'r.submitted_on',
  dueOn: 'r.due_on',
  concludedOn: 'r.concluded_on',
  kind: 'r.kind',
  status: 'r.status',
  orgName: 'g.name',
  opinionCount: 'r.opinion_count',
} as const;
export type ReviewSortField = keyof typeof reviewSortColumns;

function baseQuery(db: Executor) {
  return withOrg(db, 'legality_review', 'r').select([
    'r.id',
    'r.region_code',
    'r.org_id',
    'g.name as org_name',
    'r.kind',
    'r.title',
    'r.subject_id',
    'r.item_count',
    'r.submitted_on',
    'r.materials',
    'r.reviewers',
    'r.period_workdays',
    'r.extension_workdays',
    'r.status',
    'r.conclusion',
    'r.concluded_on',
    'r.due_on',
    'r.due_soon_on',
    'r.extended',
    'r.paused_since',
    'r.paused_days',
    'r.opinion_count',
    'r.action_count',
    'r.created_by',
    'r.version',
  ]);
}
export type ReviewRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

const OPEN = ['reviewing', 'awaitingMaterials'];

const reviews = ledgerQueries<ReviewFilter, LocalDate>()({
  alias: 'r',
  rows: baseQuery,
  filter: {
    keyword: ['r.title', 'g.name'],
    equals: ['kind', 'status', 'orgId', 'subjectId'],
    range: ['r.submitted_on', 'submittedFrom', 'submittedTo'],
  },
  // the SQL twin of reviewDueState(): open, clock running, by the stored due dates
  where: (q, f, today) => {
    if (f.due === 'overdue') return q.where('r.status', 'in', OPEN).where('r.due_on', '<', today);
    if (f.due === 'dueSoon')
      return q
        .where('r.status', 'in', OPEN)
        .where('r.due_on', '>=', today)
        .where('r.due_soon_on', '<=', today);
    return q;
  },
  // open reviews by deadline first (overdue rises, then 临期), the concluded ones newest first
  byDefault: (q) =>
    q
      .orderBy(sql`r.status in ('reviewing', 'awaitingMaterials')`, 'desc')
      .orderBy(sql`case when r.status in ('reviewing', 'awaitingMaterials') then r.due_on end`)
      .orderBy('r.submitted_on', 'desc')
      .orderBy('r.id'),
  exportOrder: 'r.submitted_on',
});

export const listReviews = reviews.pageAt;
export const iterateReviews = reviews.exportAt;
export const findReviewRow = reviews.find;

/** A step of a review's log as the rules read it. */
export const reviewLogEntry = (r: { action: string; occurred_on: string; data: unknown }) =>
  ({ action: r.action, date: r.occurred_on, data: r.data }) as ReviewLogEntry;

export async function loadReviewLog(db: Executor, reviewId: string) {
  const rows = await loadLogEntries(db, 'review', reviewId);
  return rows.map((r) => ({
    entry: reviewLogEntry(r),
    actorName: r.actor_name,
    at: r.created_at,
  }));
}

export async function loadOpinions(db: Executor, reviewId: string) {
  return db
    .selectFrom('legality_review_opinion')
    .select(['id', 'seq', 'body', 'adoption', 'adoption_reason', 'answered_on'])
    .where('review_id', '=', reviewId)
    .orderBy('seq')
    .execute();
}

/** The latest review of a document or decision (its gate). */
export async function latestReviewOf(db: Executor, subjectId: string) {
  return db
    .selectFrom('legality_review')
    .select(['id', 'status', 'conclusion', 'concluded_on'])
    .where('subject_id', '=', subjectId)
    .where('status', '!=', 'withdrawn')
    .orderBy('submitted_on', 'desc')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}
