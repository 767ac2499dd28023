import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../../platform/calendar/index.js';
import {
  allowedActions,
  checkAction,
  checkReviewer,
  checkSummaryEligible,
  DEFAULT_MAJOR_THRESHOLDS,
  deriveStatus,
  dueDates,
  majorReasons,
  nextDue,
  statusAfter,
  type CaseFacts,
} from './rules.js';
import type { PenaltyStatus } from './procedures.js';
import { type ActionRecord, type CaseAction, CaseAction as CaseActionEnum, type Sanction } from './schema.js';
import { errorCodeOfCall } from '../../../test/ctx.js';
import { act } from '../test/log.js';

const calendar = createWorkCalendar();
const fine = (amount: number): Sanction => ({ penalties: ['fine'], amount });
const facts: CaseFacts = {
  procedure: 'ordinary',
  partyKind: 'organisation',
  openedOn: '2025-03-03',
  majorReason: null,
};
const env = { today: '2025-12-31', thresholds: DEFAULT_MAJOR_THRESHOLDS, calendar };

/** A log that reaches each status through the ordinary procedure. */
const pathTo: Record<PenaltyStatus, ActionRecord[]> = (() => {
  const open = act('open', '2025-03-03');
  const notify = act('notify', '2025-03-20', { sanction: fine(5000) });
  const req = act('requestHearing', '2025-03-21');
  const heard = act('holdHearing', '2025-04-10', { noticedOn: '2025-03-28' });
  const submit = act('submitReview', '2025-04-11');
  const pass = act('passReview', '2025-04-14');
  const decide = act('decide', '2025-04-15', { sanction: fine(5000) });
  const serve = act('serve', '2025-04-17');
  const exec = act('execute', '2025-05-10');
  return {
    investigating: [open],
    notified: [open, notify],
    hearingRequested: [open, notify, req],
    heard: [open, notify, req, heard],
    reviewing: [open, notify, req, heard, submit],
    reviewPassed: [open, notify, req, heard, submit, pass],
    decided: [open, notify, req, heard, submit, pass, decide],
    served: [open, notify, req, heard, submit, pass, decide, serve],
    executed: [open, notify, req, heard, submit, pass, decide, serve, exec],
    closed: [open, notify, req, heard, submit, pass, decide, serve, exec, act('close', '2025-05-12')],
    revoked: [
      open,
      notify,
      req,
      heard,
      submit,
      pass,
      decide,
      act('revokeDecision', '2025-04-20', { reason: '复议决定撤销', decisionNo: '开复决〔2025〕1号' }),
    ],
  };
})();

describe('the status table (every status, every action)', () => {
  it.each(Object.keys(allowedActions) as PenaltyStatus[])(
    '%s: exactly the listed actions are accepted after it',
    (status) => {
      const log = pathTo[status];
      expect(deriveStatus(log)).toBe(status);
      for (const action of CaseActionEnum.options) {
        const allowed = (allowedActions[status] as readonly CaseAction[]).includes(action);
        const extended = [...log, act(action, '2025-05-20')];
        const derived = errorCodeOfCall(() => deriveStatus(extended));
        expect(derived === 'ok', `${status} + ${action}`).toBe(allowed);
        if (allowed)
          expect(deriveStatus(extended)).toBe(
            (statusAfter as Partial<Record<CaseAction, PenaltyStatus | null>>)[action] ?? status,
          );
      }
    },
  );

  it('a closed case accepts only 变更 / 撤销 of its decision (第四十八条); a revoked one nothing', () => {
    expect(allowedActions.closed).toEqual(['amendDecision', 'revokeDecision']);
    expect(allowedActions.revoked).toEqual([]);
  });

  it('a log must start with 立案 or 当场处罚', () => {
    expect(errorCodeOfCall(() => deriveStatus([]))).toBe('enforcement.caseNotOpened');
    expect(errorCodeOfCall(() => deriveStatus([act('decide', '2025-03-03')]))).toBe(
      'enforcement.caseNotOpened',
    );
    expect(deriveStatus([act('onTheSpot', '2025-03-03')])).toBe('served');
  });
});

describe('checkAction: dates (an act cannot precede 立案 or the previous act)', () => {
  it.each([
    ['before 立案', pathTo.investigating, act('investigate', '2025-03-02'), 'enforcement.beforeOpened'],
    [
      'before the previous act',
      pathTo.notified,
      act('requestHearing', '2025-03-19'),
      'enforcement.beforePrevious',
    ],
    ['after today', pathTo.investigating, act('investigate', '2026-01-01'), 'enforcement.futureDate'],
    ['the same day as 立案', pathTo.investigating, act('investigate', '2025-03-03'), 'ok'],
  ])('%s → %4$s', (_w, log, next, code) => {
    expect(errorCodeOfCall(() => checkAction(facts, log, next, env))).toBe(code);
  });
});

