import { compareDates, type LocalDate } from '../../../platform/calendar/index.js';
import { conflict, invalid } from '../../../platform/errors.js';
import { type ActTable, checkAct, foldActs } from '../../../platform/service/act-table.js';
import type { ActionRecord } from './spec.js';

/** The status an item's log folds to, through its kind's status → acts table; an illegal log throws. */
export function foldStatus<S extends string, A extends string>(
  log: readonly Pick<ActionRecord<A>, 'action'>[],
  opening: A,
  initial: S,
  table: ActTable<S, A>,
  after: (status: S, action: A) => S,
): S {
  const [first, ...rest] = log;
  if (first?.action !== opening)
    throw invalid('requests.notOpened', `办理记录须以“${table.actionLabels[opening]}”开始`, 'action');
  return foldActs(table, initial, rest, after, { noun: '该事项' });
}

/** A new act: one its kind's table allows in the item's `status`, dated in order (checkActionDate). */
export function checkNext<S extends string, A extends string>(
  table: ActTable<S, A>,
  status: S,
  log: readonly ActionRecord[],
  next: ActionRecord<A>,
  today: LocalDate,
): void {
  checkAct(table, status, next.action);
  checkActionDate(log, next, today);
}

/** An act is dated on or after the previous act and not in the future. */
export function checkActionDate(log: readonly ActionRecord[], next: ActionRecord, today: LocalDate): void {
  const last = log[log.length - 1];
  if (last && compareDates(next.date, last.date) < 0)
    throw invalid('requests.beforePrevious', `日期 ${next.date} 早于上一环节的日期 ${last.date}`, 'date');
  if (compareDates(next.date, today) > 0)
    throw invalid('requests.futureDate', `日期 ${next.date} 晚于今天`, 'date');
}

/** How a kind's law words its one extension of a period. */
export interface ExtensionRule {
  /** the error codes' prefix, e.g. requests.petition */
  code: string;
  /** the period extended: 答复期限, 办理期限 */
  period: string;
  /** who must agree, e.g. 本机关负责人批准 */
  approval: string;
  /** the longest extension, as the message says it */
  limit: string;
  /** the law and article, e.g. 《信访工作条例》第三十四条 */
  basis: string;
}

/**
 * An extension: only one, agreed by the named head (approverName), with a reason, and asked for
 * before the period ends (`periodEnd`, null while it cannot be counted).
 */
export function checkExtension(
  rule: ExtensionRule,
  log: readonly ActionRecord[],
  next: ActionRecord,
  periodEnd: () => LocalDate | null,
): void {
  if (log.some((a) => a.action === 'extend'))
    throw conflict(`${rule.code}.extendOnce`, `${rule.period}只能延长一次,${rule.limit}(${rule.basis})`, {
      field: 'action',
    });
  if (!next.data.approverName)
    throw invalid(
      `${rule.code}.extensionUnapproved`,
      `延长${rule.period}须经${rule.approval},请填写批准人(${rule.basis})`,
      'data.approverName',
    );
  requireData(next.data, ['reason'], { reason: '理由' });
  const end = periodEnd();
  if (end && compareDates(next.date, end) > 0)
    throw invalid(
      `${rule.code}.extendLate`,
      `${rule.period}已于 ${end} 届满,不能再延长(${rule.basis})`,
      'date',
    );
}

/** Required facts of an act, each named in Chinese. */
export function requireData(
  data: Record<string, unknown>,
  keys: readonly string[],
  names: Readonly<Record<string, string>>,
): void {
  for (const k of keys) {
    const v = data[k];
    if (v === undefined || v === null || v === '')
      throw invalid('requests.dataRequired', `请填写${names[k] ?? k}`, `data.${k}`);
  }
}

/** The last act of one of `kinds`, or undefined. */
export function lastOf<A extends string, D>(
  log: readonly ActionRecord<A, D>[],
  kinds: readonly A[],
): ActionRecord<A, D> | undefined {
  for (let i = log.length - 1; i >= 0; i--) {
    const a = log[i];
    if (a && kinds.includes(a.action)) return a;
  }
  return undefined;
}

export const onTimeBy = (metOn: LocalDate | null, dueOn: LocalDate | null): boolean | null =>
  metOn === null || dueOn === null ? null : compareDates(metOn, dueOn) <= 0;
