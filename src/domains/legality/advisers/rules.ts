import type { LocalDate } from '../../../platform/calendar/index.js';

/** An adviser serves on `day` when active and the contract covers it (公职律师 have no contract). */
export function servesOn(
  a: { active: boolean; contract_from: string | null; contract_to: string | null },
  day: LocalDate,
): boolean {
  if (!a.active) return false;
  if (a.contract_from && day < a.contract_from) return false;
  if (a.contract_to && day > a.contract_to) return false;
  return true;
}

/**
 * Coverage (法治政府建设实施纲要(2021—2025): 普遍建立法律顾问、公职律师制度): the share of
 * government orgs with an adviser or 公职律师 serving; null when there are no orgs to count.
 */
export function coverageRate(covered: number, total: number): number | null {
  if (total <= 0) return null;
  return Math.round((Math.min(covered, total) / total) * 1000) / 10;
}

export type ContractState = 'serving' | 'expiringSoon' | 'expired' | 'notStarted' | 'inactive';
export function contractState(
  a: { active: boolean; contract_from: string | null; contract_to: string | null },
  today: LocalDate,
  warnDays = 30,
): ContractState {
  if (!a.active) return 'inactive';
  if (a.contract_from && today < a.contract_from) return 'notStarted';
  if (a.contract_to && today > a.contract_to) return 'expired';
  if (a.contract_to && (Date.parse(a.contract_to) - Date.parse(today)) / 86400_000 <= warnDays)
    return 'expiringSoon';
  return 'serving';
}
export const contractStateLabels = {
  serving: '在聘',
  expiringSoon: '聘期临满',
  expired: '聘期已满',
  notStarted: '未到聘期',
  inactive: '已解聘',
} as const satisfies Record<ContractState, string>;
