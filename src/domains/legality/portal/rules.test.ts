import { describe, expect, it } from 'vitest';
import { checkCommentBody, checkContact, commentWindow, receiptNumber } from './rules.js';
import { errorCodeOfCall } from '../../../test/ctx.js';

describe('public comments', () => {
  it.each([
    ['建议明确办理时限。', 'ok'],
    ['好', 'legality.comment.tooShort'],
    ['意'.repeat(5001), 'legality.comment.tooLong'],
    ['请看 <script>alert(1)</script>', 'legality.comment.markup'],
    ['<img src=x onerror=alert(1)> 意见', 'legality.comment.markup'],
    ['链接 javascript:alert(1) 意见', 'legality.comment.markup'],
    ['罚款数额 < 5000 元的表述不清', 'ok'], // a comparison is not markup
  ])('comment %# → %s', (body, expected) => {
    expect(errorCodeOfCall(() => checkCommentBody(body))).toBe(expected);
  });
  it.each([
    ['', 'ok'],
    ['13912345678', 'ok'],
    ['0873-7123456', 'ok'],
    ['someone@example.cn', 'ok'],
    ['<b>', 'legality.comment.contact'],
  ])('contact %s → %s', (contact, expected) => {
    expect(errorCodeOfCall(() => checkContact(contact))).toBe(expected);
  });
  it.each([
    [null, null, '2025-06-16', null],
    ['2025-06-17', '2025-07-16', '2025-06-16', 'upcoming'],
    ['2025-06-16', '2025-07-15', '2025-06-16', 'open'],
    ['2025-06-01', '2025-06-16', '2025-06-16', 'open'], // the last day still takes comments
    ['2025-05-01', '2025-06-15', '2025-06-16', 'closed'],
  ] as const)('window %s..%s on %s → %s', (from, to, today, state) => {
    expect(commentWindow(from, to, today)).toBe(state);
  });
  it('issues receipt numbers of the day that cannot be read wrongly aloud', () => {
    expect(receiptNumber('2025-06-16', () => 0)).toBe('YJ20250616222222');
    expect(receiptNumber('2025-06-16')).toMatch(/^YJ20250616[2-9A-HJ-NP-Z]{6}$/);
  });
});
