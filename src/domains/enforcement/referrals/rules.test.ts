import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../../platform/calendar/index.js';
import {
  allowedReferralActions,
  checkCaseReferable,
  checkNoPendingReferral,
  checkReferralAction,
  checkTeam,
  deriveReferralStatus,
  handoverHours,
  nextReferralDue,
  referralDues,
  referralDueState,
  REFERRAL_BLOCKS_PENALTY,
  referralStatusAfter,
  threeDaysFrom,
} from './rules.js';
import {
  type ReferralAction,
  ReferralAction as ReferralActionEnum,
  type ReferralActionRecord,
  ReferralStatus,
} from './schema.js';
import { codeOfCall } from '../../../test/ctx.js';

const calendar = createWorkCalendar();
const act = (
  action: ReferralAction,
  date: string,
  data: ReferralActionRecord['data'] = {},
  at: string | null = null,
): ReferralActionRecord => ({ action, date, at, data, actorId: null });

const report = act('report', '2025-06-03');
const approve = act('approve', '2025-06-05', { approverName: '李强' }, '2025-06-05T10:00:00+08:00');
const handOver = (at: string) =>
  act('handOver', at.slice(0, 10), { policeOrg: '开远市公安局', documentNo: '开市监移〔2025〕1号' }, at);
const accepted = [report, approve, handOver('2025-06-05T16:00:00+08:00'), act('accept', '2025-06-06')];
const declined = [
  ...accepted,
  act('decline', '2025-06-09', { reason: '犯罪事实显著轻微', documentNo: '开公不立〔2025〕3号' }),
];
const now = new Date('2025-07-01T02:00:00Z');

describe('the referral workflow table', () => {
  it.each(ReferralStatus.options)('%s: every allowed act leads to a status of the table', (status) => {
    for (const a of allowedReferralActions[status]) {
      expect(ReferralStatus.options).toContain(referralStatusAfter[a]);
    }
  });

  it('ends only in 不批准 and 结案, and reaches 结案 from every live status', () => {
    const ends = ReferralStatus.options.filter((s) => allowedReferralActions[s].length === 0);
    expect(ends).toEqual(['refused', 'closed']);
    // every status but the ends can reach closed by the table
    const reach = (s: string, seen = new Set<string>()): boolean => {
      if (s === 'closed') return true;
      if (seen.has(s)) return false;
      seen.add(s);
      return allowedReferralActions[s as ReferralStatus].some((a) => reach(referralStatusAfter[a], seen));
    };
    for (const s of ReferralStatus.options.filter((x) => x !== 'refused')) expect(reach(s), s).toBe(true);
  });

  it('refuses a handover before approval, and an act before the report', () => {
    expect(codeOfCall(() => deriveReferralStatus([report, handOver('2025-06-05T10:00:00+08:00')]))).toBe(
      'enforcement.referral.actionNotAllowed@action',
    );
    expect(codeOfCall(() => deriveReferralStatus([approve]))).toBe('enforcement.referral.notReported@action');
    expect(deriveReferralStatus(declined)).toBe('declined');
  });

  it.each(ReferralActionEnum.options.filter((a) => a !== 'report'))(
    '%s is allowed exactly in the statuses the table lists',
    (action) => {
      const statuses = ReferralStatus.options.filter((s) =>
        (allowedReferralActions[s] as readonly string[]).includes(action),
      );
      expect(statuses.length).toBeGreaterThan(0);
    },
  );
});

