import type { CaseDetail } from '../types.js';

/**
 * What the 法制审核 panel says of a case. Issue #11: a case in 法制审核中 was told "无须法制审核"
 * when nothing made it major; a submitted case is under review whatever its reasons.
 */
export function reviewState(c: Pick<CaseDetail, 'majorReasons' | 'reviewed' | 'status'>): string {
  const major = c.majorReasons.length > 0;
  if (c.reviewed) return major ? '已审核通过' : '已经法制审核';
  if (c.status === 'reviewing') return major ? '法制审核中' : '已提请法制审核,等待法制审核人员审核';
  return major ? '重大案件,决定前须法制审核' : '目前不属于重大执法决定,无须法制审核';
}
