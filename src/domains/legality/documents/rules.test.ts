import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../../platform/calendar/index.js';
import { DomainError } from '../../../platform/errors.js';
import {
  checkCommentPeriod,
  checkDocumentAction,
  checkFiling,
  checkReadyForReview,
  checkReviewGate,
  commentPeriod,
  effectiveDate,
  formatDocumentNumber,
  publicState,
  statusAfterCleanup,
  validityState,
  validUntil,
} from './rules.js';
import { codeOfCall } from '../../../test/ctx.js';

const cal = createWorkCalendar();
describe('公开征求意见 (示范指标 item 24: ≥ 7 working days; ≥ 30 days when tied to market entities)', () => {
  it.each([
    ['7 working days Mon–Tue next week', '2025-06-09', '2025-06-17', false, undefined, 'ok'],
    [
      '6 working days without a reason',
      '2025-06-09',
      '2025-06-16',
      false,
      undefined,
      'legality.document.commentTooShort@reason',
    ],
    ['6 working days with a reason', '2025-06-09', '2025-06-16', false, '上级部署时限紧迫', 'ok'],
    [
      'a holiday week does not count (国庆 2025)',
      '2025-09-30',
      '2025-10-09',
      false,
      undefined,
      'legality.document.commentTooShort@reason',
    ],
    ['market-related: 30 days', '2025-06-01', '2025-06-30', true, undefined, 'ok'],
    [
      'market-related: 29 days without a reason',
      '2025-06-01',
      '2025-06-29',
      true,
      undefined,
      'legality.document.commentTooShort@reason',
    ],
    [
      'end before start',
      '2025-06-10',
      '2025-06-09',
      false,
      '理由',
      'legality.document.commentDates@commentTo',
    ],
  ] as const)('%s → %s', (_n, from, to, market, reason, code) => {
    expect(codeOfCall(() => checkCommentPeriod(commentPeriod(cal, from, to, market), from, to, reason))).toBe(
      code,
    );
  });
});

describe('gates', () => {
  it.each([
    [
      'comment closed, no market',
      { comment_to: '2025-06-10', market_related: false, fair_competition_on: null },
      '2025-06-11',
      'ok',
    ],
    [
      'comment still open',
      { comment_to: '2025-06-10', market_related: false, fair_competition_on: null },
      '2025-06-10',
      'legality.document.commentOpen@date',
    ],
    [
      'no comment at all',
      { comment_to: null, market_related: false, fair_competition_on: null },
      '2025-06-11',
      'legality.document.commentOpen@date',
    ],
    [
      'market without 公平竞争审查',
      { comment_to: '2025-06-10', market_related: true, fair_competition_on: null },
      '2025-06-11',
      'legality.document.fairCompetitionRequired@action',
    ],
  ] as const)('ready for review: %s → %s', (_n, d, date, code) => {
    expect(codeOfCall(() => checkReadyForReview(d, date))).toBe(code);
  });

  // 国办发〔2018〕115号: 未经合法性审核或者经审核不合法的,不得提交集体审议
  it.each([
    ['no review', undefined, 'legality.document.reviewRequired@action'],
    [
      'review still running',
      { status: 'reviewing', conclusion: null },
      'legality.document.reviewRequired@action',
    ],
    ['不合法', { status: 'concluded', conclusion: 'unlawful' }, 'legality.document.reviewRequired@action'],
    ['修改后合法', { status: 'answered', conclusion: 'lawfulAfterRevision' }, 'ok'],
    ['合法', { status: 'concluded', conclusion: 'lawful' }, 'ok'],
  ] as const)('collective deliberation after %s → %s', (_n, review, code) => {
    expect(codeOfCall(() => checkReviewGate(review, '集体审议'))).toBe(code);
  });

  it.each([
    ['drafting', 'publish', 'legality.document.actionNotAllowed@action'],
    ['reviewing', 'publish', 'legality.document.actionNotAllowed@action'],
    ['deliberated', 'publish', 'ok'],
    ['published', 'file', 'ok'],
    ['repealed', 'file', 'legality.document.actionNotAllowed@action'],
  ] as const)('a %s document may %s → %s', (status, action, code) => {
    expect(codeOfCall(() => checkDocumentAction(status, action))).toBe(code);
  });
});