describe('checks on a new act', () => {
  const ctx = { now, calendar };
  it.each([
    ['handover before approval', [report], handOver('2025-06-04T09:00:00+08:00'), 'actionNotAllowed@action'],
    [
      'approval without its time',
      [report],
      act('approve', '2025-06-04', { approverName: '李强' }),
      'timeRequired@at',
    ],
    [
      'approval without the head',
      [report],
      act('approve', '2025-06-04', {}, '2025-06-04T09:00:00+08:00'),
      'dataRequired@data.approverName',
    ],
    [
      'refusal without the reason (第五条)',
      [report],
      act('refuse', '2025-06-04', { approverName: '李强' }),
      'dataRequired@data.reason',
    ],
    [
      'approval dated before the report',
      [report],
      act('approve', '2025-06-02', { approverName: '李强' }, '2025-06-02T09:00:00+08:00'),
      'beforeReport@at',
    ],
    [
      'handover earlier than the approval instant',
      [report, approve],
      handOver('2025-06-05T09:00:00+08:00'),
      'beforePrevious@at',
    ],
    [
      'handover without the police org',
      [report, approve],
      act('handOver', '2025-06-05', { documentNo: 'x1' }, '2025-06-05T12:00:00+08:00'),
      'dataRequired@data.policeOrg',
    ],
    ['an act in the future', accepted, act('file', '2025-07-02', { documentNo: '立1' }), 'futureDate@date'],
    [
      '不予立案 without the reason (第八条)',
      accepted,
      act('decline', '2025-06-09', { documentNo: '不1' }),
      'dataRequired@data.reason',
    ],
    [
      '提请复议 after 3 days (第九条)',
      declined,
      act('requestReconsideration', '2025-06-13'),
      'windowPassed@date',
    ],
    [
      'an exhibit handover with no items',
      [...accepted, act('file', '2025-06-08', { documentNo: '立1' })],
      act('transferExhibits', '2025-06-09'),
      'dataRequired@data.items',
    ],
  ])('refuses %s', (_w, log, next, code) => {
    expect(codeOfCall(() => checkReferralAction(log, next, ctx))).toBe(`enforcement.referral.${code}`);
  });

  it.each([
    ['handover 23 h after approval', [report, approve], handOver('2025-06-06T09:00:00+08:00')],
    [
      'a late handover (recorded, flagged by its clock)',
      [report, approve],
      handOver('2025-06-07T09:00:00+08:00'),
    ],
    ['提请复议 on the 3rd day', declined, act('requestReconsideration', '2025-06-12')],
    ['检察监督 straight after 不予立案', declined, act('requestSupervision', '2025-06-20')],
  ])('accepts %s', (_w, log, next) => {
    expect(codeOfCall(() => checkReferralAction(log, next, ctx))).toBe('ok');
  });
});

describe('the 专案组 (第五条) and which cases may be referred', () => {
  const cert = { issuedOn: '2020-01-01', validUntil: '2030-01-01', status: 'valid' as const };
  const officer = (id: string, c: typeof cert | null = cert) => ({
    id,
    name: `执法员${id}`,
    active: true,
    certificate: c,
  });
  it.each([
    ['one person', [officer('a')], 'teamTooSmall'],
    ['the same person twice', [officer('a'), officer('a')], 'teamTooSmall'],
    ['an officer who is not a handler of the case', [officer('a'), officer('z')], 'teamNotHandler'],
    [
      'an officer without a valid certificate',
      [officer('a'), officer('b', { ...cert, validUntil: '2025-01-01' })],
      'teamUncertified',
    ],
    ['two certified handlers', [officer('a'), officer('b')], null],
  ])('%s', (_w, team, code) => {
    expect(codeOfCall(() => checkTeam(team, ['a', 'b', 'c'], '2025-06-03'))).toBe(
      code ? `enforcement.referral.${code}@teamIds` : 'ok',
    );
  });

  const base = { category: 'penalty', openedOn: '2025-05-01', terminated: false, liveReferral: false };
  it.each([
    ['a case closed by 不予处罚/撤销立案', { terminated: true }, '2025-06-03', 'caseTerminated@caseId'],
    ['a licensing case', { category: 'license' }, '2025-06-03', 'notEnforcement@caseId'],
    ['a case with a live referral', { liveReferral: true }, '2025-06-03', 'duplicate@caseId'],
    ['a report before 立案', {}, '2025-04-30', 'beforeOpened@reportedOn'],
    ['a report in the future', {}, '2025-07-02', 'futureDate@reportedOn'],
  ])('refuses %s', (_w, patch, on, code) => {
    expect(codeOfCall(() => checkCaseReferable({ ...base, ...patch }, on, '2025-07-01'))).toBe(
      `enforcement.referral.${code}`,
    );
  });
});

