import { IdParam } from '../../platform/validation.js';
import { requestCtx } from './request-ctx.js';
import type { AppOptions, TypedApp } from '../../platform/http/types.js';
import { listOrgStaffing, OrgStaffingInput, updateOrgStaffing } from './staffing.js';

export function registerStaffingRoutes(app: TypedApp, opts: AppOptions): void {
  const db = opts.handle.db;
  const tags = ['机构与用户'];
  app.get('/api/org-staffing', { schema: { tags, summary: '机构编制与三定方案' } }, async (req) =>
    listOrgStaffing(await requestCtx(req, db)),
  );
  app.put(
    '/api/org-staffing/:id',
    { schema: { tags, summary: '修改机构编制与三定方案', params: IdParam, body: OrgStaffingInput } },
    async (req) => {
      await updateOrgStaffing(await requestCtx(req, db), req.params.id, req.body);
      return { ok: true };
    },
  );
}
