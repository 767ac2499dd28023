import { compareDates, daysBetween, type WorkCalendar } from '../../../platform/calendar/index.js';
import { deriveReconStatus, nextReconDue, procedureOf, type ReconDue, reconDues } from './rules.js';
import type { ReconActionRecord, ReconStatus } from './schema.js';

/** The ledger columns of a 复议 case, all derived from its log (never set by hand). */
export interface ReconProjection {
  status: ReconStatus;
  procedure: string | null;
  accepted_on: string | null;
  deemed_accepted: boolean;
  decided_on: string | null;
  outcome: string | null;
  terminated_on: string | null;
  termination_ground: string | null;
  rejected_on: string | null;
  withdrawn_on: string | null;
  withdrawn_kind: string | null;
  mediated: boolean;
  closed_on: string | null;
  suspended: boolean;
  extended: boolean;
  decision_due_on: string | null;
  days_to_decide: number | null;
  served_on: string | null;
  published_on: string | null;
  next_due_kind: string | null;
  next_due_on: string | null;
  late_count: number;
  action_count: number;
}

export function projectRecon(
  log: readonly ReconActionRecord[],
  calendar: WorkCalendar,
): ReconProjection & { dues: ReconDue[] } {
  const status = deriveReconStatus(log);
  const find = (...kinds: ReconActionRecord['action'][]) => log.find((a) => kinds.includes(a.action));
  const accepted = find('accept', 'deemAccept');
  const decided = find('decide');
  const rejected = find('reject');
  const lapsed = find('correctionLapsed');
  const withdraw = find('withdraw');
  const terminate = find('terminate');
  // 撤回 before acceptance closes the application; after it the case ends in 终止 (第四十一条)
  const withdrawnBefore =
    withdraw && (!accepted || compareDates(withdraw.date, accepted.date) < 0) ? withdraw : undefined;
  const withdrawnAfter = withdraw && !withdrawnBefore ? withdraw : undefined;
  const terminatedOn = terminate?.date ?? withdrawnAfter?.date ?? null;
  const dues = reconDues(log, calendar);
  const next = nextReconDue(dues, status);
  const decision = dues.find((d) => d.kind === 'decision');
  const mediatedAgreed = log.some(
    (a) => a.action === 'recordMediation' && a.data.mediationResult === 'agreed',
  );
  const closedOn =
    decided?.date ?? terminatedOn ?? rejected?.date ?? withdrawnBefore?.date ?? lapsed?.date ?? null;
  return {
    status,
    procedure: procedureOf(log),
    accepted_on: accepted?.date ?? null,
    deemed_accepted: accepted?.action === 'deemAccept',
    decided_on: decided?.date ?? null,
    outcome: decided?.data.outcome ?? null,
    terminated_on: terminatedOn,
    termination_ground:
      terminate?.data.terminationGround ??
      (withdrawnAfter ? (withdrawnAfter.data.mediated ? 'settlement' : 'withdrawal') : null),
    rejected_on: rejected?.date ?? null,
    withdrawn_on: withdrawnBefore?.date ?? lapsed?.date ?? null,
    withdrawn_kind: withdrawnBefore ? 'applicant' : lapsed ? 'deemed' : null,
    mediated:
      decided?.data.outcome === 'mediation' ||
      (mediatedAgreed &&
        (withdraw?.data.mediated === true || terminate?.data.terminationGround === 'settlement')),
    closed_on: closedOn,
    suspended: status === 'suspended',
    extended: log.some((a) => a.action === 'extend'),
    decision_due_on: decision?.dueOn ?? null,
    days_to_decide:
      accepted && closedOn && (decided || terminatedOn) ? daysBetween(accepted.date, closedOn) : null,
    served_on: find('serve')?.date ?? null,
    published_on: find('publish')?.date ?? null,
    next_due_kind: next?.kind ?? null,
    next_due_on: next?.dueOn ?? null,
    late_count: dues.filter((d) => d.late && d.owner !== 'applicant').length,
    action_count: log.length,
    dues,
  };
}
