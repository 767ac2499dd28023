import { createWorkCalendar } from '../../../platform/calendar/index.js';
import type { ActionRecord, RuleContext } from './spec.js';

/** What the rule tests of every kind judge against: 2025-12-31, the package's calendar, default settings. */
export const ruleCtx: RuleContext = {
  calendar: createWorkCalendar(),
  today: '2025-12-31',
  settings: { proposalReturnDays: 10, warnDays: 5 },
};

/** A kind's `act(action, date, data?)` for its rule tests: no actor, and `noData` when none is given. */
export const actBuilder =
  <A extends string, D>(noData: D) =>
  (action: A, date: string, data: D = noData): ActionRecord<A, D> => ({ action, date, data, actorId: null });
