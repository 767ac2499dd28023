import type { PublicationContent } from '../../../domains/enforcement/publications/rules.js';

/** Shapes of the /api/enforcement answers the pages read. */
export type CertificateState =
  | 'none'
  | 'notYetValid'
  | 'valid'
  | 'expiring90'
  | 'expiring30'
  | 'expired'
  | 'suspended'
  | 'revoked';

export interface Officer {
  id: string;
  orgName: string;
  bodyName: string;
  name: string;
  gender: 'male' | 'female';
  position: string;
  trainingHours: number;
  active: boolean;
  certificate: { number: string; field: string; issuedOn: string; validUntil: string } | null;
  certificateState: CertificateState;
  certificateStateLabel: string;
}

export interface PowerItem {
  id: string;
  orgName: string;
  code: string;
  category?: string;
  categoryLabel: string;
  name: string;
  basis: string;
  status: 'active' | 'repealed';
  revision: number;
}

export type DueState = 'normal' | 'dueSoon' | 'overdue';

export interface CaseSummary {
  id: string;
  orgName: string;
  caseNo: string;
  procedureLabel: string;
  partyName: string;
  status: string;
  statusLabel: string;
  openedOn: string;
  decidedOn: string | null;
  penaltyLabels: string[];
  amount: number | null;
  isMajor: boolean;
  reviewed: boolean;
  nextDue: { label: string; due: string; state: DueState; provisionalReason: string | null } | null;
}

export interface CaseDetail extends CaseSummary {
  facts: string;
  powerItemId: string | null;
  powerItemName: string | null;
  majorReasons: string[];
  handlers: { id: string; name: string; certificateNumber: string | null }[];
  categoryLabel?: string;
  partyKindLabel?: string;
  actions: {
    seq: number;
    action?: string;
    label: string;
    date: string;
    actorName: string;
    data: ActionData;
    /** 全过程记录 attached to the act */
    records: CaseRecordFile[];
  }[];
  /** 全过程记录缺项 */
  recordGaps: RecordGap[];
  dueDates: {
    kind: string;
    label: string;
    due: string;
    metOn: string | null;
    state: DueState | 'met';
    provisional: boolean;
    /** why the date is provisional (a year whose holiday arrangement is not published) */
    provisionalReason: string | null;
    /** where the law deems something (行政许可法 第三十二条 deemed acceptance) */
    note?: string;
    party: boolean;
  }[];
  allowedActions: { action: string; label: string }[];
  version: number;
  publication: {
    statusLabel: string;
    status: 'pending' | 'published' | 'withheld' | 'withdrawn';
    dueOn: string;
    dueProvisionalReason: string | null;
    dueState: DueState | null;
    publishedOn: string | null;
    late: boolean;
    withheldReason: string | null;
    content: PublicationContent | null;
  } | null;
}

export interface ActionData {
  sanction?: { penalties: string[]; amount: number };
  decisionNo?: string;
  noticedOn?: string;
  days?: number;
  opinion?: string;
  note?: string;
  circumstance?: string;
  fineBase?: number;
  discretionReason?: string;
  leniencyItemId?: string;
}

export type RecordKind = 'document' | 'audioVideo';

export interface CaseRecordFile {
  sha256: string;
  kind: RecordKind;
  name: string;
  size?: number;
}

export interface RecordGap {
  seq: number;
  action: string;
  label: string;
  record: string;
  recordLabel: string;
}

export interface EnforcementBody {
  id: string;
  orgId: string;
  orgName: string;
  name: string;
  active: boolean;
}

export interface PublicationPreview {
  publishable: boolean;
  reason: string | null;
  fields: { label: string; value: string }[];
  html: string;
}
