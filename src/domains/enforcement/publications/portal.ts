import { enforcementError } from '../errors.js';
import type { Ctx } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/types.js';
import { invalid, notFound } from '../../../platform/errors.js';
import { authorize } from '../../org/policy.js';
import { type PenaltyKind, penaltyKindLabels } from '../cases/schema.js';
import { publicationDetailHtml, withdrawnHtml } from './portal-html.js';
import {
  type PortalKind,
  type PortalPublication,
  portalPublication,
  publicationFields,
  SINGLE_CHAR_NOTICE,
  searchTerms,
  singleCharOnly,
} from './portal-rules.js';
import { findCasePublication, findPublic, listPublished, publishedOrgs } from './portal-store.js';
import { withholdReason } from './rules.js';

export interface PortalSearch {
  q?: string | undefined;
  regionCode?: string | undefined;
  orgId?: string | undefined;
  kind?: PortalKind | undefined;
  penalty?: PenaltyKind | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface PortalList {
  items: PortalPublication[];
  total: number;
  /** set when the results are capped (a single-character search) */
  notice: string | null;
}

/** Published decisions for the public (no login): already masked content, newest first. */
export async function listPortalPublications(
  db: Db,
  f: PortalSearch,
  page: { offset: number; limit: number },
): Promise<PortalList> {
  if (f.from && f.to && f.from > f.to)
    throw invalid('enforcement.portalDateRange', '决定日期的起始日期不能晚于截止日期', 'from');
  const terms = searchTerms(f.q);
  const { rows, total } = await listPublished(
    db,
    { ...f, penalty: f.penalty ? penaltyKindLabels[f.penalty] : undefined, terms },
    page,
  );
  return {
    items: rows.flatMap((r) => (r.content ? [portalPublication(r, r.content)] : [])),
    total,
    notice: singleCharOnly(terms) ? SINGLE_CHAR_NOTICE : null,
  };
}

export const portalOrgs = (db: Db, regionCode?: string) => publishedOrgs(db, regionCode);

export type PortalDetail =
  | { withdrawn: false; item: PortalPublication; fields: { label: string; value: string }[] }
  | { withdrawn: true; id: string; withdrawnOn: string | null };

/** One decision's public page: its content, or only the date it was withdrawn. */
export async function getPortalPublication(db: Db, id: string): Promise<PortalDetail> {
  const r = await findPublic(db, id);
  if (!r) throw notFound('enforcement.publicationNotFound', '公示信息不存在或未公示');
  if (r.status === 'withdrawn') return { withdrawn: true, id: r.id, withdrawnOn: r.withdrawn_on };
  if (!r.content) throw notFound('enforcement.publicationNotFound', '公示信息不存在或未公示');
  const item = portalPublication(r, r.content);
  return { withdrawn: false, item, fields: publicationFields(item) };
}

/** The HTML of a public detail page (the same function renders the staff preview). */
export function portalDetailHtml(d: PortalDetail): string {
  return d.withdrawn ? withdrawnHtml(d.withdrawnOn) : publicationDetailHtml(d.item);
}

export interface PublicationPreview {
  publishable: boolean;
  reason: string | null;
  fields: { label: string; value: string }[];
  html: string;
}

/**
 * Exactly what the public sees (or will see once published) of a case's decision: the masked
 * content through the portal's own field list and renderer. A case outside the user's scope is
 * not found; a minor's case, an undecided case and a withheld decision show nothing.
 */
export async function previewCasePublication(ctx: Ctx, caseId: string): Promise<PublicationPreview> {
  authorize(ctx.actor, 'enforcement:case:list');
  const r = await findCasePublication(ctx.db, ctx.scope, caseId);
  if (!r) throw enforcementError('enforcement.caseNotFound');
  const hidden = (reason: string, html = ''): PublicationPreview => ({
    publishable: false,
    reason,
    fields: [],
    html,
  });
  const minor = withholdReason({ partyMinor: r.party_minor });
  if (minor) return hidden(minor);
  if (!r.id || !r.org_id) return hidden('案件尚未作出决定,暂无公示内容');
  if (r.status === 'withheld') return hidden(r.withheld_reason ?? '该决定不予公开');
  if (r.status === 'withdrawn')
    return hidden(
      r.withdrawn_on ? `公示信息已于 ${r.withdrawn_on} 撤回` : '公示信息已撤回',
      withdrawnHtml(r.withdrawn_on),
    );
  if (!r.content) return hidden('该决定没有可公示的内容');
  const item = portalPublication(
    { id: r.id, category: r.category, org_id: r.org_id, published_on: r.published_on },
    r.content as PortalContent,
  );
  return {
    publishable: true,
    reason: null,
    fields: publicationFields(item),
    html: publicationDetailHtml(item),
  };
}

type PortalContent = Parameters<typeof portalPublication>[1];
