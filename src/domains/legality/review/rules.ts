import { addDays, type LocalDate, type WorkCalendar } from '../../../platform/calendar/index.js';
import { computeDeadline, type DueState, dueState, type Pause } from '../../../platform/clock/index.js';
import { conflict, invalid } from '../../../platform/errors.js';
import { type ActTable, checkAct } from '../../../platform/service/act-table.js';
import {
  type Adoption,
  allowedReviewActions,
  type Conclusion,
  type ReviewAction,
  type ReviewLogEntry,
  type ReviewStatus,
} from './schema.js';
import { reviewActionLabels, reviewStatusLabels } from './labels.js';

/**
 * The region's review clock, copied onto each review when it is submitted so a later change of
 * the setting does not move running clocks. Default 15 working days: 国办发〔2018〕115号 (审核时间
 * 一般不少于5个工作日、最长不超过15个工作日; RULES §2.6 ⚠ — set per region).
 */
export interface ReviewClock {
  periodWorkdays: number;
  extensionWorkdays: number;
  dueSoonDays: number;
}
export const DEFAULT_REVIEW_CLOCK: ReviewClock = {
  periodWorkdays: 15,
  extensionWorkdays: 10,
  dueSoonDays: 3,
};

export interface ReviewProjection {
  status: ReviewStatus;
  conclusion: Conclusion | null;
  concludedOn: LocalDate | null;
  dueOn: LocalDate | null;
  dueSoonOn: LocalDate | null;
  extended: boolean;
  pausedSince: LocalDate | null;
  pausedDays: number;
}

/** 补充材料 stops the clock from the day after the request through the day the materials arrive. */
export function materialPauses(log: readonly ReviewLogEntry[]): Pause[] {
  const pauses: Pause[] = [];
  for (const e of log) {
    if (e.action === 'requestMaterials') pauses.push({ from: addDays(e.date, 1), reason: '补充材料' });
    if (e.action === 'receiveMaterials') {
      const open = pauses.at(-1);
      if (open && open.to === undefined) open.to = e.date;
    }
  }
  // a request answered the same day leaves an empty pause: drop it
  return pauses.filter((p) => p.to === undefined || p.to >= p.from);
}

const statusAfter: Record<ReviewAction, ReviewStatus | null> = {
  submit: 'reviewing',
  requestMaterials: 'awaitingMaterials',
  receiveMaterials: 'reviewing',
  extend: null,
  conclude: 'concluded',
  answer: 'answered',
  withdraw: 'withdrawn',
};

/** Status, conclusion and clock of a review, from its action log alone. */
export function projectReview(
  log: readonly ReviewLogEntry[],
  clock: ReviewClock,
  calendar: WorkCalendar,
): ReviewProjection {
  const first = log[0];
  if (first?.action !== 'submit') throw new Error('审查记录必须以报送开始');
  let status: ReviewStatus = 'reviewing';
  let conclusion: Conclusion | null = null;
  let concludedOn: LocalDate | null = null;
  for (const e of log) {
    status = statusAfter[e.action] ?? status;
    if (e.action === 'conclude') {
      conclusion = e.data.conclusion ?? null;
      concludedOn = e.date;
    }
  }
  const extended = log.some((e) => e.action === 'extend');
  const d = computeDeadline(calendar, {
    start: first.date,
    rule: { unit: 'workday', amount: clock.periodWorkdays },
    pauses: materialPauses(log),
    extensions: extended ? [{ amount: clock.extensionWorkdays }] : [],
  });
  return {
    status,
    conclusion,
    concludedOn,
    dueOn: d.due,
    dueSoonOn: d.due ? addDays(d.due, -clock.dueSoonDays) : null,
    extended,
    pausedSince: d.pausedSince ?? null,
    pausedDays: d.pausedDays,
  };
}

const reviewActionTable: ActTable<ReviewStatus, ReviewAction> = {
  code: 'legality.review.actionNotAllowed',
  noun: '审查',
  allowed: allowedReviewActions,
  statusLabels: reviewStatusLabels,
  actionLabels: reviewActionLabels,
  plainWords: true,
};

