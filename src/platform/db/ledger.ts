import { type SelectQueryBuilder, sql } from 'kysely';
import type { Scope } from '../context.js';
import {
  inBatches,
  type ListSort,
  ledgerPage,
  type PageRequest,
  sortedBy,
  sortedPageWithTotal,
} from '../paging.js';
import { inScope } from '../scope.js';
import { type FilterSpec, whereFilter } from './filters.js';
import type { Executor } from './types.js';

type Query<DB, TB extends keyof DB, O> = SelectQueryBuilder<DB, TB, O>;

/**
 * A ledger as data: what its records are (the select list), what its list is filtered by, its
 * default order and its export's order. `ledgerQueries` builds from it the queries every ledger
 * store wrote by hand — the filtered list in the reader's scope, a page with its total, the
 * export in batches, one record by id in scope — so a store states only its columns.
 */
export interface LedgerSpec<DB, TB extends keyof DB, O, F extends object, A> {
  /** the ledger table's alias: the scope, the filter's equalities and the id are its columns */
  alias: string;
  /** FROM, joins and the select list: a record as every read of the ledger sees it */
  rows: (db: Executor) => Query<DB, TB, O>;
  /** the filter's keyword, equalities and date range (`whereFilter`) */
  filter: FilterSpec<F>;
  /** what `filter` cannot state (due states, years), on the list's `at` (today, now) */
  where?: (q: Query<DB, TB, O>, f: F, at: A) => Query<DB, TB, O>;
  /** the list's order when the reader chose none; it ends on a unique column */
  byDefault: (q: Query<DB, TB, O>) => Query<DB, TB, O>;
  /** the export's order: this column, then the id (without it, `byDefault`) */
  exportOrder?: string;
}

/** No `at` argument: what a ledger without `at` passes (and one with `at` cannot). */
type NoAt<A> = undefined extends A ? [] : [never];

/**
 * The queries of a ledger (`LedgerSpec`). Each condition comes in the order the stores wrote it:
 * the scope, then the filter (`whereFilter`), then `where`; the reader's sort breaks ties on the
 * id. `F` is the list's filter; `A` what its `where` reads besides the filter (a day, an instant),
 * given as `at` right after the filter (`pageAt`, `exportAt`); a ledger without one uses `page`
 * and `export`.
 */
export function ledgerQueries<F extends object, A = undefined>() {
  return <DB, TB extends keyof DB, O>(spec: LedgerSpec<DB, TB, O, F, A>) => {
    const id = `${spec.alias}.id`;
    const filtered = (db: Executor, scope: Scope, f: F, at: A) => {
      const q = whereFilter(spec.rows(db).where(inScope(scope, spec.alias)), spec.alias, f, spec.filter);
      return spec.where ? spec.where(q, f, at) : q;
    };
    const pageAt = (db: Executor, scope: Scope, f: F, at: A, page: PageRequest, sort: ListSort | null) =>
      sortedPageWithTotal(filtered(db, scope, f, at), page, sort, id, spec.byDefault);
    const exportAt = (db: Executor, scope: Scope, f: F, at: A) => {
      const q = filtered(db, scope, f, at);
      return inBatches(
        spec.exportOrder ? q.orderBy(sql.ref(spec.exportOrder)).orderBy(sql.ref(id)) : spec.byDefault(q),
      );
    };
    // a ledger without `at` has `A` undefined (NoAt forbids the call otherwise)
    const none = undefined as A;
    return {
      filtered,
      /** A page of a small ledger and its total in one query (`sortedPageWithTotal`). */
      pageAt,
      page: (db: Executor, scope: Scope, f: F, page: PageRequest, sort: ListSort | null, ..._: NoAt<A>) =>
        pageAt(db, scope, f, none, page, sort),
      /** A page of a big ledger and its capped total (`ledgerPage`: `listTotal` counts it). */
      ledgerPageAt: (db: Executor, scope: Scope, f: F, at: A, page: PageRequest, sort: ListSort | null) =>
        ledgerPage(db, filtered(db, scope, f, at), page, (q) =>
          sort ? sortedBy(q, sort, id) : spec.byDefault(q),
        ),
      /** The whole filtered ledger in batches (the Excel export streams it). */
      exportAt,
      export: (db: Executor, scope: Scope, f: F, ..._: NoAt<A>) => exportAt(db, scope, f, none),
      /** One record by id, when it is in the scope (else undefined: the service answers 404). */
      find: (db: Executor, scope: Scope, recordId: string) =>
        spec.rows(db).where(sql.ref(id), '=', recordId).where(inScope(scope, spec.alias)).executeTakeFirst(),
    };
  };
}
