import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { type ComparedFigure, compareYears, comparisonText } from './comparison.js';
import { comparedMetricIds, composeReport, type ComposeInput, reportSentences } from './composer.js';
import { renderReportDocx } from './docx-renderer.js';
import { renderReportHtml } from './html-renderer.js';
import { fullWidth as fw } from './punctuation.js';
import type { Figure } from '../platform/metrics/types.js';
import { computedFigure } from './test-figures.js';

const TODAY = '2026-02-10';
const cur = (value: number | null, more: Partial<ComparedFigure> = {}): ComparedFigure => ({
  value,
  unit: '件',
  source: 'computed',
  to: '2025-12-31',
  ...more,
});

describe('compareYears: when a comparison is written, and how', () => {
  it.each([
    // [what, current, previous, today, text or null]
    ['a count grows', cur(45), cur(40), TODAY, '同比增长12.5%'],
    ['a count falls', cur(30), cur(40), TODAY, '同比下降25%'],
    ['a count stays', cur(40), cur(40), TODAY, '与上年持平'],
    ['a rate rises, in points', cur(24, { unit: '%' }), cur(20, { unit: '%' }), TODAY, '比上年提高4个百分点'],
    ['a rate falls', cur(95.5, { unit: '%' }), cur(96, { unit: '%' }), TODAY, '比上年下降0.5个百分点'],
    ['a rate stays', cur(100, { unit: '%' }), cur(100, { unit: '%' }), TODAY, '与上年持平'],
    ['no previous value', cur(45), cur(null), TODAY, null],
    ['no current value', cur(null), cur(40), TODAY, null],
    ['records against a filing', cur(45), cur(40, { source: 'reported' }), TODAY, null],
    ['different units', cur(45), cur(40, { unit: '万元' }), TODAY, null],
    [
      'an approximate filing (约)',
      cur(45, { source: 'reported', qualifier: 'about' }),
      cur(40, { source: 'reported' }),
      TODAY,
      null,
    ],
    ['the year is not over', cur(45, { to: '2026-12-31' }), cur(40, { to: '2025-12-31' }), TODAY, null],
    ['written on the last day of the year', cur(45), cur(40), '2025-12-31', null],
    ['a small base (3 → 6 is not "+100%")', cur(6), cur(3), TODAY, null],
    ['both zero', cur(0), cur(0), TODAY, null],
    ['a change that rounds to 0.0%', cur(10001), cur(10000), TODAY, null],
    [
      'a ratio (days)',
      cur(30, { unit: '日', kind: 'ratio' }),
      cur(40, { unit: '日', kind: 'ratio' }),
      TODAY,
      null,
    ],
    ['money grows', cur(338.21, { unit: '万元' }), cur(300, { unit: '万元' }), TODAY, '同比增长12.7%'],
  ] as const)('%s', (_what, c, p, today, text) => {
    const x = compareYears(c, p, today);
    expect(x === null ? null : comparisonText(x)).toBe(text);
  });

  it('never writes arrows or a bare signed percentage', () => {
    for (const [c, p] of [
      [cur(24, { unit: '%' }), cur(20, { unit: '%' })],
      [cur(50), cur(40)],
    ] as const) {
      const x = compareYears(c, p, TODAY);
      expect(x && comparisonText(x)).not.toMatch(/[↑↓+]/);
    }
  });
});

const rec = (metricId: string, value: number | null, year = 2025): Figure =>
  computedFigure(metricId, value, { orgId: 'root-id', orgName: '某县人民政府', year });

const input: ComposeInput = {
  orgId: 'root-id',
  orgName: '某县人民政府',
  orgKind: 'government',
  year: 2025,
  figures: [
    rec('disputes.reconsideration.received', 45),
    rec('disputes.reconsideration.accepted', 40),
    rec('disputes.reconsideration.correctionRate', 24),
    rec('disputes.litigation.received', 12),
  ],
  generatedAt: TODAY,
};

describe('comparisons in the report', () => {
  const previous = [
    rec('disputes.reconsideration.received', 40, 2024),
    rec('disputes.reconsideration.correctionRate', 20, 2024),
    // 3 → 12 is a small base: nothing is said
    rec('disputes.litigation.received', 3, 2024),
  ];
  const content = composeReport({ ...input, previous });

  it('asks for the previous year of the figures its writers compare, and only those', () => {
    const ids = comparedMetricIds(input);
    expect(ids).toEqual(
      expect.arrayContaining([
        'disputes.reconsideration.received',
        'disputes.reconsideration.correctionRate',
        'disputes.litigation.received',
      ]),
    );
    expect(ids).not.toContain('disputes.reconsideration.accepted');
  });

  it('writes them in official prose and keeps the previous figures it compared with', () => {
    const text = reportSentences(content).join('');
    expect(text).toContain(fw('全年共收到行政复议申请45件,同比增长12.5%,受理40件'));
    expect(text).toContain(fw('纠错率24%,比上年提高4个百分点'));
    expect(text).toContain(fw('全年办理行政诉讼案件12件'));
    expect(text).not.toContain('全年办理行政诉讼案件12件，同比');
    expect(content.previous?.map((f) => f.metricId).sort()).toEqual([
      'disputes.reconsideration.correctionRate',
      'disputes.reconsideration.received',
    ]);
    // without the previous year, no comparison at all
    expect(reportSentences(composeReport(input)).join('')).not.toMatch(/同比|比上年|持平/);
  });

  it('the HTML view links a comparison to the previous year’s records', () => {
    const html = renderReportHtml(content);
    expect(html).toContain(
      '<a class="cmp" href="/api/metrics/disputes.reconsideration.received/records?orgId=root-id&amp;from=2024-01-01&amp;to=2024-12-31" title="行政复议申请收到数:上年40件">同比增长12.5%</a>',
    );
    expect(html).toContain('>比上年提高4个百分点</a>');
    expect(html).not.toMatch(/[↑↓]/);
  });

  it('the Word file prints the same words', async () => {
    const zip = await JSZip.loadAsync(await renderReportDocx(content));
    const doc = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(doc).toContain(fw('同比增长12.5%,受理40件'));
    expect(doc).toContain('比上年提高4个百分点');
    expect(doc).not.toMatch(/[↑↓]/);
  });
});
