import { type SqlBool, sql } from 'kysely';
import type { Db, Executor } from '../../../platform/db/types.js';
import {
  SINGLE_CHAR_SCAN,
  type SearchTerm,
  singleCharOnly,
} from '../../enforcement/publications/portal-rules.js';
import '../tables.js';
import { withOrg } from '../../org/org-store.js';

/**
 * What the public may read of the legality domain (no login, so no scope): published documents,
 * published catalogues and their decisions, open consultations and moderated comments. Name and
 * contact of a commenter are never selected here.
 */
export type PublicDocState = 'valid' | 'lapsed' | 'amended';

export interface PublicDocFilter {
  regionCode?: string | undefined;
  orgId?: string | undefined;
  state?: PublicDocState | undefined;
  year?: number | undefined;
  terms?: readonly SearchTerm[] | undefined;
}

/** One term on the generated columns of 0042_legality_portal.sql (trigram LIKE or bigram tsquery). */
export function docTermCondition(t: SearchTerm) {
  return t.kind === 'bigram'
    ? sql<SqlBool>`d.search_bigrams @@ ${t.tsquery}::tsquery`
    : sql<SqlBool>`d.search_text like ${t.pattern}`;
}

const lapsed = (today: string) =>
  sql<SqlBool>`(d.status in ('repealed', 'invalidated') or coalesce(d.valid_until >= ${today}, true) = false)`;

function publishedDocs(db: Executor, f: PublicDocFilter, today: string) {
  let q = db.selectFrom('legality_document as d').where('d.published_on', 'is not', null);
  if (f.regionCode) q = q.where('d.region_code', '=', f.regionCode);
  if (f.orgId) q = q.where('d.org_id', '=', f.orgId);
  if (f.year) q = q.where('d.number_year', '=', f.year);
  if (f.state === 'lapsed') q = q.where(lapsed(today));
  if (f.state === 'amended')
    q = q.where(sql<SqlBool>`not ${lapsed(today)}`).where('d.amended_on', 'is not', null);
  if (f.state === 'valid') q = q.where(sql<SqlBool>`not ${lapsed(today)}`).where('d.amended_on', 'is', null);
  return q;
}

const DOC_COLUMNS = [
  'd.id',
  'd.org_id',
  'd.title',
  'd.doc_number',
  'd.status',
  'd.published_on',
  'd.effective_on',
  'd.valid_until',
  'd.amended_on',
  'd.ended_on',
  'd.filing_outcome',
] as const;

/** The latest 清理 result of the document in the outer query (alias d). */
function cleanupColumns(_db: Executor) {
  return [
    sql<
      string | null
    >`(select x.outcome from legality_cleanup_result x where x.document_id = d.id order by x.decided_on desc limit 1)`.as(
      'cleanup_outcome',
    ),
    sql<
      string | null
    >`(select x.decided_on from legality_cleanup_result x where x.document_id = d.id order by x.decided_on desc limit 1)`.as(
      'cleanup_on',
    ),
  ] as const;
}

/**
 * One page of published documents, newest first, and the total. With search terms the page is
 * ordered by an expression so the planner takes the search indexes and sorts the hits (as the
 * publications portal does); single-character terms look through the newest SINGLE_CHAR_SCAN.
 */
