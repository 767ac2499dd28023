/** What the 复议应诉 endpoints answer (src/domains/disputes/*), as the screens read it. */
export type DueState = 'normal' | 'dueSoon' | 'overdue';

export interface ReconSummary {
  id: string;
  caseNo: string;
  orgId: string;
  orgName: string;
  channel: string;
  channelLabel: string;
  receivedOn: string;
  applicantName: string;
  actTitle: string;
  actKindLabel: string;
  status: string;
  statusLabel: string;
  procedure: 'ordinary' | 'simple' | null;
  procedureLabel: string | null;
  acceptedOn: string | null;
  deemedAccepted: boolean;
  decidedOn: string | null;
  outcome: string | null;
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
    kind: string;
    label: string;
    dueOn: string;
    state: DueState;
    provisionalReason: string | null;
  } | null;
  version: number;
}

export interface ReconDueView {
  kind: string;
  owner: 'office' | 'respondent' | 'applicant' | 'recipient';
  label: string;
  start: string;
  dueOn: string | null;
  pausedSince: string | null;
  pausedDays: number;
  extendedDays: number;
  metOn: string | null;
  late: boolean;
  provisional: boolean;
  state: 'normal' | 'dueSoon' | 'overdue' | 'met' | 'paused' | 'lapsed';
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
    kind: string;
    actedOn: string | null;
    knownOn: string;
    amount: number | null;
  };
  filedOn: string;
  request: string;
  reasons: string;
  normReview: { title: string; issuer: string } | null;
  attachments: { name: string; sha256: string }[];
  receiptNo: string | null;
  simpleGround: string | null;
  applicationDueOn: string | null;
  lateApplication: boolean;
  actions: {
    seq: number;
    action: string;
    label: string;
    date: string;
    data: Record<string, unknown>;
    actorName: string;
  }[];
  dues: ReconDueView[];
  allowedActions: { action: string; label: string }[];
}

export interface LawsuitSummary {
  id: string;
  orgName: string;
  coDefendantName: string | null;
  court: string;
  courtCaseNo: string;
  instance: string;
  instanceLabel: string;
  plaintiff: string;
  contestedAct: string;
  filedOn: string;
  status: 'pending' | 'concluded' | 'appealed';
  statusLabel: string;
  outcomeLabel: string | null;
  lost: boolean;
  concludedOn: string | null;
  hearings: number;
  headHearings: number;
  version: number;
}

export interface HearingView {
  id: string;
  summonsServedOn: string;
  hearingOn: string;
  summonsLate: boolean;
  appearerName: string;
  appearerTitle: string;
  appearerRoleLabel: string;
  countsAsHead: boolean;
  excuseGroundLabel: string | null;
  excuseNote: string | null;
}

export interface LawsuitDetail extends LawsuitSummary {
  claims: string;
  judgmentServedOn: string | null;
  appealDueOn: string | null;
  suitDueOn: string | null;
  lateSuit: boolean;
  hearingList: HearingView[];
}

export interface SuggestionView {
  id: string;
  kindLabel: string;
  orgName: string;
  issuer: string;
  documentNo: string;
  issuedOn: string;
  receivedOn: string;
  urgent: boolean;
  summary: string;
  dueOn: string;
  repliedOn: string | null;
  reply: string | null;
  rectification: string | null;
  status: 'pending' | 'answered';
  statusLabel: string;
  dueState: 'normal' | 'dueSoon' | 'overdue' | 'onTime' | 'late';
  version: number;
}
