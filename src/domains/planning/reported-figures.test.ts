import { describe, expect, it } from 'vitest';
import { qualifierText, rollUpFilings } from './reported-figures.js';

/** Filed figures done right (issue 16): one value per (org, metric, period), no double counting. */
const filing = (
  orgId: string,
  orgPath: string,
  value: number,
  from: string,
  to: string,
  reviewedAt = 1,
  qualifier = '',
) => ({
  id: `${orgId}-${from}-${to}-${reviewedAt}`,
  metricId: 'rpt.x',
  orgId,
  orgName: orgId,
  orgPath,
  value,
  unit: '件',
  qualifier,
  from,
  to,
  reviewedAt,
  title: '数据填报',
  evidence: undefined,
});
const year = { from: '2025-01-01', to: '2025-12-31', orgId: 'county' };
/** Unit a's filing for a period from the start of 2025 to `to`. */
const ofA = (value: number, to: string, reviewedAt = 1) =>
  filing('a', '/c/a/', value, '2025-01-01', to, reviewedAt);
const sum = (xs: { value: number }[]) => xs.reduce((s, x) => s + x.value, 0);

describe('filed figures roll up without double counting', () => {
  it.each([
    {
      title: 'a half-year and a full-year call for one unit: the exact period wins (was 30 + 100 = 130)',
      kind: 'flow',
      filed: [ofA(30, '2025-06-30'), ofA(100, '2025-12-31')],
      total: 100,
    },
    {
      title: 'one value per period: a later accepted filing of the same period replaces the earlier',
      kind: 'flow',
      filed: [ofA(10, '2025-12-31', 1), ofA(12, '2025-12-31', 2)],
      total: 12,
    },
    {
      title: 'a stock takes the latest as-of value, never the sum of calls (was 50 + 52)',
      kind: 'stock',
      filed: [ofA(50, '2025-06-30'), ofA(52, '2025-12-31')],
      total: 52,
    },
  ] as const)('$title', ({ kind, filed, total }) => {
    expect(sum(rollUpFilings([...filed], kind, year))).toBe(total);
  });

  it('two half years add up when there is no full-year filing; overlapping quarters never do', () => {
    const halves = [
      filing('a', '/c/a/', 30, '2025-01-01', '2025-06-30'),
      filing('a', '/c/a/', 40, '2025-07-01', '2025-12-31'),
    ];
    expect(sum(rollUpFilings(halves, 'flow', year))).toBe(70);
    const overlapping = [...halves, filing('a', '/c/a/', 25, '2025-06-01', '2025-08-31')];
    expect(sum(rollUpFilings(overlapping, 'flow', year))).toBe(70);
  });

  it("a parent's own filing is area-wide: it replaces its children's (was 18 + 3 + 5)", () => {
    const list = [
      filing('county', '/c/', 18, '2025-01-01', '2025-12-31'),
      filing('a', '/c/a/', 3, '2025-01-01', '2025-12-31'),
      filing('b', '/c/b/', 5, '2025-01-01', '2025-12-31'),
    ];
    expect(sum(rollUpFilings(list, 'flow', year))).toBe(18);
    // without the parent's filing the children add up
    expect(sum(rollUpFilings(list.slice(1), 'flow', year))).toBe(8);
  });

  it('a rate or ratio is never summed: only the scope org’s own filing counts', () => {
    const list = [
      filing('county', '/c/', 15, '2025-01-01', '2025-12-31'),
      filing('a', '/c/a/', 30, '2025-01-01', '2025-12-31'),
    ];
    expect(sum(rollUpFilings(list, 'ratio', year))).toBe(15);
    expect(rollUpFilings(list.slice(1), 'ratio', year)).toEqual([]);
  });

  it('prints the qualifier as filed', () => {
    expect(qualifierText('about', 300)).toBe('约300');
    expect(qualifierText('over', 300)).toBe('300余');
    expect(qualifierText('atLeast', 95)).toBe('95以上');
    expect(qualifierText('', 3)).toBe('3');
  });
});
