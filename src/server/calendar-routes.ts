import { z } from 'zod';
import {
  createWorkCalendar,
  loadOverrides,
  loadWorkCalendar,
  PACKAGE_FIRST_YEAR,
  PACKAGE_LAST_YEAR,
  PACKAGE_NAME,
  parseArrangementJson,
} from '../platform/calendar/index.js';
import { listYears, loadArrangement } from '../platform/calendar/service.js';
import { addCalendarDays, addWorkdays } from '../platform/clock/index.js';
import { LocalDate } from '../platform/validation.js';
import { dueDateRecomputes } from '../domains/index.js';
import { requestCtx } from '../domains/org/request-ctx.js';
import type { AppOptions, TypedApp } from '../platform/http/types.js';

export function registerCalendarRoutes(app: TypedApp, opts: AppOptions): void {
  const db = opts.handle.db;
  const tags = ['节假日安排'];

  app.get('/api/calendar/years', { schema: { tags, summary: '已覆盖的年份' } }, async (req) => {
    await requestCtx(req, db);
    const loaded = await listYears(db);
    const years: {
      year: number;
      source: 'package' | 'override';
      sourceNote: string;
      holidays: number;
      workdays: number;
    }[] = [];
    const cal = createWorkCalendar();
    for (let y = PACKAGE_FIRST_YEAR; y <= PACKAGE_LAST_YEAR; y++) {
      if (loaded.some((l) => l.year === y)) continue;
      let holidays = 0;
      let workdays = 0;
      for (let d = `${y}-01-01`; d.startsWith(String(y)); d = addCalendarDays(d, 1)) {
        const k = cal.describe(d).kind;
        if (k === 'holiday') holidays++;
        else if (k === 'makeupWorkday') workdays++;
      }
      years.push({ year: y, source: 'package', sourceNote: PACKAGE_NAME, holidays, workdays });
    }
    for (const l of loaded)
      years.push({
        year: l.year,
        source: 'override',
        sourceNote: l.source,
        holidays: l.holidayCount,
        workdays: l.workdayCount,
      });
    return years.sort((a, b) => b.year - a.year);
  });

  app.get(
    '/api/calendar/add',
    {
      schema: {
        tags,
        summary: '期限计算',
        querystring: z.object({
          date: LocalDate,
          n: z.coerce.number().int().min(-3660).max(3660),
          unit: z.enum(['workday', 'calendarDay']).default('workday'),
        }),
      },
    },
    async (req) => {
      await requestCtx(req, db);
      const { date, n, unit } = req.query;
      const result =
        unit === 'workday' ? addWorkdays(await loadWorkCalendar(db), date, n) : addCalendarDays(date, n);
      return { date, n, unit, result };
    },
  );

  app.get(
    '/api/calendar/:year',
    {
      schema: {
        tags,
        summary: '某年的安排',
        params: z.object({ year: z.coerce.number().int().min(1990).max(2200) }),
      },
    },
    async (req) => {
      await requestCtx(req, db);
      const year = req.params.year;
      const cal = createWorkCalendar(await loadOverrides(db));
      if (!cal.covers(year)) return { year, covered: false, source: null, days: [] };
      const days: { date: string; kind: 'holiday' | 'workday'; name: string }[] = [];
      for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addCalendarDays(d, 1)) {
        const info = cal.describe(d);
        if (info.kind === 'holiday') days.push({ date: d, kind: 'holiday', name: info.name ?? '' });
        else if (info.kind === 'makeupWorkday')
          days.push({ date: d, kind: 'workday', name: info.name ?? '' });
      }
      return { year, covered: true, source: cal.sourceOf(year) ?? PACKAGE_NAME, days };
    },
  );

  app.post(
    '/api/calendar/load',
    { schema: { tags, summary: '载入一年的安排(JSON 格式)', body: z.record(z.string(), z.unknown()) } },
    async (req) => {
      const ctx = await requestCtx(req, db);
      return loadArrangement(ctx, parseArrangementJson(JSON.stringify(req.body)), dueDateRecomputes);
    },
  );
}