describe('三统一, 施行, 有效期, 备案 (RULES §2.6)', () => {
  it.each([
    ['{abbr}规〔{year}〕{seq}号', '开政', 2025, 3, '开政规〔2025〕3号'],
    ['{abbr}发〔{year}〕第{seq}号', '开司', 2026, 12, '开司发〔2026〕第12号'],
  ])('number format %s', (format, abbr, year, seq, number) => {
    expect(formatDocumentNumber(format, { abbr, year, seq })).toBe(number);
  });

  it.each([
    ['30 days after publication by default', '2025-06-01', undefined, undefined, '2025-07-01'],
    ['earlier with a reason', '2025-06-01', '2025-06-01', '涉及群众切身利益的补贴发放', '2025-06-01'],
    [
      'earlier without a reason',
      '2025-06-01',
      '2025-06-10',
      undefined,
      'legality.document.effectiveReason@reason',
    ],
    [
      'before publication',
      '2025-06-01',
      '2025-05-30',
      '理由',
      'legality.document.effectiveBeforePublication@effectiveOn',
    ],
  ] as const)('施行: %s', (_n, published, effective, reason, expected) => {
    let out: string;
    try {
      out = effectiveDate(published, effective, reason);
    } catch (e) {
      out = e instanceof DomainError ? `${e.code}@${e.details.field}` : String(e);
    }
    expect(out).toBe(expected);
  });

  it.each([
    ['5 years', '2025-07-01', false, '2030-06-30'],
    ['暂行/试行 2 years', '2025-07-01', true, '2027-06-30'],
    ['from 29 February', '2024-02-29', true, '2026-02-27'],
  ])('有效期 %s', (_n, effective, provisional, until) => {
    expect(validUntil(effective, provisional)).toBe(until);
  });

  it.each([
    ['2030-06-30', '2025-07-01', 'valid'],
    ['2025-09-01', '2025-07-01', 'expiringSoon'],
    ['2025-06-30', '2025-07-01', 'expired'],
  ] as const)('valid until %s on %s → %s', (until, today, state) => {
    expect(validityState(until, today)).toBe(state);
  });

  it.each([
    ['on day 30', '2025-06-01', '2025-07-01', undefined, undefined, 'ok'],
    [
      'on day 31 unmarked',
      '2025-06-01',
      '2025-07-02',
      undefined,
      undefined,
      'legality.document.filingLate@late',
    ],
    [
      'on day 31 marked late without a reason',
      '2025-06-01',
      '2025-07-02',
      true,
      undefined,
      'legality.document.filingLate@late',
    ],
    ['on day 31 marked late with a reason', '2025-06-01', '2025-07-02', true, '文件印发后补充说明材料', 'ok'],
    [
      'before publication',
      '2025-06-01',
      '2025-05-31',
      undefined,
      undefined,
      'legality.document.filedBeforePublication@date',
    ],
  ] as const)('备案 %s → %s', (_n, published, filed, late, reason, code) => {
    expect(codeOfCall(() => checkFiling(published, filed, 30, late, reason))).toBe(code);
  });

  it.each([
    ['keep', null],
    ['amend', null],
    ['repeal', 'repealed'],
    ['declareInvalid', 'invalidated'],
  ] as const)('清理 %s ends the document: %s', (outcome, status) => {
    expect(statusAfterCleanup(outcome)).toBe(status);
  });

  it.each([
    [{ status: 'published', valid_until: '2030-06-30', amended_on: null }, 'valid'],
    [{ status: 'published', valid_until: '2030-06-30', amended_on: '2025-03-01' }, 'amended'],
    [{ status: 'published', valid_until: '2025-01-01', amended_on: null }, 'lapsed'],
    [{ status: 'repealed', valid_until: '2030-06-30', amended_on: null }, 'lapsed'],
  ])('public register state %#', (d, state) => {
    expect(publicState(d, '2025-06-16')).toBe(state);
  });
});
