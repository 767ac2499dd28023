import { chinaDate } from '../../../platform/context.js';
import type { WorkCalendar } from '../../../platform/calendar/index.js';
import { provisionalReason } from '../../../platform/clock/index.js';
import {
  type ReferralDue,
  type ReferralDueKind,
  type ReferralDueState,
  allowedReferralActions,
  referralDueLabels,
  referralDueState,
} from './rules.js';
import {
  type EvidenceItem,
  type ReferralAction,
  type ReferralActionData,
  type ReferralStatus,
  referralActionLabels,
  referralStatusLabels,
} from './schema.js';
import type { ReferralRow } from './store.js';

export interface ReferralSummary {
  id: string;
  regionCode: string;
  orgId: string;
  orgName: string;
  caseId: string;
  caseNo: string;
  partyName: string;
  suspectedCrime: string;
  reportedOn: string;
  status: ReferralStatus;
  statusLabel: string;
  approvedAt: string | null;
  handedOverAt: string | null;
  handoverHours: number | null;
  handoverLate: boolean | null;
  policeOrg: string | null;
  filedOn: string | null;
  declinedOn: string | null;
  closedOn: string | null;
  /** art. 11: a penalty decided before the referral, and the fine that offsets a criminal fine */
  penaltyDecided: boolean;
  penaltyAmount: number | null;
  lateCount: number;
  nextDue: {
    kind: ReferralDueKind;
    label: string;
    dueAt: string;
    state: ReferralDueState;
    /** why the date is provisional (a year whose holiday arrangement is not published), or null */
    provisionalReason: string | null;
  } | null;
  version: number;
}

export function presentReferral(r: ReferralRow, now: Date, calendar: WorkCalendar): ReferralSummary {
  const status = r.status as ReferralStatus;
  const kind = r.next_due_kind as ReferralDueKind | null;
  const dueAt = r.next_due_at ? r.next_due_at.toISOString() : null;
  return {
    id: r.id,
    regionCode: r.region_code,
    orgId: r.org_id,
    orgName: r.org_name,
    caseId: r.case_id,
    caseNo: r.case_no,
    partyName: r.party_name,
    suspectedCrime: r.suspected_crime,
    reportedOn: r.reported_on,
    status,
    statusLabel: referralStatusLabels[status],
    approvedAt: r.approved_at ? r.approved_at.toISOString() : null,
    handedOverAt: r.handed_over_at ? r.handed_over_at.toISOString() : null,
    handoverHours: r.handover_hours === null ? null : Number(r.handover_hours),
    handoverLate: r.handover_late,
    policeOrg: r.police_org,
    filedOn: r.filed_on,
    declinedOn: r.declined_on,
    closedOn: r.closed_on,
    penaltyDecided: r.penalty_decided,
    penaltyAmount: r.penalty_amount === null ? null : Number(r.penalty_amount),
    lateCount: r.late_count,
    nextDue:
      kind && dueAt
        ? {
            kind,
            label: referralDueLabels[kind],
            dueAt,
            // the legal day the period ends on (dueAt is 24:00 of it); the 24-hour handover is an instant
            provisionalReason:
              kind === 'handover'
                ? null
                : provisionalReason(calendar, chinaDate(new Date(Date.parse(dueAt) - 1))),
            state:
              now.getTime() >= Date.parse(dueAt)
                ? 'overdue'
                : r.next_due_soon_at && now.getTime() >= r.next_due_soon_at.getTime()
                  ? 'dueSoon'
                  : 'normal',
          }
        : null,
    version: r.version,
  };
}

export interface ReferralDetail extends ReferralSummary {
  facts: string;
  evidence: EvidenceItem[];
  team: { id: string; name: string; certificateNumber: string | null }[];
  penaltyNote: string | null;
  actions: {
    seq: number;
    action: ReferralAction;
    label: string;
    date: string;
    at: string | null;
    data: ReferralActionData;
    actorName: string;
  }[];
  dues: (ReferralDue & { label: string; state: ReferralDueState })[];
  allowedActions: { action: ReferralAction; label: string }[];
}

export function presentReferralDetail(
  r: ReferralRow,
  log: readonly {
    seq: number;
    action: ReferralAction;
    date: string;
    at: string | null;
    data: ReferralActionData;
    actorName: string;
  }[],
  dues: readonly ReferralDue[],
  team: ReferralDetail['team'],
  now: Date,
  calendar: WorkCalendar,
): ReferralDetail {
  const summary = presentReferral(r, now, calendar);
  const next = dues.find((d) => d.kind === summary.nextDue?.kind && d.metAt === null);
  return {
    ...summary,
    nextDue:
      summary.nextDue && next ? { ...summary.nextDue, state: referralDueState(next, now) } : summary.nextDue,
    facts: r.facts,
    evidence: r.evidence as EvidenceItem[],
    team,
    penaltyNote: summary.penaltyDecided
      ? `移送前已作出行政处罚决定,决定不停止执行${
          summary.penaltyAmount ? `;已处罚款 ${summary.penaltyAmount} 元,人民法院判处罚金时依法折抵` : ''
        }(《行政执法机关移送涉嫌犯罪案件的规定》第十一条,《中华人民共和国行政处罚法》第三十五条)`
      : null,
    actions: log.map((a) => ({ ...a, label: referralActionLabels[a.action] })),
    dues: dues.map((d) => ({ ...d, label: referralDueLabels[d.kind], state: referralDueState(d, now) })),
    allowedActions: (allowedReferralActions[summary.status] as readonly ReferralAction[]).map((a) => ({
      action: a,
      label: referralActionLabels[a],
    })),
  };
}
