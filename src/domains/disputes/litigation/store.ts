import { sql } from 'kysely';
import type { LocalDate } from '../../../platform/calendar/index.js';
import type { Scope } from '../../../platform/context.js';
import type { Executor } from '../../../platform/db/types.js';
import { ledgerQueries } from '../../../platform/db/ledger.js';
import { totalOver } from '../../../platform/paging.js';
import { inScope } from '../../../platform/scope.js';
import '../tables.js';
import '../../../platform/files/tables.js';
import { withOrg } from '../../org/org-store.js';
import { amongDisclosureCases, type DisclosureCases } from '../disclosure-cases.js';

export interface LawsuitFilter {
  q?: string | undefined;
  status?: string | undefined;
  instance?: string | undefined;
  outcome?: string | undefined;
  orgId?: string | undefined;
  filedFrom?: LocalDate | undefined;
  filedTo?: LocalDate | undefined;
}

export const lawsuitSortColumns = {
  filedOn: 'l.filed_on',
  concludedOn: 'l.concluded_on',
  courtCaseNo: 'l.court_case_no',
  orgName: 'g.name',
  instance: 'l.instance',
  status: 'l.status',
} as const;

function baseQuery(db: Executor) {
  return withOrg(db, 'disputes_lawsuit', 'l')
    .leftJoin('org as co', 'co.id', 'l.co_defendant_org_id')
    .selectAll('l')
    .select([
      'g.name as org_name',
      'co.name as co_defendant_name',
      sql<number>`(select count(*) from disputes_hearing h where h.lawsuit_id = l.id)`.as('hearings'),
      sql<number>`(select count(*) from disputes_hearing h where h.lawsuit_id = l.id and h.counts_as_head)`.as(
        'head_hearings',
      ),
    ]);
}
export type LawsuitRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

const lawsuits = ledgerQueries<LawsuitFilter>()({
  alias: 'l',
  rows: baseQuery,
  filter: {
    keyword: ['l.court_case_no', 'l.plaintiff', 'l.contested_act'],
    equals: ['status', 'instance', 'outcome', 'orgId'],
    range: ['l.filed_on', 'filedFrom', 'filedTo'],
  },
  byDefault: (q) => q.orderBy('l.filed_on', 'desc').orderBy('l.id'),
  exportOrder: 'l.filed_on',
});

export const listLawsuits = lawsuits.page;
export const iterateLawsuits = lawsuits.export;
export const findLawsuitRow = lawsuits.find;

export async function loadHearings(db: Executor, lawsuitId: string) {
  return db
    .selectFrom('disputes_hearing')
    .selectAll()
    .where('lawsuit_id', '=', lawsuitId)
    .orderBy('hearing_on')
    .orderBy('created_at')
    .execute();
}

/** The 出庭 register: every hearing of the scope, newest first. */
export async function listHearings(
  db: Executor,
  scope: Scope,
  f: { from?: LocalDate | undefined; to?: LocalDate | undefined; orgId?: string | undefined },
  page: { offset: number; limit: number },
) {
  let q = db
    .selectFrom('disputes_hearing as h')
    .innerJoin('disputes_lawsuit as l', 'l.id', 'h.lawsuit_id')
    .innerJoin('org as g', 'g.id', 'h.org_id')
    .where(inScope(scope, 'h'));
  if (f.from) q = q.where('h.hearing_on', '>=', f.from);
  if (f.to) q = q.where('h.hearing_on', '<=', f.to);
  if (f.orgId) q = q.where('h.org_id', '=', f.orgId);
  const rows = await q
    .selectAll('h')
    .select(['l.court_case_no', 'l.court', 'l.instance', 'l.plaintiff', 'g.name as org_name', totalOver()])
    .orderBy('h.hearing_on', 'desc')
    .orderBy('h.id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { rows, total: Number(rows[0]?.total_count ?? 0) };
}

export async function storedDigestExists(db: Executor, sha256: string): Promise<boolean> {
  const r = await db
    .selectFrom('stored_file')
    .select('sha256')
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return r !== undefined;
}

/**
 * First-instance suits against these orgs filed in a period, each with the instance that decides
 * its result (the appeal when there is one), for the 政务公开 table.
 */
export async function suitOutcomesFiledIn(db: Executor, scope: Scope, cases: DisclosureCases) {
  return db
    .selectFrom('disputes_lawsuit as l')
    .leftJoin('disputes_lawsuit as a', (j) => j.onRef('a.parent_id', '=', 'l.id'))
    .select([
      'l.id',
      'l.reconsideration_id',
      sql<string | null>`case when a.id is null then l.outcome else a.outcome end`.as('outcome'),
      sql<string | null>`case when a.id is null then l.concluded_on::text else a.concluded_on::text end`.as(
        'concluded_on',
      ),
    ])
    .where(amongDisclosureCases(scope, cases, 'l', 'filed_on'))
    .where('l.instance', '=', 'first')
    .execute();
}
