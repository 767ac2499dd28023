import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../../platform/calendar/index.js';
import { projectRecon } from './projection.js';
import {
  type ActFacts,
  allowedReconActions,
  applicationPeriod,
  automaticAct,
  checkReconAction,
  deriveReconStatus,
  earliestHearingDate,
  filedOnFor,
  outcomesByProcedure,
  preconditionRequired,
  reconDues,
  reconDueState,
  simpleGround,
} from './rules.js';
import type { ReconAction, ReconActionData, ReconActionRecord } from './schema.js';
import { codeOfCall } from '../../../test/ctx.js';

const calendar = createWorkCalendar();
const act = (action: ReconAction, date: string, data: ReconActionData = {}): ReconActionRecord => ({
  action,
  date,
  data,
  actorId: null,
});
const fine5000: ActFacts = {
  kind: 'penalty',
  onTheSpot: false,
  penaltyTypes: ['fine'],
  amount: 5000,
  partiesAgreeSimple: false,
};
const due = (log: ReconActionRecord[], kind: string) =>
  reconDues(log, calendar)
    .filter((d) => d.kind === kind)
    .at(-1);

describe('复议 clocks (行政复议法; 第八十八条: 三日、五日、七日、十日 are working days, other periods calendar days)', () => {
  it.each([
    // [what, log, clock, expected last day]
    [
      '受理审查 5 个工作日 over 国庆 2025, 09-28 a make-up workday (第三十条、第八十八条)',
      [act('apply', '2025-09-26')],
      'acceptanceReview',
      '2025-10-10',
    ],
    [
      '补正通知 within 5 个工作日 of receipt (第三十一条)',
      [act('apply', '2025-09-26')],
      'correctionNotice',
      '2025-10-10',
    ],
    [
      '补正 answer 10 个工作日, 10-11 a make-up Saturday (第三十一条)',
      [act('apply', '2025-09-25'), act('requestCorrection', '2025-09-26', { items: ['身份证明'] })],
      'correctionAnswer',
      '2025-10-16',
    ],
    [
      '受理审查 restarts from the day 补正 materials arrive (第三十一条)',
      [
        act('apply', '2025-06-02'),
        act('requestCorrection', '2025-06-03', { items: ['身份证明'] }),
        act('supplyCorrection', '2025-06-10'),
      ],
      'acceptanceReview',
      '2025-06-17',
    ],
    [
      '副本 within 7 个工作日 of acceptance, 普通程序 (第四十八条)',
      [act('apply', '2025-06-02'), act('accept', '2025-06-03', { procedure: 'ordinary' })],
      'copy',
      '2025-06-12',
    ],
    [
      '副本 within 3 个工作日, 简易程序 (第五十四条)',
      [act('apply', '2025-06-02'), act('accept', '2025-06-03', { procedure: 'simple' })],
      'copy',
      '2025-06-06',
    ],
    [
      '答复 within 10 个工作日 of the copy, 普通程序 (第四十八条)',
      [
        act('apply', '2025-06-02'),
        act('accept', '2025-06-03', { procedure: 'ordinary' }),
        act('sendCopy', '2025-06-05'),
      ],
      'answer',
      '2025-06-19',
    ],
    [
      '答复 within 5 个工作日, 简易程序 (第五十四条)',
      [
        act('apply', '2025-06-02'),
        act('accept', '2025-06-03', { procedure: 'simple' }),
        act('sendCopy', '2025-06-05'),
      ],
      'answer',
      '2025-06-12',
    ],
    [
      '决定 60 calendar days, the last day 05-02 in 劳动节 moves to 05-06 (第六十二条; 民法典 第二百零三条)',
      [act('apply', '2025-02-27'), act('accept', '2025-03-03', { procedure: 'ordinary' })],
      'decision',
      '2025-05-06',
    ],
    [
      '决定 30 calendar days, 简易程序 (第六十二条第二款)',
      [act('apply', '2025-06-02'), act('accept', '2025-06-03', { procedure: 'simple' })],
      'decision',
      '2025-07-03',
    ],
    [
      '决定 60 + 30 days once approved; 06-01 in 端午 moves to 06-03 (第六十二条)',
      [
        act('apply', '2025-02-27'),
        act('accept', '2025-03-03', { procedure: 'ordinary' }),
        act('extend', '2025-04-20', { days: 30, approver: '李建华' }),
      ],
      'decision',
      '2025-06-03',
    ],
    [
      '中止 03-10 to 恢复 03-20 stops the decision clock 10 days (第三十九条)',
      [
        act('apply', '2025-02-27'),
        act('accept', '2025-03-03', { procedure: 'ordinary' }),
        act('suspend', '2025-03-10', { suspensionGround: 'awaitingOtherCase' }),
        act('resume', '2025-03-20'),
      ],
      'decision',
      '2025-05-12',
    ],
    [
      '附带审查 requested 03-10, resumed 03-20: the decision clock stops 10 days (第三十九条第一款第七项、第五十六条)',
      [
        act('apply', '2025-02-27'),
        act('accept', '2025-03-03', { procedure: 'ordinary' }),
        act('requestNormReview', '2025-03-10', { normTitle: '某县市场管理办法', normIssuer: '某县人民政府' }),
        act('resume', '2025-03-20'),
      ],
      'decision',
      '2025-05-12',
    ],
    [
      '整改情况 within 60 days of the 意见书 (第七十六条)',
      [
        act('apply', '2025-02-27'),
        act('accept', '2025-03-03', { procedure: 'ordinary' }),
        act('decide', '2025-04-01', { outcome: 'uphold', documentNo: '行复〔2025〕1号' }),
        act('issueOpinion', '2025-04-10', {
          opinionKind: 'opinion',
          recipient: '市场监督管理局',
          text: '规范执法文书',
        }),
      ],
      'correctionReport',
      '2025-06-09',
    ],
  ])('%s', (_what, log, kind, expected) => {
    expect(due(log, kind)?.dueOn).toBe(expected);
  });

  it('第八十八条: a "10 日" of the Act is 10 working days, not 10 calendar days, across 国庆', () => {
    const log = [act('apply', '2025-09-25'), act('requestCorrection', '2025-09-26', { items: ['身份证明'] })];
    expect(due(log, 'correctionAnswer')?.dueOn).not.toBe('2025-10-06');
    expect(due(log, 'correctionAnswer')?.dueOn).toBe('2025-10-16');
  });

  it('an open 中止 stops the decision clock: no last day, shown as paused since the 中止 date', () => {
    const log = [
      act('apply', '2025-02-27'),
      act('accept', '2025-03-03', { procedure: 'ordinary' }),
      act('suspend', '2025-03-10', { suspensionGround: 'lostContact' }),
    ];
    const d = due(log, 'decision');
    expect(d).toMatchObject({ dueOn: null, pausedSince: '2025-03-10' });
    if (d) expect(reconDueState(d, '2025-12-01')).toBe('paused');
  });

  it('a pending 附带审查 holds the case 中止 with the decision clock paused; 附带审查 comes after acceptance', () => {
    const log = [
      act('apply', '2025-02-27'),
      act('accept', '2025-03-03', { procedure: 'ordinary' }),
      act('requestNormReview', '2025-03-10', { normTitle: '某县市场管理办法', normIssuer: '某县人民政府' }),
    ];
    expect(deriveReconStatus(log)).toBe('suspended');
    expect(due(log, 'decision')).toMatchObject({ dueOn: null, pausedSince: '2025-03-10' });
    expect(
      codeOfCall(() =>
        deriveReconStatus([
          act('apply', '2025-02-27'),
          act('requestNormReview', '2025-02-28', { normTitle: '某县办法', normIssuer: '某县人民政府' }),
        ]),
      ),
    ).toBe('disputes.reconsideration.actionNotAllowed@action');
  });

  it('第二十条: 60 calendar days to apply from knowing the act', () => {
    expect(applicationPeriod(calendar, '2025-03-03').due).toBe('2025-05-06');
    expect(applicationPeriod(calendar, '2025-06-03').due).toBe('2025-08-04');
  });

  it.each([
    ['mail', '2025-06-10', '2025-06-05', '2025-06-05'],
    ['transfer', '2025-06-10', '2025-06-04', '2025-06-04'],
    ['inPerson', '2025-06-10', undefined, '2025-06-10'],
    ['online', '2025-06-10', '2025-06-01', '2025-06-10'],
  ] as const)(
    'the filing date of a %s application (第二十条、第三十二条)',
    (channel, received, filed, expected) => {
      expect(filedOnFor(channel, received, filed)).toBe(expected);
    },
  );

  it('a clock in a year whose 放假安排 is not published skips the statutory days off (元旦), flagged provisional', () => {
    // 12-31 is day 1; 2027-01-01 元旦 is a day off by 全国年节及纪念日放假办法 第二条; 01-04…01-07 are days 2–5
    const d = due([act('apply', '2026-12-30')], 'acceptanceReview');
    expect(d?.provisional).toBe(true);
    expect(d?.dueOn).toBe('2027-01-07');
  });

  it('the 临期 / 逾期 state of a clock, and a lapsed 补正 window (never 逾期 for the applicant)', () => {
    const log = [act('apply', '2025-06-02'), act('requestCorrection', '2025-06-03', { items: ['身份证明'] })];
    const answer = due(log, 'correctionAnswer');
    const review = due([act('apply', '2025-06-02')], 'acceptanceReview');
    if (!answer || !review) throw new Error('missing clocks');
    expect(reconDueState(answer, '2025-06-30')).toBe('lapsed');
    expect(reconDueState(review, '2025-06-06')).toBe('dueSoon');
    expect(reconDueState(review, '2025-06-03')).toBe('normal');
    expect(reconDueState(review, '2025-06-10')).toBe('overdue');
    expect(reconDueState(review, '2025-06-02')).toBe('normal');
  });
});

