export * from './local-date.js';
export {
  STATUTORY_RULE,
  STATUTORY_RULE_FIRST_YEAR,
  type StatutoryDay,
  statutoryDaysOff,
} from './statutory-holidays.js';
export { PACKAGE_FIRST_YEAR, PACKAGE_LAST_YEAR, PACKAGE_NAME } from './package-data.js';
export {
  type CalendarDayKind,
  type CalendarOverrideDay,
  type CalendarOverrideYear,
  type CalendarOverrides,
  createWorkCalendar,
  type DayInfo,
  type DayKind,
  NO_OVERRIDES,
  uncoveredYearError,
  type WorkCalendar,
} from './work-calendar.js';
export {
  type ArrangementDay,
  type ArrangementIssue,
  type ArrangementOptions,
  type CalendarArrangement,
  parseArrangementCsv,
  parseArrangementFile,
  parseArrangementJson,
} from './arrangement-file.js';
export {
  type CalendarChange,
  firstChangedDay,
  type RecomputeCount,
  type RecomputeDueDates,
  writeChanged,
} from './recompute.js';
export {
  type LoadedYear,
  listYears,
  calendarFromJson,
  loadOverrides,
  loadWorkCalendar,
  listWorkCalendar,
  overridesJson,
  type SaveYearInput,
  saveYear,
} from './store.js';
