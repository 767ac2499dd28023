import { addDays, compareDates, type LocalDate } from '../../../platform/calendar/index.js';
import { addMonths } from '../../../platform/clock/index.js';
import { invalid } from '../../../platform/errors.js';
import { checkNext, foldStatus, lastOf, requireData } from '../core/rules.js';
import type { ActTable } from '../../../platform/service/act-table.js';
import type { ActionRecord, Due, Projection, RuleContext } from '../core/spec.js';
import {
  type CommitteeMember,
  type MediationAction,
  type MediationActionData,
  type MediationStatus,
  mediationActionLabels,
  mediationStatusLabels,
} from './schema.js';

export type MediationRecord = ActionRecord<MediationAction, MediationActionData>;

/** 人民调解法 第八条: 委员会由委员三至九人组成. */
export const COMMITTEE_MIN = 3;
export const COMMITTEE_MAX = 9;
/** 第八条: 委员每届任期三年. */
export const TERM_YEARS = 3;
/** 第三十三条: 自调解协议生效之日起三十日内共同申请司法确认. */
export const CONFIRMATION_DAYS = 30;

/**
 * 人民调解法 第八、九条: 3–9 members, one chair, a woman among them, and in a multi-ethnic area a
 * member of a minority nationality; a term of three years. Returns the term's last day.
 */
export function checkCommittee(
  members: readonly CommitteeMember[],
  termStart: LocalDate,
  multiEthnic: boolean,
): { termEnd: LocalDate } {
  if (members.length < COMMITTEE_MIN || members.length > COMMITTEE_MAX)
    throw invalid(
      'requests.mediation.committeeSize',
      `人民调解委员会由委员三至九人组成,现为 ${members.length} 人(《人民调解法》第八条)`,
      'members',
    );
  if (!members.some((m) => m.gender === 'female'))
    throw invalid(
      'requests.mediation.committeeWoman',
      '人民调解委员会应当有妇女成员(《人民调解法》第八条)',
      'members',
    );
  if (members.filter((m) => m.role === 'chair').length !== 1)
    throw invalid(
      'requests.mediation.committeeChair',
      '人民调解委员会设主任一人(《人民调解法》第八条)',
      'members',
    );
  if (multiEthnic && !members.some((m) => m.minority))
    throw invalid(
      'requests.mediation.committeeMinority',
      '多民族居住的地区应当有人数较少民族的成员(《人民调解法》第八条)',
      'members',
    );
  const names = new Set<string>();
  members.forEach((m, i) => {
    if (names.has(m.name))
      throw invalid('requests.mediation.memberDuplicate', `委员“${m.name}”重复`, `members.${i}.name`);
    names.add(m.name);
  });
  return { termEnd: addDays(addMonths(termStart, TERM_YEARS * 12), -1) };
}

/** A committee may mediate on a day inside its term (第八条: 每届任期三年). */
export function checkCommitteeServing(
  term: { termStart: LocalDate; termEnd: LocalDate },
  on: LocalDate,
): void {
  if (compareDates(on, term.termStart) < 0 || compareDates(on, term.termEnd) > 0)
    throw invalid(
      'requests.mediation.committeeTerm',
      `该人民调解委员会本届任期为 ${term.termStart} 至 ${term.termEnd},${on} 不在任期内,请先换届(《人民调解法》第八条)`,
      'committeeId',
    );
}

/** 第十七条: 当事人一方明确拒绝调解的,不得调解. */
export function checkConsent(consent: boolean): void {
  if (!consent)
    throw invalid(
      'requests.mediation.noConsent',
      '当事人一方明确拒绝调解的,不得调解(《人民调解法》第十七条)',
      'consent',
    );
}

export const allowedMediationActions = {
  mediating: ['succeed', 'fail'],
  succeeded: ['applyConfirmation', 'perform', 'breach'],
  failed: [],
  confirming: ['confirm', 'rejectConfirmation'],
  confirmed: ['perform', 'breach'],
  breached: ['applyConfirmation', 'perform'],
  performed: [],
} as const satisfies Record<MediationStatus, readonly MediationAction[]>;

const statusAfter = (s: MediationStatus, a: MediationAction): MediationStatus =>
  (
    ({
      register: 'mediating',
      succeed: 'succeeded',
      fail: 'failed',
      perform: 'performed',
      breach: 'breached',
      applyConfirmation: 'confirming',
      confirm: 'confirmed',
      rejectConfirmation: s === 'confirming' ? 'succeeded' : s,
    }) as const satisfies Record<MediationAction, MediationStatus>
  )[a];

