import { describe, expect, it } from 'vitest';
import { Article, articleName, chineseNumber, CreatePowerItemInput } from './schema.js';

describe('article numbers as statutes print them', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [42, '四十二'],
    [100, '一百'],
    [101, '一百零一'],
    [110, '一百一十'],
    [124, '一百二十四'],
    [1000, '一千'],
    [1005, '一千零五'],
  ])('%i → %s', (n, text) => {
    expect(chineseNumber(n)).toBe(text);
  });
  it('cites 食品安全法 第一百二十四条', () => {
    expect(articleName(124)).toBe('第一百二十四条');
  });
  it.each([
    ['第一百二十四条', true],
    ['第一百二十四条第一款', true],
    ['第六十四条第一款第（二）项', true],
    ['第六十四条第一款第二项', true],
    ['第124条', true],
    ['一百二十四条', false],
    ['第条', false],
  ])('%s valid: %s', (text, ok) => {
    expect(Article.safeParse(text).success).toBe(ok);
  });
  it('strips 《》 from the law name', () => {
    const r = CreatePowerItemInput.parse({
      orgId: '00000000-0000-4000-8000-000000000001',
      code: 'P-001',
      category: 'penalty',
      name: '对生产经营不符合食品安全标准的食品的处罚',
      lawName: '《中华人民共和国食品安全法》',
      article: '第一百二十四条',
    });
    expect(r.lawName).toBe('中华人民共和国食品安全法');
  });
});
