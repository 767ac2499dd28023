import { addDays, daysBetween, type LocalDate, type WorkCalendar } from '../../../platform/calendar/index.js';
import { addCalendarDays, addMonths, countWorkdays } from '../../../platform/clock/index.js';
import { conflict, invalid } from '../../../platform/errors.js';
import { type ActTable, checkAct } from '../../../platform/service/act-table.js';
import { reviewPassed } from '../review/rules.js';
import {
  allowedDocumentActions,
  type CleanupOutcome,
  type DocumentAction,
  type DocumentStatus,
} from './schema.js';
import { documentActionLabels, documentStatusLabels } from './labels.js';

const documentActionTable: ActTable<DocumentStatus, DocumentAction> = {
  code: 'legality.document.actionNotAllowed',
  noun: '文件',
  allowed: allowedDocumentActions,
  statusLabels: documentStatusLabels,
  actionLabels: documentActionLabels,
  plainWords: true,
};

export function checkDocumentAction(status: DocumentStatus, action: DocumentAction): void {
  checkAct(documentActionTable, status, action);
}

/** 示范指标 item 24: 征求意见 ≥ 7 working days; ≥ 30 days when closely tied to market entities. */
export const COMMENT_MIN_WORKDAYS = 7;
export const COMMENT_MIN_DAYS_MARKET = 30;

export interface CommentPeriod {
  workdays: number;
  days: number;
  /** the rule's minimum in words, for messages */
  rule: string;
  short: boolean;
}

/** The comment period from..to (both days included) against the rule. */
export function commentPeriod(
  calendar: WorkCalendar,
  from: LocalDate,
  to: LocalDate,
  marketRelated: boolean,
): CommentPeriod {
  const days = daysBetween(from, to) + 1;
  const workdays = countWorkdays(calendar, addDays(from, -1), to);
  return marketRelated
    ? { workdays, days, rule: `不少于 ${COMMENT_MIN_DAYS_MARKET} 日`, short: days < COMMENT_MIN_DAYS_MARKET }
    : {
        workdays,
        days,
        rule: `不少于 ${COMMENT_MIN_WORKDAYS} 个工作日`,
        short: workdays < COMMENT_MIN_WORKDAYS,
      };
}

/** A shorter period stands only with a stated reason (示范指标 item 24). */
export function checkCommentPeriod(
  p: CommentPeriod,
  from: LocalDate,
  to: LocalDate,
  reason: string | undefined,
): void {
  if (to < from) throw invalid('legality.document.commentDates', '征求意见截止日不能早于开始日', 'commentTo');
  if (p.short && (!reason || reason.length < 2))
    throw invalid(
      'legality.document.commentTooShort',
      `征求意见期限应${p.rule}(法治政府建设示范指标第24项),本次仅 ${p.workdays} 个工作日、${p.days} 日;缩短期限须说明理由`,
      'reason',
    );
}

/** Review follows the comment period, and 公平竞争审查 comes first when the document touches the market. */
export function checkReadyForReview(
  d: { comment_to: string | null; market_related: boolean; fair_competition_on: string | null },
  date: LocalDate,
): void {
  if (!d.comment_to || d.comment_to >= date)
    throw conflict('legality.document.commentOpen', '公开征求意见期限届满后方可报送合法性审核', {
      field: 'date',
    });
  if (d.market_related && !d.fair_competition_on)
    throw conflict(
      'legality.document.fairCompetitionRequired',
      '涉及市场主体经济活动的文件,须先进行公平竞争审查(公平竞争审查条例 第十二条)',
      { field: 'action' },
    );
}

/**
 * 国办发〔2018〕115号: 未经合法性审核或者经审核不合法的,不得提交集体审议 — and so not published.
 */
export function checkReviewGate(
  review: { status: string; conclusion: string | null } | undefined,
  step: '集体审议' | '公布',
): void {
  if (!review || !reviewPassed(review.conclusion))
    throw conflict(
      'legality.document.reviewRequired',
      `未经合法性审核或者经审核不合法的规范性文件,不得${step === '集体审议' ? '提交集体审议' : '公布'}(国办发〔2018〕115号)`,
      { field: 'action' },
    );
}

