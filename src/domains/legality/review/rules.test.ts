import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../../platform/calendar/index.js';
import {
  checkAnswers,
  checkConclusion,
  checkReviewAction,
  DEFAULT_REVIEW_CLOCK,
  projectReview,
  reviewDueState,
  reviewPassed,
} from './rules.js';
import type { ReviewLogEntry } from './schema.js';
import { codeOfCall } from '../../../test/ctx.js';

const cal = createWorkCalendar();
const e = (
  action: ReviewLogEntry['action'],
  date: string,
  data: ReviewLogEntry['data'] = {},
): ReviewLogEntry => ({
  action,
  date,
  data,
});

describe('review clock (国办发〔2018〕115号: ≤ 15 working days, one extension, 补充材料 pauses)', () => {
  it.each([
    ['15 working days from submission', [e('submit', '2025-06-03')], '2025-06-24'],
    // 端午 2025-05-31..06-02: the days off do not count
    ['skips the 端午 holiday', [e('submit', '2025-05-29')], '2025-06-20'],
    // 国庆/中秋 2025-10-01..08, 10-11 is a 调休 workday
    ['counts the 调休 Saturday and skips 国庆', [e('submit', '2025-09-26')], '2025-10-23'],
    [
      'one extension adds the region’s 10 working days',
      [e('submit', '2025-06-03'), e('extend', '2025-06-10', { reason: '疑难复杂' })],
      '2025-07-08',
    ],
    [
      '补充材料 stops the clock from the day after the request to the day they arrive',
      [
        e('submit', '2025-06-03'),
        e('requestMaterials', '2025-06-05', { reason: '缺起草说明' }),
        e('receiveMaterials', '2025-06-12'),
      ],
      '2025-07-01',
    ],
  ])('%s', (_name, log, due) => {
    expect(projectReview(log, DEFAULT_REVIEW_CLOCK, cal).dueOn).toBe(due);
  });

  it('has no due date while materials are awaited, and says since when', () => {
    const p = projectReview(
      [e('submit', '2025-06-03'), e('requestMaterials', '2025-06-05', { reason: '缺材料' })],
      DEFAULT_REVIEW_CLOCK,
      cal,
    );
    expect(p).toMatchObject({ status: 'awaitingMaterials', dueOn: null, pausedSince: '2025-06-06' });
  });

  it.each([
    ['normal', { status: 'reviewing', dueOn: '2025-06-24', concludedOn: null }, '2025-06-16', 'normal'],
    [
      '临期 within 3 days',
      { status: 'reviewing', dueOn: '2025-06-24', concludedOn: null },
      '2025-06-21',
      'dueSoon',
    ],
    [
      'due today is not overdue (民法典 第二百零三条)',
      { status: 'reviewing', dueOn: '2025-06-24', concludedOn: null },
      '2025-06-24',
      'dueSoon',
    ],
    ['逾期', { status: 'reviewing', dueOn: '2025-06-24', concludedOn: null }, '2025-06-25', 'overdue'],
    ['paused', { status: 'awaitingMaterials', dueOn: null, concludedOn: null }, '2025-06-25', 'paused'],
    [
      'concluded on time',
      { status: 'concluded', dueOn: '2025-06-24', concludedOn: '2025-06-24' },
      '2025-07-30',
      'onTime',
    ],
    [
      'concluded late',
      { status: 'concluded', dueOn: '2025-06-24', concludedOn: '2025-06-26' },
      '2025-07-30',
      'late',
    ],
  ] as const)('%s', (_n, r, today, state) => {
    expect(reviewDueState(r, today, 3)).toBe(state);
  });
});

describe('review acts', () => {
  const submitted = [e('submit', '2025-06-03')];
  it.each([
    [
      'conclude while reviewing',
      'reviewing',
      submitted,
      { action: 'conclude', date: '2025-06-10', conclusion: 'lawful' },
      'ok',
    ],
    [
      'a second extension (延长一次)',
      'reviewing',
      [...submitted, e('extend', '2025-06-05', { reason: '复杂' })],
      { action: 'extend', date: '2025-06-10', reason: '再延' },
      'legality.review.extendedOnce@action',
    ],
    [
      'an extension without a reason',
      'reviewing',
      submitted,
      { action: 'extend', date: '2025-06-10' },
      'legality.review.reasonRequired@reason',
    ],
    [
      'a materials request without saying what',
      'reviewing',
      submitted,
      { action: 'requestMaterials', date: '2025-06-10' },
      'legality.review.reasonRequired@reason',
    ],
    [
      'concluding while materials are awaited',
      'awaitingMaterials',
      submitted,
      { action: 'conclude', date: '2025-06-10', conclusion: 'lawful' },
      'legality.review.actionNotAllowed@action',
    ],
    [
      'an act dated before the last one',
      'reviewing',
      submitted,
      { action: 'conclude', date: '2025-06-01', conclusion: 'lawful' },
      'legality.review.dateOrder@date',
    ],
    [
      'an act dated in the future',
      'reviewing',
      submitted,
      { action: 'conclude', date: '2025-06-30', conclusion: 'lawful' },
      'legality.review.futureDate@date',
    ],
    [
      '修改后合法 without opinions (意见应当明确具体)',
      'reviewing',
      submitted,
      { action: 'conclude', date: '2025-06-10', conclusion: 'lawfulAfterRevision', opinions: [] },
      'legality.review.opinionsRequired@opinions',
    ],
    [
      'acting on a withdrawn review',
      'withdrawn',
      submitted,
      { action: 'conclude', date: '2025-06-10', conclusion: 'lawful' },
      'legality.review.actionNotAllowed@action',
    ],
  ] as const)('%s → %s', (_n, status, log, next, code) => {
    expect(codeOfCall(() => checkReviewAction(status, log, next, '2025-06-16'))).toBe(code);
  });

  it.each([
    ['lawful', true],
    ['lawfulAfterRevision', true],
    ['unlawful', false],
    [null, false],
  ] as const)('a %s conclusion passes the gate: %s', (c, passed) => {
    expect(reviewPassed(c)).toBe(passed);
  });

  it('needs a conclusion', () => {
    expect(codeOfCall(() => checkConclusion(undefined, []))).toBe(
      'legality.review.conclusionRequired@conclusion',
    );
  });

  it.each([
    [
      'every opinion answered',
      [
        { opinionId: 'a', adoption: 'adopted' },
        { opinionId: 'b', adoption: 'notAdopted', reason: '上位法已修改' },
      ],
      'ok',
    ],
    [
      '不采纳 without a reason',
      [
        { opinionId: 'a', adoption: 'adopted' },
        { opinionId: 'b', adoption: 'notAdopted' },
      ],
      'legality.review.adoptionReason@answers.1.reason',
    ],
    [
      'an opinion left out',
      [{ opinionId: 'a', adoption: 'adopted' }],
      'legality.review.answerMissing@answers',
    ],
    [
      'one opinion answered twice',
      [
        { opinionId: 'a', adoption: 'adopted' },
        { opinionId: 'a', adoption: 'adopted' },
      ],
      'legality.review.duplicateAnswer@answers.1.opinionId',
    ],
    [
      'an opinion of another review',
      [{ opinionId: 'x', adoption: 'adopted' }],
      'legality.review.unknownOpinion@answers.0.opinionId',
    ],
  ] as const)('adoption answers: %s', (_n, answers, code) => {
    expect(codeOfCall(() => checkAnswers(['a', 'b'], answers))).toBe(code);
  });
});
