import type { Ctx } from '../../platform/context.js';
import { staleVersion, writeTx } from '../../platform/db/tx.js';
import { configurePortal } from '../../platform/http/portal-page.js';
import { authorize } from './policy.js';
import { type SiteSettings, SiteSettingsInput } from './site-schema.js';
import { readSite } from './site-store.js';

const blank = (s: string | undefined) => (s ? s : null);

/** The public site's frame takes the deployment's masthead and footer from these. */
export function applySite(s: SiteSettings): void {
  configurePortal({
    site: {
      name: s.siteName,
      sponsor: s.sponsor,
      siteCode: s.siteCode ?? undefined,
      icp: s.icp ?? undefined,
      policeRecord: s.policeRecord ?? undefined,
      contact: s.contact ?? undefined,
    },
  });
}

export async function getSite(ctx: Ctx): Promise<SiteSettings> {
  return readSite(ctx.db);
}

/** Saves the settings (optimistic version; 0 = the first save) and re-frames the public site at once. */
export async function updateSite(ctx: Ctx, raw: unknown): Promise<SiteSettings> {
  authorize(ctx.actor, 'system:site:edit');
  const input = SiteSettingsInput.parse(raw);
  const row = {
    site_name: input.siteName,
    sponsor: input.sponsor,
    site_code: blank(input.siteCode),
    icp: blank(input.icp),
    police_record: blank(input.policeRecord),
    contact: blank(input.contact),
    updated_by: ctx.actor.userId,
    updated_at: ctx.now(),
  };
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    const before = await readSite(trx);
    if (before.version !== input.version) throw staleVersion();
    if (before.version === 0)
      await trx
        .insertInto('site_setting')
        .values({ id: 'portal', ...row, version: 1 })
        .execute();
    else
      await trx
        .updateTable('site_setting')
        .set({ ...row, version: before.version + 1 })
        .where('id', '=', 'portal')
        .where('version', '=', input.version)
        .execute();
    audit({
      action: 'site.update',
      entity: 'site_setting',
      entityId: 'portal',
      change: { before, after: input },
    });
  });
  const saved = await readSite(ctx.db);
  applySite(saved);
  return saved;
}
