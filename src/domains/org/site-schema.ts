import { z } from 'zod';
import { Text } from '../../platform/validation.js';

/**
 * What the public site prints in its masthead and footer (国办发〔2017〕47号《政府网站发展指引》:
 * every government website shows its 主办单位, 网站标识码 and ICP 备案号). Differs per deployment.
 */
export const SiteSettingsInput = z.strictObject({
  version: z.number().int().min(0),
  /** the site's name in the masthead, e.g. 某某市法治政府建设信息公开 */
  siteName: Text(60, { min: 2 }),
  /** 主办单位 */
  sponsor: Text(60, { min: 2 }),
  /** 网站标识码 (issued by the 全国政府网站信息报送系统); empty = not shown */
  siteCode: Text(20)
    .refine((v) => v === '' || /^[0-9A-Za-z]{4,20}$/.test(v), '网站标识码为 4 至 20 位字母或数字')
    .optional(),
  /** ICP 备案号 */
  icp: Text(40).optional(),
  /** 公安机关备案号 */
  policeRecord: Text(40).optional(),
  /** 联系方式 (地址、电话) */
  contact: Text(120).optional(),
});
export type SiteSettingsInput = z.infer<typeof SiteSettingsInput>;

export interface SiteSettings {
  siteName: string;
  sponsor: string;
  siteCode: string | null;
  icp: string | null;
  policeRecord: string | null;
  contact: string | null;
  /** 0 while the deployment has not saved its own settings */
  version: number;
}

/** Before a deployment saves its own: a neutral name, no registration marks (never a real place). */
export const DEFAULT_SITE: SiteSettings = {
  siteName: '法治政府建设信息公开',
  sponsor: '法治政府建设工作机构',
  siteCode: null,
  icp: null,
  policeRecord: null,
  contact: null,
  version: 0,
};