describe('clocks (民法典 第二百零一条至第二百零三条 for the 3-day limits)', () => {
  it.each([
    ['a weekday', '2025-06-03', '2025-06-06'],
    ['ending on a Saturday: moves to Monday', '2025-06-04', '2025-06-09'],
    ['ending in the National Day holiday: moves to its end', '2025-09-28', '2025-10-09'],
    ['ending on a 调休 Saturday that is a workday: stays', '2025-10-08', '2025-10-11'],
  ])('3 days from %s', (_w, start, due) => {
    expect(threeDaysFrom(calendar, start)).toEqual({ due, provisional: false, provisionalReason: null });
  });

  it('counts provisionally, flagged, for a year whose arrangement is not loaded', () => {
    expect(threeDaysFrom(calendar, '2031-03-03')).toMatchObject({
      due: '2031-03-06',
      provisional: true,
      provisionalReason: expect.stringMatching(/2031年的节假日安排尚未公布/),
    });
    // 2027-02-04 + 3 days = 02-07, 春节 (正月初二) → the first workday after, 02-09
    expect(threeDaysFrom(calendar, '2027-02-04')).toMatchObject({ due: '2027-02-09', provisional: true });
  });

  it.each([
    ['2025-06-06T09:59:00+08:00', 24, false],
    ['2025-06-06T10:00:00+08:00', 24, false],
    ['2025-06-06T11:00:00+08:00', 25, true],
  ])('handover at %s: %s hours after approval, late %s (第五条)', (at, hours, late) => {
    expect(Math.round(handoverHours(approve.at ?? '', at))).toBe(hours);
    const due = referralDues([report, approve, handOver(at)], calendar).find((d) => d.kind === 'handover');
    expect(due).toMatchObject({ dueAt: '2025-06-06T02:00:00.000Z', late });
  });

  it('lists every clock the 规定 sets along a referral refused by the police and then filed on 复议', () => {
    const log = [
      ...declined,
      act('requestReconsideration', '2025-06-10'),
      act('reconsiderFiled', '2025-06-12', { documentNo: '开公立〔2025〕9号' }),
    ];
    const dues = referralDues(log, calendar).map((d) => [d.kind, d.owner, d.dueOn, d.metAt !== null, d.late]);
    expect(dues).toEqual([
      ['approval', 'agency', '2025-06-06', true, false],
      ['handover', 'agency', '2025-06-06', true, false],
      ['policeReview', 'police', '2025-06-09', true, false],
      ['reconsiderationRequest', 'option', '2025-06-12', true, false],
      ['reconsiderationDecision', 'police', '2025-06-13', true, false],
      ['exhibits', 'agency', '2025-06-16', false, false],
    ]);
    const next = nextReferralDue(referralDues(log, calendar), 'filed');
    expect(next?.kind).toBe('exhibits');
    expect(next && referralDueState(next, new Date('2025-06-13T02:00:00Z'))).toBe('normal');
    expect(next && referralDueState(next, new Date('2025-06-15T02:00:00Z'))).toBe('dueSoon');
    expect(next && referralDueState(next, new Date('2025-06-16T15:59:00Z'))).toBe('dueSoon');
    expect(next && referralDueState(next, new Date('2025-06-16T16:00:00Z'))).toBe('overdue');
  });

  it('shows an unused 复议 window as lapsed, never 逾期, and no next due once closed', () => {
    const dues = referralDues(declined, calendar);
    const window = dues.find((d) => d.kind === 'reconsiderationRequest');
    expect(window && referralDueState(window, now)).toBe('lapsed');
    expect(nextReferralDue(dues, 'declined')).toBeNull();
    expect(nextReferralDue(referralDues([report], calendar), 'reported')?.kind).toBe('approval');
    expect(nextReferralDue(referralDues([report], calendar), 'closed')).toBeNull();
  });

  it('marks a late approval (more than 3 days after the report) as late', () => {
    const late = act('approve', '2025-06-09', { approverName: '李强' }, '2025-06-09T09:00:00+08:00');
    expect(referralDues([report, late], calendar)[0]).toMatchObject({ kind: 'approval', late: true });
  });
});

describe('不得以行政处罚代替移送 (第十一条)', () => {
  const blocking = [
    'reported',
    'approved',
    'handedOver',
    'accepted',
    'filed',
    'reconsidering',
    'supervising',
    'exhibitsTransferred',
  ];
  it.each(ReferralStatus.options.map((s) => [s, blocking.includes(s)] as const))(
    'a referral in status %s blocks a penalty decision: %s',
    (status, blocks) => {
      expect(REFERRAL_BLOCKS_PENALTY[status]).toBe(blocks);
      if (blocks) expect(() => checkNoPendingReferral(status)).toThrow(/第十一条/);
      else expect(() => checkNoPendingReferral(status)).not.toThrow();
    },
  );
  it('a case never referred is decided as usual', () => {
    expect(() => checkNoPendingReferral(null)).not.toThrow();
  });
});
