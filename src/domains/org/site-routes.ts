import { requestCtx } from './request-ctx.js';
import type { AppOptions, TypedApp } from '../../platform/http/types.js';
import { authorize } from './policy.js';
import { SiteSettingsInput } from './site-schema.js';
import { getSite, updateSite } from './site-service.js';

/** 网站设置: the public site's masthead and footer, as this deployment sets them. */
export function registerSiteRoutes(app: TypedApp, opts: AppOptions): void {
  const db = opts.handle.db;
  const tags = ['系统管理'];
  app.get('/api/site-settings', { schema: { tags, summary: '公开网站设置' } }, async (req) => {
    const ctx = await requestCtx(req, db);
    authorize(ctx.actor, 'system:org:list');
    return getSite(ctx);
  });
  app.put(
    '/api/site-settings',
    { schema: { tags, summary: '修改公开网站设置(主办单位、网站标识码、备案号)', body: SiteSettingsInput } },
    async (req) => updateSite(await requestCtx(req, db), req.body),
  );
}
