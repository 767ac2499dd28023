import { describe, expect, it } from 'vitest';
import { computeFigures, loadRegistry } from '../registry.js';
import { testEngines } from '../../test/db.js';
import { databaseSetup } from '../../test/suite.js';
import { listDataCalls } from '../../domains/planning/data-call-store.js';
import { listPublished } from './report-store.js';
import { seedPlanning, split } from './seed.js';
import { seedDemoOrgs, systemAt } from './test-fixtures.js';

describe('split', () => {
  it.each([
    [2310, 7, [330, 330, 330, 330, 330, 330, 330]],
    [10, 3, [4, 3, 3]],
    [2, 3, [1, 1, 0]],
  ])('splits %i over %i units', (total, n, expected) => {
    expect(split(total, n)).toEqual(expected);
    expect(split(total, n).reduce((a, b) => a + b, 0)).toBe(total);
  });
});

describe.each(testEngines())('planning demo seed on $name', (engine) => {
  const today = '2026-11-23';

  const suite = databaseSetup(engine, async (h) => {
    const orgs = await seedDemoOrgs(h);
    await seedPlanning(systemAt(h, new Date(`${today}T02:00:00Z`)), { year: 2025, today, log: () => {} });
    return { orgs };
  });

  it('collects last year’s figures from the units and rolls them up to the county', async () => {
    const ctx = systemAt(suite.h);
    const registry = await loadRegistry(suite.h.db);
    const figures = await computeFigures(
      ctx,
      registry,
      suite.orgs.rootId,
      { from: '2025-01-01', to: '2025-12-31' },
      ['rpt.emergency.m10', 'rpt.govService.m07'],
    );
    expect(figures.map((f) => f.value)).toEqual([2310, 41260]);
    const oneTownship = [...suite.orgs.townships.values()][0]?.id ?? '';
    const t = await computeFigures(ctx, registry, oneTownship, { from: '2025-01-01', to: '2025-12-31' }, [
      'rpt.emergency.m10',
    ]);
    expect(t[0]?.value).toBe(330);
  });

  it('publishes last year’s report and leaves this year’s call open', async () => {
    const published = await listPublished(suite.h.db);
    expect(published.map((p) => [p.year, p.org_name])).toEqual([[2025, '开远市人民政府']]);
    const calls = await listDataCalls(suite.h.db, systemAt(suite.h).scope, { offset: 0, limit: 10 });
    expect(calls.items.map((c) => [c.title, c.statusLabel, c.deadline]).sort()).toEqual([
      ['2025年度法治政府建设数据填报', '已截止', '2026-01-31'],
      ['2026年上半年法治政府建设数据填报', '填报中', '2026-12-03'],
    ]);
  });
});
