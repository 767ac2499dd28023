/** The 两法衔接 API shapes the web app reads (src/domains/enforcement/referrals/present.ts). */
export type ReferralDueState = 'normal' | 'dueSoon' | 'overdue' | 'met' | 'lapsed';

export interface ReferralSummary {
  id: string;
  orgId: string;
  orgName: string;
  caseId: string;
  caseNo: string;
  partyName: string;
  suspectedCrime: string;
  reportedOn: string;
  status: string;
  statusLabel: string;
  approvedAt: string | null;
  handedOverAt: string | null;
  handoverHours: number | null;
  handoverLate: boolean | null;
  policeOrg: string | null;
  filedOn: string | null;
  declinedOn: string | null;
  closedOn: string | null;
  penaltyDecided: boolean;
  penaltyAmount: number | null;
  lateCount: number;
  nextDue: {
    kind: string;
    label: string;
    dueAt: string;
    state: ReferralDueState;
    provisionalReason: string | null;
  } | null;
  version: number;
}

export interface ReferralDetail extends ReferralSummary {
  facts: string;
  evidence: { name: string; sha256?: string }[];
  team: { id: string; name: string; certificateNumber: string | null }[];
  penaltyNote: string | null;
  actions: {
    seq: number;
    action: string;
    label: string;
    date: string;
    at: string | null;
    data: Record<string, unknown>;
    actorName: string;
  }[];
  dues: {
    kind: string;
    label: string;
    owner: 'agency' | 'police' | 'option';
    dueOn: string;
    dueAt: string;
    metAt: string | null;
    late: boolean;
    provisional: boolean;
    provisionalReason: string | null;
    state: ReferralDueState;
  }[];
  allowedActions: { action: string; label: string }[];
}
