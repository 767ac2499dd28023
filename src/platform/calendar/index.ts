export * from './local-date.js';
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
  type LoadedYear,
  listYears,
  loadOverrides,
  loadWorkCalendar,
  type SaveYearInput,
  saveYear,
} from './store.js';