const TABLE: ActTable<MediationStatus, MediationAction> = {
  code: 'requests.actionNotAllowed',
  noun: '调解案件',
  allowed: allowedMediationActions,
  statusLabels: mediationStatusLabels,
  actionLabels: mediationActionLabels,
};

export function deriveMediationStatus(log: readonly Pick<MediationRecord, 'action'>[]): MediationStatus {
  return foldStatus<MediationStatus, MediationAction>(log, 'register', 'mediating', TABLE, statusAfter);
}

/** 第三十三条: the last day to apply for 司法确认 — 30 days from the agreement's effect. */
export function confirmationWindowEnd(agreementOn: LocalDate): LocalDate {
  return addDays(agreementOn, CONFIRMATION_DAYS);
}

const NAMES: Record<string, string> = {
  agreementForm: '协议形式(书面或口头)',
  terms: '协议内容(当事人的权利义务)',
  performanceDueOn: '履行期限',
  reason: '理由',
  court: '人民法院',
  documentNo: '裁定书文号',
};

export function checkMediationAction(
  log: readonly MediationRecord[],
  next: MediationRecord,
  ctx: RuleContext,
): void {
  const status = deriveMediationStatus(log);
  checkNext(TABLE, status, log, next, ctx.today);
  const d = next.data;
  switch (next.action) {
    case 'succeed':
      // 第二十八至三十条: the agreement's form, the parties' terms and the performance deadline
      requireData(d, ['agreementForm', 'terms', 'performanceDueOn'], NAMES);
      if (d.performanceDueOn && compareDates(d.performanceDueOn, next.date) < 0)
        throw invalid(
          'requests.mediation.performanceBefore',
          '履行期限不能早于协议达成之日',
          'data.performanceDueOn',
        );
      break;
    case 'fail':
      requireData(d, ['reason'], NAMES);
      break;
    case 'applyConfirmation': {
      const agreement = lastOf(log, ['succeed']);
      if (agreement?.data.agreementForm === 'oral')
        throw invalid(
          'requests.mediation.oralAgreement',
          '口头协议不能申请司法确认,须先制作书面调解协议(《人民调解法》第三十三条)',
          'action',
        );
      const end = agreement ? confirmationWindowEnd(agreement.date) : null;
      if (end && compareDates(next.date, end) > 0)
        throw invalid(
          'requests.mediation.confirmationLate',
          `司法确认应当自调解协议生效之日起三十日内共同申请,已于 ${end} 届满(《人民调解法》第三十三条)`,
          'date',
        );
      requireData(d, ['court'], NAMES);
      break;
    }
    case 'confirm':
    case 'rejectConfirmation':
      requireData(d, ['documentNo'], NAMES);
      break;
    default:
      break;
  }
}

export function mediationDues(log: readonly MediationRecord[]): Due[] {
  const agreement = lastOf(log, ['succeed']);
  if (!agreement) return [];
  const out: Due[] = [
    {
      kind: 'confirmation',
      label: '申请司法确认(协议生效之日起 30 日内,人民调解法第三十三条)',
      dueOn: confirmationWindowEnd(agreement.date),
      metOn: lastOf(log, ['applyConfirmation'])?.date ?? null,
      party: true,
      provisional: false,
    },
  ];
  if (agreement.data.performanceDueOn)
    out.push({
      kind: 'performance',
      label: '当事人履行协议(协议约定的履行期限,第三十一条)',
      dueOn: agreement.data.performanceDueOn,
      metOn: lastOf(log, ['perform'])?.date ?? null,
      party: true,
      provisional: false,
    });
  return out;
}

export function projectMediation(log: readonly MediationRecord[]): Projection {
  const status = deriveMediationStatus(log);
  const end = lastOf(log, ['succeed', 'fail']);
  const performance = mediationDues(log).find((d) => d.kind === 'performance' && d.metOn === null);
  const watch = status === 'succeeded' || status === 'confirmed' || status === 'breached';
  return {
    status,
    outcome: end ? (end.action === 'succeed' ? 'success' : 'failure') : null,
    dueKind: watch && performance ? 'performance' : null,
    dueOn: watch && performance ? performance.dueOn : null,
    dueProvisional: false,
    extended: false,
    answeredOn: end?.date ?? null,
    closedOn: lastOf(log, ['perform', 'fail'])?.date ?? null,
    onTime: null,
    resolved: end ? end.action === 'succeed' : null,
  };
}
