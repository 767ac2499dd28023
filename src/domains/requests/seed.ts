import type { Ctx } from '../../platform/context.js';
import { setRegionSettings } from './core/settings.js';
import { seedDisclosure } from './disclosure/seed.js';
import { seedLegalServices } from './legal-services/seed.js';
import { seedMediation } from './mediation/seed.js';
import { seedPetitions } from './petitions/seed.js';
import { seedProposals } from './proposals/seed.js';
import type { SeedOptions } from '../demo-seed.js';

export interface DemoOrgIds {
  rootId: string;
  regionCode: string;
  byShort: Map<string, string>;
  departments: string[];
  townships: { id: string; name: string; justiceOfficeId: string | null }[];
}

async function demoOrgs(ctx: Ctx): Promise<DemoOrgIds> {
  const rows = await ctx.db
    .selectFrom('org')
    .select(['id', 'short_name', 'kind', 'parent_id', 'region_code', 'name'])
    .execute();
  const root = rows.find((o) => o.parent_id === null);
  if (!root) throw new Error('演示数据须先建立机构');
  const byShort = new Map(rows.filter((o) => o.short_name).map((o) => [o.short_name as string, o.id]));
  return {
    rootId: root.id,
    regionCode: root.region_code,
    byShort,
    departments: rows.filter((o) => o.kind === 'department').map((o) => o.id),
    townships: rows
      .filter((o) => o.kind === 'township' || o.kind === 'subdistrict')
      .map((t) => ({
        id: t.id,
        name: t.short_name ?? t.name,
        justiceOfficeId: rows.find((o) => o.parent_id === t.id && o.kind === 'justiceOffice')?.id ?? null,
      })),
  };
}

/**
 * The demo year of requests at a county's volumes (scale 1): dozens of 公开 applications, hundreds
 * of 信访 and 调解, a few dozen 建议提案, 法律援助 and the registers; some extended, some overdue.
 */
export async function seedRequests(ctx: Ctx, opts: SeedOptions): Promise<void> {
  const orgs = await demoOrgs(ctx);
  const scale = opts.scale ?? 1;
  // the demo county's leaders receive visitors on the 15th of each month (configured, not coded)
  await setRegionSettings(ctx, orgs.regionCode, { proposalReturnDays: 10, receptionDay: 15, warnDays: 5 });
  await seedDisclosure(ctx, orgs, opts, scale);
  await seedPetitions(ctx, orgs, opts, scale);
  await seedMediation(ctx, orgs, opts, scale);
  await seedLegalServices(ctx, orgs, opts, scale);
  await seedProposals(ctx, orgs, opts, scale);
}
