import { addDays } from '../../../platform/calendar/index.js';
import type { Ctx } from '../../../platform/context.js';
import { createReconsideration } from '../../../domains/disputes/reconsideration/service.js';

/**
 * The browser walks' 复议 application: 周文斌 against 市场监管局's 行政处罚决定 (a 6,000 元 fine),
 * received on `receivedOn`, the decision known ten days before; `extra` adds fields of the application.
 */
export async function marketApplication(ctx: Ctx, receivedOn: string, extra: Record<string, unknown> = {}) {
  const org = await ctx.db
    .selectFrom('org')
    .select('id')
    .where('name', 'like', '%市场监督管理局%')
    .orderBy('depth')
    .executeTakeFirstOrThrow();
  return createReconsideration(ctx, {
    channel: 'inPerson',
    receivedOn,
    respondentOrgId: org.id,
    applicantKind: 'person',
    applicantName: '周文斌',
    ...extra,
    act: {
      title: '行政处罚决定书',
      kind: 'penalty',
      knownOn: addDays(receivedOn, -10),
      penaltyTypes: ['fine'],
      amount: 6000,
    },
    request: '撤销行政处罚决定',
    reasons: '认定事实不清。',
  });
}
