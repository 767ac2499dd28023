import { addDays } from '../../../platform/calendar/index.js';
import type { Ctx } from '../../../platform/context.js';
import { createDocument, recordDocumentAction } from '../documents/service.js';
import { moderateComment, submitComment } from './service.js';

const COMMENTS = [
  '建议明确犬只登记的办理地点和时限,方便群众办理。',
  '第十二条的罚款幅度偏高,建议区分情节轻重。',
  '建议增加对老年人、残疾人的便利措施。',
  '条款表述清楚,赞成尽快施行。',
];

/**
 * 意见征集 in the demo, through the services: one draft open for comment today with comments
 * waiting for moderation, and comments on an earlier draft answered after its period closed.
 */
export async function seedConsultations(
  ctx: Ctx,
  opts: { rootId: string; today: string; closedDocumentId?: string | undefined },
): Promise<void> {
  const noon = (d: string) => new Date(`${d}T04:00:00Z`);
  const from = addDays(opts.today, -3);
  let d = await createDocument(ctx, {
    title: '城区犬只管理规定(征求意见稿)',
    orgId: opts.rootId,
    draftedOn: addDays(opts.today, -10),
    body: '第一条 为了规范城区犬只管理,保障公民人身安全和环境卫生,制定本规定。\n第二条 本规定适用于城区范围内的犬只饲养和管理。',
  });
  d = await recordDocumentAction(ctx, d.id, {
    action: 'openComment',
    date: from,
    version: d.version,
    commentFrom: from,
    commentTo: addDays(from, 30),
  });
  for (const body of COMMENTS.slice(0, 3))
    await submitComment(ctx.db, 'document', d.id, { body }, noon(from));

  if (!opts.closedDocumentId) return;
  const closed = await ctx.db
    .selectFrom('legality_document')
    .select(['comment_from'])
    .where('id', '=', opts.closedDocumentId)
    .executeTakeFirst();
  if (!closed?.comment_from) return;
  for (const [i, body] of COMMENTS.entries()) {
    const { receiptNo } = await submitComment(
      ctx.db,
      'document',
      opts.closedDocumentId,
      { body, name: '市民', contact: '13800000000' },
      noon(closed.comment_from),
    );
    const c = await ctx.db
      .selectFrom('legality_public_comment')
      .select('id')
      .where('receipt_no', '=', receiptNo)
      .executeTakeFirstOrThrow();
    await moderateComment(ctx, c.id, {
      status: 'shown',
      adoption: i % 3 === 0 ? 'adopted' : i % 3 === 1 ? 'partlyAdopted' : 'notAdopted',
      reply: i % 3 === 0 ? '已采纳' : '结合上位法规定和本地实际,部分内容暂不采纳',
    });
  }
}
