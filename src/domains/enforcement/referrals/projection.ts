import type { WorkCalendar } from '../../../platform/calendar/index.js';
import {
  deriveReferralStatus,
  handoverHours,
  nextReferralDue,
  type ReferralDue,
  referralDues,
} from './rules.js';
import type { ReferralActionRecord, ReferralStatus } from './schema.js';

/** The ledger columns of a referral, all derived from its log (never set by hand). */
export interface ReferralProjection {
  status: ReferralStatus;
  approved_at: string | null;
  handed_over_at: string | null;
  handed_over_on: string | null;
  handover_hours: number | null;
  handover_late: boolean | null;
  police_org: string | null;
  filed_on: string | null;
  declined_on: string | null;
  closed_on: string | null;
  next_due_kind: string | null;
  next_due_at: string | null;
  next_due_soon_at: string | null;
  late_count: number;
  action_count: number;
}

export function projectReferral(
  log: readonly ReferralActionRecord[],
  calendar: WorkCalendar,
): ReferralProjection & { dues: ReferralDue[] } {
  const status = deriveReferralStatus(log);
  const find = (...kinds: ReferralActionRecord['action'][]) => log.find((a) => kinds.includes(a.action));
  const approved = find('approve');
  const handed = find('handOver');
  const filed = find('file', 'reconsiderFiled');
  const dues = referralDues(log, calendar);
  const next = nextReferralDue(dues, status);
  const handoverDue = dues.find((d) => d.kind === 'handover');
  return {
    status,
    approved_at: approved?.at ?? null,
    handed_over_at: handed?.at ?? null,
    handed_over_on: handed?.date ?? null,
    handover_hours: approved?.at && handed?.at ? handoverHours(approved.at, handed.at) : null,
    handover_late: handed ? (handoverDue?.late ?? false) : null,
    police_org: handed?.data.policeOrg ?? null,
    filed_on: filed?.date ?? null,
    declined_on: find('decline')?.date ?? null,
    closed_on: find('close')?.date ?? null,
    next_due_kind: next?.kind ?? null,
    next_due_at: next?.dueAt ?? null,
    next_due_soon_at: next?.soonAt ?? null,
    late_count: dues.filter((d) => d.late && d.owner !== 'option').length,
    action_count: log.length,
    dues,
  };
}
