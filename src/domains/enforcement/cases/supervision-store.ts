import { sql } from 'kysely';
import type { Scope } from '../../../platform/context.js';
import type { Executor } from '../../../platform/db/types.js';
import { inScope } from '../../../platform/scope.js';
import '../tables.js';

/** A closed case as a 案卷评查 sample frame lists it. */
export interface ClosedCaseRef {
  id: string;
  orgId: string;
  regionCode: string;
  category: string;
  caseNo: string;
  closedOn: string;
}

/** Closed cases in scope closed within [from, to], optionally of some orgs and categories; ids ascending. */
export async function listClosedCases(
  db: Executor,
  scope: Scope,
  f: { from: string; to: string; orgIds?: readonly string[]; categories?: readonly string[] },
): Promise<ClosedCaseRef[]> {
  let q = db
    .selectFrom('enforcement_case as c')
    .select(['c.id', 'c.org_id', 'c.region_code', 'c.category', 'c.case_no', 'c.closed_on'])
    .where(inScope(scope, 'c'))
    .where('c.status', '=', 'closed')
    .where(sql<boolean>`c.closed_on between ${f.from}::date and ${f.to}::date`);
  if (f.orgIds && f.orgIds.length > 0) q = q.where('c.org_id', 'in', [...f.orgIds]);
  if (f.categories && f.categories.length > 0) q = q.where('c.category', 'in', [...f.categories]);
  const rows = await q.orderBy('c.id').execute();
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    regionCode: r.region_code,
    category: r.category,
    caseNo: r.case_no,
    closedOn: r.closed_on ?? '',
  }));
}

/** What 执法监督 looks at in a case: its clock, review, discretion, records and handlers. */
export interface SupervisionFacts {
  id: string;
  caseNo: string;
  orgId: string;
  regionCode: string;
  category: string;
  status: string;
  openedOn: string;
  decidedOn: string | null;
  nextDueKind: string | null;
  nextDueOn: string | null;
  isMajor: boolean;
  reviewed: boolean;
  /** a 决定 whose fine left the 裁量权基准 range (it carries the reason the law then requires) */
  discretionDeparted: boolean;
  /** 全过程记录 files attached to any act */
  recordCount: number;
  /** handlers without a certificate valid (status valid, issued ≤ day ≤ valid_until) on the opening day */
  uncertifiedHandlers: string[];
}

export async function listSupervisionFacts(db: Executor, scope: Scope): Promise<SupervisionFacts[]> {
  const rows = await db
    .selectFrom('enforcement_case as c')
    .select([
      'c.id',
      'c.case_no',
      'c.org_id',
      'c.region_code',
      'c.category',
      'c.status',
      'c.opened_on',
      'c.decided_on',
      'c.next_due_kind',
      'c.next_due_on',
      'c.is_major',
      'c.reviewed',
      sql<boolean>`exists (select 1 from enforcement_case_action a where a.case_id = c.id
        and a.action = 'decide' and coalesce(a.data->>'discretionReason', '') <> '')`.as('departed'),
      sql<number>`(select count(*) from enforcement_case_record r where r.case_id = c.id)::int`.as('records'),
      sql<string[]>`array(select o.name from enforcement_officer o where o.id = any(c.handler_ids)
        and not exists (select 1 from enforcement_certificate e where e.officer_id = o.id and e.status = 'valid'
          and e.issued_on <= c.opened_on and e.valid_until >= c.opened_on) order by o.name)`.as(
        'uncertified',
      ),
    ])
    .where(inScope(scope, 'c'))
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    caseNo: r.case_no,
    orgId: r.org_id,
    regionCode: r.region_code,
    category: r.category,
    status: r.status,
    openedOn: r.opened_on,
    decidedOn: r.decided_on,
    nextDueKind: r.next_due_kind,
    nextDueOn: r.next_due_on,
    isMajor: r.is_major,
    reviewed: r.reviewed,
    discretionDeparted: r.departed,
    recordCount: Number(r.records),
    uncertifiedHandlers: r.uncertified,
  }));
}

/** A 行政执法公示 still pending (not published, withheld or withdrawn). */
export interface PendingPublication {
  id: string;
  caseId: string;
  caseNo: string;
  orgId: string;
  regionCode: string;
  dueOn: string;
}

export async function listPendingPublications(db: Executor, scope: Scope): Promise<PendingPublication[]> {
  const rows = await db
    .selectFrom('enforcement_publication as p')
    .innerJoin('enforcement_case as c', 'c.id', 'p.case_id')
    .select(['p.id', 'p.case_id', 'c.case_no', 'p.org_id', 'p.region_code', 'p.due_on'])
    .where(inScope(scope, 'p'))
    .where('p.status', '=', 'pending')
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    caseNo: r.case_no,
    orgId: r.org_id,
    regionCode: r.region_code,
    dueOn: r.due_on,
  }));
}
