import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/types.js';
import { ledgerQueries } from '../../../platform/db/ledger.js';
import type { DocumentStatus } from './schema.js';
import '../tables.js';
import { loadLogEntries } from '../action-log.js';
import { withOrg } from '../../org/org-store.js';

export interface DocumentFilter {
  q?: string | undefined;
  status?: DocumentStatus | undefined;
  orgId?: string | undefined;
  year?: number | undefined;
  /** published and not yet filed past the filing period on `today` */
  filingOverdue?: boolean | undefined;
}

export const documentSortColumns = {
  draftedOn: 'd.drafted_on',
  publishedOn: 'd.published_on',
  validUntil: 'd.valid_until',
  docNumber: 'd.doc_number',
  status: 'd.status',
  orgName: 'g.name',
} as const;

function baseQuery(db: Executor) {
  return withOrg(db, 'legality_document', 'd')
    .leftJoin('legality_review as r', 'r.id', 'd.review_id')
    .select([
      'd.id',
      'd.region_code',
      'd.org_id',
      'g.name as org_name',
      'd.drafting_org_id',
      'd.title',
      'd.provisional',
      'd.market_related',
      'd.status',
      'd.drafted_on',
      'd.comment_from',
      'd.comment_to',
      'd.comment_reason',
      'd.fair_competition_on',
      'd.review_id',
      'r.status as review_status',
      'r.conclusion as review_conclusion',
      'r.due_on as review_due_on',
      'd.deliberated_on',
      'd.meeting',
      'd.doc_number',
      'd.published_on',
      'd.effective_on',
      'd.effective_reason',
      'd.valid_until',
      'd.filed_on',
      'd.filing_receipt',
      'd.filing_late',
      'd.filing_late_reason',
      'd.filing_outcome',
      'd.filing_outcome_on',
      'd.amended_on',
      'd.ended_on',
      'd.version_count',
      'd.created_by',
      'd.version',
    ]);
}
export type DocumentRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

const documents = ledgerQueries<DocumentFilter, string>()({
  alias: 'd',
  rows: baseQuery,
  filter: { keyword: ['d.title', 'd.doc_number'], equals: ['status', 'orgId'] },
  // `at`: the publication day before which an unfiled document is past its filing period
  where: (q, f, filingCutoff) => {
    let out = q;
    if (f.year)
      out = out.where(sql<boolean>`extract(year from coalesce(d.published_on, d.drafted_on)) = ${f.year}`);
    if (f.filingOverdue) out = out.where('d.filed_on', 'is', null).where('d.published_on', '<', filingCutoff);
    return out;
  },
  // published and not yet filed first, the earliest 备案 deadline on top (逾期未报备 rises, then
  // 临期: the period is the same for every document, so the deadline follows publication); the rest newest first
  byDefault: (q) =>
    q
      .orderBy(sql`d.published_on is not null and d.filed_on is null`, 'desc')
      .orderBy(sql`case when d.filed_on is null then d.published_on end`)
      .orderBy('d.drafted_on', 'desc')
      .orderBy('d.id'),
});

export const listDocuments = documents.pageAt;
export const findDocumentRow = documents.find;

export const loadDocumentEvents = (db: Executor, id: string) => loadLogEntries(db, 'document', id);

export async function loadDocumentVersions(db: Executor, id: string) {
  return db
    .selectFrom('legality_document_version')
    .select(['seq', 'title', 'note', 'created_at', sql<number>`length(body)`.as('length')])
    .where('document_id', '=', id)
    .orderBy('seq')
    .execute();
}

export async function loadDocumentBody(db: Executor, id: string) {
  return (await db.selectFrom('legality_document').select('body').where('id', '=', id).executeTakeFirst())
    ?.body;
}
