import type { Scope } from '../../../platform/context.js';
import type { Executor } from '../../../platform/db/types.js';
import { ledgerQueries } from '../../../platform/db/ledger.js';
import type { PageRequest } from '../../../platform/paging.js';
import { inScope } from '../../../platform/scope.js';
import type { DecisionAction, DecisionStatus } from './schema.js';
import type { DecisionLogEntry } from './rules.js';
import '../tables.js';
import { loadLogEntries } from '../action-log.js';
import { withOrg } from '../../org/org-store.js';

export interface DecisionFilter {
  q?: string | undefined;
  year?: number | undefined;
  status?: DecisionStatus | undefined;
  orgId?: string | undefined;
  catalogueId?: string | undefined;
}

function baseQuery(db: Executor) {
  return withOrg(db, 'legality_decision', 'd')
    .innerJoin('legality_catalogue as c', 'c.id', 'd.catalogue_id')
    .leftJoin('legality_review as r', 'r.id', 'd.review_id')
    .select([
      'd.id',
      'd.region_code',
      'd.org_id',
      'g.name as org_name',
      'd.catalogue_id',
      'c.status as catalogue_status',
      'd.year',
      'd.title',
      'd.category',
      'd.market_related',
      'd.undertaking_org',
      'd.listed_on',
      'd.status',
      'd.comment_from',
      'd.comment_to',
      'd.comment_count',
      'd.hearing_on',
      'd.expert_on',
      'd.risk_on',
      'd.risk_level',
      'd.waived',
      'd.review_id',
      'r.status as review_status',
      'r.conclusion as review_conclusion',
      'r.concluded_on as review_concluded_on',
      'd.discussed_on',
      'd.meeting',
      'd.decided_on',
      'd.published_on',
      'd.archived_on',
      'd.executing_from',
      'd.evaluated_on',
      'd.evaluation_count',
      'd.version',
    ]);
}
export type DecisionRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

const decisions = ledgerQueries<DecisionFilter>()({
  alias: 'd',
  rows: baseQuery,
  filter: { keyword: ['d.title'], equals: ['year', 'status', 'orgId', 'catalogueId'] },
  byDefault: (q) => q.orderBy('d.year', 'desc').orderBy('d.listed_on').orderBy('d.id'),
});

/** A page of the register in its own order (it offers no sort). */
export const listDecisions = (db: Executor, scope: Scope, f: DecisionFilter, page: PageRequest) =>
  decisions.page(db, scope, f, page, null);
export const findDecisionRow = decisions.find;

export async function loadDecisionLog(db: Executor, id: string) {
  const rows = await loadLogEntries(db, 'decision', id);
  return rows.map((r) => ({
    action: r.action as DecisionAction,
    date: r.occurred_on,
    data: r.data,
    actorName: r.actor_name,
  })) satisfies (DecisionLogEntry & { actorName: string })[];
}

export async function findCatalogueRow(db: Executor, scope: Scope, id: string) {
  return withOrg(db, 'legality_catalogue', 'c')
    .selectAll('c')
    .select('g.name as org_name')
    .where('c.id', '=', id)
    .where(inScope(scope, 'c'))
    .executeTakeFirst();
}
export type CatalogueRow = NonNullable<Awaited<ReturnType<typeof findCatalogueRow>>>;

export async function listCatalogues(db: Executor, scope: Scope, year?: number) {
  let q = withOrg(db, 'legality_catalogue', 'c')
    .selectAll('c')
    .select('g.name as org_name')
    .select((eb) =>
      eb
        .selectFrom('legality_decision as d')
        .whereRef('d.catalogue_id', '=', 'c.id')
        .where('d.status', '!=', 'withdrawn')
        .select(eb.fn.countAll<string>().as('n'))
        .as('item_count'),
    )
    .where(inScope(scope, 'c'));
  if (year) q = q.where('c.year', '=', year);
  return q.orderBy('c.year', 'desc').orderBy('g.name').limit(200).execute();
}

export const loadCatalogueEvents = (db: Executor, id: string) => loadLogEntries(db, 'catalogue', id);
