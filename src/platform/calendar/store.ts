import './tables.js';
import { sql } from 'kysely';
import type { Executor, Tx } from '../db/types.js';
import { conflict } from '../errors.js';
import type { ArrangementDay } from './arrangement-file.js';
import { type CalendarOverrides, createWorkCalendar, type WorkCalendar } from './work-calendar.js';

export interface LoadedYear {
  year: number;
  source: string;
  loadedBy: string | null;
  loadedAt: Date;
  holidayCount: number;
  workdayCount: number;
}

export interface SaveYearInput {
  year: number;
  source: string;
  days: readonly ArrangementDay[];
  /** app_user id of the administrator; null for a system load. */
  loadedBy: string | null;
}

/**
 * Every admin-loaded arrangement, to build a WorkCalendar from: one statement (the years and the
 * days as one JSON value), since every list that labels deadlines reads it per request.
 */
export async function loadOverrides(db: Executor): Promise<CalendarOverrides> {
  const r = await sql<{ o: CalendarOverrides }>`select ${overridesJson()} as o`.execute(db);
  return r.rows[0]?.o ?? { years: [], days: [] };
}

/**
 * The same arrangements as one JSON value, for a read that brings everything a use-case needs in
 * one query (a case act); `calendarFromJson` turns it into the WorkCalendar loadWorkCalendar gives.
 */
export function overridesJson() {
  return sql<CalendarOverrides>`json_build_object(
    'years', coalesce((select json_agg(json_build_object('year', y.year, 'source', y.source) order by y.year)
      from calendar_year y), '[]'::json),
    'days', coalesce((select json_agg(json_build_object('day', d.day, 'kind', d.kind, 'name', d.name, 'year', d.year)
      order by d.day) from calendar_day d), '[]'::json))`;
}

export function calendarFromJson(overrides: CalendarOverrides): WorkCalendar {
  return createWorkCalendar(overrides);
}

export async function loadWorkCalendar(db: Executor): Promise<WorkCalendar> {
  return createWorkCalendar(await loadOverrides(db));
}

/** How stale a list's calendar may be on another app instance after an arrangement is loaded. */
export const CALENDAR_TTL_MS = 5000;
let cached: { at: number; db: Executor; calendar: WorkCalendar } | null = null;

/**
 * The work calendar for labelling a list's deadlines (剩 N 个工作日, 逾期), kept for up to
 * `CALENDAR_TTL_MS`: a ledger page would otherwise read it on every request. Loading an
 * arrangement clears it in this process once committed (`forgetListCalendar`); other app
 * instances see it within the TTL, as with the org tree. Writes and deadline arithmetic read
 * the calendar fresh (`loadWorkCalendar`, or in the act's own read).
 */
export async function listWorkCalendar(db: Executor): Promise<WorkCalendar> {
  if (cached && cached.db === db && Date.now() - cached.at < CALENDAR_TTL_MS) return cached.calendar;
  const calendar = await loadWorkCalendar(db);
  cached = { at: Date.now(), db, calendar };
  return calendar;
}

/** After an arrangement is committed: this process's lists read the new one at once. */
export function forgetListCalendar(): void {
  cached = null;
}

/**
 * Replaces the arrangement for `input.year` (its old days go with it, by cascade). Run inside the
 * caller's write transaction, which appends the audit entry. A day already loaded under another
 * year's arrangement is refused rather than silently moved.
 */
export async function saveYear(trx: Tx, input: SaveYearInput): Promise<{ replaced: boolean }> {
  const dates = input.days.map((d) => d.day);
  if (dates.length > 0) {
    const clash = await trx
      .selectFrom('calendar_day')
      .select(['day', 'year'])
      .where('day', 'in', dates)
      .where('year', '<>', input.year)
      .orderBy('day')
      .executeTakeFirst();
    if (clash) {
      throw conflict(
        'calendar.dayConflict',
        `${clash.day} 已在 ${clash.year} 年的安排中载入;请先修正 ${clash.year} 年的安排,再载入 ${input.year} 年`,
        { field: 'days', day: clash.day, year: clash.year },
      );
    }
  }
  const removed = await trx.deleteFrom('calendar_year').where('year', '=', input.year).executeTakeFirst();
  await trx
    .insertInto('calendar_year')
    .values({ year: input.year, source: input.source, loaded_by: input.loadedBy, loaded_at: sql`now()` })
    .execute();
  if (input.days.length > 0) {
    await trx
      .insertInto('calendar_day')
      .values(input.days.map((d) => ({ day: d.day, kind: d.kind, name: d.name, year: input.year })))
      .execute();
  }
  return { replaced: Number(removed.numDeletedRows) > 0 };
}

export async function listYears(db: Executor): Promise<LoadedYear[]> {
  const rows = await db
    .selectFrom('calendar_year as y')
    .leftJoin('calendar_day as d', 'd.year', 'y.year')
    .select((eb) => [
      'y.year',
      'y.source',
      'y.loaded_by',
      'y.loaded_at',
      eb.fn.count<number>('d.day').filterWhere('d.kind', '=', 'holiday').as('holidays'),
      eb.fn.count<number>('d.day').filterWhere('d.kind', '=', 'workday').as('workdays'),
    ])
    .groupBy(['y.year', 'y.source', 'y.loaded_by', 'y.loaded_at'])
    .orderBy('y.year')
    .execute();
  return rows.map((r) => ({
    year: r.year,
    source: r.source,
    loadedBy: r.loaded_by,
    loadedAt: r.loaded_at,
    holidayCount: Number(r.holidays),
    workdayCount: Number(r.workdays),
  }));
}
