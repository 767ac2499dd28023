import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArrangementJson } from '../platform/calendar/index.js';
import { loadArrangement } from '../platform/calendar/service.js';
import { systemCtx } from '../platform/context.js';
import type { DatabaseHandle } from '../platform/db/open.js';
import { testEngines } from '../test/db.js';
import { IndependentCalendar, nextDay, TEST_2027 } from '../test/independent-calendar.js';
import { seedDemo } from '../report/demo.js';
import { searchCases } from './enforcement/cases/service.js';
import { searchPublications } from './enforcement/publications/service.js';
import { dueDateRecomputes } from './index.js';
import { searchReviews } from './legality/review/service.js';

/** The ledgers the recompute's answer is checked for one by one; the rest of it is the requests ledgers. */
const LEDGERS_OUTSIDE_REQUESTS = [
  '行政执法案件',
  '执法决定公示',
  '涉嫌犯罪案件移送',
  '合法性审查',
  '行政复议案件',
  '检察建议、司法建议',
];

/** The demo is seeded as on 2026-12-05 (China): its open clocks reach into 2027, whose notice is not out. */
const NOW = new Date('2026-12-05T02:00:00Z');
/** A day in 2027's 春节 week, to read the ledgers' 逾期 counts on. */
const FEB_11 = new Date('2027-02-11T02:00:00Z');

type Log = { action: string; date: string; data: Record<string, unknown> }[];
const sum = (log: Log, actions: string[], field: string) =>
  log.filter((a) => actions.includes(a.action)).reduce((n, a) => n + Number(a.data[field] ?? 0), 0);

/**
 * Each stored due date counted again by the independent calendar, from the rows and their logs
 * (the article each rule comes from is cited where the production rule is). Returns the
 * disagreements and how many dates were checked per ledger.
 */
