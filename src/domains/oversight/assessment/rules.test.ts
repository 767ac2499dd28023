import { describe, expect, it } from 'vitest';
import {
  checkEdition,
  gradeOf,
  mayAct,
  rankOf,
  ruleScore,
  scoreProblem,
  UNIT_ACTIONS,
  unitStatus,
} from './rules.js';
import type { IndicatorInput } from './schema.js';

const ind = (code: string, weight: number, extra: Partial<IndicatorInput> = {}): IndicatorInput => ({
  code,
  title: `指标${code}`,
  weight,
  evidence: '',
  ...extra,
});
const lines = { excellentFrom: 90, goodFrom: 80, passFrom: 60 };

describe('考评 edition checks', () => {
  it('accepts a three-level tree whose points add up', () => {
    const r = checkEdition({
      ...lines,
      indicators: [
        ind('1', 60),
        ind('1.1', 60),
        ind('1.1.1', 30.5),
        ind('1.1.2', 29.5, { metricId: 'oversight.study.sessions', target: 4 }),
        ind('2', 40),
        ind('2.1', 40, { rule: 'atMost', target: 0 }),
      ],
    });
    expect(r.problems).toEqual([]);
    expect(r.indicators.filter((x) => x.leaf).map((x) => [x.code, x.method, x.rule])).toEqual([
      ['1.1.1', 'filed', 'review'],
      ['1.1.2', 'metric', 'atLeast'],
      ['2.1', 'filed', 'atMost'],
    ]);
  });

  it.each([
    ['一级 points not 100', [ind('1', 60), ind('2', 30)], '一级指标分值合计为 90 分,应为 100 分'],
    [
      'children not adding to the parent',
      [ind('1', 100), ind('1.1', 50), ind('1.2', 40)],
      '指标“1 指标1”的下级指标分值合计为 90 分,应等于其分值 100 分',
    ],
    ['a missing parent', [ind('1', 100), ind('2.1', 10)], '指标“2.1”的上级指标“2”不存在'],
    ['a repeated code', [ind('1', 50), ind('1', 50)], '指标编号“1”重复'],
    [
      'a metric leaf scored by review',
      [ind('1', 100, { metricId: 'a.b', rule: 'review' })],
      '指标“1”为系统取数,评分方式应为按目标值评分,不能为审核赋分',
    ],
    [
      'a target rule without a target',
      [ind('1', 100, { rule: 'atLeast' })],
      '指标“1”按目标值评分,请填写目标值',
    ],
  ])('refuses %s', (_name, indicators, message) => {
    expect(checkEdition({ ...lines, indicators }).problems.map((p) => p.message)).toContain(message);
  });

  it('refuses grade lines out of order', () => {
    const r = checkEdition({ excellentFrom: 80, goodFrom: 85, passFrom: 60, indicators: [ind('1', 100)] });
    expect(r.problems[0]?.message).toBe('等次分数线应为:合格线 < 良好线 < 优秀线');
  });
});

describe('考评 scoring', () => {
  it.each([
    ['review', 10, 5, 3, null],
    ['atLeast', 10, 5, 5, 10],
    ['atLeast', 10, 5, 4.99, 0],
    ['atMost', 4, 0, 0, 4],
    ['atMost', 4, 0, 1, 0],
    ['proportional', 10, 8, 4, 5],
    ['proportional', 10, 8, 20, 10],
    ['proportional', 3, 7, 2, 0.8],
    ['atLeast', 10, 5, null, null],
  ] as const)('%s with %s points, target %s, value %s gives %s', (rule, weight, target, value, points) => {
    expect(ruleScore(rule, weight, target, value)).toBe(points);
  });

  it('a reviewer scores from 0 to the points, no more', () => {
    expect(scoreProblem(2.5, 2.5)).toBeUndefined();
    expect(scoreProblem(2.6, 2.5)).toBe('得分应在 0 至 2.5 分之间');
    expect(scoreProblem(-1, 2.5)).toBe('得分应在 0 至 2.5 分之间');
  });

  it.each([
    [95, 'excellent'],
    [90, 'excellent'],
    [89.9, 'good'],
    [60, 'pass'],
    [59.9, 'fail'],
  ] as const)('%s points is %s', (total, grade) => {
    expect(gradeOf(total, lines)).toBe(grade);
  });

  it('ranks ties together (1, 2, 2, 4) and leaves unscored units unranked', () => {
    const r = rankOf([
      { id: 'a', total: 80 },
      { id: 'b', total: 92 },
      { id: 'c', total: 80 },
      { id: 'd', total: null },
      { id: 'e', total: 70.5 },
    ]);
    expect(r.map((x) => [x.id, x.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 2],
      ['e', 4],
      ['d', null],
    ]);
  });

  it('a unit fills until it submits, is scored once submitted, and nothing moves after scoring', () => {
    for (const status of Object.keys(UNIT_ACTIONS) as (keyof typeof UNIT_ACTIONS)[]) {
      expect(mayAct(status, 'fill')).toBe(status === 'filling');
      expect(mayAct(status, 'finish')).toBe(status === 'submitted');
    }
    expect(unitStatus({ submittedOn: null, scoredOn: null }, null)).toBe('filling');
    expect(unitStatus({ submittedOn: '2026-01-05', scoredOn: null }, null)).toBe('submitted');
    expect(unitStatus({ submittedOn: '2026-01-05', scoredOn: '2026-01-10' }, null)).toBe('scored');
    expect(unitStatus({ submittedOn: '2026-01-05', scoredOn: '2026-01-10' }, '2026-01-20')).toBe('published');
  });
});
