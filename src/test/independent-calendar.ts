import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

/**
 * A second, deliberately simple working-day count for tests: day arithmetic on UTC dates, the
 * package's raw 2004–2026 tables, the arrangements loaded in the database, and 2027's statutory
 * days off (全国年节及纪念日放假办法 第二条) typed in by hand from the lunar calendar — none of the
 * platform's calendar or clock code. A test that agrees with it agrees with two implementations.
 */
export const STATUTORY_DAYS_OFF_2027: readonly string[] = [
  '2027-01-01', // 元旦
  '2027-02-05', // 除夕 (the eve of 正月初一)
  '2027-02-06', // 春节 正月初一
  '2027-02-07',
  '2027-02-08', // 正月初三
  '2027-04-05', // 清明
  '2027-05-01', // 劳动节
  '2027-05-02',
  '2027-06-09', // 端午 五月初五
  '2027-09-15', // 中秋 八月十五
  '2027-10-01', // 国庆
  '2027-10-02',
  '2027-10-03',
];

export interface LoadedDay {
  day: string;
  kind: string;
  year: number;
}

export function nextDay(d: string, n = 1): string {
  const t =
    Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

const isWeekend = (d: string) => {
  const w = new Date(`${d}T00:00:00Z`).getUTCDay();
  return w === 0 || w === 6;
};

export class IndependentCalendar {
  private readonly days: Map<string, string>;
  private readonly years: Set<number>;
  constructor(loaded: { years: readonly number[]; days: readonly LoadedDay[] }) {
    this.days = new Map(loaded.days.map((d) => [d.day, d.kind]));
    this.years = new Set(loaded.years);
  }

  /** A rest day: weekend or holiday not worked. */
  rest(d: string): boolean {
    const listed = this.days.get(d);
    if (listed) return listed === 'holiday';
    const year = Number(d.slice(0, 4));
    if (this.years.has(year)) return isWeekend(d);
    if (year >= 2004 && year <= 2026) {
      if ((data.workdays as Record<string, string>)[d] !== undefined) return false;
      if ((data.holidays as Record<string, string>)[d] !== undefined) return true;
      return isWeekend(d);
    }
    if (year === 2027) return STATUTORY_DAYS_OFF_2027.includes(d) || isWeekend(d);
    throw new Error(`independent calendar has no table for ${d}`);
  }

  /** The year is neither in the package nor loaded: its dates are estimates (暂估). */
  unpublished(year: number): boolean {
    return !this.years.has(year) && year > 2026;
  }

  /** The n-th working day after `start`, skipping the days of `skip` (pauses). */
  workdays(start: string, n: number, skip: (d: string) => boolean = () => false): string {
    let d = start;
    let left = n;
    while (left > 0) {
      d = nextDay(d);
      if (!skip(d) && !this.rest(d)) left--;
    }
    return d;
  }

  /** `start` + n calendar days (paused days not counted), moved off a rest day (民法典 第二百零三条). */
  calendarDays(start: string, n: number, paused = 0): string {
    return this.offRest(nextDay(start, n + paused));
  }

  /** The same day `n` months later (the last day of a shorter month), moved off a rest day. */
  months(start: string, n: number): string {
    const y = Number(start.slice(0, 4));
    const m = Number(start.slice(5, 7)) - 1 + n;
    const ty = y + Math.floor(m / 12);
    const tm = m % 12;
    const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
    const day = Math.min(Number(start.slice(8, 10)), last);
    return this.offRest(new Date(Date.UTC(ty, tm, day)).toISOString().slice(0, 10));
  }

  offRest(d: string): string {
    let x = d;
    while (this.rest(x)) x = nextDay(x);
    return x;
  }
}

/**
 * A plausible 2027 arrangement (the State Council notice is not out): the pattern of the 2026
 * notice — 春节 nine days from 除夕 with two Saturdays worked, 劳动节 and 国庆 with make-up days.
 */
export const TEST_2027 = {
  year: 2027,
  source: '测试用安排(仿国办发明电〔2025〕7号格式)',
  holidays: [
    { name: '元旦', days: ['2027-01-01', '2027-01-02', '2027-01-03'] },
    { name: '春节', days: [...Array(9).keys()].map((i) => nextDay('2027-02-05', i)) },
    { name: '清明节', days: ['2027-04-03', '2027-04-04', '2027-04-05'] },
    { name: '劳动节', days: ['2027-05-01', '2027-05-02', '2027-05-03', '2027-05-04', '2027-05-05'] },
    { name: '端午节', days: ['2027-06-09'] },
    { name: '中秋节', days: ['2027-09-15'] },
    { name: '国庆节', days: [...Array(7).keys()].map((i) => nextDay('2027-10-01', i)) },
  ],
  workdays: ['2027-01-30', '2027-02-20', '2027-04-25', '2027-05-08', '2027-09-26', '2027-10-09'],
};
