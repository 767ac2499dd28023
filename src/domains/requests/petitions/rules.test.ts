import { describe, expect, it } from 'vitest';
import { actBuilder, extensionRefusals, ruleCtx } from '../core/test-fixtures.js';
import {
  allowedPetitionActions,
  checkNotFinal,
  checkPetitionAction,
  derivePetitionStatus,
  type PetitionRecord,
  petitionDues,
  projectPetition,
} from './rules.js';
import { PetitionStatus } from './schema.js';

const act = actBuilder<PetitionRecord['action'], PetitionRecord['data']>({});
const answer = (date: string, resolved = true) =>
  act('answer', date, { result: 'supported', documentNo: 'x1', resolved });
const reg = [act('register', '2025-03-03')];
/** A matter answered unresolved, 复查 answered, 复核 requested on 05-20. */
const toRecheck = [
  ...reg,
  act('accept', '2025-03-05'),
  answer('2025-04-01', false),
  act('requestReview', '2025-04-10'),
  act('answerReview', '2025-05-06', { result: 'notSupported', documentNo: 'x2' }),
  act('requestRecheck', '2025-05-20'),
];

describe('信访工作条例: the clocks', () => {
  it.each([
    // 第二十二条: 15 days from receipt (2025-03-18 is a Tuesday)
    ['route', reg, 'route', '2025-03-18'],
    // 第三十四条: 60 days from acceptance 03-05 → 05-04 (a Sunday, but 2025-05-04 is off: 劳动节 … → 05-06)
    ['handle', [...reg, act('accept', '2025-03-05')], 'handle', '2025-05-06'],
    // + 30 days once approved: 06-03
    [
      'handle extended',
      [
        ...reg,
        act('accept', '2025-03-05'),
        act('extend', '2025-04-20', { approverName: '王', reason: '复杂' }),
      ],
      'handle',
      '2025-06-03',
    ],
    // 第三十五条: 复查 within 30 days of the request
    [
      'review',
      [...reg, act('accept', '2025-03-05'), answer('2025-04-01', false), act('requestReview', '2025-04-10')],
      'review',
      '2025-05-12',
    ],
    // 第三十六条: 复核 30 days, hearing days not counted (5 days of hearing → +5)
    [
      'recheck with a hearing',
      [
        ...toRecheck,
        act('answerRecheck', '2025-06-20', { result: 'notSupported', documentNo: 'x3', hearingDays: 5 }),
      ],
      'recheck',
      '2025-06-24',
    ],
  ] as const)('%s', (_n, log, kind, due) => {
    expect(petitionDues('2025-03-03', [...log], ruleCtx).find((d) => d.kind === kind)?.dueOn).toBe(due);
  });

  it('a late first answer is not on time; the review window is the petitioner’s', () => {
    const log = [...reg, act('accept', '2025-03-05'), answer('2025-05-20')];
    expect(projectPetition('2025-03-03', log, ruleCtx)).toMatchObject({
      status: 'answered',
      onTime: false,
      resolved: true,
    });
    expect(petitionDues('2025-03-03', log, ruleCtx).find((d) => d.kind === 'reviewRequest')?.party).toBe(
      true,
    );
  });
});

describe('the status → acts table', () => {
  const r = (x: string) => answer(x, false);
  // the 复查 and 复核 logs build on one another
  const reviewed = [
    ...reg,
    act('accept', '2025-03-04'),
    r('2025-03-05'),
    act('requestReview', '2025-03-06'),
    act('answerReview', '2025-03-07'),
  ];
  const rechecking = [...reviewed, act('requestRecheck', '2025-03-08')];
  const reach: Record<string, PetitionRecord[]> = {
    registered: reg,
    routed: [...reg, act('route', '2025-03-04')],
    declined: [...reg, act('decline', '2025-03-04')],
    handling: [...reg, act('accept', '2025-03-04')],
    answered: [...reg, act('accept', '2025-03-04'), r('2025-03-05')],
    reviewing: [...reg, act('accept', '2025-03-04'), r('2025-03-05'), act('requestReview', '2025-03-06')],
    reviewed,
    rechecking,
    rechecked: [...rechecking, act('answerRecheck', '2025-03-09')],
    closed: [...reg, act('accept', '2025-03-04'), r('2025-03-05'), act('close', '2025-03-06')],
  };
  it.each(PetitionStatus.options)('%s: reached by its log, and every act it allows folds', (status) => {
    const log = reach[status] ?? [];
    expect(derivePetitionStatus(log)).toBe(status);
    for (const a of allowedPetitionActions[status])
      expect(() => derivePetitionStatus([...log, act(a, '2025-03-20')])).not.toThrow();
  });

  it('refuses a second 复核 of the same matter (第三十六条)', () => {
    const log = [
      ...toRecheck,
      act('answerRecheck', '2025-06-10', { result: 'notSupported', documentNo: 'x3' }),
    ];
    expect(derivePetitionStatus(log)).toBe('rechecked');
    expect(() => checkPetitionAction('claim', log, act('requestRecheck', '2025-06-20'), ruleCtx)).toThrow(
      '不再受理',
    );
    expect(() => checkNotFinal(true)).toThrow('第三十六条');
    expect(() => checkNotFinal(false)).not.toThrow();
  });
});

describe('bad input is refused naming the rule', () => {
  const accepted = [...reg, act('accept', '2025-03-05')];
  it.each([
    // 60 days from acceptance on 03-05 end on 05-06 (劳动节)
    ...extensionRefusals((date, data) => act('extend', date, data), accepted, {
      on: '2025-04-01',
      late: '2025-05-10',
      periodEnd: '2025-05-06',
      basis: '第三十四条',
    }),
    [
      'a 申诉求决 declined without the statutory route',
      reg,
      act('decline', '2025-03-05', { reason: '属诉讼' }),
      '应当导入的法定途径',
    ],
    [
      'a 复查 asked after 30 days',
      [...accepted, answer('2025-04-01', false)],
      act('requestReview', '2025-05-08'),
      '第三十五条',
    ],
    [
      'an answer without its document number',
      accepted,
      act('answer', '2025-04-01', { result: 'supported' }),
      '意见书文号',
    ],
  ] as const)('%s', (_n, log, next, message) => {
    expect(() => checkPetitionAction('claim', [...log], next, ruleCtx)).toThrow(message);
  });
});
