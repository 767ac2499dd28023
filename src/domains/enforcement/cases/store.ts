import { type RawBuilder, sql } from 'kysely';
import { addDays, type LocalDate } from '../../../platform/calendar/index.js';
import type { Scope } from '../../../platform/context.js';
import type { Executor } from '../../../platform/db/types.js';
import {
  COUNT_BUDGET,
  type ListTotal,
  type PageRequest,
  pageAndTotal,
  plannedRows,
  plannedTotal,
  settleTotal,
} from '../../../platform/paging.js';
import { inScope, scopeRegions } from '../../../platform/scope.js';
import { DUE_SOON_DAYS } from './rules.js';
import { searchTerms } from '../publications/portal-rules.js';
import type {
  ActionData,
  ActionRecord,
  CaseAction,
  CaseCategory,
  CaseStatus,
  MajorThresholds,
  PartyKind,
  Procedure,
  RecordKind,
} from './schema.js';
import '../tables.js';
import { orgNameOf, withOrg } from '../../org/org-store.js';

export interface CaseFilter {
  q?: string | undefined;
  status?: CaseStatus | undefined;
  orgId?: string | undefined;
  procedure?: Procedure | undefined;
  category?: CaseCategory | undefined;
  /** 临期 / 逾期 on today, by the earliest open agency due date */
  due?: 'dueSoon' | 'overdue' | undefined;
  major?: boolean | undefined;
  openedFrom?: LocalDate | undefined;
  openedTo?: LocalDate | undefined;
}

/** A case's dates and outcome as the ledger and its export show them (on `enforcement_case as c`). */
export const OUTCOME_COLUMNS = [
  'c.opened_on',
  'c.decided_on',
  'c.closed_on',
  'c.penalties',
  'c.amount',
  'c.is_major',
  'c.reviewed',
] as const;

/** The case's own columns a ledger row shows (`presentCase`), besides the org's and power item's names. */
const SUMMARY_COLUMNS = [
  'c.id',
  'c.region_code',
  'c.org_id',
  'c.body_id',
  'c.power_item_id',
  'c.case_no',
  'c.category',
  'c.procedure',
  'c.party_kind',
  'c.party_name',
  'c.status',
  ...OUTCOME_COLUMNS,
  'c.next_due_kind',
  'c.next_due_on',
  'c.version',
] as const;

/**
 * What a ledger row shows: the page reads only these, not the case's facts or people. The org's
 * and the power item's names are scalar subqueries, not joins: a page is 20 rows chosen by id
 * first, and planning the two joins cost more than the 40 key probes (0.2 vs 0.56 ms planned for
 * the province office's page 1, psql on the province bench's database).
 */
export function summaryQuery(db: Executor) {
  return db
    .selectFrom('enforcement_case as c')
    .select([
      ...SUMMARY_COLUMNS,
      orgNameOf('c').as('org_name'),
      sql<string | null>`(select p.name from power_item p where p.id = c.power_item_id)`.as(
        'power_item_name',
      ),
    ]);
}

/**
 * A whole case row, joined to its org and power item (the detail and the acts read more of
 * them): the summary's columns and the rest.
 */
export function baseQuery(db: Executor) {
  return withOrg(db, 'enforcement_case', 'c')
    .leftJoin('power_item as p', 'p.id', 'c.power_item_id')
    .select([
      ...SUMMARY_COLUMNS,
      'g.name as org_name',
      'p.name as power_item_name',
      'c.party_minor',
      'c.facts',
      'c.handler_ids',
      'c.major_reason',
      'c.action_count',
      'c.created_by',
    ]);
}

export type CaseSummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>>;
export type CaseRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

/** The list's WHERE on `enforcement_case as c` alone, shared by the page and its count. */
function conditions(scope: Scope, f: CaseFilter, today: LocalDate) {
  const w = [inScope(scope, 'c')];
  // every word of the keyword in 当事人 or 案号, each on an index (migration 0035)
  for (const t of searchTerms(f.q))
    w.push(
      t.kind === 'bigram'
        ? sql<boolean>`c.search_bigrams @@ ${t.tsquery}::tsquery`
        : sql<boolean>`c.search_text like ${t.pattern}`,
    );
  if (f.status) w.push(sql<boolean>`c.status = ${f.status}`);
  if (f.orgId) w.push(sql<boolean>`c.org_id = ${f.orgId}`);
  if (f.procedure) w.push(sql<boolean>`c.procedure = ${f.procedure}`);
  if (f.category) w.push(sql<boolean>`c.category = ${f.category}`);
  if (f.major !== undefined) w.push(sql<boolean>`c.is_major = ${f.major}`);
  if (f.openedFrom) w.push(sql<boolean>`c.opened_on >= ${f.openedFrom}::date`);
  if (f.openedTo) w.push(sql<boolean>`c.opened_on <= ${f.openedTo}::date`);
  // the SQL twin of dueState(next_due_on, today, DUE_SOON_DAYS)
  // (`is false` lets the ledger index's first key, `next_due_on is null`, bound the range)
  if (f.due) w.push(sql<boolean>`(c.next_due_on is null) is false`);
  if (f.due === 'overdue') w.push(sql<boolean>`c.next_due_on < ${today}::date`);
  if (f.due === 'dueSoon')
    w.push(sql<boolean>`c.next_due_on between ${today}::date and ${addDays(today, DUE_SOON_DAYS)}::date`);
  return sql<boolean>`${sql.join(w, sql` and `)}`;
}

