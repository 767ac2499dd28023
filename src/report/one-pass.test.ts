import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoCounty } from './test-fixtures.js';
import { ALL_SCOPE, type Ctx, chinaDate } from '../platform/context.js';
import type { DatabaseHandle } from '../platform/db/open.js';
import { testEngines } from '../test/db.js';
import { onePass } from './one-pass.js';
import { computeFigures, type MetricRegistry, orgSubtree, yearPeriod } from './registry.js';
import type { MetricQuery } from '../platform/metrics/types.js';

/**
 * Figures in one pass (issue 17, item 4): for EVERY metric that declares a grouped scan, the value
 * of the shared grouped query equals the metric's own per-figure query (its drill-down path), over
 * the demo county's records — and the whole registry run (grouped scans and the rest, concurrently)
 * gives every figure the value its own `compute` gives.
 */
const at = (day: string) => new Date(`${day}T02:00:00Z`);
const NOW = '2026-05-20';

describe.each(testEngines())('figures in one pass on $name', (engine) => {
  let h: DatabaseHandle;
  let ctx: Ctx;
  let registry: MetricRegistry;
  let root: string;

  beforeAll(async () => {
    ({ h, ctx, registry, root } = await openDemoCounty(engine, at(NOW), 0.02));
  }, 900_000);
  afterAll(() => h?.close());

  const queryFor = async (orgId: string, from: string, to: string): Promise<MetricQuery> => {
    const sub = await orgSubtree(ctx, orgId);
    return { scope: ALL_SCOPE, orgId, orgIds: sub.orgIds, from, to, today: chinaDate(at(NOW)) };
  };

  /** Every grouped metric whose one-pass value differs from its own query, with both values. */
  async function mismatches(q: MetricQuery) {
    const grouped = registry.all.filter((d) => d.grouped);
    const pass = await onePass(h.db, q, grouped);
    const out: string[] = [];
    for (const d of grouped) {
      const own = (await d.compute(h.db, q)).value;
      if (pass.get(d.id) !== own) out.push(`${d.id}: 一次统计 ${pass.get(d.id)},单独统计 ${own}`);
    }
    return { out, pass, grouped };
  }

  it('gives every grouped metric of the county-year the value of its own query, most of them non-zero', async () => {
    const { out, pass, grouped } = await mismatches(await queryFor(root, '2025-01-01', '2025-12-31'));
    expect(out).toEqual([]);
    // the demo's records give most of them a value: a pass that returned zeros would not pass
    expect(grouped.length).toBeGreaterThan(200);
    expect(grouped.filter((d) => (pass.get(d.id) ?? 0) > 0).length).toBeGreaterThan(grouped.length / 2);
  });

  it('agrees for one unit alone and for a half year of the current year (cut at today)', async () => {
    const units = (await h.db.selectFrom('org').select(['id', 'parent_id']).execute()).filter(
      (o) => o.parent_id === root,
    );
    expect(units.length).toBeGreaterThan(0);
    for (const u of units.slice(0, 3))
      expect((await mismatches(await queryFor(u.id, '2025-01-01', '2025-12-31'))).out).toEqual([]);
    expect((await mismatches(await queryFor(root, '2026-01-01', '2026-06-30'))).out).toEqual([]);
  });

  it('computes every registry figure, grouped or not, as its own query does (rates from their parts)', async () => {
    const period = yearPeriod(2025);
    const q = await queryFor(root, period.from, period.to);
    const figures = await computeFigures(ctx, registry, root, period);
    expect(figures).toHaveLength(registry.all.length);
    const wrong: string[] = [];
    for (const f of figures) {
      const own = (await registry.get(f.metricId).compute(h.db, q)).value;
      if (f.value !== own) wrong.push(`${f.metricId}: ${f.value} ≠ ${own}`);
    }
    expect(wrong).toEqual([]);
  });
});
