import { type SqlBool, sql } from 'kysely';
import type { Scope } from '../../../platform/context.js';
import type { Db, Executor } from '../../../platform/db/types.js';
import { pageTotal, totalOver } from '../../../platform/paging.js';
import { inScope } from '../../../platform/scope.js';
import { type PortalKind, SINGLE_CHAR_SCAN, type SearchTerm, singleCharOnly } from './portal-rules.js';
import type { PublicationContent } from './rules.js';
import '../tables.js';

/** The portal's filters; `terms` come from searchTerms(). */
export interface PortalFilter {
  regionCode?: string | undefined;
  orgId?: string | undefined;
  kind?: PortalKind | undefined;
  /** a 处罚种类 label as stored in the content ('罚款') */
  penalty?: string | undefined;
  /** 决定日期 range, inclusive */
  from?: string | undefined;
  to?: string | undefined;
  terms?: readonly SearchTerm[] | undefined;
}

export interface PortalRow {
  id: string;
  org_id: string;
  category: string;
  published_on: string | null;
  withdrawn_on: string | null;
  status: string;
  content: PublicationContent | null;
}

/**
 * The search condition of one term, on the generated columns of 0016_publication_search.sql.
 * Exported for the EXPLAIN test that shows each kind uses its index.
 */
export function termCondition(t: SearchTerm) {
  return t.kind === 'bigram'
    ? sql<SqlBool>`p.search_bigrams @@ ${t.tsquery}::tsquery`
    : sql<SqlBool>`p.search_text like ${t.pattern}`;
}

const PORTAL_COLUMNS = [
  'p.id',
  'p.org_id',
  'c.category',
  'p.published_on',
  'p.withdrawn_on',
  'p.status',
  'p.content',
] as const;

/**
 * Published decisions as the public may see them (no login, so no scope): status published,
 * never a minor's case (浙江省…暂行办法 第五条; withheld items have no content anyway).
 */
function filtered(db: Executor, f: PortalFilter) {
  let q = db
    .selectFrom('enforcement_publication as p')
    .innerJoin('enforcement_case as c', 'c.id', 'p.case_id')
    .where('p.status', '=', 'published')
    .where('c.party_minor', '=', false)
    .where('p.content', 'is not', null);
  if (f.regionCode) q = q.where('p.region_code', '=', f.regionCode);
  if (f.orgId) q = q.where('p.org_id', '=', f.orgId);
  if (f.kind) q = q.where('c.category', '=', f.kind);
  if (f.from) q = q.where('p.decided_on', '>=', f.from);
  if (f.to) q = q.where('p.decided_on', '<=', f.to);
  if (f.penalty) q = q.where(sql<SqlBool>`p.content->'penalties' @> ${JSON.stringify([f.penalty])}::jsonb`);
  return q;
}

/** The portal's search query with every filter and term (the EXPLAIN test plans it). */
export function publishedQuery(db: Executor, f: PortalFilter) {
  let q = filtered(db, f);
  for (const t of f.terms ?? []) q = q.where(termCondition(t));
  return q.select(PORTAL_COLUMNS);
}

/**
 * One page of the search, newest publication first. With search terms it is ordered by an
 * expression the newest-first index cannot serve, so the planner takes the search indexes and
 * sorts the hits: ordered by the column, it guessed 0.5% hits for an unseen bigram and walked
 * that index filtering row by row (156 ms instead of 5 ms at 100,000 rows on PostgreSQL, and the
 * whole table for a rare term). The total counts every hit anyway.
 */
export function publishedPage(db: Executor, f: PortalFilter, page: { offset: number; limit: number }) {
  const searching = (f.terms ?? []).length > 0;
  return publishedQuery(db, f)
    .orderBy(searching ? sql`p.published_on + 0` : sql`p.published_on`, 'desc')
    .orderBy('p.id')
    .offset(page.offset)
    .limit(page.limit);
}

/**
 * The same conditions for counting. The case is joined only to filter by kind: a minor's
 * decision is withheld when it is made and a withheld item is never published
 * (publishPublications), so status 'published' already excludes it; the page itself keeps the
 * join as a second guard. Counting 100,000 rows through the join took seconds on PGlite.
 */
function countQuery(db: Executor, f: PortalFilter) {
  let q = db
    .selectFrom('enforcement_publication as p')
    .where('p.status', '=', 'published')
    .where('p.content', 'is not', null);
  if (f.kind)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('enforcement_case as c')
          .select('c.id')
          .whereRef('c.id', '=', 'p.case_id')
          .where('c.category', '=', f.kind ?? ''),
      ),
    );
  if (f.regionCode) q = q.where('p.region_code', '=', f.regionCode);
  if (f.orgId) q = q.where('p.org_id', '=', f.orgId);
  if (f.from) q = q.where('p.decided_on', '>=', f.from);
  if (f.to) q = q.where('p.decided_on', '<=', f.to);
  if (f.penalty) q = q.where(sql<SqlBool>`p.content->'penalties' @> ${JSON.stringify([f.penalty])}::jsonb`);
  for (const t of f.terms ?? []) q = q.where(termCondition(t));
  return q.select((eb) => eb.fn.countAll<string>().as('n'));
}

/**
 * One page of published decisions, newest publication first, and the total, in one round trip.
 * Single-character searches cannot use an index: they look through the newest
 * SINGLE_CHAR_SCAN items only, which bounds the scan whatever the table's size.
 */
