import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/index.js';
import { generateIdNumber, isValidIdNumber } from './id-number.js';
import { findSensitiveSpans, SCRUB_MARK, scrubText } from './scrub.js';

describe('scrubText', () => {
  it('hides numbers and given names in a case summary, keeping the rest', () => {
    const text =
      '当事人张三(身份证号11010519491231002X,手机13812345678)于2025年3月1日在杭州市西湖区经营,' +
      '证人李四(电话0571-87654321)在场。罚款人民币5000元,杭西市监罚〔2025〕123号。';
    const out = scrubText(text, ['李四']);
    expect(out).toBe(
      '当事人张三(身份证号***,手机***)于2025年3月1日在杭州市西湖区经营,' +
        '证人***(电话***)在场。罚款人民币5000元,杭西市监罚〔2025〕123号。',
    );
  });

  it.each([
    ['手机 138 1234 5678 联系', '手机 *** 联系'],
    ['手机:+86 13812345678', '手机:***'],
    ['电话:87654321。', '电话:***。'],
    ['固话(0571)87654321', '固话***'],
    ['卡号 6222 0212 3456 7890 123 开户行', '卡号 *** 开户行'],
    ['账号:1234567890', '账号:***'],
    ['身份证 110105 19491231 002X 号', '身份证 *** 号'],
    ['全角１３８１２３４５６７８', '全角***'],
    ['旧号码110105491231002', '旧号码***'],
    ['2025-03-01 至 2025-03-31', '2025-03-01 至 2025-03-31'],
    ['罚款 1,000,000 元', '罚款 1,000,000 元'],
    ['2023 2024 2025 年度', '2023 2024 2025 年度'],
  ])('%s → %s', (text, expected) => {
    expect(scrubText(text)).toBe(expected);
  });

  it('keeps an all-digit 统一社会信用代码 only when told it is public', () => {
    const text = '华为技术有限公司(统一社会信用代码914403001922038216)';
    expect(scrubText(text)).toBe('华为技术有限公司(统一社会信用代码***)');
    expect(scrubText(text, [], { keep: ['914403001922038216'] })).toBe(text);
  });

  it('hides the longest name first and ignores one-character secrets', () => {
    expect(scrubText('欧阳娜娜与欧阳', ['欧阳', '欧阳娜娜', '欧'])).toBe('***与***');
  });

  // issue #10 D7: separators and invisible characters between digits no longer hide a number
  it.each([
    ['手机 138.1234.5678', '手机 ***'],
    ['联系 137/1234/5678 即可', '联系 *** 即可'],
    ['电话号138\u200b1234\u200b5678', '电话号***'],
    ['时间 2025.10.01-2025.12.31 罚款 5,000 元', '时间 2025.10.01-2025.12.31 罚款 5,000 元'],
  ])('hides %j', (text, expected) => {
    expect(scrubText(text).replaceAll(SCRUB_MARK, '***')).toBe(expected);
  });

  it('hides an ID number written with dots, other groupings or zero-width spaces', () => {
    const id = generateIdNumber({ regionCode: '532502', birthDate: '1990-01-01', sequence: 123 });
    for (const text of [
      `${id.slice(0, 6)}.${id.slice(6, 14)}.${id.slice(14)}`,
      `${id.slice(0, 3)} ${id.slice(3, 9)} ${id.slice(9)}`,
      [...id].join('\u200b'),
    ])
      expect(scrubText(`身份证${text}。`)).toBe(`身份证${SCRUB_MARK}。`);
  });

  it('says what kind of thing each span is', () => {
    const spans = findSensitiveSpans('11010519491231002X 13812345678 6222021234567890123 李四', ['李四']);
    expect(spans.map((s) => s.kind)).toEqual(['idNumber', 'phone', 'longNumber', 'knownSecret']);
  });

  it('never lets a valid ID number, an 11-digit mobile number or a given name through', () => {
    const idNumber = fc
      .record({
        regionCode: fc.constantFrom('110105', '330106', '440524', '650102'),
        birthDate: fc.integer({ min: 0, max: 36_000 }).map((n) => addDays('1920-01-01', n)),
        sequence: fc.integer({ min: 0, max: 999 }),
      })
      .map(generateIdNumber);
    const mobile = fc
      .tuple(fc.integer({ min: 3, max: 9 }), fc.integer({ min: 0, max: 999_999_999 }))
      .map(([second, rest]) => `1${second}${String(rest).padStart(9, '0')}`);
    const name = fc.constantFrom('王小明', '李四', '欧阳娜娜');
    const filler = fc.string({
      unit: fc.constantFrom(...'张李四王小明某的 ,。:：-()（）+0123456789Xx１８\n电话号账'),
      maxLength: 12,
    });
    // issue #10 D7: the same numbers with separators or invisible characters between digit groups
    const separator = fc.constantFrom(
      '.',
      ' ',
      '  ',
      '/',
      '-',
      '·',
      '\u200b',
      '\u200c',
      '\u2060',
      '\ufeff',
      '.\u200b',
    );
    const split = (groups: readonly number[]) => (digits: string) =>
      fc.array(separator, { minLength: groups.length - 1, maxLength: groups.length - 1 }).map((seps) => {
        let out = '';
        let at = 0;
        groups.forEach((g, i) => {
          out += digits.slice(at, at + g) + (seps[i] ?? '');
          at += g;
        });
        return out;
      });
    const idGroups = fc.constantFrom<number[]>(
      [6, 8, 4],
      [6, 4, 4, 4],
      [3, 3, 4, 4, 4],
      [18],
      [9, 9],
      [6, 8, 3, 1],
    );
    const mobileGroups = fc.constantFrom<number[]>([3, 4, 4], [3, 8], [11], [1, 10], [4, 4, 3]);
    const written = (digits: fc.Arbitrary<string>, groups: fc.Arbitrary<number[]>) =>
      fc.tuple(digits, groups).chain(([d, g]) => split(g)(d).map((text) => ({ text, digits: d })));
    const pieces = fc.array(
      fc.oneof(
        written(idNumber, idGroups),
        written(mobile, mobileGroups),
        name.map((n) => ({ text: n, digits: '' })),
        filler.map((f) => ({ text: f, digits: '' })),
      ),
      { minLength: 1, maxLength: 12 },
    );
    const bare = (s: string) => s.replace(/[\u200b-\u200f\u2060-\u2064\ufeff\s.\-/·]/g, '');
    fc.assert(
      fc.property(pieces, fc.array(name, { maxLength: 3 }), (written, secrets) => {
        const parts = written.map((w) => w.text);
        const text = parts.join('');
        const out = scrubText(text, secrets);
        for (const { digits: p } of written) {
          if (/^\d{17}[\dX]$/.test(p) && isValidIdNumber(p, '2030-01-01')) expect(bare(out)).not.toContain(p);
          if (/^1[3-9]\d{9}$/.test(p)) expect(bare(out)).not.toContain(p);
        }
        for (const s of secrets) expect(out).not.toContain(s);
        for (const m of out.match(/\d{17}[\dXx]/g) ?? [])
          expect(isValidIdNumber(m, '2030-01-01')).toBe(false);
        expect(out).not.toMatch(/1[3-9]\d{9}/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('scrubText with addresses (RULES.md §2.4: 自然人家庭住址 隐去)', () => {
  const cases: [string, string, string][] = [
    [
      'a labelled address',
      '当事人张某,住址:开远市灵泉街道人民路18号3栋2单元,于现场',
      '当事人张某,住址:***,于现场',
    ],
    ['家住 without a colon', '经查,当事人家住乐白道街道东联村5组,无证经营', '经查,当事人家住***,无证经营'],
    ['a street address after 在', '当事人在开远市灵泉街道人民中路102号从事经营', '当事人在***从事经营'],
    ['a village group', '于小龙潭镇布衣透村3组堆放', '于***堆放'],
    ['no address: the text is kept', '当事人销售过期食品,货值金额120元', '当事人销售过期食品,货值金额120元'],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    expect(scrubText(text, [], { addresses: true })).toBe(expected);
  });

  it('is off by default: an organisation keeps its registered 住所', () => {
    const text = '某公司住所:开远市灵泉街道人民中路102号';
    expect(scrubText(text)).toBe(text);
  });
});
