import type { Executor } from '../../platform/db/types.js';
import { DEFAULT_SITE, type SiteSettings } from './site-schema.js';

declare module '../../platform/db/types.js' {
  interface Database {
    site_setting: SiteSettingTable;
  }
}

export interface SiteSettingTable {
  id: string;
  site_name: string;
  sponsor: string;
  site_code: string | null;
  icp: string | null;
  police_record: string | null;
  contact: string | null;
  updated_by: string | null;
  updated_at: Date;
  version: number;
}

/** The deployment's settings, or the neutral defaults before it has saved any. */
export async function readSite(db: Executor): Promise<SiteSettings> {
  const r = await db.selectFrom('site_setting').selectAll().where('id', '=', 'portal').executeTakeFirst();
  if (!r) return DEFAULT_SITE;
  return {
    siteName: r.site_name,
    sponsor: r.sponsor,
    siteCode: r.site_code,
    icp: r.icp,
    policeRecord: r.police_record,
    contact: r.contact,
    version: r.version,
  };
}
