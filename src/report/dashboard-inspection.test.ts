import { describe, expect, it } from 'vitest';
import { seedOfficers } from '../domains/enforcement/officers/seed.js';
import { listTargets } from '../domains/inspection/result-service.js';
import { seedInspection } from '../domains/inspection/seed.js';
import { demoUscc, seedOrgs } from '../domains/org/seed.js';
import { systemCtx } from '../platform/context.js';
import { testEngines } from '../test/db.js';
import { databaseSetup } from '../test/suite.js';
import { dashboard } from './dashboard.js';
import { computeFigures, loadRegistry, yearPeriod } from './registry.js';

/** The inspection demo (2025 in full, 2026 to 23 November) seen on the 驾驶舱. */
describe.each(testEngines())('dashboard over the inspection demo on $name', (engine) => {
  const suite = databaseSetup(
    engine,
    async (h) => {
      const ctx = systemCtx(h.db, () => new Date('2026-11-23T04:00:00Z'));
      const root = (await seedOrgs(ctx, 'Passw0rd-demo', demoUscc)).rootId;
      await seedOfficers(ctx, '2026-11-23');
      await seedInspection(ctx, { year: 2025, today: '2026-11-23', log: () => {} });
      return { ctx, root };
    },
    180_000,
  );

  it('compares the inspection figures of 2026 with those of 2025', async () => {
    const d = await dashboard(suite.ctx, { year: 2026, orgId: suite.root });
    const registry = await loadRegistry(suite.h.db);
    const ids = ['inspection.plans', 'inspection.coverage', 'inspection.problemRate'];
    const now = await computeFigures(suite.ctx, registry, suite.root, yearPeriod(2026), ids);
    const before = await computeFigures(suite.ctx, registry, suite.root, yearPeriod(2025), ids);
    for (const [i, id] of ids.entries()) {
      const k = d.keyFigures.find((x) => x.metricId === id);
      expect(k?.value).toBe(now[i]?.value);
      expect(k?.lastYear).toBe(before[i]?.value);
    }
    const plans = d.keyFigures.find((x) => x.metricId === 'inspection.plans');
    expect(plans?.lastYear).toBe(18);
    expect(plans?.change).toBe((plans?.value ?? 0) - 18);
    expect(d.months).toHaveLength(11);
  });

  it('counts 临期/逾期 result publications as the results ledger marks them', async () => {
    const d = await dashboard(suite.ctx, { year: 2026, orgId: suite.root });
    const pending = await listTargets(suite.ctx, { pending: true }, { offset: 0, limit: 100_000 });
    const count = (s: string) => pending.items.filter((t) => t.publicationState === s).length;
    const row = d.due.find((x) => x.item === '抽查结果公示期限');
    expect(row).toMatchObject({ dueSoon: count('dueSoon'), overdue: count('overdue') });
    expect(count('dueSoon') + count('overdue')).toBeGreaterThan(0);
  });
});
