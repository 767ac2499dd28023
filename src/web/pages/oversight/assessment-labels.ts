export const unitStatusLabels: Record<string, string> = {
  filling: '待填报',
  submitted: '待赋分',
  scored: '已赋分',
  published: '已发布',
};
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
export const methodLabels: Record<string, string> = { filed: '单位填报', metric: '系统取数' };
export const scoringRuleLabels: Record<string, string> = {
  review: '审核赋分',
  atLeast: '达到目标值得满分',
  proportional: '按完成比例得分',
  atMost: '不超过目标值得满分',
};
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
