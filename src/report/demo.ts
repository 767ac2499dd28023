import type { Db } from '../platform/db/types.js';
import type { FileStore } from '../platform/files/index.js';
import { chinaDate, systemCtx } from '../platform/context.js';
import { domainModules } from '../domains/index.js';
import { type DemoOrgs, demoUscc, seedOrgs } from '../domains/org/seed.js';
import { reportLayer } from './module.js';

export async function isSeeded(db: Db): Promise<boolean> {
  return (await db.selectFrom('org').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/**
 * Seeds the deterministic demo county through the services: the org tree, roles and users,
 * then each domain's demo builders for the previous calendar year and this year to date, and last
 * the report layer's (data calls filed, the previous year's report generated from every domain's
 * records and published).
 */
export async function seedDemo(
  db: Db,
  opts: { password: string; now?: Date; log?: (msg: string) => void; files?: FileStore; scale?: number },
): Promise<DemoOrgs> {
  const log = opts.log ?? (() => {});
  const now = opts.now ?? new Date();
  const ctx = systemCtx(db, () => now);
  log('创建机构、角色和用户…');
  const orgs = await seedOrgs(ctx, opts.password, demoUscc);
  const today = chinaDate(now);
  const seedOpts = { year: Number(today.slice(0, 4)) - 1, today, log, files: opts.files, scale: opts.scale };
  for (const m of domainModules) {
    if (!m.seed) continue;
    log(`生成演示数据:${m.title}…`);
    await m.seed(ctx, seedOpts);
  }
  log('生成演示数据:数据填报与年度报告…');
  await reportLayer.seed(ctx, seedOpts);
  return orgs;
}
