import * as server from '../../../domains/oversight/labels.js';

/** Label tables: the server's own (src/domains/oversight/labels.ts, no zod); colours are the screen's. */
export const unitStatusLabels: Readonly<Record<string, string>> = server.unitStatusLabels;
export const unitStatusColors: Record<string, string> = {
  filling: 'blue',
  submitted: 'orange',
  scored: 'green',
  published: 'green',
};
export const gradeColors: Record<string, string> = {
  excellent: 'green',
  good: 'cyan',
  pass: 'blue',
  fail: 'red',
};
export const methodLabels: Readonly<Record<string, string>> = server.indicatorMethodLabels;
export const scoringRuleLabels: Readonly<Record<string, string>> = server.scoringRuleLabels;
/** 临期 / 逾期 of a unit's filing deadline (临期 = 7 days or fewer left), as the 整改 ledger counts. */
export function fillDueState(
  fillDue: string,
  status: string,
  today: string,
): 'normal' | 'dueSoon' | 'overdue' {
  if (status !== 'filling') return 'normal';
  if (fillDue < today) return 'overdue';
  const days = (Date.parse(`${fillDue}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  return days <= 7 ? 'dueSoon' : 'normal';
}
export const todayInChina = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
