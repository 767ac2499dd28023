import type { Ctx } from '../../platform/context.js';
import { getOfficer, updateOfficer } from './officer-service.js';
import { type SeededBody, seedOfficers } from './seed-officers.js';
import { seedPowers } from './seed-powers.js';
import { seedCases } from './seed-cases.js';
import { seedPublications } from './seed-publications.js';
import { seedReferrals } from './seed-referrals.js';

/** Demo data of the enforcement domain, built through its services. */
export async function seedEnforcement(
  ctx: Ctx,
  opts: { year: number; today: string; log: (msg: string) => void },
): Promise<void> {
  const bodies = await seedOfficers(ctx, opts.today);
  await linkDemoUser(ctx, bodies);
  opts.log(`执法主体 ${bodies.length} 个,执法人员 ${bodies.reduce((s, b) => s + b.officerIds.length, 0)} 名`);
  const powers = await seedPowers(ctx, bodies);
  opts.log(`权责事项 ${powers.length} 项`);
  const cases = await seedCases(ctx, opts, bodies, powers);
  opts.log(`行政处罚案件 ${cases} 件`);
  const published = await seedPublications(ctx, opts.today);
  opts.log(`已公示处罚决定 ${published} 件`);
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
