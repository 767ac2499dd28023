import { seedDemo } from './demo.js';
import { type Ctx, systemCtx } from '../platform/context.js';
import type { DatabaseHandle } from '../platform/db/open.js';
import type { TestEngine } from '../test/db.js';
import { loadRegistry, type MetricRegistry, rootOrgId } from './registry.js';

/**
 * A fresh database on `engine` with the demo county seeded as of `now` (`scale` of its volume),
 * the system's context with its clock at `now`, the metric registry and the root org; the
 * database is closed again when seeding fails.
 */
export async function openDemoCounty(
  engine: TestEngine,
  now: Date,
  scale: number,
): Promise<{ h: DatabaseHandle; ctx: Ctx; registry: MetricRegistry; root: string }> {
  const h = await engine.open();
  try {
    await seedDemo(h.db, { password: 'Demo-passw0rd!', now, scale });
    return {
      h,
      ctx: systemCtx(h.db, () => now),
      registry: await loadRegistry(h.db),
      root: await rootOrgId(h.db),
    };
  } catch (err) {
    await h.close();
    throw err;
  }
}