async function recount(h: DatabaseHandle) {
  const db = h.db;
  const years = (await db.selectFrom('calendar_year').select('year').execute()).map((y) => y.year);
  const days = await db.selectFrom('calendar_day').select(['day', 'kind', 'year']).execute();
  const cal = new IndependentCalendar({ years, days });
  const wrong: string[] = [];
  const checked: Record<string, number> = {};
  const check = (ledger: string, id: string, stored: string | null, expected: string | null) => {
    checked[ledger] = (checked[ledger] ?? 0) + 1;
    if (stored !== expected) wrong.push(`${ledger} ${id}: stored ${stored}, counted ${expected}`);
  };
  const logsOf = async (table: 'enforcement_case_action', key: 'case_id') => {
    const rows = await db
      .selectFrom(table)
      .select([key, 'action', 'occurred_on', 'data'])
      .orderBy(key)
      .orderBy('seq')
      .execute();
    const m = new Map<string, Log>();
    for (const r of rows) {
      const l = m.get(r[key]) ?? [];
      l.push({ action: r.action, date: r.occurred_on, data: (r.data ?? {}) as Record<string, unknown> });
      m.set(r[key], l);
    }
    return m;
  };
  const caseLogs = await logsOf('enforcement_case_action', 'case_id');

  // 行政执法案件: the earliest open clock the ledger stores
  const cases = await db
    .selectFrom('enforcement_case')
    .select(['id', 'next_due_kind', 'next_due_on'])
    .where('next_due_on', 'is not', null)
    .execute();
  for (const c of cases) {
    const log = caseLogs.get(c.id) ?? [];
    const first = (a: string) => log.find((x) => x.action === a);
    let expected: string | null = null;
    switch (c.next_due_kind) {
      case 'decision': // 行政处罚法 第六十条: 九十日 from 立案, plus approved extensions
        expected = cal.calendarDays(first('open')?.date ?? '', 90 + sum(log, ['extend'], 'days'));
        break;
      case 'service': // 第六十一条: 七个工作日
        expected = cal.workdays(first('decide')?.date ?? '', 7);
        break;
      case 'acceptance': {
        // 行政许可法 第三十二条: 五个工作日 from the (corrected) application
        const received = [...log].reverse().find((a) => a.action === 'apply' || a.action === 'correct');
        expected = cal.workdays(received?.date ?? '', 5);
        break;
      }
      case 'licenseDecision': {
        // 第四十二条: 二十个工作日 from 受理 (from receipt when deemed accepted, 第三十二条)
        const received = [...log].reverse().find((a) => a.action === 'apply' || a.action === 'correct');
        const accepted = first('accept');
        const limit = cal.workdays(received?.date ?? '', 5);
        const from = accepted && accepted.date <= limit ? accepted.date : (received?.date ?? '');
        expected = cal.workdays(from, 20 + sum(log, ['extend', 'expertReview', 'holdHearing'], 'workdays'));
        break;
      }
      case 'licenseIssue': // 第四十四条: 十个工作日 from 准予
        expected = cal.workdays(first('grant')?.date ?? '', 10);
        break;
      case 'seizure': // 行政强制法 第二十五条: 三十日 plus extension; 检测 days not counted
        expected = cal.calendarDays(
          first('seize')?.date ?? '',
          30 + sum(log, ['extendSeizure'], 'days'),
          sum(log, ['testSeized'], 'days'),
        );
        break;
      default:
        expected = `unknown kind ${c.next_due_kind}`;
    }
    check('cases', c.id, c.next_due_on, expected);
  }

  // 执法决定公示 (国办发〔2018〕118号: 7 / 20 working days) and 撤回 (行政处罚法 第四十八条: 3)
  const pubs = await db
    .selectFrom('enforcement_publication')
    .select(['id', 'case_id', 'decided_on', 'category', 'due_on', 'withdraw_due_on', 'withdrawn_on'])
    .execute();
  for (const p of pubs) {
    const n = p.category === 'license' || p.category === 'penalty' ? 7 : 20;
    check('publications', p.id, p.due_on, cal.workdays(p.decided_on, n));
    if (p.withdraw_due_on !== null) {
      const change = (caseLogs.get(p.case_id) ?? [])
        .filter((a) => ['amendDecision', 'revokeDecision'].includes(a.action))
        .filter((a) => p.withdrawn_on === null || a.date <= p.withdrawn_on)
        .at(-1);
      check('withdrawals', p.id, p.withdraw_due_on, change ? cal.workdays(change.date, 3) : 'no change');
    }
  }

  // 检察建议 / 司法建议: 两个月, 紧急的 15 日, moved off a rest day
  const suggestions = await db
    .selectFrom('disputes_suggestion')
    .select(['id', 'received_on', 'urgent', 'due_on'])
    .execute();
  for (const s of suggestions)
    check(
      'suggestions',
      s.id,
      s.due_on,
      s.urgent ? cal.calendarDays(s.received_on, 15) : cal.months(s.received_on, 2),
    );

  // 合法性审查: the period in working days, 补充材料 not counted, one extension
  const reviews = await db
    .selectFrom('legality_review')
    .select(['id', 'submitted_on', 'period_workdays', 'extension_workdays', 'extended', 'due_on'])
    .where('due_on', 'is not', null)
    .execute();
  const reviewActs = await db
    .selectFrom('legality_review_action')
    .select(['review_id', 'action', 'occurred_on'])
    .orderBy('review_id')
    .orderBy('seq')
    .execute();
  for (const r of reviews) {
    const acts = reviewActs.filter((a) => a.review_id === r.id);
    const pauses: [string, string][] = [];
    for (const a of acts) {
      if (a.action === 'requestMaterials') pauses.push([nextDay(a.occurred_on), '9999-12-31']);
      const open = pauses.at(-1);
      if (a.action === 'receiveMaterials' && open && open[1] === '9999-12-31') open[1] = a.occurred_on;
    }
    const paused = (d: string) => pauses.some(([f, t]) => d >= f && d <= t);
    const n = r.period_workdays + (r.extended ? r.extension_workdays : 0);
    check('reviews', r.id, r.due_on, cal.workdays(r.submitted_on, n, paused));
  }
  return { wrong, checked, cal };
}

