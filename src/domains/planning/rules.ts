import { addDays, type LocalDate } from '../../platform/calendar/index.js';
import { invalid } from '../../platform/errors.js';
import { COUNT_UNITS } from '../../platform/metrics/types.js';
import type { DataCallStatus, SubmissionStatus } from './schema.js';

/** 数据填报 warns this many calendar days before a call's deadline (临期). */
export const DATA_CALL_WARN_DAYS = 7;

/** The deadline window of calls that are 临期 / 逾期 on `today` (dueState's boundaries, as dates). */
export function dataCallDueWindow(
  due: 'dueSoon' | 'overdue',
  today: LocalDate,
): { before: LocalDate } | { from: LocalDate; to: LocalDate } {
  return due === 'overdue' ? { before: today } : { from: today, to: addDays(today, DATA_CALL_WARN_DAYS) };
}

export type SubmissionAction = 'fill' | 'submit' | 'accept' | 'return';

/** What may happen to a unit's answer in each state: once accepted it is the figure of record. */
export const submissionActions = {
  pending: ['fill', 'submit'],
  submitted: ['accept', 'return'],
  returned: ['fill', 'submit'],
  accepted: [],
} as const satisfies Record<SubmissionStatus, readonly SubmissionAction[]>;

export function submissionAllows(status: SubmissionStatus, action: SubmissionAction): boolean {
  return (submissionActions[status] as readonly SubmissionAction[]).includes(action);
}

/** Whether a unit may still answer: the call is open and its deadline (a date in China) not passed. */
export function answerRefusal(
  call: { status: DataCallStatus; deadline: string },
  today: string,
): string | null {
  if (call.status === 'draft') return '该填报任务尚未下发';
  if (call.status === 'closed') return '该填报任务已关闭,不能再填报或提交';
  if (today > call.deadline) return `该填报任务已于 ${call.deadline} 截止,不能再填报或提交`;
  return null;
}

/** 万 and 亿 before a unit ("1.2万户", "3亿元"): how many of the bare unit one of them is. */
const MAGNITUDES: readonly (readonly [string, number])[] = [
  ['万', 1e4],
  ['亿', 1e8],
];
const magnitude = (unit: string): { base: string; times: number } => {
  const m = MAGNITUDES.find(([p]) => unit.startsWith(p) && unit.length > p.length);
  return m ? { base: unit.slice(m[0].length), times: m[1] } : { base: unit, times: 1 };
};

/**
 * A figure filed in 万 or 亿 of the form's unit (or the form's 万元 filed in 元 or 亿元) converted
 * on entry into the form's unit: 1.2万户 on a 户 line is 12000户. Other units are left as filed.
 */
export function inItemUnit(itemUnit: string, figure: { value: number; unit: string }) {
  if (figure.unit === itemUnit) return figure;
  const from = magnitude(figure.unit);
  const to = magnitude(itemUnit);
  if (from.base !== to.base || !Number.isFinite(figure.value)) return figure;
  // to the millionth: 1.2 × 10000 is 12000, not 12000.000000000002
  return { value: Math.round(((figure.value * from.times) / to.times) * 1e6) / 1e6, unit: itemUnit };
}

/**
 * A filed figure: non-negative, in the unit the form declares (or 万/亿 of it, converted by
 * `inItemUnit` first); counts are whole numbers and percentages at most 100. A figure the
 * platform computes is never asked ("最多报一次").
 */
export function checkFigure(
  item: { name: string; unit: string; source: 'reported' | 'computed' },
  figure: { value: number; unit: string },
  field: string,
): void {
  if (item.source === 'computed') {
    throw invalid(
      'dataCall.computedItem',
      `“${item.name}”由平台根据业务数据计算,不需填报(最多报一次)`,
      field,
    );
  }
  if (figure.unit !== item.unit) {
    throw invalid(
      'dataCall.wrongUnit',
      `“${item.name}”的计量单位应为“${item.unit}”,不能按“${figure.unit}”填报`,
      `${field}.unit`,
    );
  }
  if (!Number.isFinite(figure.value) || figure.value < 0) {
    throw invalid('dataCall.negative', `“${item.name}”不能为负数`, `${field}.value`);
  }
  if (COUNT_UNITS.has(item.unit) && !Number.isInteger(figure.value)) {
    throw invalid('dataCall.notWhole', `“${item.name}”以“${item.unit}”计,应为整数`, `${field}.value`);
  }
  if (item.unit === '%' && figure.value > 100) {
    throw invalid('dataCall.percentRange', `“${item.name}”是百分比,不能超过 100`, `${field}.value`);
  }
}
