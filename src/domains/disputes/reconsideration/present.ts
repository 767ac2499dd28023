import type { LocalDate, WorkCalendar } from '../../../platform/calendar/index.js';
import { type DueState, dueState, provisionalReason } from '../../../platform/clock/index.js';
import { WARN_DAYS } from '../clock.js';
import {
  allowedReconActions,
  type ReconDue,
  type ReconDueKind,
  type ReconDueState,
  reconDueLabels,
  reconDueState,
} from './rules.js';
import type {
  ActKind,
  Channel,
  Outcome,
  Procedure,
  ReconAction,
  ReconActionData,
  ReconStatus,
  SubjectArea,
  TerminationGround,
} from './schema.js';
import {
  actKindLabels,
  channelLabels,
  outcomeLabels,
  procedureLabels,
  reconActionLabels,
  reconStatusLabels,
  subjectAreaLabels,
  terminationGroundLabels,
} from './labels.js';
import type { ReconRow } from './store.js';

export interface ReconSummary {
  id: string;
  caseNo: string;
  orgId: string;
  orgName: string;
  channel: Channel;
  channelLabel: string;
  receivedOn: string;
  applicantName: string;
  actTitle: string;
  actKindLabel: string;
  subjectArea: SubjectArea | null;
  subjectAreaLabel: string | null;
  status: ReconStatus;
  statusLabel: string;
  procedure: Procedure | null;
  procedureLabel: string | null;
  acceptedOn: string | null;
  deemedAccepted: boolean;
  decidedOn: string | null;
  outcome: Outcome | null;
  outcomeLabel: string | null;
  terminationGroundLabel: string | null;
  closedOn: string | null;
  suspended: boolean;
  extended: boolean;
  decisionDueOn: string | null;
  daysToDecide: number | null;
  precondition: boolean;
  lateCount: number;
  nextDue: {
    kind: ReconDueKind;
    label: string;
    dueOn: string;
    state: DueState;
    /** counted across a year whose holiday arrangement is not published: why it is 暂估 */
    provisionalReason: string | null;
  } | null;
  version: number;
}

export function presentRecon(r: ReconRow, today: LocalDate, calendar?: WorkCalendar): ReconSummary {
  const status = r.status as ReconStatus;
  const kind = r.next_due_kind as ReconDueKind | null;
  const procedure = r.procedure as Procedure | null;
  const outcome = r.outcome as Outcome | null;
  const nextDue =
    kind && r.next_due_on
      ? {
          kind,
          label: reconDueLabels[kind],
          dueOn: r.next_due_on,
          state: dueState(r.next_due_on, today, WARN_DAYS),
          provisionalReason: calendar ? provisionalReason(calendar, r.next_due_on, r.received_on) : null,
        }
      : null;
  return {
    id: r.id,
    caseNo: r.case_no,
    orgId: r.org_id,
    orgName: r.org_name,
    channel: r.channel as Channel,
    channelLabel: channelLabels[r.channel as Channel],
    receivedOn: r.received_on,
    applicantName: r.applicant_name,
    actTitle: r.act_title,
    actKindLabel: actKindLabels[r.act_kind as ActKind],
    subjectArea: r.subject_area as SubjectArea | null,
    subjectAreaLabel: r.subject_area ? subjectAreaLabels[r.subject_area as SubjectArea] : null,
    status,
    statusLabel: reconStatusLabels[status],
    procedure,
    procedureLabel: procedure ? procedureLabels[procedure] : null,
    acceptedOn: r.accepted_on,
    deemedAccepted: r.deemed_accepted,
    decidedOn: r.decided_on,
    outcome,
    outcomeLabel: outcome ? outcomeLabels[outcome] : null,
    terminationGroundLabel: r.termination_ground
      ? terminationGroundLabels[r.termination_ground as TerminationGround]
      : null,
    closedOn: r.closed_on,
    suspended: r.suspended,
    extended: r.extended,
    decisionDueOn: r.decision_due_on,
    daysToDecide: r.days_to_decide,
    precondition: r.precondition,
    lateCount: r.late_count,
    nextDue,
    version: r.version,
  };
}

export interface ReconDetail extends ReconSummary {
  applicantKind: string;
  applicantIdNo: string | null;
  applicantPhone: string | null;
  applicantAddress: string | null;
  agentName: string | null;
  thirdParties: { name: string; relation?: string }[];
  act: {
    title: string;
    documentNo: string | null;
    kind: ActKind;
    actedOn: string | null;
    knownOn: string;
    onTheSpot: boolean;
    penaltyTypes: string[];
    amount: number | null;
    enforcementCaseId: string | null;
  };
  filedOn: string;
  request: string;
  reasons: string;
  normReview: { title: string; issuer: string } | null;
  attachments: { name: string; sha256: string }[];
  receiptNo: string | null;
  /** 第五十三条: the ground on which 简易程序 may apply, or null */
  simpleGround: string | null;
  applicationDueOn: string | null;
  lateApplication: boolean;
  actions: {
    seq: number;
    action: ReconAction;
    label: string;
    date: string;
    data: ReconActionData;
    actorName: string;
  }[];
  dues: (ReconDue & { label: string; state: ReconDueState })[];
  allowedActions: { action: ReconAction; label: string }[];
}

export function presentReconDetail(
  r: ReconRow,
  log: readonly {
    seq: number;
    action: ReconAction;
    date: string;
    data: ReconActionData;
    actorName: string;
  }[],
  dues: readonly ReconDue[],
  extra: { simpleGround: string | null; applicationDueOn: string | null; lateApplication: boolean },
  today: LocalDate,
): ReconDetail {
  const summary = presentRecon(r, today);
  return {
    ...summary,
    applicantKind: r.applicant_kind,
    applicantIdNo: r.applicant_id_no,
    applicantPhone: r.applicant_phone,
    applicantAddress: r.applicant_address,
    agentName: r.agent_name,
    thirdParties: r.third_parties as { name: string; relation?: string }[],
    act: {
      title: r.act_title,
      documentNo: r.act_document_no,
      kind: r.act_kind as ActKind,
      actedOn: r.act_on,
      knownOn: r.act_known_on,
      onTheSpot: r.act_on_the_spot,
      penaltyTypes: r.act_penalty_types,
      amount: r.act_amount === null ? null : Number(r.act_amount),
      enforcementCaseId: r.enforcement_case_id,
    },
    filedOn: r.filed_on,
    request: r.request,
    reasons: r.reasons,
    normReview: r.norm_review as { title: string; issuer: string } | null,
    attachments: r.attachments as { name: string; sha256: string }[],
    receiptNo: r.receipt_no,
    ...extra,
    actions: log.map((a) => ({ ...a, label: reconActionLabels[a.action] })),
    dues: dues.map((d) => ({ ...d, label: reconDueLabels[d.kind], state: reconDueState(d, today) })),
    allowedActions: (allowedReconActions[summary.status] as readonly ReconAction[])
      .filter((a) => a !== 'deemAccept' && a !== 'correctionLapsed')
      .map((action) => ({ action, label: reconActionLabels[action] })),
  };
}
