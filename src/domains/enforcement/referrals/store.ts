import { type Expression, sql } from 'kysely';
import type { LocalDate } from '../../../platform/calendar/index.js';
import type { Scope } from '../../../platform/context.js';
import type { Executor } from '../../../platform/db/types.js';
import type { DueFilter } from '../../../platform/db/filters.js';
import { ledgerQueries } from '../../../platform/db/ledger.js';
import { inScope } from '../../../platform/scope.js';
import type { ReferralAction, ReferralActionData, ReferralActionRecord, ReferralStatus } from './schema.js';
import '../tables.js';
import '../../org/tables.js';

export interface ReferralFilter {
  q?: string | undefined;
  status?: ReferralStatus | undefined;
  orgId?: string | undefined;
  caseId?: string | undefined;
  /** 临期 / 逾期 at `now`, by the earliest open duty of the agency or the police */
  due?: DueFilter | undefined;
  reportedFrom?: LocalDate | undefined;
  reportedTo?: LocalDate | undefined;
}

/** Sortable ledger columns (API name → SQL column). */
export const referralSortColumns = {
  reportedOn: 'r.reported_on',
  handedOverOn: 'r.handed_over_on',
  nextDueAt: 'r.next_due_at',
  status: 'r.status',
  orgName: 'g.name',
  caseNo: 'c.case_no',
  handoverHours: 'r.handover_hours',
} as const;
export type ReferralSortField = keyof typeof referralSortColumns;

function baseQuery(db: Executor) {
  return db
    .selectFrom('enforcement_referral as r')
    .innerJoin('enforcement_case as c', 'c.id', 'r.case_id')
    .innerJoin('org as g', 'g.id', 'r.org_id')
    .select([
      'r.id',
      'r.region_code',
      'r.org_id',
      'g.name as org_name',
      'r.case_id',
      'c.case_no',
      'c.party_name',
      'c.handler_ids',
      'r.team_ids',
      'r.suspected_crime',
      'r.facts',
      'r.evidence',
      'r.reported_on',
      'r.penalty_decided',
      'r.penalty_amount',
      'r.status',
      'r.approved_at',
      'r.handed_over_at',
      'r.handed_over_on',
      'r.handover_hours',
      'r.handover_late',
      'r.police_org',
      'r.filed_on',
      'r.declined_on',
      'r.closed_on',
      'r.next_due_kind',
      'r.next_due_at',
      'r.next_due_soon_at',
      'r.late_count',
      'r.action_count',
      'r.created_by',
      'r.version',
    ]);
}

export type ReferralRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

const referrals = ledgerQueries<ReferralFilter, Date>()({
  alias: 'r',
  rows: baseQuery,
  filter: {
    keyword: ['c.case_no', 'c.party_name', 'r.suspected_crime'],
    equals: ['status', 'orgId', 'caseId'],
    range: ['r.reported_on', 'reportedFrom', 'reportedTo'],
  },
  // the SQL twin of referralDueState(nextReferralDue(...), now)
  where: (q, f, now) => {
    if (f.due === 'overdue') return q.where(sql<boolean>`r.next_due_at <= ${now}::timestamptz`);
    if (f.due === 'dueSoon')
      return q.where(
        sql<boolean>`${now}::timestamptz >= r.next_due_soon_at and ${now}::timestamptz < r.next_due_at`,
      );
    return q;
  },
  // the earliest open duty first (overdue rises, then 临期), the rest newest first
  byDefault: (q) =>
    q
      .orderBy(sql`r.next_due_at`, (ob) => ob.asc().nullsLast())
      .orderBy('r.reported_on', 'desc')
      .orderBy('r.id'),
  exportOrder: 'r.reported_on',
});

/** A page of the ledger at `now` (its 临期 / 逾期 filter) and its capped total. */
export const listReferrals = referrals.ledgerPageAt;
/** The whole filtered ledger, in pages (the Excel export streams it). */
export const iterateReferrals = referrals.exportAt;
export const findReferralRow = referrals.find;

export async function loadReferralActions(
  db: Executor,
  referralId: string,
): Promise<(ReferralActionRecord & { seq: number; actorName: string })[]> {
  const rows = await db
    .selectFrom('enforcement_referral_action')
    .select(['seq', 'action', 'occurred_on', 'occurred_at', 'data', 'actor_id', 'actor_name'])
    .where('referral_id', '=', referralId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ seq: r.seq, ...referralActionRecord(r), actorName: r.actor_name }));
}

/** A stored act of a referral's log as the rules read it. */
export function referralActionRecord(r: {
  action: string;
  occurred_on: string;
  occurred_at: Date | null;
  data: unknown;
  actor_id: string | null;
}): ReferralActionRecord {
  return {
    action: r.action as ReferralAction,
    date: r.occurred_on,
    at: r.occurred_at ? r.occurred_at.toISOString() : null,
    data: r.data as ReferralActionData,
    actorId: r.actor_id,
  };
}

/** The case a referral is about, with what decides whether it may be referred (in the caller's scope). */
export async function findCaseForReferral(db: Executor, scope: Scope, caseId: string) {
  return db
    .selectFrom('enforcement_case as c')
    .select([
      'c.id',
      'c.region_code',
      'c.org_id',
      'c.case_no',
      'c.party_name',
      'c.category',
      'c.opened_on',
      'c.handler_ids',
      'c.decided_on',
      'c.amount',
      'c.penalties',
      sql<boolean>`exists (select 1 from enforcement_case_action a where a.case_id = c.id and a.action = 'terminate')`.as(
        'terminated',
      ),
      sql<boolean>`exists (select 1 from enforcement_referral x where x.case_id = c.id and x.status <> 'refused')`.as(
        'live_referral',
      ),
    ])
    .where('c.id', '=', caseId)
    .where(inScope(scope, 'c'))
    .executeTakeFirst();
}

/** Which of these SHA-256 digests are stored attachments. */
export async function storedDigests(db: Executor, digests: readonly string[]): Promise<Set<string>> {
  if (digests.length === 0) return new Set();
  const rows = await db
    .selectFrom('stored_file')
    .select('sha256')
    .where('sha256', 'in', [...digests])
    .execute();
  return new Set(rows.map((r) => r.sha256));
}

/**
 * The status of a case's latest referral, or null when it has none (for the art. 11 check), as an
 * expression a larger read selects (a case act's one read).
 */
export function latestReferralStatusSql(caseId: Expression<string>) {
  return sql<ReferralStatus | null>`(select f.status from enforcement_referral f where f.case_id = ${caseId}
    order by f.created_at desc limit 1)`;
}
