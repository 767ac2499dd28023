import { requestCtx } from '../domains/org/request-ctx.js';
import type { AppOptions, TypedApp } from '../platform/http/types.js';
import { reminders } from './reminders.js';

/** GET /api/reminders: 待办提醒 of the user's scope (each part shows only what the user may read). */
export function registerReminderRoutes(app: TypedApp, opts: AppOptions): void {
  const db = opts.handle.db;
  app.get(
    '/api/reminders',
    {
      schema: {
        tags: ['指标与数据填报'],
        summary: '待办提醒:年度报告报送与公开、数据填报及各台账临期逾期事项',
      },
    },
    async (req) => reminders(await requestCtx(req, db)),
  );
}
