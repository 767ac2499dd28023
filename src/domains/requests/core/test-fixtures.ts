import { createWorkCalendar } from '../../../platform/calendar/index.js';
import type { RuleContext } from './spec.js';

/** What the rule tests of every kind judge against: 2025-12-31, the package's calendar, default settings. */
export const ruleCtx: RuleContext = {
  calendar: createWorkCalendar(),
  today: '2025-12-31',
  settings: { proposalReturnDays: 10, warnDays: 5 },
};
