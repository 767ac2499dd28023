import {
  addDays,
  compareDates,
  type LocalDate,
  type WorkCalendar,
} from '../../../../platform/calendar/index.js';
import { addWorkdays } from '../../../../platform/clock/index.js';
import type { ActionRecord, CaseCategory, Disposal } from '../schema.js';
import type { CaseDraft, DraftAction } from '../service.js';
import { intBetween, pickOne } from '../../demo-names.js';

/** Cases a year per officer by category, besides penalties (许可 dominates; 003 report orders). */
export const CASES_PER_OFFICER_BY_CATEGORY = {
  license: 4,
  inspection: 1.2,
  coercion: 0.2,
  levy: 0.3,
  confirmation: 0.2,
  reward: 0.05,
  adjudication: 0.05,
  benefit: 0.4,
  other: 0.2,
} as const satisfies Partial<Record<CaseCategory, number>>;

export const LICENSES = [
  '食品经营许可',
  '药品零售许可',
  '建设工程规划许可',
  '道路运输经营许可',
  '取水许可',
  '娱乐场所经营许可',
];
const DECISIONS: Partial<Record<CaseCategory, string>> = {
  inspection: '检查发现问题,责令限期整改',
  levy: '征收城市基础设施配套费',
  confirmation: '确认土地承包经营权',
  reward: '对举报违法行为的群众给予奖励',
  adjudication: '裁决林木权属争议',
  benefit: '发放最低生活保障金',
  other: '作出其他行政执法决定',
};

interface Step {
  action: ActionRecord['action'];
  gap: number;
  data?: ActionRecord['data'];
  reviewer?: boolean;
  workdays?: boolean;
}

export interface CategoryDraftContext {
  random: () => number;
  calendar: WorkCalendar;
  today: LocalDate;
  day: LocalDate;
  reviewer: string | null;
  /** the party and body fields of the draft input (bodyId, party, handlers, power item) */
  input: Record<string, unknown>;
}

/** The case a plan makes: opened on the context's day with its category and facts, then the plan's acts. */
function planned(
  c: CategoryDraftContext,
  input: { category: CaseCategory; facts: string; majorReason: string | null },
  plan: readonly Step[],
): CaseDraft {
  const { majorReason, ...fields } = input;
  return {
    kind: 'open',
    input: { ...c.input, ...fields, openedOn: c.day, ...(majorReason ? { majorReason } : {}) },
    actions: run(c, plan),
  };
}

function run(c: CategoryDraftContext, plan: readonly Step[]): DraftAction[] {
  const actions: DraftAction[] = [];
  let date = c.day;
  for (const step of plan) {
    // a date counted into a year whose holidays are not loaded lies after today: the plan stops there
    const workdays = (from: LocalDate, n: number) =>
      compareDates(addDays(from, n * 2 + 14), c.today) > 0
        ? addDays(c.today, 1)
        : addWorkdays(c.calendar, from, n);
    let next = step.workdays ? workdays(date, step.gap) : addDays(date, step.gap);
    if (step.action === 'holdHearing') {
      const noticedOn = addDays(date, 1);
      next = addDays(workdays(noticedOn, 7), intBetween(c.random, 0, 3));
      step.data = { ...step.data, noticedOn };
    }
    if (compareDates(next, c.today) > 0) break;
    actions.push({
      action: step.action,
      date: next,
      actorId: step.reviewer ? c.reviewer : null,
      ...(step.data ? { data: step.data } : {}),
    });
    date = next;
  }
  return actions;
}

const review = (c: CategoryDraftContext): Step[] =>
  c.reviewer
    ? [
        { action: 'submitReview', gap: intBetween(c.random, 1, 3) },
        {
          action: 'passReview',
          gap: intBetween(c.random, 1, 4),
          reviewer: true,
          data: { opinion: '事实清楚,证据确凿,适用依据正确,程序合法,同意' },
        },
      ]
    : [];