describe('checkAction: 法制审核 gate on 决定 (处罚法 第五十八条)', () => {
  const notified = [act('open', '2025-03-03'), act('notify', '2025-03-20', { sanction: fine(5000) })];
  it.each([
    ['an ordinary fine, no review needed', notified, fine(5000), 'ok'],
    [
      'a fine at the organisation threshold (100,000 元)',
      notified,
      fine(100_000),
      'enforcement.reviewRequired',
    ],
    [
      '吊销许可证件',
      notified,
      { penalties: ['revokeLicense'], amount: 0 } as Sanction,
      'enforcement.reviewRequired',
    ],
    [
      '责令停产停业',
      notified,
      { penalties: ['suspendBusiness'], amount: 0 } as Sanction,
      'enforcement.reviewRequired',
    ],
    ['after a hearing (58(2))', pathTo.heard, fine(5000), 'enforcement.reviewRequired'],
    ['after a hearing and a passed review', pathTo.reviewPassed, fine(5000), 'ok'],
    ['a large fine after a passed review', pathTo.reviewPassed, fine(200_000), 'ok'],
  ] as const)('%s → %s', (_w, log, sanction, code) => {
    expect(
      errorCodeOfCall(() => checkAction(facts, log, act('decide', '2025-05-20', { sanction }), env)),
    ).toBe(code);
  });

  it('a review returned sends the case back to investigation, so 决定 stays refused', () => {
    const returned = [...pathTo.reviewing, act('returnReview', '2025-04-14')];
    expect(deriveStatus(returned)).toBe('investigating');
    expect(
      errorCodeOfCall(() =>
        checkAction(facts, returned, act('decide', '2025-05-20', { sanction: fine(5000) }), env),
      ),
    ).toBe('enforcement.actionNotAllowed');
  });

  it('the handler flag (重大公共利益) makes any decision major', () => {
    const flagged = { ...facts, majorReason: '涉及重大公共利益' };
    expect(majorReasons(flagged, [], fine(100), DEFAULT_MAJOR_THRESHOLDS)).toEqual(['涉及重大公共利益']);
    expect(
      errorCodeOfCall(() =>
        checkAction(flagged, pathTo.notified, act('decide', '2025-05-20', { sanction: fine(100) }), env),
      ),
    ).toBe('enforcement.reviewRequired');
  });

  it('thresholds are the region’s: a person’s 10,000 元 fine is major by default, not under a higher threshold', () => {
    const person = { ...facts, partyKind: 'person' as const };
    expect(majorReasons(person, [], fine(10_000), DEFAULT_MAJOR_THRESHOLDS)).toHaveLength(1);
    expect(
      majorReasons(person, [], fine(10_000), { ...DEFAULT_MAJOR_THRESHOLDS, personAmount: 20_000 }),
    ).toHaveLength(0);
  });

  it('explains the refusal in Chinese, citing the article', () => {
    expect(() =>
      checkAction(facts, pathTo.notified, act('decide', '2025-05-20', { sanction: fine(150_000) }), env),
    ).toThrow(/未经法制审核.*第五十八条/);
  });
});

describe('checkReviewer (处罚法 第五十八条: 法制审核人员, not a handler)', () => {
  it.each([
    [
      'a reviewer who is not a handler',
      { reviewerUserId: 'r', isReviewer: true, handlerUserIds: ['h1', 'h2'] },
      'ok',
    ],
    [
      'a handler reviewing their own case',
      { reviewerUserId: 'h1', isReviewer: true, handlerUserIds: ['h1', 'h2'] },
      'enforcement.reviewerIsHandler',
    ],
    [
      'someone without the reviewer role',
      { reviewerUserId: 'x', isReviewer: false, handlerUserIds: [] },
      'enforcement.reviewerRequired',
    ],
    [
      'no named person',
      { reviewerUserId: null, isReviewer: true, handlerUserIds: [] },
      'enforcement.reviewerRequired',
    ],
  ])('%s → %s', (_w, f, code) => {
    expect(errorCodeOfCall(() => checkReviewer(f))).toBe(code);
  });
});

describe('checkSummaryEligible (处罚法 第五十一条 当场处罚)', () => {
  it.each([
    ['person, 200 元', 'person', fine(200), 'ok'],
    ['person, 201 元', 'person', fine(201), 'enforcement.summaryAmount'],
    ['organisation, 3,000 元', 'organisation', fine(3000), 'ok'],
    ['organisation, 3,000.01 元', 'organisation', fine(3000.01), 'enforcement.summaryAmount'],
    ['警告 only', 'person', { penalties: ['warning'], amount: 0 }, 'ok'],
    [
      '没收 is not allowed on the spot',
      'person',
      { penalties: ['confiscate'], amount: 0 },
      'enforcement.summaryKind',
    ],
    ['罚款 without an amount', 'person', { penalties: ['fine'], amount: 0 }, 'enforcement.fineAmount'],
  ] as const)('%s → %s', (_w, kind, sanction, code) => {
    expect(errorCodeOfCall(() => checkSummaryEligible(kind, sanction as Sanction))).toBe(code);
  });
});

