import { addCalendarDays } from '../../../platform/clock/index.js';

/** The national 普法 key dates (fixed by national law or State Council decision; the same everywhere). */
export const NATIONAL_KEY_DATES = [
  { monthDay: '03-08', name: '国际妇女节(妇女权益保障法宣传)', basis: '妇女权益保障法' },
  { monthDay: '03-15', name: '消费者权益保护日', basis: '消费者权益保护法' },
  { monthDay: '04-15', name: '全民国家安全教育日', basis: '国家安全法 第十四条' },
  { monthDay: '06-26', name: '国际禁毒日', basis: '禁毒法' },
  { monthDay: '11-09', name: '全国消防日', basis: '消防法' },
  { monthDay: '12-04', name: '国家宪法日', basis: '全国人大常委会关于设立国家宪法日的决定(2014)' },
] as const;

/** The key dates in [today, today + days], nearest first, with the days left. */
export function upcomingKeyDates(today: string, days: number) {
  const end = addCalendarDays(today, days);
  const year = Number(today.slice(0, 4));
  return [year, year + 1]
    .flatMap((y) => NATIONAL_KEY_DATES.map((k) => ({ ...k, date: `${y}-${k.monthDay}` })))
    .filter((k) => k.date >= today && k.date <= end)
    .sort((a, b) => (a.date < b.date ? -1 : 1))
    .map((k) => ({
      date: k.date,
      name: k.name,
      basis: k.basis,
      daysLeft: Math.round((Date.parse(k.date) - Date.parse(today)) / 86_400_000),
    }));
}