/**
 * The most rows a narrowed source (`narrowedSources`) is read for. Each is a row fetched and
 * sorted: a county's 1,500 matches of "恒达" took 3 ms warm (the ledger index walked until 20 of
 * them were found: 35–43 ms, as the county's cases are 1% of the province's).
 */
const NARROWED_ROWS = 5_000;

/**
 * Where a list's rows can be read from a smaller set than the ledger index's walk, best first:
 * each a FROM item of its own, planned apart from the rest of the list's conditions (`offset 0`
 * keeps PostgreSQL from merging it into them), whose rows the page then sorts and counts exactly.
 * `listCases` takes the first the planner expects at most `NARROWED_ROWS` rows of.
 *
 * - One org (the org filter): its cases from the org index, in every year partition. Walking the
 *   ledger index for them instead took 322 ms for the province office's one org in a province of
 *   10,000,000 cases (2,900 of them the org's), as the org's cases are 0.03% of the entries walked.
 * - A region scope's keyword (a county, a township, the org switcher narrowed to one): the scope's
 *   regions spelt out one by one beside the keyword's two-character terms, so the GIN index on
 *   (region_code, search_bigrams) (migration 0250) finds each region's matches without reading
 *   every region's: a county's "恒达" in a province of 3,000,000 cases read 1,500 entries in 2.5 ms
 *   instead of 150,000 in 100 ms. Written as `region_code = any(…)` beside the scope's org list,
 *   the planner took the bigram index alone (a GIN index cannot search an array).
 */
function narrowedSources(scope: Scope, f: CaseFilter): RawBuilder<unknown>[] {
  const sources: RawBuilder<unknown>[] = [];
  if (f.orgId) sources.push(sql`(select * from enforcement_case where org_id = ${f.orgId} offset 0)`);
  const regions = scopeRegions(scope);
  const bigrams = searchTerms(f.q).flatMap((t) => (t.kind === 'bigram' ? [t.tsquery] : []));
  if (regions && bigrams.length > 0) {
    const anyRegion = sql.join(
      regions.map((r) => sql`region_code = ${r}`),
      sql` or `,
    );
    const allTerms = sql.join(
      bigrams.map((q) => sql`search_bigrams @@ ${q}::tsquery`),
      sql` and `,
    );
    sources.push(sql`(select * from enforcement_case where (${anyRegion}) and ${allTerms} offset 0)`);
  }
  return sources;
}

export async function listCases(
  db: Executor,
  scope: Scope,
  f: CaseFilter,
  today: LocalDate,
  page: PageRequest,
) {
  // the page is chosen on the case table alone, in the ledger's order — the earliest open
  // deadline first, so that what is overdue rises rather than sinks, then the newest — which
  // one index holds (migration 0190): page 1 reads 20 of its entries, not every match
  const idsFrom = (source: RawBuilder<unknown>) =>
    db
      .selectFrom(source.as('c'))
      .select(sql<string>`c.id`.as('id'))
      .where(conditions(scope, f, today));
  let ids = idsFrom(sql`enforcement_case`);
  // counted without the joins (org is 1:1, power_item optional), so an index holding the
  // filtered and scope columns answers it alone (migrations 0018, 0190) — when that is cheap
  // (the planner's view, kept a few seconds); the count rides on the page's own statement
  let plan: { estimate: ListTotal } | { count: number | undefined } | undefined;
  for (const narrowed of narrowedSources(scope, f)) {
    // more than NARROWED_ROWS, and the ledger index is walked in its order until a page is found.
    // The estimate is the subquery's alone: beside the list's other conditions the planner
    // multiplies the scope in again (1 row for 1,500), and those conditions only narrow it.
    const rows = await plannedRows(db, db.selectFrom(narrowed.as('c')).select(sql<string>`c.id`.as('id')));
    if (rows <= NARROWED_ROWS) {
      ids = idsFrom(narrowed);
      plan = { count: undefined };
      break;
    }
  }
  if (page.exactTotal) plan = { count: undefined };
  plan ??= await plannedTotal(db, ids, COUNT_BUDGET);
  const ledgerOrder = sql`c.next_due_on is null, c.next_due_on, c.opened_on desc, c.case_no desc`;
  const pageIds = ids.orderBy(ledgerOrder).offset(page.offset).limit(page.limit);
  const pageQuery = summaryQuery(db).where(sql<boolean>`c.id = any(array(${pageIds}))`).orderBy(ledgerOrder);
  if ('estimate' in plan) {
    const rows = await pageQuery.execute();
    return { rows, ...settleTotal(plan.estimate, page, rows.length) };
  }
  const { rows, ...total } = await pageAndTotal(db, pageQuery, ids, page, plan.count);
  return { rows, ...settleTotal(total, page, rows.length) };
}