describe('checkAction: hearing notice seven working days ahead (第六十四条, 第八十五条)', () => {
  it.each([
    // 2025-03-28 (Fri) + 7 working days = 2025-04-09 (Wed): 04-04 清明 is a holiday
    ['noticed 2025-03-28, heard 2025-04-10', '2025-03-28', '2025-04-10', 'ok'],
    ['noticed 2025-03-28, heard 2025-04-09', '2025-03-28', '2025-04-09', 'ok'],
    ['noticed 2025-03-28, heard 2025-04-08', '2025-03-28', '2025-04-08', 'enforcement.hearingNoticeLate'],
  ])('%s → %s', (_w, noticedOn, heldOn, code) => {
    expect(
      errorCodeOfCall(() =>
        checkAction(facts, pathTo.hearingRequested, act('holdHearing', heldOn, { noticedOn }), env),
      ),
    ).toBe(code);
  });
});

describe('dueDates (第六十条 90 日, 第六十一条 7 个工作日, 第六十四条 5 个工作日)', () => {
  it('decision 90 calendar days from 立案, moved off a rest day', () => {
    // 2025-03-03 + 90 days = 2025-06-01 (Sunday) → Monday 2025-06-03? 06-02 is the 端午 holiday
    const [decision] = dueDates('ordinary', [act('open', '2025-03-03')], calendar);
    expect(decision).toMatchObject({ kind: 'decision', due: '2025-06-03', metOn: null });
  });

  it('an approved extension moves the decision due date', () => {
    const [decision] = dueDates(
      'ordinary',
      [act('open', '2025-03-03'), act('extend', '2025-05-20', { days: 30 })],
      calendar,
    );
    expect(decision?.due).toBe('2025-07-01');
  });

  it('service within 7 working days of the decision, skipping the National Day holiday', () => {
    const log = [
      act('open', '2025-09-01'),
      act('notify', '2025-09-10', { sanction: fine(100) }),
      act('decide', '2025-09-29', { sanction: fine(100) }),
    ];
    const service = dueDates('ordinary', log, calendar).find((d) => d.kind === 'service');
    // 09-30 is a workday, 10-01..10-08 holiday, 10-11 (Sat) a make-up workday: 9-30, 10-9, 10-10, 10-11, 10-13, 10-14, 10-15
    expect(service?.due).toBe('2025-10-15');
  });

  it('the hearing-request window is the party’s, not an agency due date', () => {
    const log = [act('open', '2025-03-03'), act('notify', '2025-03-20', { sanction: fine(100) })];
    const dues = dueDates('ordinary', log, calendar);
    expect(dues.find((d) => d.kind === 'hearingRequest')).toMatchObject({ due: '2025-03-27', party: true });
    expect(nextDue(dues, '2025-03-28')?.kind).toBe('decision');
  });

  it.each([
    ['2025-05-01', 'normal'],
    ['2025-05-29', 'dueSoon'],
    ['2025-06-03', 'dueSoon'],
    ['2025-06-04', 'overdue'],
  ])('the decision clock on %s is %s', (today, state) => {
    expect(nextDue(dueDates('ordinary', [act('open', '2025-03-03')], calendar), today)?.state).toBe(state);
  });

  it('a decided and served case has no open due date; a summary case has no clocks', () => {
    expect(nextDue(dueDates('ordinary', pathTo.served, calendar), '2026-01-01')).toBeNull();
    expect(dueDates('summary', [act('onTheSpot', '2025-03-03', { sanction: fine(50) })], calendar)).toEqual(
      [],
    );
  });
});

describe('a year whose holiday arrangement is not loaded', () => {
  it('still records the act, with provisional due dates skipping the statutory days off', () => {
    // chinese-days covers 2004–2026: 2027 is not loaded in an empty calendar
    const log = [
      act('open', '2026-11-20'),
      act('notify', '2026-12-01', { sanction: fine(100) }),
      act('decide', '2026-12-28', { sanction: fine(100) }),
    ];
    const dues = dueDates('ordinary', log, calendar);
    expect(dues.find((d) => d.kind === 'decision')).toMatchObject({ due: '2027-02-18', provisional: true });
    // 12-28 (Mon) + 7 working days skips 元旦 2027-01-01 (全国年节及纪念日放假办法 第二条) = 2027-01-07
    expect(dues.find((d) => d.kind === 'service')).toMatchObject({
      due: '2027-01-07',
      provisional: true,
      provisionalReason: expect.stringMatching(/2027年的节假日安排尚未公布/),
    });
    expect(dues.find((d) => d.kind === 'hearingRequest')).toMatchObject({
      due: '2026-12-08',
      provisional: false,
    });
  });
});
