import { type DueState, dueState } from '../platform/clock/index.js';
import { reportDeadlines } from './composer.js';

/** 临期 starts this many calendar days before an annual-report deadline. */
export const REPORT_REMINDER_DAYS = 30;

/** Units that make an annual report: governments and their departments (法治政府建设与责任落实督察工作规定). */
export const REPORTING_KINDS: ReadonlySet<string> = new Set([
  'government',
  'department',
  'agency',
  'township',
  'subdistrict',
]);

/** Where a unit's report on a year stands: not generated yet, or its latest version's status. */
export type ReportStage = 'none' | 'draft' | 'review' | 'approved' | 'published';

export interface ReportReminder {
  /** submit: 报送 to the 本级党委和政府; publish: 向社会公开 */
  kind: 'submit' | 'publish';
  /** the year the report is on */
  year: number;
  due: string;
  state: Exclude<DueState, 'normal'>;
}

/**
 * 厅字〔2019〕28号 (法治政府建设与责任落实督察工作规定): the report on last year is filed by 3月1日 by
 * 县级以上政府部门 and made public by 4月1日 by everyone. Which reminder applies to a unit on
 * `today`: the first deadline it has not met, once it is `warnDays` away or passed; none before.
 */
export function annualReportReminder(
  orgKind: string,
  stage: ReportStage,
  today: string,
  warnDays: number = REPORT_REMINDER_DAYS,
): ReportReminder | null {
  if (!REPORTING_KINDS.has(orgKind) || stage === 'published') return null;
  const year = Number(today.slice(0, 4)) - 1;
  const { submitBy, publishBy } = reportDeadlines(year, orgKind);
  const submitted = stage === 'review' || stage === 'approved';
  const [kind, due] =
    !submitted && submitBy < publishBy ? (['submit', submitBy] as const) : (['publish', publishBy] as const);
  const state = dueState(due, today, warnDays);
  return state === 'normal' ? null : { kind, year, due, state };
}

export const reminderKindLabels = {
  submit: '报送',
  publish: '向社会公开',
} as const satisfies Record<ReportReminder['kind'], string>;

/** 临期 starts this many calendar days before a 政务公开年报 deadline. */
export const DISCLOSURE_REPORT_REMINDER_DAYS = 15;

export interface DisclosureReportReminder {
  /** submit: 提交本级政府信息公开工作主管部门 (and 向社会公布); publish: 向社会公布 */
  kind: 'submit' | 'publish';
  year: number;
  due: string;
  state: Exclude<DueState, 'normal'>;
}

/**
 * 政府信息公开条例 第四十九条: 县级以上人民政府部门 (and, as units of the same level, townships and
 * agencies) submit their report on last year to the 本级政府信息公开工作主管部门 and publish it by
 * 1月31日; the 主管部门 publishes the 本级政府's report by 3月31日. Which reminder applies to a unit
 * on `today`, from the days its report was submitted and published; none before `warnDays`.
 */
export function disclosureReportReminder(
  orgKind: string,
  marks: { submittedOn: string | null; publishedOn: string | null },
  today: string,
  warnDays: number = DISCLOSURE_REPORT_REMINDER_DAYS,
): DisclosureReportReminder | null {
  if (!REPORTING_KINDS.has(orgKind) || marks.publishedOn) return null;
  const thisYear = Number(today.slice(0, 4));
  const [kind, due] =
    orgKind === 'government'
      ? (['publish', `${thisYear}-03-31`] as const)
      : ([marks.submittedOn ? 'publish' : 'submit', `${thisYear}-01-31`] as const);
  const state = dueState(due, today, warnDays);
  return state === 'normal' ? null : { kind, year: thisYear - 1, due, state };
}
