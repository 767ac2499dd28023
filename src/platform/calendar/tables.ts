import type { Generated } from 'kysely';
import type { LocalDateColumn, Timestamp } from '../db/types.js';

declare module '../db/types.js' {
  interface Database {
    calendar_year: CalendarYearTable;
    calendar_day: CalendarDayTable;
  }
}

/** One admin-loaded State Council arrangement (migrations/0001_platform.sql). */
export interface CalendarYearTable {
  year: number;
  source: string;
  loaded_by: string | null;
  loaded_at: Timestamp;
}

export interface CalendarDayTable {
  day: LocalDateColumn;
  kind: 'holiday' | 'workday';
  name: Generated<string>;
  year: number;
}
