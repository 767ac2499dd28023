import { sql } from 'kysely';
import type { Scope } from '../../../platform/context.js';
import type { Executor } from '../../../platform/db/types.js';
import { ledgerQueries } from '../../../platform/db/ledger.js';
import type { PageRequest } from '../../../platform/paging.js';
import type { AdviserKind, AppointedBy } from './schema.js';
import '../tables.js';
import { withOrg } from '../../org/org-store.js';

export interface AdviserFilter {
  q?: string | undefined;
  kind?: AdviserKind | undefined;
  appointedBy?: AppointedBy | undefined;
  orgId?: string | undefined;
  active?: boolean | undefined;
}

function baseQuery(db: Executor) {
  return withOrg(db, 'legality_adviser', 'a').select([
    'a.id',
    'a.region_code',
    'a.org_id',
    'g.name as org_name',
    'a.kind',
    'a.party',
    'a.name',
    'a.firm',
    'a.appointed_by',
    'a.village',
    'a.contract_from',
    'a.contract_to',
    'a.certificate_no',
    'a.fields',
    'a.team',
    'a.active',
    'a.version',
    sql<number>`(select coalesce(sum(w.count), 0) from legality_adviser_work w where w.adviser_id = a.id)`.as(
      'work_count',
    ),
  ]);
}
export type AdviserRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

const advisers = ledgerQueries<AdviserFilter>()({
  alias: 'a',
  rows: baseQuery,
  filter: { keyword: ['a.name', 'a.firm', 'a.village'], equals: ['kind', 'appointedBy', 'orgId', 'active'] },
  byDefault: (q) => q.orderBy('a.kind').orderBy('g.name').orderBy('a.name').orderBy('a.id'),
});

/** A page of the register in its own order (it offers no sort). */
export const listAdvisers = (db: Executor, scope: Scope, f: AdviserFilter, page: PageRequest) =>
  advisers.page(db, scope, f, page, null);
export const findAdviserRow = advisers.find;

export async function listWork(db: Executor, adviserId: string) {
  return db
    .selectFrom('legality_adviser_work')
    .select(['id', 'kind', 'occurred_on', 'title', 'count', 'source', 'review_id'])
    .where('adviser_id', '=', adviserId)
    .orderBy('occurred_on', 'desc')
    .limit(500)
    .execute();
}
