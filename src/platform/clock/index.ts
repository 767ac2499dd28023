export { addCalendarDays, addMonths, addWorkdays, countWorkdays, workdayOnOrAfter } from './periods.js';
export {
  computeDeadline,
  type Deadline,
  type DeadlineInput,
  DUE_SOON_DAYS,
  type DueState,
  dueState,
  type Extension,
  type Pause,
  PeriodRule,
  PeriodUnit,
  provisionalReason,
} from './deadline.js';