/** 行政许可: 申请 → 受理 (or 补正 / 不予受理) → 审查 → 准予 / 不予 → 送达、颁证 → 结案. */
export function licenseDraft(c: CategoryDraftContext): CaseDraft {
  const r = c.random;
  const name = pickOne(r, LICENSES);
  const plan: Step[] = [];
  // a hearing held makes the decision major (法制审核 first); only where a reviewer exists
  const hearing = c.reviewer !== null && r() < 0.01;
  const major = hearing || (c.reviewer !== null && r() < 0.01);
  if (r() < 0.02) plan.push({ action: 'rejectApplication', gap: intBetween(r, 1, 4), workdays: true });
  else {
    if (r() < 0.1)
      plan.push(
        { action: 'requestCorrection', gap: intBetween(r, 0, 4), workdays: true },
        { action: 'correct', gap: intBetween(r, 2, 10) },
      );
    // a few applications wait past the five working days of art. 32 (逾期)
    plan.push({ action: 'accept', gap: r() < 0.01 ? 12 : intBetween(r, 0, 4), workdays: true });
    plan.push({ action: 'examine', gap: intBetween(r, 1, 6), workdays: true });
    if (r() < 0.03)
      plan.push({ action: 'expertReview', gap: intBetween(r, 1, 3), workdays: true, data: { workdays: 5 } });
    if (hearing) plan.push({ action: 'holdHearing', gap: 0, data: { workdays: 3 } });
    if (r() < 0.04)
      plan.push({
        action: 'extend',
        gap: intBetween(r, 5, 12),
        workdays: true,
        data: { workdays: 10, note: '经本机关负责人批准延长十个工作日' },
      });
    if (major) plan.push(...review(c));
    const slow = r() < 0.01;
    const grant = r() < 0.92;
    plan.push({
      action: grant ? 'grant' : 'refuse',
      gap: slow ? 40 : intBetween(r, 1, 10),
      workdays: true,
      data: grant
        ? {
            decisionNo: `开许准〔${c.day.slice(0, 4)}〕${intBetween(r, 1, 9999)}号`,
            licenseNo: `JY2532502${String(Math.floor(r() * 1e6)).padStart(6, '0')}`,
          }
        : { note: '申请人不符合法定条件' },
    });
    plan.push({ action: 'issue', gap: intBetween(r, 0, 6), workdays: true });
    plan.push({ action: 'close', gap: intBetween(r, 0, 5) });
  }
  return planned(
    c,
    { category: 'license', facts: `申请${name}`, majorReason: major && !hearing ? '涉及重大公共利益' : null },
    plan,
  );
}

/** 行政强制措施: 立案 → 调查 → 查封、扣押 → [延长] → [法制审核] → 处理决定 → 送达 → [执行] → 结案. */
export function coercionDraft(c: CategoryDraftContext): CaseDraft {
  const r = c.random;
  const disposal: Disposal = r() < 0.4 ? 'confiscate' : r() < 0.35 ? 'destroy' : 'release';
  const plan: Step[] = [
    { action: 'investigate', gap: intBetween(r, 0, 3) },
    {
      action: 'seize',
      gap: intBetween(r, 0, 3),
      data: { note: '现场查封涉案物品,当场交付查封决定书和清单' },
    },
  ];
  if (r() < 0.1) plan.push({ action: 'extendSeizure', gap: intBetween(r, 20, 28), data: { days: 30 } });
  const major = disposal !== 'release' && c.reviewer !== null && r() < 0.3;
  if (major) plan.push(...review(c));
  plan.push(
    { action: 'dispose', gap: r() < 0.03 ? 45 : intBetween(r, 3, 20), data: { disposal } },
    { action: 'serve', gap: intBetween(r, 0, 5) },
    { action: 'close', gap: intBetween(r, 1, 10) },
  );
  return planned(
    c,
    {
      category: 'coercion',
      facts: '涉嫌经营不符合安全标准的产品,依法查封、扣押',
      majorReason: major ? '涉案财物价值较大,涉及重大公共利益' : null,
    },
    plan,
  );
}

/** The generic procedure: 立案 → 调查 → [告知] → [法制审核] → 决定 → 送达 → 执行 → 结案. */
export function genericDraft(c: CategoryDraftContext, category: CaseCategory): CaseDraft {
  const r = c.random;
  const plan: Step[] = [{ action: 'investigate', gap: intBetween(r, 1, 10) }];
  const major = r() < 0.04 && c.reviewer !== null;
  if (r() < 0.03) plan.push({ action: 'terminate', gap: intBetween(r, 5, 20) });
  else {
    if (r() < 0.3) plan.push({ action: 'notify', gap: intBetween(r, 3, 15) });
    if (major) plan.push(...review(c));
    const amount = category === 'levy' || category === 'benefit' || category === 'reward';
    plan.push(
      {
        action: 'decide',
        gap: intBetween(r, 2, 20),
        data: {
          note: DECISIONS[category] ?? '作出决定',
          ...(amount ? { amount: intBetween(r, 5, 300) * 100 } : {}),
        },
      },
      { action: 'serve', gap: intBetween(r, 0, 6) },
      { action: 'execute', gap: intBetween(r, 3, 30) },
      { action: 'close', gap: intBetween(r, 1, 10) },
    );
  }
  return planned(
    c,
    { category, facts: DECISIONS[category] ?? '依法办理', majorReason: major ? '涉及重大公共利益' : null },
    plan,
  );
}
