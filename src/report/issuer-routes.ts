import { z } from 'zod';
import { requestCtx } from '../domains/org/request-ctx.js';
import type { AppOptions, TypedApp } from '../platform/http/types.js';
import { IssuerInput, getIssuer, saveIssuer } from './issuer.js';

const OrgParam = z.object({ orgId: z.uuid('不是有效的机构编号') });

/** GET/PUT /api/report-issuers/:orgId: the org's 公文 settings (红头, 文号, 主送机关, 署名). */
export function registerIssuerRoutes(app: TypedApp, opts: AppOptions): void {
  const db = opts.handle.db;
  const tags = ['年度报告'];
  app.get(
    '/api/report-issuers/:orgId',
    { schema: { tags, summary: '年度报告发文设置(红头、文号、主送机关、署名)', params: OrgParam } },
    async (req) => getIssuer(await requestCtx(req, db), req.params.orgId),
  );
  app.put(
    '/api/report-issuers/:orgId',
    { schema: { tags, summary: '保存年度报告发文设置', params: OrgParam, body: IssuerInput } },
    async (req) => saveIssuer(await requestCtx(req, db), req.params.orgId, req.body),
  );
}
