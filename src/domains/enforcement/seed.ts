import type { Ctx } from '../../platform/context.js';
import { type PowerCategory, powerCategoryLabels } from './power-list/schema.js';
import { seedChanges } from './cases/seed/changes.js';
import { demoRecordFiles } from './cases/seed/records.js';
import { getOfficer, updateOfficer } from './officers/service.js';
import { type SeededBody, seedOfficers } from './officers/seed.js';
import { seedPowers } from './power-list/seed.js';
import { seedCases } from './cases/seed/cases.js';
import { seedPublications } from './publications/seed.js';
import { seedReferrals } from './referrals/seed.js';
import type { SeedOptions } from '../demo-seed.js';

/** Demo data of the enforcement domain, built through its services. */
export async function seedEnforcement(ctx: Ctx, opts: SeedOptions): Promise<void> {
  const bodies = await seedOfficers(ctx, opts.today);
  await linkDemoUser(ctx, bodies);
  opts.log(`执法主体 ${bodies.length} 个,执法人员 ${bodies.reduce((s, b) => s + b.officerIds.length, 0)} 名`);
  const powers = await seedPowers(ctx, bodies);
  opts.log(`权责事项 ${powers.length} 项`);
  const cases = await seedCases(ctx, opts, bodies, powers);
  const total = Object.values(cases).reduce((s, n) => s + n, 0);
  opts.log(
    `行政执法案件 ${total} 件(${Object.entries(cases)
      .map(([k, n]) => `${powerCategoryLabels[k as PowerCategory] ?? k} ${n}`)
      .join('、')})`,
  );
  const published = await seedPublications(ctx, opts.today);
  opts.log(`已公示执法决定 ${published} 件`);
  const records = await demoRecordFiles(ctx, opts.files);
  const changes = await seedChanges(
    ctx,
    opts.today,
    records,
    opts.files,
    Math.max(3, Math.round(40 * (opts.scale ?? 1))),
  );
  opts.log(`变更、撤销决定 ${changes.changed} 件,撤回公示 ${changes.withdrawn} 件`);
  const referrals = await seedReferrals(ctx, opts);
  opts.log(`两法衔接移送案件 ${referrals} 件`);
}

/**
 * The demo handler account (scjg, 张明, 市场监管局) is one of that bureau's officers, so the demo
 * shows the reviewer-is-not-a-handler rule on real accounts.
 */
async function linkDemoUser(ctx: Ctx, bodies: readonly SeededBody[]): Promise<void> {
  const user = await ctx.db
    .selectFrom('app_user')
    .select(['id', 'org_id', 'display_name'])
    .where('username', '=', 'scjg')
    .executeTakeFirst();
  const officerId = bodies.find((b) => b.orgId === user?.org_id)?.officerIds[0];
  if (!user || !officerId) return;
  const officer = await getOfficer(ctx, officerId);
  await updateOfficer(ctx, officerId, { version: officer.version, name: user.display_name, userId: user.id });
}
