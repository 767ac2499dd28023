import { describe, expect, it } from 'vitest';
import type { Figure } from '../platform/metrics/types.js';
import { composeReport } from './composer.js';
import { diffReports, diffSentences } from './version-diff.js';

describe('sentence-level diff', () => {
  it.each([
    ['nothing changed', ['甲', '乙'], ['甲', '乙'], []],
    [
      'a sentence rewritten between kept ones',
      ['甲', '乙', '丙'],
      ['甲', '乙2', '丙'],
      [['changed', '乙', '乙2']],
    ],
    ['one added at the end', ['甲'], ['甲', '乙'], [['added', null, '乙']]],
    ['one removed at the start', ['甲', '乙'], ['乙'], [['removed', '甲', null]]],
    [
      'two out, one in: paired in order, the rest removed',
      ['甲', '乙', '丙', '丁'],
      ['甲', '戊', '丁'],
      [
        ['changed', '乙', '戊'],
        ['removed', '丙', null],
      ],
    ],
  ] as const)('%s', (_what, a, b, expected) => {
    expect(diffSentences(a, b).map((d) => [d.kind, d.old, d.new])).toEqual(expected);
  });
});

const fig = (metricId: string, name: string, value: number, source: Figure['source']): Figure => ({
  metricId,
  name,
  unit: '件',
  definition: '口径',
  domain: 'custom',
  domainName: '其他',
  source,
  value,
  orgId: 'o',
  orgName: '某县人民政府',
  from: '2025-01-01',
  to: '2025-12-31',
});

describe('figure changes between two versions', () => {
  const base = {
    orgId: 'o',
    orgName: '某县人民政府',
    orgKind: 'government',
    year: 2025,
    generatedAt: '2026-02-10',
  };
  it('a concept printed from a filing, then from records, is one change of mapping', () => {
    const a = composeReport({ ...base, figures: [fig('rpt.x', '某事项数', 5, 'reported')] });
    const b = composeReport({ ...base, figures: [fig('custom.x', '某事项数', 7, 'computed')] });
    a.figures = [fig('rpt.x', '某事项数', 5, 'reported')];
    b.figures = [fig('custom.x', '某事项数', 7, 'computed')];
    expect(diffReports(a, b).figures).toMatchObject([
      { metricId: 'custom.x', old: 5, new: 7, reason: 'mapping', detail: '由数据填报改为业务记录计算' },
    ]);
  });
  it('a filed figure that moved is a filing change; one printed only now is listed as such', () => {
    const a = composeReport({ ...base, figures: [] });
    const b = composeReport({ ...base, figures: [] });
    a.figures = [fig('rpt.x', '甲', 5, 'reported')];
    b.figures = [fig('rpt.x', '甲', 6, 'reported'), fig('rpt.y', '乙', 1, 'reported')];
    expect(diffReports(a, b).figures.map((f) => [f.metricId, f.reason])).toEqual([
      ['rpt.x', 'filing'],
      ['rpt.y', 'printed'],
    ]);
  });
});
