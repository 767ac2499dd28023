import type { WorkCalendar } from '../../platform/calendar/index.js';
import {
  type ActionTable,
  allowedActions,
  type CaseFacts,
  DUE_SOON_DAYS,
  deriveStatus,
  dueDates,
  majorReasons,
} from './case-rules.js';
import type { ActionRecord, CaseStatus, MajorThresholds, Sanction } from './case-schema.js';

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
}

/** The sanction decided, or else the latest one proposed in a notice. */
export function currentSanction(actions: readonly ActionRecord[]): Sanction | undefined {
  for (let i = actions.length - 1; i >= 0; i--) {
    const a = actions[i];
    if (a && (a.action === 'decide' || a.action === 'onTheSpot' || a.action === 'notify') && a.data.sanction)
      return a.data.sanction;
  }
  return undefined;
}

export function projectCase(
  facts: CaseFacts,
  actions: readonly ActionRecord[],
  calendar: WorkCalendar,
  thresholds: MajorThresholds,
  table: ActionTable = allowedActions,
): CaseProjection {
  const status = deriveStatus(actions, table);
  const decided = actions.find((a) => a.action === 'decide' || a.action === 'onTheSpot');
  const closed = actions.find((a) => a.action === 'close' || a.action === 'terminate');
  const sanction = currentSanction(actions);
  // a closed case has no open clock: skip the calendar arithmetic (it dominates bulk imports)
  const open =
    status === 'closed'
      ? undefined
      : dueDates(facts.procedure, actions, calendar)
          .filter((d) => d.metOn === null && !d.party)
          .sort((a, b) => (a.due < b.due ? -1 : 1))[0];
  return {
    status,
    decided_on: decided?.date ?? null,
    closed_on: closed?.date ?? null,
    penalties: decided?.data.sanction?.penalties ?? [],
    amount: decided?.data.sanction ? decided.data.sanction.amount : null,
    is_major: majorReasons(facts, actions, sanction, thresholds).length > 0,
    reviewed: actions.some((a) => a.action === 'passReview'),
    next_due_kind: open?.kind ?? null,
    next_due_on: open?.due ?? null,
    action_count: actions.length,
  };
}

export { DUE_SOON_DAYS };
