import type { LocalDate, WorkCalendar } from '../../../platform/calendar/index.js';
import { dueState, provisionalReason } from '../../../platform/clock/index.js';
import { actionLabel, allowedIn } from './procedures.js';
import { DUE_SOON_DAYS, type Due, dueDates, dueKindLabels, majorReasons, nextDue } from './rules.js';
import { currentSanction } from './projection.js';
import {
  type ActionRecord,
  type CaseAction,
  type CaseStatus,
  caseStatusLabels,
  type MajorThresholds,
  type PartyKind,
  type PenaltyKind,
  type Procedure,
  partyKindLabels,
  penaltyKindLabels,
  procedureLabels,
  type RecordKind,
} from './schema.js';
import type { CaseRow, CaseSummaryRow, StoredRecord } from './store.js';
import { powerCategoryLabels, type PowerCategory } from '../power-list/schema.js';

export interface CaseSummary {
  id: string;
  regionCode: string;
  orgId: string;
  orgName: string;
  bodyId: string;
  powerItemId: string | null;
  powerItemName: string | null;
  caseNo: string;
  category: PowerCategory;
  categoryLabel: string;
  procedure: Procedure;
  procedureLabel: string;
  partyKind: PartyKind;
  partyKindLabel: string;
  partyName: string;
  status: CaseStatus;
  statusLabel: string;
  openedOn: string;
  decidedOn: string | null;
  closedOn: string | null;
  penalties: PenaltyKind[];
  penaltyLabels: string[];
  amount: number | null;
  isMajor: boolean;
  reviewed: boolean;
  nextDue: {
    kind: string;
    label: string;
    due: string;
    state: 'normal' | 'dueSoon' | 'overdue';
    /** why the date is provisional (a year whose holiday arrangement is not published), or null */
    provisionalReason: string | null;
  } | null;
  version: number;
}

export function presentCase(r: CaseSummaryRow, today: LocalDate, calendar: WorkCalendar): CaseSummary {
  const category = r.category as PowerCategory;
  const procedure = r.procedure as Procedure;
  const partyKind = r.party_kind as PartyKind;
  const status = r.status as CaseStatus;
  const penalties = r.penalties as PenaltyKind[];
  return {
    id: r.id,
    regionCode: r.region_code,
    orgId: r.org_id,
    orgName: r.org_name,
    bodyId: r.body_id,
    powerItemId: r.power_item_id,
    powerItemName: r.power_item_name,
    caseNo: r.case_no,
    category,
    categoryLabel: powerCategoryLabels[category],
    procedure,
    procedureLabel: procedureLabels[procedure],
    partyKind,
    partyKindLabel: partyKindLabels[partyKind],
    partyName: r.party_name,
    status,
    statusLabel: caseStatusLabels[status],
    openedOn: r.opened_on,
    decidedOn: r.decided_on,
    closedOn: r.closed_on,
    penalties,
    penaltyLabels: penalties.map((p) => penaltyKindLabels[p]),
    amount: r.amount === null ? null : Number(r.amount),
    isMajor: r.is_major,
    reviewed: r.reviewed,
    nextDue:
      r.next_due_on && r.next_due_kind
        ? {
            kind: r.next_due_kind,
            label: dueKindLabels[r.next_due_kind as Due['kind']] ?? r.next_due_kind,
            due: r.next_due_on,
            state: dueState(r.next_due_on, today, DUE_SOON_DAYS),
            provisionalReason: provisionalReason(calendar, r.next_due_on),
          }
        : null,
    version: r.version,
  };
}

export interface CaseDetail extends CaseSummary {
  facts: string;
  majorReasons: string[];
  handlers: { id: string; name: string; certificateNumber: string | null }[];
  actions: {
    seq: number;
    action: CaseAction;
    label: string;
    date: string;
    data: unknown;
    actorName: string;
    records: { sha256: string; kind: RecordKind; name: string; size: number; late: boolean }[];
  }[];
  dueDates: (Due & { label: string; state: 'normal' | 'dueSoon' | 'overdue' | 'met' })[];
  allowedActions: { action: CaseAction; label: string }[];
}

export function presentDetail(
  r: CaseRow,
  actions: readonly (ActionRecord & { seq: number; actorName: string; records: StoredRecord[] })[],
  handlers: CaseDetail['handlers'],
  calendar: WorkCalendar,
  thresholds: MajorThresholds,
  today: LocalDate,
): CaseDetail {
  const summary = presentCase(r, today, calendar);
  const facts = {
    procedure: summary.procedure,
    partyKind: summary.partyKind,
    openedOn: summary.openedOn,
    majorReason: r.major_reason,
  };
  const dues = dueDates(summary.procedure, actions, calendar, today);
  return {
    ...summary,
    nextDue: ((d) =>
      d
        ? {
            kind: d.kind,
            label: dueKindLabels[d.kind],
            due: d.due,
            state: d.state,
            provisionalReason: d.provisionalReason,
          }
        : null)(summary.status === 'closed' || summary.status === 'revoked' ? null : nextDue(dues, today)),
    facts: r.facts,
    majorReasons: majorReasons(facts, actions, currentSanction(actions), thresholds),
    handlers,
    actions: actions.map((a) => ({
      seq: a.seq,
      action: a.action,
      label: actionLabel(summary.procedure, a.action),
      date: a.date,
      data: a.data,
      actorName: a.actorName,
      records: a.records,
    })),
    dueDates: dues.map((d) => ({
      ...d,
      label: dueKindLabels[d.kind],
      state: d.metOn ? 'met' : dueState(d.due, today, DUE_SOON_DAYS),
    })),
    allowedActions: allowedIn(summary.procedure, summary.status).map((a) => ({
      action: a,
      label: actionLabel(summary.procedure, a),
    })),
  };
}
