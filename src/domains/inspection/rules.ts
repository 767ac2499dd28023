import { z } from 'zod';
import { inspectionResults } from './labels.js';
import type { LocalDate, WorkCalendar } from '../../platform/calendar/index.js';
import { addWorkdays, type DueState, dueState } from '../../platform/clock/index.js';

export { inspectionResults };

export const InspectionResult = z.enum(
  Object.keys(inspectionResults) as [keyof typeof inspectionResults, ...(keyof typeof inspectionResults)[]],
);
export type InspectionResult = z.infer<typeof InspectionResult>;

/** RULES §2.5: results are published within 20 working days of the end of the 抽查. */
export const PUBLICATION_WORKDAYS = 20;

export function publicationDue(calendar: WorkCalendar, taskEnd: LocalDate): LocalDate {
  return addWorkdays(calendar, taskEnd, PUBLICATION_WORKDAYS);
}

export type PublicationState = 'published' | 'publishedLate' | DueState;

/** Where a result's publication stands on `today` (临期 = 5 calendar days or fewer left). */
export function publicationState(
  due: LocalDate,
  publishedOn: LocalDate | null,
  today: LocalDate,
): PublicationState {
  if (publishedOn) return publishedOn <= due ? 'published' : 'publishedLate';
  return dueState(due, today, 5);
}