export async function listPublicDocuments(
  db: Db,
  f: PublicDocFilter,
  today: string,
  page: { offset: number; limit: number },
) {
  const terms = f.terms ?? [];
  if (singleCharOnly(terms)) {
    const newest = publishedDocs(db, f, today)
      .select([...DOC_COLUMNS, 'd.search_text'])
      .orderBy('d.published_on', 'desc')
      .orderBy('d.id')
      .limit(SINGLE_CHAR_SCAN);
    let q = db.selectFrom(newest.as('d')).selectAll('d');
    for (const t of terms)
      q = q.where(sql<SqlBool>`d.search_text like ${t.kind === 'single' ? t.pattern : ''}`);
    const all = await q.orderBy('d.published_on', 'desc').orderBy('d.id').execute();
    const ids = all.slice(page.offset, page.offset + page.limit).map((r) => r.id as string);
    return { rows: await rowsByIds(db, ids), total: all.length };
  }
  let q = publishedDocs(db, f, today);
  for (const t of terms) q = q.where(docTermCondition(t));
  const [rows, count] = await Promise.all([
    q
      .select([...DOC_COLUMNS, ...cleanupColumns(db)])
      .orderBy(terms.length > 0 ? sql`d.published_on + 0` : sql`d.published_on`, 'desc')
      .orderBy('d.id')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

async function rowsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('legality_document as d')
    .select([...DOC_COLUMNS, ...cleanupColumns(db)])
    .where('d.id', 'in', ids)
    .orderBy('d.published_on', 'desc')
    .orderBy('d.id')
    .execute();
}
export type PublicDocRow = Awaited<ReturnType<typeof rowsByIds>>[number];

export async function findPublicDocument(db: Db, id: string) {
  const d = await withOrg(db, 'legality_document', 'd')
    .select([...DOC_COLUMNS, ...cleanupColumns(db), 'd.body', 'g.name as org_name', 'd.filed_on'])
    .where('d.id', '=', id)
    .where('d.published_on', 'is not', null)
    .executeTakeFirst();
  if (!d) return undefined;
  const cleanups = await db
    .selectFrom('legality_cleanup_result as x')
    .innerJoin('legality_cleanup as c', 'c.id', 'x.cleanup_id')
    .select(['c.name', 'x.outcome', 'x.reason', 'x.decided_on'])
    .where('x.document_id', '=', id)
    .orderBy('x.decided_on')
    .execute();
  return { ...d, cleanups };
}

export async function orgNames(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('org')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Published catalogues of a year, with their decisions (withdrawn ones kept: the adjustment is public). */
export async function publicCatalogues(db: Db, year: number, regionCode?: string) {
  let q = withOrg(db, 'legality_catalogue', 'c')
    .select(['c.id', 'c.year', 'c.published_on', 'c.channel', 'c.adjustment_count', 'g.name as org_name'])
    .where('c.status', '=', 'published')
    .where('c.year', '=', year);
  if (regionCode) q = q.where('c.region_code', '=', regionCode);
  const catalogues = await q.orderBy('g.name').execute();
  const decisions =
    catalogues.length === 0
      ? []
      : await db
          .selectFrom('legality_decision as d')
          .select([
            'd.id',
            'd.catalogue_id',
            'd.title',
            'd.category',
            'd.undertaking_org',
            'd.status',
            'd.comment_from',
            'd.comment_to',
            'd.decided_on',
            'd.published_on',
          ])
          .where(
            'd.catalogue_id',
            'in',
            catalogues.map((c) => c.id),
          )
          .orderBy('d.listed_on')
          .orderBy('d.id')
          .execute();
  return catalogues.map((c) => ({ ...c, decisions: decisions.filter((d) => d.catalogue_id === c.id) }));
}

export async function findPublicDecision(db: Db, id: string) {
  return db
    .selectFrom('legality_decision as d')
    .innerJoin('legality_catalogue as c', 'c.id', 'd.catalogue_id')
    .innerJoin('org as g', 'g.id', 'd.org_id')
    .leftJoin('legality_review as r', 'r.id', 'd.review_id')
    .selectAll('d')
    .select([
      'g.name as org_name',
      'r.conclusion as review_conclusion',
      'r.concluded_on as review_concluded_on',
    ])
    .where('d.id', '=', id)
    .where('c.status', '=', 'published')
    .executeTakeFirst();
}

export async function loadPublicDecisionLog(db: Db, id: string) {
  return db
    .selectFrom('legality_decision_event')
    .select(['action', 'occurred_on', 'data'])
    .where('decision_id', '=', id)
    .orderBy('seq')
    .execute();
}

/** A consultation as the public list shows it: the same columns of a document and of a decision. */
const CONSULTATION_LISTED = [
  'd.id',
  'd.title',
  'g.name as org_name',
  'd.comment_from',
  'd.comment_to',
] as const;

/** Drafts whose comment period overlaps [since, …): documents and decisions alike. */
export async function consultations(db: Db, since: string, regionCode?: string) {
  let docs = withOrg(db, 'legality_document', 'd')
    .select([sql<'document'>`'document'`.as('kind'), ...CONSULTATION_LISTED])
    .where('d.comment_to', '>=', since)
    .where('d.comment_from', 'is not', null);
  let decisions = withOrg(db, 'legality_decision', 'd')
    .select([sql<'decision'>`'decision'`.as('kind'), ...CONSULTATION_LISTED])
    .where('d.comment_to', '>=', since)
    .where('d.status', '!=', 'withdrawn');
  if (regionCode) {
    docs = docs.where('d.region_code', '=', regionCode);
    decisions = decisions.where('d.region_code', '=', regionCode);
  }
  const rows = [...(await docs.execute()), ...(await decisions.execute())];
  return rows.sort(
    (a, b) => (b.comment_from ?? '').localeCompare(a.comment_from ?? '') || a.id.localeCompare(b.id),
  );
}

export async function findConsultation(db: Executor, kind: 'document' | 'decision', id: string) {
  if (kind === 'document')
    return withOrg(db, 'legality_document', 'd')
      .select([
        'd.id',
        'd.region_code',
        'd.org_id',
        'd.title',
        'd.body',
        'g.name as org_name',
        'd.comment_from',
        'd.comment_to',
      ])
      .where('d.id', '=', id)
      .where('d.comment_from', 'is not', null)
      .executeTakeFirst();
  return withOrg(db, 'legality_decision', 'd')
    .select([
      'd.id',
      'd.region_code',
      'd.org_id',
      'd.title',
      sql<string>`''`.as('body'),
      'g.name as org_name',
      'd.comment_from',
      'd.comment_to',
    ])
    .where('d.id', '=', id)
    .where('d.comment_from', 'is not', null)
    .where('d.status', '!=', 'withdrawn')
    .executeTakeFirst();
}

/** Moderated comments of a consultation (body, reply, adoption; never name or contact) and the tallies. */
export async function publicComments(db: Db, subjectId: string) {
  const [shown, tally] = await Promise.all([
    db
      .selectFrom('legality_public_comment')
      .select(['receipt_no', 'body', 'submitted_on', 'adoption', 'reply'])
      .where('subject_id', '=', subjectId)
      .where('status', '=', 'shown')
      .orderBy('submitted_on')
      .orderBy('receipt_no')
      .limit(500)
      .execute(),
    db
      .selectFrom('legality_public_comment')
      .select(['status', 'adoption', (eb) => eb.fn.countAll<string>().as('n')])
      .where('subject_id', '=', subjectId)
      .groupBy(['status', 'adoption'])
      .execute(),
  ]);
  return { shown, tally: tally.map((t) => ({ status: t.status, adoption: t.adoption, n: Number(t.n) })) };
}
