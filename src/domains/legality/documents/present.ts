import type { TimelineEntry } from '../action-log.js';
import type { LocalDate } from '../../../platform/calendar/index.js';
import type { Executor } from '../../../platform/db/types.js';
import type { Conclusion } from '../review/schema.js';
import { conclusionLabels } from '../review/labels.js';
import { reviewPassed } from '../review/rules.js';
import { filingDue, publicState, publicStateLabels, validityState } from './rules.js';
import {
  allowedDocumentActions,
  type DocumentAction,
  type DocumentStatus,
  type FilingOutcome,
} from './schema.js';
import { documentActionLabels, documentStatusLabels, filingOutcomeLabels } from './labels.js';
import { type DocumentRow, loadDocumentEvents, loadDocumentVersions } from './store.js';

export type FilingState = 'notDue' | 'pending' | 'dueSoon' | 'overdue' | 'filed' | 'filedLate';
export const filingStateLabels = {
  notDue: '—',
  pending: '待报备',
  dueSoon: '报备临期',
  overdue: '逾期未报备',
  filed: '已按期报备',
  filedLate: '逾期报备',
} as const satisfies Record<FilingState, string>;

export function filingState(d: DocumentRow, today: LocalDate, filingDays: number): FilingState {
  if (!d.published_on) return 'notDue';
  if (d.filed_on) return d.filing_late ? 'filedLate' : 'filed';
  const due = filingDue(d.published_on, filingDays);
  if (today > due) return 'overdue';
  return due <= today || Date.parse(due) - Date.parse(today) <= 5 * 86400_000 ? 'dueSoon' : 'pending';
}

export interface DocumentSummary {
  id: string;
  orgId: string;
  orgName: string;
  title: string;
  status: DocumentStatus;
  statusLabel: string;
  docNumber: string | null;
  draftedOn: string;
  publishedOn: string | null;
  effectiveOn: string | null;
  validUntil: string | null;
  validity: string | null;
  filedOn: string | null;
  filingDue: string | null;
  filingState: FilingState;
  filingStateLabel: string;
  filingOutcomeLabel: string | null;
  reviewConclusionLabel: string | null;
  publicStateLabel: string | null;
  marketRelated: boolean;
  provisional: boolean;
  version: number;
}

const validityLabels = { valid: '有效', expiringSoon: '即将到期', expired: '已到期' } as const;

export function presentDocument(d: DocumentRow, today: LocalDate, filingDays: number): DocumentSummary {
  const status = d.status as DocumentStatus;
  const fs = filingState(d, today, filingDays);
  return {
    id: d.id,
    orgId: d.org_id,
    orgName: d.org_name,
    title: d.title,
    status,
    statusLabel: documentStatusLabels[status],
    docNumber: d.doc_number,
    draftedOn: d.drafted_on,
    publishedOn: d.published_on,
    effectiveOn: d.effective_on,
    validUntil: d.valid_until,
    validity:
      d.valid_until && status === 'published' ? validityLabels[validityState(d.valid_until, today)] : null,
    filedOn: d.filed_on,
    filingDue: d.published_on ? filingDue(d.published_on, filingDays) : null,
    filingState: fs,
    filingStateLabel: filingStateLabels[fs],
    filingOutcomeLabel: d.filing_outcome ? filingOutcomeLabels[d.filing_outcome as FilingOutcome] : null,
    reviewConclusionLabel: d.review_conclusion ? conclusionLabels[d.review_conclusion as Conclusion] : null,
    publicStateLabel: d.published_on ? publicStateLabels[publicState(d, today)] : null,
    marketRelated: d.market_related,
    provisional: d.provisional,
    version: d.version,
  };
}

export interface DocumentDetail extends DocumentSummary {
  body: string;
  commentFrom: string | null;
  commentTo: string | null;
  commentReason: string;
  fairCompetitionOn: string | null;
  reviewId: string | null;
  reviewStatus: string | null;
  deliberatedOn: string | null;
  meeting: string;
  filingReceipt: string;
  filingLateReason: string;
  effectiveReason: string;
  /** the gates and what is still missing, in the order of the lifecycle */
  gates: { step: string; done: boolean; note: string }[];
  timeline: TimelineEntry[];
  versions: { seq: number; title: string; note: string; length: number; createdAt: Date }[];
  allowedActions: { action: DocumentAction; label: string }[];
}

export async function presentDocumentDetail(
  db: Executor,
  d: DocumentRow,
  today: LocalDate,
  filingDays: number,
): Promise<DocumentDetail> {
  const [events, versions, body] = await Promise.all([
    loadDocumentEvents(db, d.id),
    loadDocumentVersions(db, d.id),
    db.selectFrom('legality_document').select('body').where('id', '=', d.id).executeTakeFirstOrThrow(),
  ]);
  const status = d.status as DocumentStatus;
  const passed = reviewPassed(d.review_conclusion);
  const gates = [
    {
      step: '公开征求意见',
      done: d.comment_to !== null,
      note: d.comment_to ? `${d.comment_from} 至 ${d.comment_to}` : '未征求意见',
    },
    ...(d.market_related
      ? [
          {
            step: '公平竞争审查',
            done: d.fair_competition_on !== null,
            note: d.fair_competition_on ?? '涉及市场主体,须审查',
          },
        ]
      : []),
    {
      step: '合法性审核',
      done: passed,
      note: d.review_conclusion
        ? conclusionLabels[d.review_conclusion as Conclusion]
        : d.review_id
          ? '审核中'
          : '未报送',
    },
    {
      step: '集体审议',
      done: d.deliberated_on !== null,
      note: d.deliberated_on ? `${d.deliberated_on} ${d.meeting}` : '未审议',
    },
    { step: '统一编号公布', done: d.published_on !== null, note: d.doc_number ?? '未公布' },
    {
      step: '报送备案',
      done: d.filed_on !== null,
      note: d.filed_on ? `${d.filed_on}${d.filing_late ? '(逾期)' : ''}` : '未报备',
    },
  ];
  return {
    ...presentDocument(d, today, filingDays),
    body: body.body,
    commentFrom: d.comment_from,
    commentTo: d.comment_to,
    commentReason: d.comment_reason,
    fairCompetitionOn: d.fair_competition_on,
    reviewId: d.review_id,
    reviewStatus: d.review_status,
    deliberatedOn: d.deliberated_on,
    meeting: d.meeting,
    filingReceipt: d.filing_receipt,
    filingLateReason: d.filing_late_reason,
    effectiveReason: d.effective_reason,
    gates,
    timeline: events.map((e) => ({
      action: e.action,
      actionLabel: documentActionLabels[e.action as DocumentAction] ?? e.action,
      date: e.occurred_on,
      actorName: e.actor_name,
      data: e.data,
    })),
    versions: versions.map((v) => ({
      seq: v.seq,
      title: v.title,
      note: v.note,
      length: Number(v.length),
      createdAt: v.created_at,
    })),
    allowedActions: (allowedDocumentActions[status] as readonly DocumentAction[]).map((a) => ({
      action: a,
      label: documentActionLabels[a],
    })),
  };
}
