import { describe, expect, it } from 'vitest';
import { createRegistry, moduleMetrics, yearPeriod } from './registry.js';
import type { MetricDefinition } from '../platform/metrics/types.js';

const fake = (id: string): MetricDefinition => ({
  id,
  name: '测试指标',
  unit: '件',
  definition: '测试',
  domain: 'test',
  source: 'computed',
  additive: true,
  compute: async () => ({ value: 1, records: async () => [] }),
});

describe('metric registry', () => {
  it('collects the metrics of every domain module, ids unique', () => {
    const all = moduleMetrics();
    const registry = createRegistry(all);
    expect(registry.all.length).toBe(all.length);
    expect(registry.get('rpt.reconsideration.received')).toMatchObject({
      name: '行政复议申请收到数',
      unit: '件',
      source: 'reported',
    });
    expect(registry.get('planning.dataCalls.issued').source).toBe('computed');
  });

  it('refuses two metrics with one id and answers 404 for an unknown id', () => {
    expect(() => createRegistry([fake('a.b'), fake('a.b')])).toThrow('指标编号重复');
    expect(() => createRegistry([fake('a.b')]).get('x.y')).toThrow('不存在');
  });

  it('turns a year into its calendar period and refuses nonsense years', () => {
    expect(yearPeriod(2025)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(() => yearPeriod(1990)).toThrow('年度');
  });
});
