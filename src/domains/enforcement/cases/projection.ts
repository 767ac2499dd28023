import type { WorkCalendar } from '../../../platform/calendar/index.js';
import { type CaseFacts, DUE_SOON_DAYS, deriveStatus, dueDates, majorReasons } from './rules.js';
import { isDeciding } from './procedures.js';
import type { ActionRecord, CaseStatus, MajorThresholds, Sanction } from './schema.js';

/** The ledger columns of a case, all derived from its log (never set by hand). */
export interface CaseProjection {
  status: CaseStatus;
  decided_on: string | null;
  closed_on: string | null;
  penalties: string[];
  amount: number | null;
  is_major: boolean;
  reviewed: boolean;
  next_due_kind: string | null;
  next_due_on: string | null;
  action_count: number;
  changed_on: string | null;
  revoked_on: string | null;
  outcome: CaseOutcome | null;
}

/** How a case ended or what it decided (the 结果 of the metrics). */
export type CaseOutcome =
  | 'decided'
  | 'terminated'
  | 'granted'
  | 'refused'
  | 'rejected'
  | 'confiscated'
  | 'destroyed'
  | 'released'
  | 'revoked';
export const caseOutcomeLabels = {
  decided: '作出决定',
  terminated: '不予处罚或撤销立案',
  granted: '准予许可',
  refused: '不予许可',
  rejected: '不予受理',
  confiscated: '没收',
  destroyed: '销毁',
  released: '解除查封、扣押',
  revoked: '决定被撤销(确认违法、无效)',
} as const satisfies Record<CaseOutcome, string>;

export function outcomeOf(actions: readonly ActionRecord[]): CaseOutcome | null {
  let out: CaseOutcome | null = null;
  for (const a of actions) {
    if (a.action === 'decide' || a.action === 'onTheSpot') out = 'decided';
    else if (a.action === 'terminate') out = 'terminated';
    else if (a.action === 'grant') out = 'granted';
    else if (a.action === 'refuse') out = 'refused';
    else if (a.action === 'rejectApplication') out = 'rejected';
    else if (a.action === 'revokeDecision') out = 'revoked';
    else if (a.action === 'dispose')
      out =
        a.data.disposal === 'confiscate'
          ? 'confiscated'
          : a.data.disposal === 'destroy'
            ? 'destroyed'
            : 'released';
  }
  return out;
}

/** The sanction decided (as last amended), or else the latest one proposed in a notice. */
export function currentSanction(actions: readonly ActionRecord[]): Sanction | undefined {
  for (let i = actions.length - 1; i >= 0; i--) {
    const a = actions[i];
    if (
      a &&
      (a.action === 'decide' ||
        a.action === 'onTheSpot' ||
        a.action === 'notify' ||
        a.action === 'amendDecision') &&
      a.data.sanction
    )
      return a.data.sanction;
  }
  return undefined;
}

/**
 * The case row's next_due_kind / next_due_on: the earliest clock of the office still open (the
 * one rule both an act and a calendar load store by).
 */
export function nextOpenDue(
  procedure: CaseFacts['procedure'],
  actions: readonly ActionRecord[],
  calendar: WorkCalendar,
  status: CaseStatus = deriveStatus(actions, procedure),
): { kind: string; due: string } | undefined {
  // an ended case has no open clock: skip the calendar arithmetic (it dominates bulk imports)
  if (status === 'closed' || status === 'revoked') return undefined;
  return dueDates(procedure, actions, calendar)
    .filter((d) => d.metOn === null && !d.party)
    .sort((a, b) => (a.due < b.due ? -1 : 1))[0];
}

export function projectCase(
  facts: CaseFacts,
  actions: readonly ActionRecord[],
  calendar: WorkCalendar,
  thresholds: MajorThresholds,
): CaseProjection {
  const status = deriveStatus(actions, facts.procedure);
  const decided = actions.find((a) => isDeciding(a.action));
  const closed = actions.find(
    (a) => a.action === 'close' || a.action === 'terminate' || a.action === 'rejectApplication',
  );
  const sanction = currentSanction(actions);
  const amended = [...actions].reverse().find((a) => a.action === 'amendDecision');
  const decidedSanction = decided ? (amended?.data.sanction ?? decided.data.sanction) : undefined;
  const amount = decidedSanction
    ? decidedSanction.amount
    : (amended?.data.amount ?? decided?.data.amount ?? null);
  const ended = status === 'closed' || status === 'revoked';
  const open = nextOpenDue(facts.procedure, actions, calendar, status);
  return {
    status,
    decided_on: decided?.date ?? null,
    closed_on: closed?.date ?? null,
    penalties: decidedSanction?.penalties ?? [],
    amount: decided ? amount : null,
    is_major: majorReasons(facts, actions, sanction, thresholds).length > 0,
    reviewed: actions.some((a) => a.action === 'passReview'),
    next_due_kind: ended ? null : (open?.kind ?? null),
    next_due_on: ended ? null : (open?.due ?? null),
    action_count: actions.length,
    changed_on: amended?.date ?? null,
    revoked_on: actions.find((a) => a.action === 'revokeDecision')?.date ?? null,
    outcome: outcomeOf(actions),
  };
}

export { DUE_SOON_DAYS };
