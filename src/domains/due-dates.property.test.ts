import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createWorkCalendar,
  type CalendarOverrides,
  firstChangedDay,
  parseArrangementJson,
  type WorkCalendar,
} from '../platform/calendar/index.js';
import { loadArrangement } from '../platform/calendar/service.js';
import { type Ctx, systemCtx } from '../platform/context.js';
import type { DatabaseHandle } from '../platform/db/open.js';
import { testEngines } from '../test/db.js';
import { nextDay, TEST_2027 } from '../test/independent-calendar.js';
import { createSuggestion } from './disputes/suggestions/service.js';
import { replyDue } from './disputes/suggestions/rules.js';
import { projectRecon } from './disputes/reconsideration/projection.js';
import type { ReconActionRecord } from './disputes/reconsideration/schema.js';
import { nextOpenDue } from './enforcement/cases/projection.js';
import type { ActionRecord } from './enforcement/cases/schema.js';
import { publicationDue, withdrawalDue } from './enforcement/publications/rules.js';
import { dueDateRecomputes } from './index.js';
import { projectReview } from './legality/review/rules.js';
import type { ReviewLogEntry } from './legality/review/schema.js';
import { recordReviewAction, submitReview } from './legality/review/service.js';
import { withOrgs } from './enforcement/test/fixtures.js';
import type { DemoOrgs } from './org/seed.js';

/** A start date anywhere in 2024–2027, and a few days' gap for the acts after it. */
const startDate = fc.integer({ min: 0, max: 4 * 365 }).map((n) => nextDay('2024-01-01', n));
const gap = fc.integer({ min: 0, max: 40 });

const act = (action: string, date: string, data: Record<string, unknown> = {}) =>
  ({ action, date, data, actorId: null }) as ActionRecord;

/**
 * Every clock kind, as (log from a start) → the stored value, computed by the rule the write path
 * and the load's recompute both call. `key` is the stored date a load's recompute selects on.
 */
const clocks: Record<
  string,
  (s: string, g: number, cal: WorkCalendar) => { key: string | null; value: unknown }
> = {
  // 行政处罚法 第六十条: 90 days from 立案 (an extension of g days)
  penaltyDecision: (s, g, cal) =>
    due(nextOpenDue('ordinary', [act('open', s), act('extend', nextDay(s, 1), { days: g })], cal)),
  // 第六十一条: 7 working days from 决定
  penaltyService: (s, _g, cal) =>
    due(
      nextOpenDue(
        'ordinary',
        [act('open', nextDay(s, -30)), act('notify', nextDay(s, -20)), act('decide', s)],
        cal,
      ),
    ),
  // 行政许可法 第三十二条: 5 working days to accept
  licenseAcceptance: (s, _g, cal) => due(nextOpenDue('license', [act('apply', s)], cal)),
  // 第四十二条: 20 working days from 受理 (deemed from receipt when late, 第三十二条)
  licenseDecision: (s, g, cal) =>
    due(nextOpenDue('license', [act('apply', s), act('accept', nextDay(s, g % 9))], cal)),
  // 第四十四条: 10 working days from 准予
  licenseIssue: (s, g, cal) =>
    due(
      nextOpenDue(
        'license',
        [act('apply', s), act('accept', nextDay(s, 1)), act('grant', nextDay(s, 2 + g))],
        cal,
      ),
    ),
  // 行政强制法 第二十五条: 30 days, 检测 days not counted
  seizure: (s, g, cal) =>
    due(
      nextOpenDue(
        'coercion',
        [act('open', s), act('seize', s), act('testSeized', nextDay(s, 1), { days: g % 10 })],
        cal,
      ),
    ),
  // 国办发〔2018〕118号: 7 / 20 working days
  publication: (s, g, cal) => {
    const d = publicationDue(cal, s, g % 2 === 0 ? 'penalty' : 'inspection');
    return { key: d, value: d };
  },
  // 行政处罚法 第四十八条: 3 working days to withdraw
  withdrawal: (s, _g, cal) => {
    const d = withdrawalDue(cal, s);
    return { key: d, value: d };
  },
  // 国办发〔2018〕115号: 15 working days, 补充材料 not counted, one extension
  legalityReview: (s, g, cal) => {
    const log: ReviewLogEntry[] = [
      { action: 'submit', date: s, data: {} },
      { action: 'requestMaterials', date: nextDay(s, 2), data: { reason: '补充' } } as ReviewLogEntry,
      { action: 'receiveMaterials', date: nextDay(s, 2 + g), data: {} } as ReviewLogEntry,
      { action: 'extend', date: nextDay(s, 3 + g), data: { reason: '复杂' } } as ReviewLogEntry,
    ];
    const p = projectReview(log, { periodWorkdays: 15, extensionWorkdays: 10, dueSoonDays: 3 }, cal);
    return { key: p.dueOn, value: [p.dueOn, p.dueSoonOn] };
  },
  // 两高公益诉讼解释 第二十一条: 2 months, 15 days when urgent
  suggestion: (s, g, cal) => {
    const d = replyDue(cal, s, g % 2 === 0);
    return { key: d, value: d };
  },
  // 行政复议法: the 复议 case's clocks (受理审查 5 working days, 决定 60 days …)
  reconsideration: (s, g, cal) => {
    const log = [
      { action: 'apply', date: s, data: {}, actorId: null },
      ...(g % 2 === 0 ? [{ action: 'accept', date: nextDay(s, 3), data: {}, actorId: null }] : []),
    ] as ReconActionRecord[];
    const p = projectRecon(log, cal);
    const keys = [p.next_due_on, p.decision_due_on].filter((x): x is string => x !== null).sort();
    return {
      key: keys.at(-1) ?? null,
      value: [p.decision_due_on, p.next_due_kind, p.next_due_on, p.late_count],
    };
  },
};

