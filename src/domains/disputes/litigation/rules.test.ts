import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../../platform/calendar/index.js';
import { replyDue } from '../suggestions/rules.js';
import {
  appealDue,
  COUNTS_AS_HEAD,
  checkAppearance,
  coDefendantRequired,
  directSuitDue,
  summonsLate,
  suitAfterReconsiderationDue,
} from './rules.js';
import type { AppearerRole } from './schema.js';
import { errorCodeOfCall } from '../../../test/ctx.js';

const calendar = createWorkCalendar();

describe('行政应诉 rules', () => {
  it.each([
    ['principal', true],
    ['deputy', true],
    ['deputyInCharge', true],
    ['otherInCharge', true],
    ['staff', false],
    ['entrustedHead', false],
    ['subordinateHead', false],
  ] as [AppearerRole, boolean][])('出庭应诉规定 第二条: %s counts as 负责人 → %s', (role, counts) => {
    expect(COUNTS_AS_HEAD[role]).toBe(counts);
    expect(errorCodeOfCall(() => checkAppearance(role, undefined))).toBe(
      counts ? 'ok' : 'disputes.litigation.excuseRequired',
    );
    expect(() => checkAppearance(role, { proofSha256: 'a'.repeat(64) })).not.toThrow();
  });

  it.each([
    ['2025-06-02', '2025-06-05', false],
    ['2025-06-03', '2025-06-05', true],
    ['2025-06-05', '2025-06-05', true],
  ])(
    '出庭通知书 served %s for a hearing on %s: late (规定 第四条, ≥3 days) → %s',
    (served, hearing, late) => {
      expect(summonsLate(served, hearing)).toBe(late);
    },
  );

  it.each([
    ['a judgment: 15 days (行政诉讼法 第八十五条)', 'dismissClaim', '2025-06-03', '2025-06-18'],
    ['a ruling: 10 days (第八十五条)', 'dismissSuit', '2025-06-03', '2025-06-13'],
    ['15 days ending 10-01 in 国庆 move to 10-09', 'revoke', '2025-09-16', '2025-10-09'],
    ['撤诉: no appeal', 'withdrawn', '2025-06-03', null],
  ] as const)('appeal period after %s', (_what, outcome, served, due) => {
    expect(appealDue(calendar, outcome, served)).toBe(due);
  });

  it('起诉期限: 15 days after the 复议决定 (第四十五条), 6 months direct (第四十六条)', () => {
    expect(suitAfterReconsiderationDue(calendar, '2025-06-03')).toBe('2025-06-18');
    expect(directSuitDue(calendar, '2025-01-31')).toBe('2025-07-31');
    expect(directSuitDue(calendar, '2025-04-05')).toBe('2025-10-09');
  });

  it.each([
    ['uphold', true],
    ['dismissRequest', true],
    ['revoke', false],
    [null, false],
  ])(
    '行政诉讼法 第二十六条第二款: 复议 outcome %s makes the 复议机关 a co-defendant → %s',
    (outcome, required) => {
      expect(coDefendantRequired(outcome)).toBe(required);
    },
  );
});

describe('检察建议 / 司法建议 reply periods (两高公益诉讼解释 第二十一条)', () => {
  it.each([
    ['2 months', '2025-03-10', false, '2025-05-12'],
    ['2 months from 12-31 ends 02-28', '2024-12-31', false, '2025-02-28'],
    ['15 days when urgent', '2025-06-03', true, '2025-06-18'],
    ['15 days ending in 国庆 move to 10-09', '2025-09-16', true, '2025-10-09'],
  ])('%s', (_what, received, urgent, due) => {
    expect(replyDue(calendar, received, urgent)).toBe(due);
  });
});