export async function listPublished(
  db: Db,
  f: PortalFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: PortalRow[]; total: number }> {
  if (singleCharOnly(f.terms ?? [])) return listNewestMatching(db, f, page);
  const rows = await db
    .with('total', () => countQuery(db, f))
    .with('pg', () => publishedPage(db, f, page))
    .selectFrom('total')
    .leftJoin('pg', (join) => join.onTrue())
    .selectAll('pg')
    .select('total.n')
    .orderBy('pg.published_on', 'desc')
    .orderBy('pg.id')
    .execute();
  // the left join yields one row of nulls with the total when the page is empty
  const items = rows.flatMap(({ id, org_id, category, status, ...r }) =>
    id && org_id && category && status ? [toRow({ ...r, id, org_id, category, status })] : [],
  );
  return { rows: items, total: Number(rows[0]?.n ?? 0) };
}

async function listNewestMatching(db: Db, f: PortalFilter, page: { offset: number; limit: number }) {
  const newest = filtered(db, f)
    .select([...PORTAL_COLUMNS, sql<string>`p.search_text`.as('search_text')])
    .orderBy('p.published_on', 'desc')
    .orderBy('p.id')
    .limit(SINGLE_CHAR_SCAN);
  let q = db.selectFrom(newest.as('p')).selectAll('p');
  for (const t of f.terms ?? []) q = q.where(termCondition(t));
  const rows = await q
    .select(totalOver())
    .orderBy('p.published_on', 'desc')
    .orderBy('p.id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  const total = await pageTotal(rows, page.offset, async () => {
    const n = await db
      .selectFrom(q.as('m'))
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(n.n);
  });
  return { rows: rows.map(toRow), total };
}

/** The row as the query reads it: the 公示 content is the jsonb the publication stored. */
function toRow(r: Omit<PortalRow, 'content'> & { content: unknown }): PortalRow {
  return {
    id: r.id,
    org_id: r.org_id,
    category: r.category,
    published_on: r.published_on,
    withdrawn_on: r.withdrawn_on,
    status: r.status,
    content: (r.content as PublicationContent | null) ?? null,
  };
}

/**
 * A publication the public can open: published, or withdrawn after it was published (its page
 * then says so, without the content). Pending, withheld and minors' items are not found.
 */
export async function findPublic(db: Db, id: string): Promise<PortalRow | undefined> {
  const r = await db
    .selectFrom('enforcement_publication as p')
    .innerJoin('enforcement_case as c', 'c.id', 'p.case_id')
    .where('p.id', '=', id)
    .where('p.status', 'in', ['published', 'withdrawn'])
    .where('p.published_on', 'is not', null)
    .where('c.party_minor', '=', false)
    .select(['p.id', 'p.org_id', 'c.category', 'p.published_on', 'p.withdrawn_on', 'p.status', 'p.content'])
    .executeTakeFirst();
  return r ? toRow(r) : undefined;
}

/** The orgs that have published decisions (the portal's 部门 filter). */
export async function publishedOrgs(db: Db, regionCode?: string): Promise<{ id: string; name: string }[]> {
  let q = db
    .selectFrom('org as o')
    .select(['o.id', 'o.name'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('enforcement_publication as p')
          .select('p.id')
          .whereRef('p.org_id', '=', 'o.id')
          .where('p.status', '=', 'published'),
      ),
    );
  if (regionCode) q = q.where('o.region_code', '=', regionCode);
  return q.orderBy('o.name').execute();
}

/** The case and its publication for a staff preview, inside the user's scope. */
export async function findCasePublication(db: Executor, scope: Scope, caseId: string) {
  return db
    .selectFrom('enforcement_case as c')
    .leftJoin('enforcement_publication as p', 'p.case_id', 'c.id')
    .where('c.id', '=', caseId)
    .where(inScope(scope, 'c'))
    .select([
      'c.id as case_id',
      'c.category',
      'c.party_minor',
      'p.id',
      'p.org_id',
      'p.status',
      'p.withheld_reason',
      'p.published_on',
      'p.withdrawn_on',
      'p.content',
    ])
    .executeTakeFirst();
}

export interface CreditFilter {
  kind: PortalKind;
  orgId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Published decisions in scope for the 双公示 export, in decision-date order, 1,000 at a time. */
export async function* iterateCreditRows(db: Executor, scope: Scope, f: CreditFilter) {
  const size = 1000;
  for (let offset = 0; ; offset += size) {
    let q = db
      .selectFrom('enforcement_publication as p')
      .innerJoin('enforcement_case as c', 'c.id', 'p.case_id')
      .innerJoin('org as o', 'o.id', 'p.org_id')
      .leftJoin('power_item as pi', 'pi.id', 'c.power_item_id')
      .where(inScope(scope, 'p'))
      .where('p.status', '=', 'published')
      .where('c.party_minor', '=', false)
      .where('c.category', '=', f.kind);
    if (f.orgId) q = q.where('p.org_id', '=', f.orgId);
    if (f.from) q = q.where('p.decided_on', '>=', f.from);
    if (f.to) q = q.where('p.decided_on', '<=', f.to);
    const rows = await q
      .select([
        'p.id',
        'p.content',
        'p.published_on',
        'c.party_kind',
        'o.name as org_name',
        'o.uscc as org_uscc',
        'pi.name as power_name',
      ])
      .orderBy('p.decided_on')
      .orderBy('p.id')
      .offset(offset)
      .limit(size)
      .execute();
    for (const r of rows) yield { ...r, content: r.content as PublicationContent };
    if (rows.length < size) return;
  }
}