function due(d: { kind: string; due: string } | undefined) {
  return { key: d?.due ?? null, value: d ? [d.kind, d.due] : null };
}

const overridesOf = (a: typeof TEST_2027): CalendarOverrides => {
  const parsed = parseArrangementJson(JSON.stringify(a));
  return {
    years: [{ year: a.year, source: a.source }],
    days: parsed.days.map((d) => ({ ...d, year: a.year })),
  };
};

describe('a load recomputes exactly the stored dates it can move (property)', () => {
  const unpublished = createWorkCalendar();
  const loaded = createWorkCalendar(overridesOf(TEST_2027));
  const corrected = createWorkCalendar(
    overridesOf({
      ...TEST_2027,
      holidays: TEST_2027.holidays.map((h) => (h.name === '春节' ? { ...h, days: h.days.slice(0, 7) } : h)),
    }),
  );
  const steps: [string, WorkCalendar, WorkCalendar][] = [
    ['loading 2027', unpublished, loaded],
    ['correcting 2027', loaded, corrected],
  ];

  it.each(Object.keys(clocks))('%s: a date the load leaves alone is already the rule’s date', (kind) => {
    const clock = clocks[kind];
    if (!clock) throw new Error(kind);
    for (const [, before, after] of steps) {
      const from = firstChangedDay(before, after, [2027]);
      expect(from).not.toBeNull();
      fc.assert(
        fc.property(startDate, gap, (s, g) => {
          const stored = clock(s, g, before);
          const now = clock(s, g, after);
          // the recompute skips a record whose stored date is before the first changed day
          if (stored.key === null || (from !== null && stored.key < from))
            expect(now.value).toEqual(stored.value);
        }),
        { numRuns: 300 },
      );
    }
  });
});

