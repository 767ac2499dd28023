import { describe, expect, it } from 'vitest';
import {
  CREDIT_OPEN_END,
  licenseCreditRow,
  penaltyCreditRow,
  penaltyContentText,
  toWan,
} from './credit-export.js';
import {
  decisionKindLabel,
  likePattern,
  MAX_TERMS,
  portalPublication,
  publicationFields,
  searchTerms,
  singleCharOnly,
  tsqueryLexeme,
} from './portal-rules.js';
import type { PublicationContent } from './rules.js';

describe('search terms', () => {
  it.each([
    ['', []],
    ['   ', []],
    ['超标', [{ kind: 'bigram', tsquery: "'超标'" }]],
    ['无证经营', [{ kind: 'trigram', pattern: '%无证经营%' }]],
    ['噪', [{ kind: 'single', pattern: '%噪%' }]],
    ['开市监罚〔2025〕9号', [{ kind: 'trigram', pattern: '%开市监罚〔2025〕9号%' }]],
    ['BULK-12', [{ kind: 'trigram', pattern: '%bulk-12%' }]],
    [
      '无证  餐饮 无证',
      [
        { kind: 'bigram', tsquery: "'无证'" },
        { kind: 'bigram', tsquery: "'餐饮'" },
      ],
    ],
    ['100%', [{ kind: 'trigram', pattern: '%100\\%%' }]],
    ['a_', [{ kind: 'bigram', tsquery: "'a_'" }]],
    ["'a", [{ kind: 'bigram', tsquery: "'''a'" }]],
    // an astral character counts as one: two of them are a 2-character term
    ['𠀀𠀁', [{ kind: 'bigram', tsquery: "'𠀀𠀁'" }]],
  ])('%j → %j', (q, terms) => {
    expect(searchTerms(q)).toEqual(terms);
  });

  it(`keeps at most ${MAX_TERMS} terms`, () => {
    expect(searchTerms('一一 二二 三三 四四 五五 六六 七七')).toHaveLength(MAX_TERMS);
  });

  it('escapes LIKE wildcards and tsquery quotes', () => {
    expect(likePattern('a%b_c\\d')).toBe('%a\\%b\\_c\\\\d%');
    expect(tsqueryLexeme("o'k\\")).toBe("'o''k\\\\'");
  });

  it.each([
    ['噪', true],
    ['噪 声', true],
    ['噪 声音', false],
    ['', false],
  ])('single-character-only cap for %j: %s', (q, capped) => {
    expect(singleCharOnly(searchTerms(q))).toBe(capped);
  });
});

const content: PublicationContent = {
  caseNo: '开市监简〔2025〕12号',
  decisionNo: '开市监罚〔2025〕101号',
  orgName: '开远市市场监督管理局',
  partyName: '李某某',
  partyUscc: null,
  facts: '销售过期食品',
  basis: '《中华人民共和国食品安全法》第一百二十四条',
  penalties: ['警告', '罚款'],
  amount: 1500.5,
  decidedOn: '2025-06-03',
};

describe('what the public reads', () => {
  it.each([
    ['penalty', '行政处罚'],
    ['license', '行政许可'],
    ['coercion', '其他执法决定'],
  ])('kind %s is labelled %s', (category, label) => {
    expect(decisionKindLabel(category)).toBe(label);
  });

  it('lists labelled fields, leaving out empty ones; a pending item shows 待公示', () => {
    const p = portalPublication({ id: 'x', category: 'penalty', org_id: 'o', published_on: null }, content);
    const fields = publicationFields(p);
    expect(fields.map((f) => f.label)).toEqual([
      '行政相对人',
      '决定类别',
      '案件编号',
      '决定书文号',
      '违法事实',
      '处罚依据',
      '处罚种类',
      '罚款金额',
      '执法机关',
      '决定日期',
      '公示日期',
    ]);
    expect(fields).toContainEqual({ label: '罚款金额', value: '1,500.5 元' });
    expect(fields).toContainEqual({ label: '公示日期', value: '待公示' });
    const license = publicationFields(
      portalPublication(
        { id: 'x', category: 'license', org_id: 'o', published_on: '2025-06-05' },
        { ...content, penalties: [], amount: null },
      ),
    );
    expect(license.map((f) => f.label)).toContain('许可内容');
    expect(license.map((f) => f.label)).not.toContain('罚款金额');
  });
});

describe('双公示 rows (信用中国 columns)', () => {
  const source = {
    content,
    party_kind: 'person',
    org_name: '开远市市场监督管理局',
    org_uscc: '11532502MB0000000X',
    power_name: '对经营过期食品的处罚',
  };

  it.each([
    [null, null],
    [0, null],
    [2000, '0.200000'],
    [1500.5, '0.150050'],
    [123456.78, '12.345678'],
  ])('罚款 %s 元 is %s 万元', (yuan, wan) => {
    expect(toWan(yuan)).toBe(wan);
  });

  it('writes the fine into 处罚内容', () => {
    expect(penaltyContentText(content)).toBe('警告;罚款人民币1500.5元');
  });

  it('gives a natural person no 证件号码 and no USCC; an organisation its USCC', () => {
    const person = penaltyCreditRow(source);
    expect(person).toMatchObject({
      partyKind: '自然人',
      idType: '身份证',
      idNumber: null,
      partyUscc: null,
      fineWan: '0.150050',
      validUntil: CREDIT_OPEN_END,
      authorityUscc: '11532502MB0000000X',
      violationType: '对经营过期食品的处罚',
    });
    const org = penaltyCreditRow({
      ...source,
      party_kind: 'organisation',
      content: { ...content, partyUscc: '91532502MA6K000000' },
    });
    expect(org).toMatchObject({
      partyKind: '法人及非法人组织',
      partyUscc: '91532502MA6K000000',
      idType: null,
    });
    expect(licenseCreditRow(source)).toMatchObject({
      documentName: '对经营过期食品的处罚决定书',
      idNumber: null,
      state: '有效',
      validFrom: '2025-06-03',
    });
  });
});
