export { addCalendarDays, addMonths, addWorkdays, countWorkdays, workdayOnOrAfter } from './periods.js';
export {
  computeDeadline,
  type Deadline,
  type DeadlineInput,
  type DueState,
  dueState,
  type Extension,
  type Pause,
  PeriodRule,
  PeriodUnit,
  provisionalReason,
} from './deadline.js';
