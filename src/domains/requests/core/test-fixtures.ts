import { createWorkCalendar } from '../../../platform/calendar/index.js';
import type { ActionRecord, RuleContext } from './spec.js';

/** What the rule tests of every kind judge against: 2025-12-31, the package's calendar, default settings. */
export const ruleCtx: RuleContext = {
  calendar: createWorkCalendar(),
  today: '2025-12-31',
  settings: { proposalReturnDays: 10, warnDays: 5 },
};

/** A kind's `act(action, date, data?)` for its rule tests: no actor, and `noData` when none is given. */
export const actBuilder =
  <A extends string, D>(noData: D) =>
  (action: A, date: string, data: D = noData): ActionRecord<A, D> => ({ action, date, data, actorId: null });

/**
 * The extensions checkExtension refuses in every kind that has one, as `[name, log, next, message]`
 * rows for the kind's table: one without an approver (the message names `basis`), a second one, and
 * one dated `late`, after the period ran out on `periodEnd`. `log` is an item that may extend on `on`.
 */
export function extensionRefusals<R extends ActionRecord>(
  extend: (date: string, data: { approverName?: string; reason: string }) => R,
  log: readonly R[],
  dates: { on: string; late: string; periodEnd: string; basis: string },
): [string, R[], R, string][] {
  const approved = { approverName: '李明', reason: '情况复杂' };
  return [
    ['an extension without approval', [...log], extend(dates.on, { reason: '情况复杂' }), dates.basis],
    ['a second extension', [...log, extend(dates.on, approved)], extend(dates.on, approved), '只能延长一次'],
    [
      'an extension after the period ran out',
      [...log],
      extend(dates.late, approved),
      `已于 ${dates.periodEnd} 届满`,
    ],
  ];
}

/** 王芳's application handed in to `orgId` on `submittedOn`, as the HTTP API takes it; `fields` override. */
export const disclosureApplication = (orgId: string, submittedOn: string, fields: object = {}) => ({
  orgId,
  applicantName: '王芳',
  applicantKind: 'person',
  applicantContact: '13900000000',
  subject: '某小区规划许可及竣工验收资料',
  channel: 'inPerson',
  submittedOn,
  ...fields,
});
