import { describe, expect, it } from 'vitest';
import { upcomingKeyDates } from './key-dates.js';

describe('普法 key-date reminders', () => {
  it.each([
    ['2025-11-20', 30, ['2025-12-04']],
    ['2025-12-04', 0, ['2025-12-04']],
    ['2025-12-05', 60, []],
    ['2025-12-20', 120, ['2026-03-08', '2026-03-15', '2026-04-15']],
  ] as const)('on %s within %i days: %o', (today, days, dates) => {
    expect(upcomingKeyDates(today, days).map((k) => k.date)).toEqual(dates);
  });

  it('counts the days left to 国家宪法日', () => {
    expect(upcomingKeyDates('2025-11-20', 30)[0]).toMatchObject({ name: '国家宪法日', daysLeft: 14 });
  });
});
