import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../test/db.js';
import type { DatabaseHandle } from '../db/open.js';
import { DomainError } from '../errors.js';
import { parseArrangementJson } from './arrangement-file.js';
import { listYears, loadOverrides, loadWorkCalendar, saveYear } from './store.js';

const arrangement2027 = parseArrangementJson(
  JSON.stringify({
    year: 2027,
    source: '国办发明电〔2026〕X号',
    holidays: [{ name: '元旦', days: ['2027-01-01', '2027-01-02', '2027-01-03'] }],
    workdays: [],
  }),
);

describe.each(testEngines())('calendar overrides in the database ($name)', (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await engine.open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('makes 2027 answerable once its arrangement is loaded', async () => {
    const before = await loadWorkCalendar(handle.db);
    // unpublished: the statutory days off only, flagged provisional
    expect(before.covers(2027)).toBe(false);
    expect(before.isWorkday('2027-01-04')).toBe(true);
    expect(before.describe('2027-01-02').provisional).toMatch(/2027年的节假日安排尚未公布/);

    const result = await handle.db
      .transaction()
      .execute((trx) => saveYear(trx, { ...arrangement2027, loadedBy: null }));
    expect(result.replaced).toBe(false);

    const after = await loadWorkCalendar(handle.db);
    expect(after.isWorkday('2027-01-04')).toBe(true);
    expect(after.isWorkday('2027-01-01')).toBe(false);
    expect(after.sourceOf(2027)).toBe('国办发明电〔2026〕X号');
    expect(after.describe('2027-01-04').provisional).toBeUndefined();
  });

  it('replaces a year wholesale on a second load and lists what is loaded', async () => {
    const corrected = parseArrangementJson(
      JSON.stringify({
        year: 2027,
        source: '国办发明电〔2026〕X号(更正)',
        holidays: [{ name: '元旦', days: ['2027-01-01'] }],
        workdays: ['2027-01-09'],
      }),
    );
    const result = await handle.db
      .transaction()
      .execute((trx) => saveYear(trx, { ...corrected, loadedBy: null }));
    expect(result.replaced).toBe(true);
    const overrides = await loadOverrides(handle.db);
    expect(overrides.days.map((d) => d.day)).toEqual(['2027-01-01', '2027-01-09']);
    const years = await listYears(handle.db);
    expect(years).toEqual([
      expect.objectContaining({
        year: 2027,
        source: '国办发明电〔2026〕X号(更正)',
        holidayCount: 1,
        workdayCount: 1,
      }),
    ]);
    expect(years[0]?.loadedAt).toBeInstanceOf(Date);
    const cal = await loadWorkCalendar(handle.db);
    expect(cal.isWorkday('2027-01-02')).toBe(false); // a plain Saturday again
    expect(cal.isWorkday('2027-01-09')).toBe(true);
  });

  it("refuses a day that another year's arrangement already holds", async () => {
    const newYearsEve = { day: '2027-12-31', kind: 'holiday' as const, name: '元旦' };
    const hold = { year: 2027, source: 'Y', days: [newYearsEve], loadedBy: null };
    await handle.db.transaction().execute((trx) => saveYear(trx, hold));
    const clash = { year: 2028, source: 'X', days: [newYearsEve], loadedBy: null };
    const err = await handle.db
      .transaction()
      .execute((trx) => saveYear(trx, clash))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'calendar.dayConflict', kind: 'conflict' });
    expect((await listYears(handle.db)).map((y) => y.year)).toEqual([2027]);
  });
});