/** Every stored due column, to tell which records a load moved. */
async function snapshot(h: DatabaseHandle) {
  const db = h.db;
  const rows: [string, string, string][] = [];
  const add = (ledger: string, id: string, ...v: unknown[]) =>
    rows.push([ledger, id, JSON.stringify(v.map((x) => (x instanceof Date ? x.toISOString() : x)))]);
  for (const r of await db
    .selectFrom('enforcement_case')
    .select(['id', 'next_due_kind', 'next_due_on'])
    .execute())
    add('行政执法案件', r.id, r.next_due_kind, r.next_due_on);
  for (const r of await db
    .selectFrom('enforcement_publication')
    .select(['id', 'due_on', 'withdraw_due_on'])
    .execute())
    add('执法决定公示', r.id, r.due_on, r.withdraw_due_on);
  for (const r of await db
    .selectFrom('enforcement_referral')
    .select(['id', 'next_due_kind', 'next_due_at', 'next_due_soon_at', 'late_count', 'handover_late'])
    .execute())
    add(
      '涉嫌犯罪案件移送',
      r.id,
      r.next_due_kind,
      r.next_due_at,
      r.next_due_soon_at,
      r.late_count,
      r.handover_late,
    );
  for (const r of await db.selectFrom('legality_review').select(['id', 'due_on', 'due_soon_on']).execute())
    add('合法性审查', r.id, r.due_on, r.due_soon_on);
  for (const r of await db
    .selectFrom('disputes_reconsideration')
    .select(['id', 'decision_due_on', 'next_due_kind', 'next_due_on', 'late_count'])
    .execute())
    add('行政复议案件', r.id, r.decision_due_on, r.next_due_kind, r.next_due_on, r.late_count);
  for (const r of await db.selectFrom('disputes_suggestion').select(['id', 'due_on']).execute())
    add('检察建议、司法建议', r.id, r.due_on);
  for (const r of await db
    .selectFrom('requests_item')
    .select(['id', 'kind', 'due_kind', 'due_on', 'due_provisional', 'on_time'])
    .execute())
    add(`requests:${r.kind}`, r.id, r.due_kind, r.due_on, r.due_provisional, r.on_time);
  return new Map(rows.map(([ledger, id, v]) => [`${ledger}|${id}`, v]));
}

async function allPages<T>(page: (p: { offset: number; limit: number }) => Promise<{ items: T[] }>) {
  const out: T[] = [];
  for (let offset = 0; ; offset += 200) {
    const { items } = await page({ offset, limit: 200 });
    out.push(...items);
    if (items.length < 200) return out;
  }
}

