import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../../platform/calendar/index.js';
import { generateIdNumber } from '../../../platform/ids/index.js';
import { establishedFacts, publicationContent, publicationDue, withholdReason } from './rules.js';

const calendar = createWorkCalendar();

describe('publication deadline (国办发〔2018〕118号: 7 个工作日)', () => {
  it.each([
    ['2025-06-16', '2025-06-25'],
    // 国庆 2025: 10-01..10-08 off, 09-28 and 10-11 make-up workdays
    ['2025-09-29', '2025-10-15'],
  ])('decided %s → due %s', (decided, due) => {
    expect(publicationDue(calendar, decided)).toBe(due);
  });
  it('does not publish a minor’s case', () => {
    expect(withholdReason({ partyMinor: true })).toMatch(/未成年人/);
    expect(withholdReason({ partyMinor: false })).toBeNull();
  });
});

describe('publicationContent never shows a natural person’s ID number or phone (property)', () => {
  const idArb = fc
    .record({
      y: fc.integer({ min: 1950, max: 2005 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
      s: fc.integer({ min: 0, max: 999 }),
    })
    .map(({ y, m, d, s }) =>
      generateIdNumber({
        regionCode: '532502',
        birthDate: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
        sequence: s,
      }),
    );
  const phoneArb = fc
    .tuple(fc.constantFrom('13', '15', '18', '19'), fc.integer({ min: 100000000, max: 999999999 }))
    .map(([p, n]) => `${p}${n}`);
  const sepArb = fc.constantFrom('', ' ', '-');
  it('for any facts text mentioning them, in any grouping', () => {
    fc.assert(
      fc.property(idArb, phoneArb, sepArb, fc.string({ maxLength: 20 }), (id, phone, sep, noise) => {
        const grouped = sep ? `${id.slice(0, 6)}${sep}${id.slice(6, 14)}${sep}${id.slice(14)}` : id;
        const phoneText = sep
          ? `${phone.slice(0, 3)}${sep}${phone.slice(3, 7)}${sep}${phone.slice(7)}`
          : phone;
        const content = publicationContent({
          caseNo: '开市监罚〔2025〕1号',
          decisionNo: null,
          orgName: '开远市市场监督管理局',
          partyKind: 'person',
          partyName: '王某某',
          partyUscc: null,
          partyIdNumber: id,
          facts: `当事人王某某(身份证号${grouped},联系电话${phoneText})${noise}销售过期食品。`,
          basis: '《中华人民共和国食品安全法》第一百二十四条',
          penalties: ['fine'],
          amount: 5000,
          decidedOn: '2025-06-16',
        });
        const text = JSON.stringify(content).replace(/[\s-]/g, '');
        expect(text).not.toContain(id);
        expect(text).not.toContain(phone);
        expect(content.facts).toContain('销售过期食品');
      }),
      { numRuns: 300 },
    );
  });
  it('keeps an organisation’s 统一社会信用代码', () => {
    const c = publicationContent({
      caseNo: 'x',
      decisionNo: null,
      orgName: 'y',
      partyKind: 'organisation',
      partyName: '开远市某某食品有限公司',
      partyUscc: '91532502MA6K7X8Y9Q',
      partyIdNumber: null,
      facts: '无',
      basis: null,
      penalties: ['warning'],
      amount: 0,
      decidedOn: '2025-06-16',
    });
    expect(c.partyUscc).toBe('91532502MA6K7X8Y9Q');
    expect(c.penalties).toEqual(['警告']);
  });
});

describe('establishedFacts (第四十条: a decision states what it found)', () => {
  it.each([
    ['涉嫌违反《中华人民共和国食品安全法》第三十四条', '违反《中华人民共和国食品安全法》第三十四条'],
    ['当事人涉嫌销售过期食品,涉嫌违反规定', '当事人销售过期食品,违反规定'],
    ['销售过期食品', '销售过期食品'],
  ])('%s → %s', (input, out) => expect(establishedFacts(input)).toBe(out));
});