/** 三统一: the system issues the number from the region's format; {abbr} {year} {seq} are filled in. */
export function formatDocumentNumber(format: string, v: { abbr: string; year: number; seq: number }): string {
  return format
    .replaceAll('{abbr}', v.abbr)
    .replaceAll('{year}', String(v.year))
    .replaceAll('{seq}', String(v.seq));
}

/** 施行: 30 days after publication by default (RULES §2.6); earlier only with a reason. */
export const EFFECTIVE_AFTER_DAYS = 30;
export function effectiveDate(
  publishedOn: LocalDate,
  effectiveOn: LocalDate | undefined,
  reason: string | undefined,
): LocalDate {
  const byDefault = addCalendarDays(publishedOn, EFFECTIVE_AFTER_DAYS);
  const on = effectiveOn ?? byDefault;
  if (on < publishedOn)
    throw invalid('legality.document.effectiveBeforePublication', '施行日期不能早于公布日期', 'effectiveOn');
  if (on < byDefault && (!reason || reason.length < 2))
    throw invalid(
      'legality.document.effectiveReason',
      `规范性文件应当自公布之日起 ${EFFECTIVE_AFTER_DAYS} 日后施行;提前施行须说明理由`,
      'reason',
    );
  return on;
}

/** 有效期: 5 years, 暂行/试行 2 years (RULES §2.6), to the day before the anniversary. */
export function validUntil(effectiveOn: LocalDate, provisional: boolean): LocalDate {
  return addDays(addMonths(effectiveOn, provisional ? 24 : 60), -1);
}

export type ValidityState = 'valid' | 'expiringSoon' | 'expired';
/** Reminders before lapse: 临期 within `warnDays` (90 by default). */
export function validityState(until: LocalDate, today: LocalDate, warnDays = 90): ValidityState {
  if (today > until) return 'expired';
  return daysBetween(today, until) <= warnDays ? 'expiringSoon' : 'valid';
}

/** 备案: within the region's filing period of publication (RULES §2.6, 30 days by default). */
export function filingDue(publishedOn: LocalDate, filingDays: number): LocalDate {
  return addCalendarDays(publishedOn, filingDays);
}

/** A filing after the period stands only marked late, with the reason. */
export function checkFiling(
  publishedOn: LocalDate,
  filedOn: LocalDate,
  filingDays: number,
  late: boolean | undefined,
  reason: string | undefined,
): { late: boolean } {
  if (filedOn < publishedOn)
    throw invalid('legality.document.filedBeforePublication', '报备日期不能早于公布日期', 'date');
  const due = filingDue(publishedOn, filingDays);
  const isLate = filedOn > due;
  if (isLate && (late !== true || !reason || reason.length < 2))
    throw invalid(
      'legality.document.filingLate',
      `应当自公布之日起 ${filingDays} 日内(${due} 前)报送备案;逾期报备须标注“逾期报备”并说明原因`,
      'late',
    );
  return { late: isLate };
}

/** What a 清理 outcome does to the document: 废止 and 宣布失效 end it, 修改 marks it amended. */
export function statusAfterCleanup(outcome: CleanupOutcome): DocumentStatus | null {
  if (outcome === 'repeal') return 'repealed';
  if (outcome === 'declareInvalid') return 'invalidated';
  return null;
}

/** What the public register shows: 现行有效 / 已失效 / 已修改. */
export function publicState(
  d: { status: string; valid_until: string | null; amended_on: string | null },
  today: LocalDate,
): 'valid' | 'lapsed' | 'amended' {
  if (d.status === 'repealed' || d.status === 'invalidated') return 'lapsed';
  if (d.valid_until && today > d.valid_until) return 'lapsed';
  return d.amended_on ? 'amended' : 'valid';
}
export const publicStateLabels = { valid: '现行有效', lapsed: '已失效', amended: '已修改' } as const;
