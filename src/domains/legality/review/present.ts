import type { LocalDate, WorkCalendar } from '../../../platform/calendar/index.js';
import { provisionalReason } from '../../../platform/clock/index.js';
import {
  type Adoption,
  allowedReviewActions,
  type Conclusion,
  type ReviewAction,
  type ReviewKind,
  type ReviewLogEntry,
  type ReviewStatus,
} from './schema.js';
import {
  adoptionLabels,
  conclusionLabels,
  reviewActionLabels,
  reviewKindLabels,
  reviewStatusLabels,
} from './labels.js';
import type { ReviewRow } from './store.js';

export const dueStateLabels = {
  normal: '正常',
  dueSoon: '临期',
  overdue: '逾期',
  paused: '待补充材料(暂停计时)',
  onTime: '按期办结',
  late: '超期办结',
  closed: '已撤回',
} as const;
export type DeskDueState = keyof typeof dueStateLabels;

/** The row's due state from its stored dates (the SQL filter uses the same columns). */
export function storedDueState(r: ReviewRow, today: LocalDate): DeskDueState {
  if (r.status === 'withdrawn') return 'closed';
  if (r.concluded_on) return r.due_on && r.concluded_on <= r.due_on ? 'onTime' : 'late';
  if (!r.due_on) return 'paused';
  if (today > r.due_on) return 'overdue';
  if (r.due_soon_on && today >= r.due_soon_on) return 'dueSoon';
  return 'normal';
}

export interface ReviewSummary {
  id: string;
  orgId: string;
  orgName: string;
  kind: ReviewKind;
  kindLabel: string;
  title: string;
  subjectId: string | null;
  itemCount: number;
  submittedOn: string;
  status: ReviewStatus;
  statusLabel: string;
  conclusion: Conclusion | null;
  conclusionLabel: string | null;
  concludedOn: string | null;
  dueOn: string | null;
  /** why dueOn is provisional (counted across a year whose holiday arrangement is not published), or null */
  dueProvisionalReason: string | null;
  extended: boolean;
  pausedSince: string | null;
  dueState: DeskDueState;
  dueStateLabel: string;
  opinionCount: number;
  version: number;
}

export function presentReview(r: ReviewRow, today: LocalDate, calendar: WorkCalendar): ReviewSummary {
  const kind = r.kind as ReviewKind;
  const status = r.status as ReviewStatus;
  const conclusion = r.conclusion as Conclusion | null;
  const due = storedDueState(r, today);
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    kind,
    kindLabel: reviewKindLabels[kind],
    title: r.title,
    subjectId: r.subject_id,
    itemCount: r.item_count,
    submittedOn: r.submitted_on,
    status,
    statusLabel: reviewStatusLabels[status],
    conclusion,
    conclusionLabel: conclusion ? conclusionLabels[conclusion] : null,
    concludedOn: r.concluded_on,
    dueOn: r.due_on,
    dueProvisionalReason: provisionalReason(calendar, r.due_on, r.submitted_on),
    extended: r.extended,
    pausedSince: r.paused_since,
    dueState: due,
    dueStateLabel: dueStateLabels[due],
    opinionCount: r.opinion_count,
    version: r.version,
  };
}

export interface ReviewDetail extends ReviewSummary {
  materials: { name: string; sha256?: string | undefined }[];
  reviewers: { kind: string; name: string; adviserId?: string | undefined }[];
  periodWorkdays: number;
  extensionWorkdays: number;
  pausedDays: number;
  timeline: { action: string; actionLabel: string; date: string; actorName: string; reason: string | null }[];
  opinions: {
    id: string;
    seq: number;
    body: string;
    adoption: Adoption | null;
    adoptionLabel: string | null;
    adoptionReason: string;
    answeredOn: string | null;
  }[];
  allowedActions: { action: ReviewAction; label: string }[];
}

export function presentReviewDetail(
  r: ReviewRow,
  log: { entry: ReviewLogEntry; actorName: string }[],
  opinions: {
    id: string;
    seq: number;
    body: string;
    adoption: string | null;
    adoption_reason: string;
    answered_on: string | null;
  }[],
  today: LocalDate,
  _dueSoonDays: number,
  calendar: WorkCalendar,
): ReviewDetail {
  const status = r.status as ReviewStatus;
  const extendedAlready = r.extended;
  return {
    ...presentReview(r, today, calendar),
    materials: r.materials,
    reviewers: r.reviewers,
    periodWorkdays: r.period_workdays,
    extensionWorkdays: r.extension_workdays,
    pausedDays: r.paused_days,
    timeline: log.map((l) => ({
      action: l.entry.action,
      actionLabel: reviewActionLabels[l.entry.action],
      date: l.entry.date,
      actorName: l.actorName,
      reason: l.entry.data.reason ?? null,
    })),
    opinions: opinions.map((o) => ({
      id: o.id,
      seq: o.seq,
      body: o.body,
      adoption: o.adoption as Adoption | null,
      adoptionLabel: o.adoption ? adoptionLabels[o.adoption as Adoption] : null,
      adoptionReason: o.adoption_reason,
      answeredOn: o.answered_on,
    })),
    allowedActions: (allowedReviewActions[status] as readonly ReviewAction[])
      .filter((a) => !(a === 'extend' && extendedAlready))
      .filter((a) => !(a === 'answer' && opinions.length === 0))
      .map((a) => ({ action: a, label: reviewActionLabels[a] })),
  };
}