/** Checks one act against the log: allowed in the status, in date order, not in the future. */
export function checkReviewAction(
  status: ReviewStatus,
  log: readonly ReviewLogEntry[],
  next: {
    action: ReviewAction;
    date: LocalDate;
    reason?: string | undefined;
    conclusion?: Conclusion | undefined;
    opinions?: readonly string[] | undefined;
  },
  today: LocalDate,
): void {
  checkAct(reviewActionTable, status, next.action);
  const last = log.at(-1);
  if (last && next.date < last.date)
    throw invalid('legality.review.dateOrder', `日期不能早于上一步(${last.date})`, 'date');
  if (next.date > today) throw invalid('legality.review.futureDate', '日期不能晚于今天', 'date');
  if (next.action === 'extend') {
    // one extension: the period is extended once, with a reason (国办发〔2018〕115号 审核时限)
    if (log.some((e) => e.action === 'extend'))
      throw conflict('legality.review.extendedOnce', '审查期限只能延长一次', { field: 'action' });
    if (!next.reason || next.reason.length < 2)
      throw invalid('legality.review.reasonRequired', '延长审查期限须说明理由', 'reason');
  }
  if (next.action === 'requestMaterials' && (!next.reason || next.reason.length < 2))
    throw invalid('legality.review.reasonRequired', '请写明需要补充的材料', 'reason');
  if (next.action === 'conclude') checkConclusion(next.conclusion, next.opinions ?? []);
}

/**
 * 审查意见: 合法 may stand alone; 修改后合法 and 不合法 must say what is wrong, item by item
 * (国办发〔2018〕115号: 审核意见应当明确具体; 重大行政决策程序暂行条例 第二十八条: 书面审查意见).
 */
export function checkConclusion(conclusion: Conclusion | undefined, opinions: readonly string[]): void {
  if (!conclusion) throw invalid('legality.review.conclusionRequired', '请选择审查结论', 'conclusion');
  if (conclusion !== 'lawful' && opinions.length === 0)
    throw invalid(
      'legality.review.opinionsRequired',
      '审查结论为“修改后合法”或“不合法”的,须逐条列出审查意见',
      'opinions',
    );
}

/** Whether a conclusion lets the object go on (集体讨论, 公布): 合法 or 修改后合法. */
export const reviewPassed = (conclusion: Conclusion | string | null | undefined): boolean =>
  conclusion === 'lawful' || conclusion === 'lawfulAfterRevision';

/** The submitter answers every opinion once; 部分采纳 and 不采纳 need a reason. */
export function checkAnswers(
  opinionIds: readonly string[],
  answers: readonly { opinionId: string; adoption: Adoption; reason?: string | undefined }[],
): void {
  const seen = new Set<string>();
  answers.forEach((a, i) => {
    if (!opinionIds.includes(a.opinionId))
      throw invalid('legality.review.unknownOpinion', '所答意见不属于本次审查', `answers.${i}.opinionId`);
    if (seen.has(a.opinionId))
      throw invalid('legality.review.duplicateAnswer', '同一条意见只能反馈一次', `answers.${i}.opinionId`);
    seen.add(a.opinionId);
    if (a.adoption !== 'adopted' && (!a.reason || a.reason.length < 2))
      throw invalid('legality.review.adoptionReason', '部分采纳或不采纳的,须说明理由', `answers.${i}.reason`);
  });
  const missing = opinionIds.filter((id) => !seen.has(id));
  if (missing.length > 0)
    throw invalid('legality.review.answerMissing', `还有 ${missing.length} 条意见未反馈采纳情况`, 'answers');
}

export type ReviewDueState = DueState | 'paused' | 'onTime' | 'late' | 'closed';

/** 正常 / 临期 / 逾期 while open; 按期 / 超期 once concluded. */
export function reviewDueState(
  r: { status: ReviewStatus; dueOn: LocalDate | null; concludedOn: LocalDate | null },
  today: LocalDate,
  dueSoonDays: number,
): ReviewDueState {
  if (r.status === 'withdrawn') return 'closed';
  if (r.concludedOn) return r.dueOn && r.concludedOn <= r.dueOn ? 'onTime' : 'late';
  if (!r.dueOn) return 'paused';
  return dueState(r.dueOn, today, dueSoonDays);
}