describe.each(testEngines())('stored dates equal the rule from the log after a load, on $name', (engine) => {
  let h: DatabaseHandle;
  let orgs: DemoOrgs;
  let ctx: Ctx;
  beforeAll(async () => {
    h = await engine.open();
    orgs = await withOrgs(h);
    ctx = systemCtx(h.db, () => new Date('2028-01-10T02:00:00Z'));
  }, 600_000);
  afterAll(() => h.close());

  it('for 检察建议 and 合法性审查 started on random days of 2024–2027, before and after 2027 is loaded and corrected', async () => {
    const orgId = [...orgs.departments.values()][0] ?? orgs.rootId;
    const samples = fc.sample(fc.tuple(startDate, gap), { numRuns: 24, seed: 2027 });
    let n = 0;
    for (const [s, g] of samples) {
      n++;
      await createSuggestion(ctx, {
        kind: g % 2 === 0 ? 'publicInterest' : 'judicial',
        orgId,
        issuer: '某县人民检察院',
        documentNo: `检建〔${s.slice(0, 4)}〕${n}号`,
        issuedOn: s,
        receivedOn: s,
        urgent: g % 2 === 0,
        summary: '建议依法履行监管职责',
      });
      const r = await submitReview(ctx, {
        kind: 'normativeDocument',
        title: `规范性文件 ${n}`,
        orgId,
        submittedOn: s,
        materials: [{ name: '送审稿' }],
      });
      if (g % 3 === 0)
        await recordReviewAction(ctx, r.id, {
          action: 'extend',
          date: nextDay(s, 1),
          version: r.version,
          reason: '情况复杂',
        });
    }
    const agree = async () => {
      const cal = createWorkCalendar(
        await (async () => {
          const years = await h.db.selectFrom('calendar_year').select(['year', 'source']).execute();
          const days = await h.db
            .selectFrom('calendar_day')
            .select(['day', 'kind', 'name', 'year'])
            .execute();
          return { years, days } as CalendarOverrides;
        })(),
      );
      const wrong: string[] = [];
      for (const x of await h.db
        .selectFrom('disputes_suggestion')
        .select(['id', 'received_on', 'urgent', 'due_on'])
        .execute())
        if (replyDue(cal, x.received_on, x.urgent) !== x.due_on) wrong.push(`suggestion ${x.received_on}`);
      const reviews = await h.db
        .selectFrom('legality_review')
        .select(['id', 'submitted_on', 'period_workdays', 'extension_workdays', 'due_on', 'due_soon_on'])
        .execute();
      for (const r of reviews) {
        const log = (
          await h.db
            .selectFrom('legality_review_action')
            .select(['action', 'occurred_on', 'data'])
            .where('review_id', '=', r.id)
            .orderBy('seq')
            .execute()
        ).map((a) => ({ action: a.action, date: a.occurred_on, data: a.data }) as ReviewLogEntry);
        const p = projectReview(
          log,
          { periodWorkdays: r.period_workdays, extensionWorkdays: r.extension_workdays, dueSoonDays: 3 },
          cal,
        );
        if (p.dueOn !== r.due_on) wrong.push(`review ${r.submitted_on}: ${r.due_on} ≠ ${p.dueOn}`);
      }
      return { wrong, checked: reviews.length };
    };
    expect(await agree()).toEqual({ wrong: [], checked: samples.length });
    const load = await loadArrangement(
      ctx,
      parseArrangementJson(JSON.stringify(TEST_2027)),
      dueDateRecomputes,
    );
    const moved = (l: typeof load) =>
      l.recomputed
        .filter((r) => r.ledger === '合法性审查' || r.ledger === '检察建议、司法建议')
        .reduce((k, r) => k + r.changed, 0);
    expect(moved(load)).toBeGreaterThan(0);
    expect(await agree()).toEqual({ wrong: [], checked: samples.length });
    const fix = await loadArrangement(
      ctx,
      parseArrangementJson(
        JSON.stringify({
          ...TEST_2027,
          holidays: TEST_2027.holidays.map((x) =>
            x.name === '国庆节' ? { ...x, days: x.days.slice(0, 3) } : x,
          ),
        }),
      ),
      dueDateRecomputes,
    );
    expect(fix.changedFrom).toBe('2027-10-04');
    expect(await agree()).toEqual({ wrong: [], checked: samples.length });
  }, 300_000);
});
