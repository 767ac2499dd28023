import { z } from 'zod';
import { readDb } from '../platform/http/read-replica.js';
import { requestCtx } from '../domains/org/request-ctx.js';
import type { AppOptions, TypedApp } from '../platform/http/types.js';
import { dashboard } from './dashboard.js';

const DashboardQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  orgId: z.uuid('不是有效的机构编号').optional(),
});

/** GET /api/dashboard: 驾驶舱 (the figures read permission, planning:metric:list, is checked in the service). */
export function registerDashboardRoutes(app: TypedApp, opts: AppOptions): void {
  app.get(
    '/api/dashboard',
    {
      schema: {
        tags: ['指标与数据填报'],
        summary: '驾驶舱:关键指标同比、单位排名、临期逾期事项、月度趋势',
        querystring: DashboardQuery,
      },
    },
    // figures may lag the primary a moment on a replica; the caller's own writes never do
    async (req) => dashboard(await requestCtx(req, await readDb(req, opts.handle)), req.query),
  );
}