export async function findCaseRow(db: Executor, scope: Scope, id: string): Promise<CaseRow | undefined> {
  return baseQuery(db).where('c.id', '=', id).where(inScope(scope, 'c')).executeTakeFirst();
}

export async function loadActions(
  db: Executor,
  caseId: string,
): Promise<(ActionRecord & { seq: number; actorName: string; at: Date; records: StoredRecord[] })[]> {
  const [rows, records] = await Promise.all([
    db
      .selectFrom('enforcement_case_action')
      .select(['seq', 'action', 'occurred_on', 'data', 'actor_id', 'actor_name', 'created_at'])
      .where('case_id', '=', caseId)
      .orderBy('seq')
      .execute(),
    db
      .selectFrom('enforcement_case_record')
      .select(['seq', 'sha256', 'kind', 'name', 'size', 'late'])
      .where('case_id', '=', caseId)
      .orderBy('seq')
      .orderBy('added_at')
      .orderBy('id')
      .execute(),
  ]);
  const bySeq = new Map<number, StoredRecord[]>();
  for (const r of records) {
    const list = bySeq.get(r.seq) ?? [];
    list.push({
      sha256: r.sha256,
      kind: r.kind as RecordKind,
      name: r.name,
      size: Number(r.size),
      late: r.late,
    });
    bySeq.set(r.seq, list);
  }
  return rows.map((r) => ({
    records: bySeq.get(r.seq) ?? [],
    seq: r.seq,
    ...actionRecord(r),
    actorName: r.actor_name,
    at: r.created_at,
  }));
}

/** A stored act of a case's log as the rules read it (its records are kept apart). */
export function actionRecord(r: {
  action: string;
  occurred_on: string;
  data: unknown;
  actor_id: string | null;
}): Omit<ActionRecord, 'records'> {
  return {
    action: r.action as CaseAction,
    date: r.occurred_on,
    data: r.data as ActionData,
    actorId: r.actor_id,
  };
}

export interface StoredRecord {
  sha256: string;
  kind: RecordKind;
  name: string;
  size: number;
  /** added after the act (补录) */
  late: boolean;
}

export async function loadThresholds(
  db: Executor,
  regionCode: string,
  defaults: MajorThresholds,
): Promise<MajorThresholds> {
  const r = await db
    .selectFrom('enforcement_major_threshold')
    .selectAll()
    .where('region_code', '=', regionCode)
    .executeTakeFirst();
  return thresholdsOf(r, defaults);
}

/** A region's thresholds row (or none: the defaults) as MajorThresholds. */
export function thresholdsOf(
  r:
    | {
        person_amount: string | number;
        organisation_amount: string | number;
        revoke_license: boolean;
        suspend_business: boolean;
        hearing_held: boolean;
      }
    | null
    | undefined,
  defaults: MajorThresholds,
): MajorThresholds {
  if (!r) return defaults;
  return {
    personAmount: Number(r.person_amount),
    organisationAmount: Number(r.organisation_amount),
    revokeLicense: r.revoke_license,
    suspendBusiness: r.suspend_business,
    hearingHeld: r.hearing_held,
  };
}

const REVIEW_PERMISSIONS = sql`array['enforcement:case:review', '*']::text[]`;

/** Users who may make a 法制审核: holders of the review permission (or '*'). */
export async function reviewerUserIds(db: Executor): Promise<Set<string>> {
  const rows = await db
    .selectFrom('user_role as ur')
    .innerJoin('role as r', 'r.id', 'ur.role_id')
    .select('ur.user_id')
    .where(sql<boolean>`r.permissions && ${REVIEW_PERMISSIONS}`)
    .execute();
  return new Set(rows.map((r) => r.user_id));
}

/** The same users as one JSON array, for a larger read (a case act's one read). */
export function reviewerIdsJson() {
  return sql<string[]>`coalesce((select json_agg(distinct ur.user_id) from user_role ur
    join role r on r.id = ur.role_id where r.permissions && ${REVIEW_PERMISSIONS}), '[]'::json)`;
}

/** The next serial number of a body's cases in a year (the unique key catches a race). */
export async function nextCaseSerial(db: Executor, orgId: string, year: number): Promise<number> {
  const r = await db
    .selectFrom('enforcement_case')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('opened_on', '>=', `${year}-01-01`)
    .where('opened_on', '<=', `${year}-12-31`)
    .executeTakeFirstOrThrow();
  return Number(r.n) + 1;
}

export type { PartyKind };
