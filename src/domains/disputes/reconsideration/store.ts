import { type Selectable, sql } from 'kysely';
import type { LocalDate } from '../../../platform/calendar/index.js';
import type { Scope } from '../../../platform/context.js';
import type { Executor } from '../../../platform/db/types.js';
import { type DueFilter, whereDueOn } from '../../../platform/db/filters.js';
import { ledgerQueries } from '../../../platform/db/ledger.js';
import { inScope } from '../../../platform/scope.js';
import { WARN_DAYS } from '../clock.js';
import type { ReconAction, ReconActionData, ReconActionRecord } from './schema.js';
import type { DisputesReconsiderationActionTable } from '../tables.js';
import { withOrg } from '../../org/org-store.js';
import { amongDisclosureCases, type DisclosureCases } from '../disclosure-cases.js';

export interface ReconFilter {
  q?: string | undefined;
  status?: string | undefined;
  orgId?: string | undefined;
  channel?: string | undefined;
  outcome?: string | undefined;
  procedure?: string | undefined;
  /** 临期 / 逾期 on `today`, by the earliest open duty */
  due?: DueFilter | undefined;
  receivedFrom?: LocalDate | undefined;
  receivedTo?: LocalDate | undefined;
}

/** Sortable ledger columns (API name → SQL column). */
export const reconSortColumns = {
  caseNo: 'r.case_no',
  receivedOn: 'r.received_on',
  acceptedOn: 'r.accepted_on',
  decidedOn: 'r.decided_on',
  nextDueOn: 'r.next_due_on',
  status: 'r.status',
  orgName: 'g.name',
  applicantName: 'r.applicant_name',
  daysToDecide: 'r.days_to_decide',
} as const;

function baseQuery(db: Executor) {
  return withOrg(db, 'disputes_reconsideration', 'r').selectAll('r').select('g.name as org_name');
}

export type ReconRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

const recons = ledgerQueries<ReconFilter, LocalDate>()({
  alias: 'r',
  rows: baseQuery,
  filter: {
    keyword: ['r.case_no', 'r.applicant_name', 'r.act_title'],
    equals: ['status', 'orgId', 'channel', 'outcome', 'procedure'],
    range: ['r.received_on', 'receivedFrom', 'receivedTo'],
  },
  // the SQL twin of reconDueState(nextReconDue(...), today)
  where: (q, f, today) => whereDueOn(q, 'r.next_due_on', f.due, today, WARN_DAYS),
  // the earliest open deadline first (overdue rises, then 临期), the rest newest first
  byDefault: (q) =>
    q
      .orderBy(sql`r.next_due_on`, (ob) => ob.asc().nullsLast())
      .orderBy('r.received_on', 'desc')
      .orderBy('r.case_no', 'desc'),
  exportOrder: 'r.received_on',
});

/** A page of the ledger on `today` (its 临期 / 逾期 filter). */
export const listRecons = recons.pageAt;
/** The whole filtered ledger, in pages (the Excel export streams it). */
export const iterateRecons = recons.exportAt;
export const findReconRow = recons.find;

/** A stored act as the rules read it. */
export function reconActionRecordOf(
  row: Pick<Selectable<DisputesReconsiderationActionTable>, 'action' | 'occurred_on' | 'data' | 'actor_id'>,
): ReconActionRecord {
  return {
    action: row.action as ReconAction,
    date: row.occurred_on,
    data: row.data as ReconActionData,
    actorId: row.actor_id,
  };
}

export async function loadReconActions(
  db: Executor,
  id: string,
): Promise<(ReconActionRecord & { seq: number; actorName: string })[]> {
  const rows = await db
    .selectFrom('disputes_reconsideration_action')
    .select(['seq', 'action', 'occurred_on', 'data', 'actor_id', 'actor_name'])
    .where('reconsideration_id', '=', id)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ seq: r.seq, ...reconActionRecordOf(r), actorName: r.actor_name }));
}

/** The next 案号 serial of a region and year (行复〔2025〕12号). */
export async function nextCaseSerial(db: Executor, regionCode: string, year: number): Promise<number> {
  const r = await db
    .selectFrom('disputes_reconsideration')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('region_code', '=', regionCode)
    .where('case_no', 'like', `%〔${year}〕%`)
    .executeTakeFirstOrThrow();
  return Number(r.n) + 1;
}

/** Cases the system may have to mark on its own (视为受理 / 视为放弃). */
export async function openReviewIds(db: Executor, scope: Scope): Promise<string[]> {
  const rows = await db
    .selectFrom('disputes_reconsideration as r')
    .select('r.id')
    .where('r.status', 'in', ['received', 'correcting'])
    .where(inScope(scope, 'r'))
    .execute();
  return rows.map((r) => r.id);
}

export async function findByReceipt(db: Executor, receiptNo: string) {
  return withOrg(db, 'disputes_reconsideration', 'r')
    .select([
      'r.id',
      'r.receipt_no',
      'r.secret_hash',
      'r.status',
      'r.received_on',
      'r.case_no',
      'r.accepted_on',
      'r.decided_on',
      'r.outcome',
      'r.rejected_on',
      'r.closed_on',
      'g.name as org_name',
    ])
    .where('r.receipt_no', '=', receiptNo)
    .executeTakeFirst();
}

/** Failed lookups since `since`, for one receipt number and for one client. */
export async function countLookupFailures(db: Executor, receiptNo: string, client: string, since: Date) {
  const r = await db
    .selectFrom('disputes_lookup_failure')
    .select([
      sql<number>`count(*) filter (where receipt_no = ${receiptNo})`.as('receipt'),
      sql<number>`count(*) filter (where client = ${client})`.as('client'),
    ])
    .where('at', '>=', since)
    .where((eb) => eb.or([eb('receipt_no', '=', receiptNo), eb('client', '=', client)]))
    .executeTakeFirstOrThrow();
  return { receipt: Number(r.receipt), client: Number(r.client) };
}

/** Published 复议决定书 (第七十九条), newest first. */
export async function listPublished(db: Executor, page: { offset: number; limit: number }) {
  const q = withOrg(db, 'disputes_reconsideration', 'r').where('r.published_on', 'is not', null);
  const rows = await q
    .select([
      'r.id',
      'r.case_no',
      'r.applicant_kind',
      'r.applicant_name',
      'r.act_title',
      'r.outcome',
      'r.decided_on',
      'r.published_on',
      'g.name as org_name',
      sql<number>`count(*) over ()`.as('total'),
    ])
    .orderBy('r.published_on', 'desc')
    .orderBy('r.case_no', 'desc')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { rows, total: Number(rows[0]?.total ?? 0) };
}

export async function findPublished(db: Executor, id: string) {
  return withOrg(db, 'disputes_reconsideration', 'r')
    .selectAll('r')
    .select('g.name as org_name')
    .where('r.id', '=', id)
    .where('r.published_on', 'is not', null)
    .executeTakeFirst();
}

/** Cases of these orgs received in a period, with how they stand at its end (the 政务公开 table). */
export async function reconOutcomesReceivedIn(db: Executor, scope: Scope, cases: DisclosureCases) {
  return db
    .selectFrom('disputes_reconsideration as r')
    .select([
      'r.id',
      'r.outcome',
      'r.closed_on',
      'r.decided_on',
      'r.terminated_on',
      'r.rejected_on',
      'r.withdrawn_on',
    ])
    .where(amongDisclosureCases(scope, cases, 'r', 'received_on'))
    .execute();
}
