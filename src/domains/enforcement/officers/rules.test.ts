import { describe, expect, it } from 'vitest';
import {
  certificateState,
  certificateValidOn,
  checkHandlers,
  expiryWindow,
  type CertificateFacts,
} from './rules.js';
import { errorCodeOfCall } from '../../../test/ctx.js';

const cert = (
  validUntil: string,
  status: CertificateFacts['status'] = 'valid',
  issuedOn = '2022-01-10',
): CertificateFacts => ({
  issuedOn,
  validUntil,
  status,
});

describe('certificateValidOn (行政处罚法 第四十二条: 具有行政执法资格)', () => {
  it.each([
    ['on the issue day', cert('2027-01-09'), '2022-01-10', true],
    ['on the last valid day', cert('2027-01-09'), '2027-01-09', true],
    ['the day after it expires', cert('2027-01-09'), '2027-01-10', false],
    ['before it is issued', cert('2027-01-09'), '2022-01-09', false],
    ['suspended (暂扣)', cert('2027-01-09', 'suspended'), '2024-06-01', false],
    ['revoked (注销)', cert('2027-01-09', 'revoked'), '2024-06-01', false],
    ['no certificate at all', null, '2024-06-01', false],
  ] as const)('%s', (_what, c, date, expected) => {
    expect(certificateValidOn(c, date)).toBe(expected);
  });
});

describe('certificateState: the 90/30-day bands of the certificate ledger', () => {
  it.each([
    ['2025-12-31', '2025-06-01', 'valid'],
    ['2025-08-30', '2025-06-01', 'expiring90'], // 90 days left: still listed
    ['2025-08-31', '2025-06-01', 'valid'], // 91 days left
    ['2025-07-01', '2025-06-01', 'expiring30'], // 30 days left
    ['2025-07-02', '2025-06-01', 'expiring90'], // 31 days left
    ['2025-06-01', '2025-06-01', 'expiring30'], // last valid day
    ['2025-05-31', '2025-06-01', 'expired'],
  ] as const)('valid until %s, asked on %s → %s', (until, today, state) => {
    expect(certificateState(cert(until), today)).toBe(state);
  });

  it('reports the issuer status before the dates', () => {
    expect(certificateState(cert('2020-01-01', 'revoked'), '2025-06-01')).toBe('revoked');
    expect(certificateState(cert('2030-01-01', 'suspended'), '2025-06-01')).toBe('suspended');
    expect(certificateState(null, '2025-06-01')).toBe('none');
    expect(certificateState(cert('2030-01-01', 'valid', '2025-07-01'), '2025-06-01')).toBe('notYetValid');
  });

  it('gives the query window matching the bands', () => {
    expect(expiryWindow('2025-06-01', 30)).toEqual({ from: '2025-06-01', to: '2025-07-01' });
    expect(expiryWindow('2025-06-01', 90)).toEqual({ from: '2025-06-01', to: '2025-08-30' });
  });
});

describe('checkHandlers (行政处罚法 第四十二条: 不得少于两人, 持证)', () => {
  const ok = (id: string, name: string) => ({ id, name, active: true, certificate: cert('2027-01-09') });
  it.each([
    ['two certified officers', [ok('a', '张三'), ok('b', '李四')], 'ok'],
    ['one officer', [ok('a', '张三')], 'enforcement.handlersTooFew'],
    ['the same officer twice', [ok('a', '张三'), ok('a', '张三')], 'enforcement.handlersTooFew'],
    [
      'an officer without a certificate',
      [ok('a', '张三'), { ...ok('b', '李四'), certificate: null }],
      'enforcement.handlerUncertified',
    ],
    [
      'an expired certificate',
      [ok('a', '张三'), { ...ok('b', '李四'), certificate: cert('2024-01-01') }],
      'enforcement.handlerUncertified',
    ],
    [
      'an inactive officer',
      [ok('a', '张三'), { ...ok('b', '李四'), active: false }],
      'enforcement.handlerInactive',
    ],
  ] as const)('%s → %s', (_what, handlers, code) => {
    expect(errorCodeOfCall(() => checkHandlers(handlers, '2025-03-01'))).toBe(code);
  });

  it('names the uncertified officer in Chinese', () => {
    expect(() =>
      checkHandlers([ok('a', '张三'), { ...ok('b', '李四'), certificate: null }], '2025-03-01'),
    ).toThrow(/李四.*没有有效的行政执法证/);
  });
});
