import { describe, expect, it } from 'vitest';
import { narrativeWriters } from './narrative/index.js';
import { fullWidth, titleLines } from './punctuation.js';
import { FigureBook, sentence, unmark } from './sentences.js';
import type { Figure } from '../platform/metrics/types.js';

const fig = (metricId: string, value: number | null, unit = '件', qualifier?: string): Figure => ({
  metricId,
  name: metricId,
  unit,
  definition: '',
  domain: 'disputes',
  domainName: '复议应诉',
  source: 'computed',
  value,
  ...(qualifier ? { qualifier } : {}),
  orgId: 'o',
  orgName: '某县',
  from: '2025-01-01',
  to: '2025-12-31',
});

describe('sentences', () => {
  it('states a meaningful zero (无败诉案件) and keeps it traceable', () => {
    const b = new FigureBook([
      fig('disputes.litigation.received', 12),
      fig('disputes.litigation.concluded', 10),
      fig('disputes.litigation.outcome.dismissClaim', 7),
      fig('disputes.litigation.outcome.withdrawn', 3),
      fig('disputes.litigation.lost', 0),
    ]);
    const t = narrativeWriters['disputes.litigation']?.[0];
    if (!t) throw new Error('no template');
    const s = sentence(b, t);
    expect(s?.text).toBe(
      fullWidth('全年办理行政诉讼案件12件,审结10件,其中判决驳回诉讼请求7件、原告撤诉3件,无败诉案件。'),
    );
    expect(s?.metricIds).toContain('disputes.litigation.lost');
    // every number and the stated zero are linked to their figure
    expect(s?.links?.map((l) => [l.metricId.split('.').at(-1), s.text.slice(l.start, l.end)])).toEqual([
      ['received', '12件'],
      ['concluded', '10件'],
      ['dismissClaim', '7件'],
      ['withdrawn', '3件'],
      ['lost', '无败诉案件'],
    ]);
  });

  it('prints no zero when nothing was filed (null is "no data", not 0)', () => {
    const b = new FigureBook([
      fig('disputes.litigation.received', 12),
      fig('disputes.litigation.lost', null),
    ]);
    expect(b.zero('disputes.litigation.lost', '无败诉案件')).toBeNull();
  });

  it('prints a filed qualifier with the number', () => {
    const b = new FigureBook([fig('rpt.x', 300, '人', 'over'), fig('rpt.y', 300, '人', 'about')]);
    expect(unmark(b.q('rpt.x') ?? '').text).toBe('300余人');
    expect(unmark(b.q('rpt.y') ?? '').text).toBe('约300人');
  });
});

describe('full-width punctuation (GB/T 15834)', () => {
  it.each([
    ['一是(基层)法治, 力量;不足?', '一是\uFF08基层\uFF09法治\uFF0C力量\uFF1B不足\uFF1F'],
    ['比例为 2:1,增长3.5%', '比例为 2:1\uFF0C增长3.5%'],
    ['"双随机、一公开"', '\u201C双随机、一公开\u201D'],
  ])('%s', (ascii, full) => {
    expect(fullWidth(ascii)).toBe(full);
  });
});

describe('title lines (GB/T 9704 §7.3.1: 回行时词意完整, 排列对称)', () => {
  it.each([
    [
      '开远市人民政府关于2025年度法治政府建设工作情况的报告',
      ['开远市人民政府关于2025年度', '法治政府建设工作情况的报告'],
    ],
    ['某县关于2025年度法治政府建设工作情况的报告', ['某县关于2025年度', '法治政府建设工作情况的报告']],
    [
      '某县司法局关于2025年度法治政府建设工作情况的报告',
      ['某县司法局关于2025年度', '法治政府建设工作情况的报告'],
    ],
    ['某县报告', ['某县报告']],
  ])('%s', (title, lines) => {
    expect(titleLines(title, 19)).toEqual(lines);
  });
});