describe('复议 rules', () => {
  it.each([
    ['当场作出 (第五十三条第一项)', { ...fine5000, onTheSpot: true }, true],
    ['警告 (第五十三条第二项)', { ...fine5000, penaltyTypes: ['warning'], amount: null }, true],
    ['款额 3,000 元 (第五十三条第三项)', { ...fine5000, amount: 3000 }, true],
    ['款额 5,000 元 with a fine', fine5000, false],
    ['警告 and a 5,000 元 fine', { ...fine5000, penaltyTypes: ['warning', 'fine'] }, false],
    [
      '政府信息公开 (第五十三条第四项)',
      { ...fine5000, kind: 'infoDisclosure', penaltyTypes: [], amount: null },
      true,
    ],
    ['all parties agree (第五十三条第二款)', { ...fine5000, partiesAgreeSimple: true }, true],
  ] as [string, ActFacts, boolean][])('简易程序 eligibility: %s', (_what, facts, eligible) => {
    expect(simpleGround(facts) !== null).toBe(eligible);
  });

  it.each([
    ['当场处罚', { kind: 'penalty', onTheSpot: true }, false, true],
    ['a penalty decided after a case', { kind: 'penalty', onTheSpot: false }, false, false],
    ['自然资源权属', { kind: 'resourceOwnership', onTheSpot: false }, false, true],
    ['不履行法定职责', { kind: 'nonPerformance', onTheSpot: false }, false, true],
    ['政府信息公开', { kind: 'infoDisclosure', onTheSpot: false }, false, true],
    ['another law says so', { kind: 'license', onTheSpot: false }, true, true],
  ] as const)('复议前置 (第二十三条): %s', (_what, a, byLaw, expected) => {
    expect(preconditionRequired(a, byLaw)).toBe(expected);
  });

  it('every status in the table, and the log folds through it', () => {
    expect(Object.keys(allowedReconActions).sort()).toEqual(
      [
        'accepted',
        'archived',
        'correcting',
        'decided',
        'received',
        'rejected',
        'suspended',
        'terminated',
        'withdrawn',
      ].sort(),
    );
    expect(
      deriveReconStatus([
        act('apply', '2025-06-02'),
        act('accept', '2025-06-03'),
        act('withdraw', '2025-06-10'),
      ]),
    ).toBe('terminated');
    expect(deriveReconStatus([act('apply', '2025-06-02'), act('withdraw', '2025-06-03')])).toBe('withdrawn');
    expect(
      codeOfCall(() => deriveReconStatus([act('apply', '2025-06-02'), act('decide', '2025-06-03')])),
    ).toBe('disputes.reconsideration.actionNotAllowed@action');
  });

  const accepted = (procedure: 'ordinary' | 'simple') => [
    act('apply', '2025-06-02'),
    act('accept', '2025-06-03', { procedure }),
  ];
  const check = (
    log: ReconActionRecord[],
    next: ReconActionRecord,
    facts: ActFacts = fine5000,
    today = '2025-12-01',
  ) => codeOfCall(() => checkReconAction(log, next, { act: facts }, { today, calendar }));

  it.each([
    [
      'a decision dated before acceptance',
      accepted('ordinary'),
      act('decide', '2025-06-01', { outcome: 'uphold', documentNo: '行复〔2025〕3号' }),
      'disputes.reconsideration.decisionBeforeAcceptance@date',
    ],
    [
      '确认无效 in 简易程序 (outside the table for the procedure)',
      accepted('simple'),
      act('decide', '2025-06-20', { outcome: 'confirmInvalid', documentNo: '行复〔2025〕3号' }),
      'disputes.reconsideration.outcomeNotAllowed@data.outcome',
    ],
    [
      '简易程序 for a 5,000 元 fine nobody agreed to (第五十三条)',
      [act('apply', '2025-06-02')],
      act('accept', '2025-06-03', { procedure: 'simple' }),
      'disputes.reconsideration.simpleIneligible@data.procedure',
    ],
    [
      'a second 补正 notice (第三十一条: all items at once)',
      [
        act('apply', '2025-06-02'),
        act('requestCorrection', '2025-06-03', { items: ['身份证明'] }),
        act('supplyCorrection', '2025-06-05'),
      ],
      act('requestCorrection', '2025-06-06', { items: ['证据'] }),
      'disputes.reconsideration.once@action',
    ],
    [
      '不予受理 after the review period (deemed accepted, 第三十条)',
      [act('apply', '2025-06-02')],
      act('reject', '2025-06-12', { reason: '超过申请期限' }),
      'disputes.reconsideration.reviewExpired@date',
    ],
    [
      'a 40-day extension',
      accepted('ordinary'),
      act('extend', '2025-07-20', { days: 40, approver: '李建华' }),
      'disputes.reconsideration.extendDays@data.days',
    ],
    [
      'an extension in 简易程序',
      accepted('simple'),
      act('extend', '2025-06-20', { days: 10, approver: '李建华' }),
      'disputes.reconsideration.extendSimple@action',
    ],
    [
      'a second extension',
      [...accepted('ordinary'), act('extend', '2025-07-20', { days: 10, approver: '李建华' })],
      act('extend', '2025-07-21', { days: 10, approver: '李建华' }),
      'disputes.reconsideration.once@action',
    ],
    [
      'a hearing 3 working days after the notice (第五十一条)',
      accepted('ordinary'),
      act('noticeHearing', '2025-06-03', { hearingOn: '2025-06-06' }),
      'disputes.reconsideration.hearingNotice@data.hearingOn',
    ],
    [
      '不予受理 without a reason',
      [act('apply', '2025-06-02')],
      act('reject', '2025-06-03'),
      'disputes.reconsideration.dataRequired@data.reason',
    ],
    [
      'a date in the future',
      [act('apply', '2025-06-02')],
      act('accept', '2025-12-02'),
      'disputes.reconsideration.futureDate@date',
    ],
    [
      '调解书 without a recorded agreement (第七十三条)',
      accepted('ordinary'),
      act('decide', '2025-06-20', { outcome: 'mediation', documentNo: '行复调〔2025〕1号' }),
      'disputes.reconsideration.noMediation@data.outcome',
    ],
  ])('refuses %s', (_what, log, next, code) => {
    expect(check(log, next)).toBe(code);
  });

  it.each([
    [
      '简易程序 for a 2,000 元 fine',
      [act('apply', '2025-06-02')],
      act('accept', '2025-06-03', { procedure: 'simple' }),
    ],
    [
      'a hearing on the 5th working day after the notice',
      accepted('ordinary'),
      act('noticeHearing', '2025-06-03', { hearingOn: '2025-06-10' }),
    ],
    [
      '撤销 in 简易程序',
      accepted('simple'),
      act('decide', '2025-06-20', { outcome: 'revoke', documentNo: '行复〔2025〕3号' }),
    ],
  ])('accepts %s', (_what, log, next) => {
    expect(earliestHearingDate(calendar, '2025-06-03')).toBe('2025-06-10');
    expect(check(log, next, { ...fine5000, amount: 2000 })).toBe('ok');
  });

  it('every outcome of 简易程序 is an outcome of 普通程序', () => {
    for (const o of outcomesByProcedure.simple) expect(outcomesByProcedure.ordinary).toContain(o);
  });

  it('marks 视为受理 on the last day of a silent review and 视为放弃 after an unanswered 补正 (第三十条、第三十一条)', () => {
    expect(automaticAct([act('apply', '2025-06-02')], calendar, '2025-06-09')).toBeNull();
    expect(automaticAct([act('apply', '2025-06-02')], calendar, '2025-06-10')).toMatchObject({
      action: 'deemAccept',
      date: '2025-06-09',
    });
    const correcting = [
      act('apply', '2025-06-02'),
      act('requestCorrection', '2025-06-03', { items: ['身份证明'] }),
    ];
    expect(automaticAct(correcting, calendar, '2025-06-17')).toBeNull();
    expect(automaticAct(correcting, calendar, '2025-06-18')).toMatchObject({
      action: 'correctionLapsed',
      date: '2025-06-18',
    });
  });

  it('projects the ledger columns: outcome, days to decide, extension and the next duty', () => {
    const p = projectRecon(
      [
        act('apply', '2025-02-27'),
        act('accept', '2025-03-03', { procedure: 'ordinary' }),
        act('sendCopy', '2025-03-05'),
        act('extend', '2025-04-20', { days: 30, approver: '李建华' }),
      ],
      calendar,
    );
    expect(p).toMatchObject({
      status: 'accepted',
      extended: true,
      decision_due_on: '2025-06-03',
      next_due_kind: 'answer',
      next_due_on: '2025-03-19',
    });
    const d = projectRecon(
      [
        act('apply', '2025-02-27'),
        act('accept', '2025-03-03', { procedure: 'ordinary' }),
        act('decide', '2025-04-02', { outcome: 'revoke', documentNo: '行复〔2025〕1号' }),
      ],
      calendar,
    );
    expect(d).toMatchObject({
      status: 'decided',
      outcome: 'revoke',
      days_to_decide: 30,
      next_due_kind: null,
    });
  });
});
