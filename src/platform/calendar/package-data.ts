import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

/**
 * The State Council arrangements compiled into chinese-days (pinned at 1.5.7). Only the raw
 * date → label maps are used, not the package's functions: those accept JS Dates and answer for
 * any year, silently treating an uncovered year as having no holidays (TECH-NOTES). Coverage is
 * therefore declared here and checked by a test against the data itself, so upgrading the
 * package forces a look at this range.
 */
export const PACKAGE_NAME = 'chinese-days 1.5.7';
export const PACKAGE_FIRST_YEAR = 2004;
export const PACKAGE_LAST_YEAR = 2026;

export interface PackageDay {
  kind: 'holiday' | 'workday';
  /** Chinese festival name, e.g. 春节; for a make-up workday the festival it makes up for. */
  name: string;
}

/** Labels look like "Spring Festival,春节,4": English, Chinese, statutory day count. */
function chineseName(label: string): string {
  return label.split(',')[1] ?? label;
}

const holidays: Record<string, string> = data.holidays;
const workdays: Record<string, string> = data.workdays;

export function packageCovers(year: number): boolean {
  return year >= PACKAGE_FIRST_YEAR && year <= PACKAGE_LAST_YEAR;
}

/** The package's entry for a date, or undefined for an ordinary weekday or weekend. */
export function packageDay(date: string): PackageDay | undefined {
  const work = workdays[date];
  if (work !== undefined) return { kind: 'workday', name: chineseName(work) };
  const rest = holidays[date];
  if (rest !== undefined) return { kind: 'holiday', name: chineseName(rest) };
  return undefined;
}

/** Every dated entry, for the coverage test. */
export function packageDates(): string[] {
  return [...Object.keys(holidays), ...Object.keys(workdays)];
}