describe.each(testEngines())('every stored due date of the demo, counted again, on $name', (engine) => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await engine.open();
    await seedDemo(h.db, { password: 'Demo-passw0rd', now: NOW, scale: 0.1 });
  }, 900_000);
  afterAll(() => h?.close());

  it('agrees with a second working-day count, marks every 2027 date 暂估, and catches up when 2027 is loaded', async () => {
    const before = await recount(h);
    expect(before.wrong.slice(0, 10)).toEqual([]);
    // every ledger with working-day or rest-day-moved clocks was checked, some dates in 2027
    for (const ledger of ['cases', 'publications', 'suggestions', 'reviews'])
      expect(before.checked[ledger], ledger).toBeGreaterThan(0);
    const ctx = systemCtx(h.db, () => NOW);
    const cases = await allPages((p) => searchCases(ctx, {}, p));
    const in2027 = cases.filter((c) => c.nextDue && c.nextDue.due >= '2027-01-01');
    expect(in2027.length).toBeGreaterThan(0);
    expect(in2027.every((c) => c.nextDue?.provisionalReason?.includes('2027'))).toBe(true);
    expect(
      cases
        .filter((c) => c.nextDue && c.nextDue.due < '2027-01-01')
        .every((c) => !c.nextDue?.provisionalReason),
    ).toBe(true);
    const pubs = await allPages((p) => searchPublications(ctx, {}, p));
    const pubs2027 = pubs.filter((p) => p.dueOn >= '2027-01-01');
    expect(pubs2027.every((p) => p.dueProvisionalReason?.includes('2027'))).toBe(true);
    const reviews = await allPages((p) => searchReviews(ctx, {}, p));
    expect(
      reviews
        .filter((r) => r.dueOn && r.dueOn >= '2027-01-01')
        .every((r) => r.dueProvisionalReason?.includes('2027')),
    ).toBe(true);
    const items2027 = await h.db
      .selectFrom('requests_item')
      .select(['due_provisional'])
      .where('due_on', '>=', '2027-01-01')
      // 人大建议/政协提案 (3 months) and 调解 (typed-in or plain-day windows) count no working days
      .where('kind', 'in', ['disclosure', 'petition', 'legalAid'])
      .execute();
    expect(items2027.every((i) => i.due_provisional)).toBe(true);

    // the ledgers' 逾期 counts read on 2027-02-11, before the notice is loaded
    const feb = systemCtx(h.db, () => FEB_11);
    const overdueBefore = (await searchCases(feb, { due: 'overdue' }, { offset: 0, limit: 1 })).total;
    const pubOverdueBefore = (await searchPublications(feb, { due: 'overdue' }, { offset: 0, limit: 1 }))
      .total;
    const stored = await snapshot(h);

    const result = await loadArrangement(
      ctx,
      parseArrangementJson(JSON.stringify(TEST_2027)),
      dueDateRecomputes,
    );
    const after = await snapshot(h);
    const moved = new Map<string, number>();
    for (const [key, value] of after)
      if (stored.get(key) !== value) {
        const ledger = key.split('|')[0] ?? '';
        moved.set(ledger, (moved.get(ledger) ?? 0) + 1);
      }
    // the answer counts exactly the records whose stored dates moved, ledger by ledger
    const reported = new Map<string, number>();
    for (const r of result.recomputed) reported.set(r.ledger, r.changed);
    expect(result.changedFrom).toBe('2027-01-01');
    expect(moved.get('行政执法案件') ?? 0).toBeGreaterThan(0);
    // (publications are due by early January, where the notice and the statute agree: none moves)
    for (const ledger of LEDGERS_OUTSIDE_REQUESTS)
      expect(reported.get(ledger), ledger).toBe(moved.get(ledger) ?? 0);
    const requestsMoved = [...moved]
      .filter(([k]) => k.startsWith('requests:'))
      .reduce((n, [, v]) => n + v, 0);
    const requestsReported = result.recomputed
      .filter((r) => !LEDGERS_OUTSIDE_REQUESTS.includes(r.ledger))
      .reduce((n, r) => n + r.changed, 0);
    expect(requestsReported).toBe(requestsMoved);
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity', '=', 'calendar_year')
      .where('entity_id', '=', '2027')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['calendar.loadYear']);

    const loaded = await recount(h);
    expect(loaded.wrong.slice(0, 10)).toEqual([]);
    // nothing is 暂估 any more: 2027 is published
    const casesAfter = await allPages((p) => searchCases(ctx, {}, p));
    expect(casesAfter.every((c) => !c.nextDue?.provisionalReason)).toBe(true);
    const itemsAfter = await h.db
      .selectFrom('requests_item')
      .select('due_provisional')
      .where('due_provisional', '=', true)
      .execute();
    expect(itemsAfter).toEqual([]);
    // 春节 now runs to 02-13: clocks that ended on 02-09…02-11 moved past them, so fewer are 逾期 on 02-11
    const overdueAfter = (await searchCases(feb, { due: 'overdue' }, { offset: 0, limit: 1 })).total;
    const pubOverdueAfter = (await searchPublications(feb, { due: 'overdue' }, { offset: 0, limit: 1 }))
      .total;
    expect(overdueAfter + pubOverdueAfter).toBeLessThan(overdueBefore + pubOverdueBefore);
    const expectedOverdue = casesAfter.filter(
      (c) => c.nextDue !== null && c.nextDue.due < '2027-02-11',
    ).length;
    expect(overdueAfter).toBe(expectedOverdue);

    // a correction of the loaded year (春节 ends on Thursday 02-11: Friday 02-12 is worked) runs the same recompute
    const corrected = {
      ...TEST_2027,
      source: '测试用安排(更正)',
      holidays: TEST_2027.holidays.map((x) => (x.name === '春节' ? { ...x, days: x.days.slice(0, 7) } : x)),
    };
    const again = await loadArrangement(
      ctx,
      parseArrangementJson(JSON.stringify(corrected)),
      dueDateRecomputes,
    );
    expect(again.replaced).toBe(true);
    expect(again.changedFrom).toBe('2027-02-12');
    expect(again.recomputed.reduce((n, r) => n + r.changed, 0)).toBeGreaterThan(0);
    expect((await recount(h)).wrong.slice(0, 10)).toEqual([]);
  }, 900_000);
});
