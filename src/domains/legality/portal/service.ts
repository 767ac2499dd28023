import { parseInput } from '../../../platform/validation.js';
import type { Actor, Ctx } from '../../../platform/context.js';
import { chinaDate } from '../../../platform/context.js';
import { newId, writeTx } from '../../../platform/db/tx.js';
import type { Db } from '../../../platform/db/types.js';
import { conflict, invalid, notFound } from '../../../platform/errors.js';
import { inScope } from '../../../platform/scope.js';
import { z } from 'zod';
import {
  SINGLE_CHAR_NOTICE,
  searchTerms,
  singleCharOnly,
} from '../../enforcement/publications/portal-rules.js';
import { authorize } from '../../org/policy.js';
import { recordAudit, writeTxFor } from '../action-log.js';
import { publicState, publicStateLabels } from '../documents/rules.js';
import type { CleanupOutcome } from '../documents/schema.js';
import { cleanupOutcomeLabels } from '../documents/labels.js';
import type { DecisionCategory, DecisionStatus } from '../decisions/schema.js';
import { decisionCategoryLabels, decisionStatusLabels } from '../decisions/labels.js';
import { reviewPassed } from '../review/rules.js';
import { Adoption } from '../review/schema.js';
import { adoptionLabels } from '../review/labels.js';
import {
  checkCommentBody,
  checkContact,
  commentStatusLabels,
  commentWindow,
  receiptNumber,
} from './rules.js';
import {
  consultations,
  findConsultation,
  findPublicDecision,
  findPublicDocument,
  listPublicDocuments,
  loadPublicDecisionLog,
  orgNames,
  type PublicDocFilter,
  type PublicDocState,
  publicCatalogues,
  publicComments,
} from './store.js';

/** The public site writes as nobody in particular; the audit entry keeps the receipt, not the person. */
const PUBLIC_ACTOR: Actor = {
  userId: null,
  username: 'public',
  displayName: '公众(门户网站)',
  orgId: null,
  regionCode: null,
  permissions: new Set(),
};

// ——— 规范性文件库 ———

export interface PublicDocument {
  id: string;
  title: string;
  docNumber: string | null;
  orgName: string;
  publishedOn: string | null;
  effectiveOn: string | null;
  validUntil: string | null;
  state: PublicDocState;
  stateLabel: string;
  cleanupLabel: string | null;
  cleanupOn: string | null;
}

function presentPublicDoc(
  r: {
    id: string;
    org_id: string;
    title: string;
    doc_number: string | null;
    status: string;
    published_on: string | null;
    effective_on: string | null;
    valid_until: string | null;
    amended_on: string | null;
    cleanup_outcome: string | null;
    cleanup_on: string | null;
  },
  orgs: Map<string, string>,
  today: string,
): PublicDocument {
  const state = publicState(r, today);
  return {
    id: r.id,
    title: r.title,
    docNumber: r.doc_number,
    orgName: orgs.get(r.org_id) ?? '',
    publishedOn: r.published_on,
    effectiveOn: r.effective_on,
    validUntil: r.valid_until,
    state,
    stateLabel: publicStateLabels[state],
    cleanupLabel: r.cleanup_outcome ? cleanupOutcomeLabels[r.cleanup_outcome as CleanupOutcome] : null,
    cleanupOn: r.cleanup_on,
  };
}

export async function searchPublicDocuments(
  db: Db,
  f: Omit<PublicDocFilter, 'terms'> & { q?: string | undefined },
  today: string,
  page: { offset: number; limit: number },
): Promise<{ items: PublicDocument[]; total: number; notice: string | null }> {
  const { q, ...rest } = f;
  const terms = searchTerms(q);
  const { rows, total } = await listPublicDocuments(db, { ...rest, terms }, today, page);
  const orgs = await orgNames(
    db,
    rows.map((r) => r.org_id),
  );
  return {
    items: rows.map((r) => presentPublicDoc(r, orgs, today)),
    total,
    notice: singleCharOnly(terms) ? SINGLE_CHAR_NOTICE : null,
  };
}

export async function getPublicDocument(db: Db, id: string, today: string) {
  const d = await findPublicDocument(db, id);
  if (!d) throw notFound('legality.document.notPublic', '规范性文件不存在或尚未公布');
  return {
    ...presentPublicDoc(d, new Map([[d.org_id, d.org_name]]), today),
    body: d.body,
    filedOn: d.filed_on,
    cleanups: d.cleanups.map((c) => ({
      campaign: c.name,
      outcomeLabel: cleanupOutcomeLabels[c.outcome as CleanupOutcome],
      reason: c.reason,
      decidedOn: c.decided_on,
    })),
  };
}
export type PublicDocumentDetail = Awaited<ReturnType<typeof getPublicDocument>>;

// ——— 重大行政决策目录 ———

export async function publicDecisionCatalogue(db: Db, year: number, regionCode?: string) {
  const catalogues = await publicCatalogues(db, year, regionCode);
  return catalogues.map((c) => ({
    id: c.id,
    year: c.year,
    orgName: c.org_name,
    publishedOn: c.published_on,
    channel: c.channel,
    adjustmentCount: c.adjustment_count,
    decisions: c.decisions.map((d) => ({
      id: d.id,
      title: d.title,
      categoryLabel: decisionCategoryLabels[d.category as DecisionCategory],
      undertakingOrg: d.undertaking_org,
      statusLabel: decisionStatusLabels[d.status as DecisionStatus],
      commentFrom: d.comment_from,
      commentTo: d.comment_to,
      decidedOn: d.decided_on,
      publishedOn: d.published_on,
    })),
  }));
}

/** A decision's public record: dates of each procedure; not the meeting's individual opinions. */
export async function getPublicDecision(db: Db, id: string) {
  const d = await findPublicDecision(db, id);
  if (!d) throw notFound('legality.decision.notPublic', '决策事项不存在或目录尚未公布');
  const log = await loadPublicDecisionLog(db, id);
  const last = (action: string) => [...log].reverse().find((e) => e.action === action);
  const waived = new Set(d.waived);
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const steps: { label: string; value: string }[] = [
    {
      label: '公众参与',
      value: d.comment_to
        ? `${d.comment_from} 至 ${d.comment_to} 公开征求意见${d.hearing_on ? `;${d.hearing_on} 举行听证会` : ''}`
        : waived.has('publicComment')
          ? '不适用'
          : '尚未开展',
    },
    {
      label: '专家论证',
      value: d.expert_on ? `${d.expert_on} 完成` : waived.has('expertReview') ? '不适用' : '尚未开展',
    },
    {
      label: '风险评估',
      value: d.risk_on ? `${d.risk_on} 完成` : waived.has('riskAssessment') ? '不适用' : '尚未开展',
    },
    {
      label: '合法性审查',
      value: reviewPassed(d.review_conclusion)
        ? `${d.review_concluded_on} 审查通过`
        : d.review_id
          ? '审查中'
          : '尚未开展',
    },
    {
      label: '集体讨论决定',
      value: d.decided_on
        ? `${d.decided_on} ${d.meeting}审议通过`
        : d.status === 'rejected'
          ? '未通过'
          : '尚未决定',
    },
    {
      label: '决策公布',
      value: d.published_on
        ? `${d.published_on} 通过${text(last('publish')?.data.channel)}公布${text(last('publish')?.data.adoptionNote) ? `。意见采纳情况:${text(last('publish')?.data.adoptionNote)}` : ''}`
        : '尚未公布',
    },
    {
      label: '执行',
      value: d.executing_from
        ? `${d.executing_from} 起由${text(last('execute')?.data.executor)}组织实施`
        : '—',
    },
    { label: '决策后评估', value: d.evaluated_on ? `${d.evaluated_on} 开展` : '—' },
  ];
  if (d.status === 'withdrawn')
    steps.unshift({ label: '目录调整', value: `调出目录:${text(last('withdraw')?.data.reason)}` });
  return {
    id: d.id,
    title: d.title,
    year: d.year,
    orgName: d.org_name,
    categoryLabel: decisionCategoryLabels[d.category as DecisionCategory],
    undertakingOrg: d.undertaking_org,
    statusLabel: decisionStatusLabels[d.status as DecisionStatus],
    steps,
  };
}
export type PublicDecision = Awaited<ReturnType<typeof getPublicDecision>>;

// ——— 征求意见 ———

export const SubjectKind = z.enum(['document', 'decision']);
export type SubjectKind = z.infer<typeof SubjectKind>;
const subjectLabels = { document: '规范性文件', decision: '重大行政决策' } as const;

export async function listConsultations(db: Db, today: string, regionCode?: string) {
  // open ones, and those closed since the start of last year with their adoption summary
  const since = `${Number(today.slice(0, 4)) - 1}-01-01`;
  const rows = await consultations(db, since, regionCode);
  const items = rows.map((r) => ({
    kind: r.kind,
    kindLabel: subjectLabels[r.kind],
    id: r.id,
    title: r.title,
    orgName: r.org_name,
    commentFrom: r.comment_from,
    commentTo: r.comment_to,
    state: commentWindow(r.comment_from, r.comment_to, today),
  }));
  return { open: items.filter((i) => i.state === 'open'), closed: items.filter((i) => i.state === 'closed') };
}

export async function getConsultation(db: Db, kind: SubjectKind, id: string, today: string) {
  const c = await findConsultation(db, kind, id);
  if (!c) throw notFound('legality.consultation.notFound', '征求意见事项不存在');
  const state = commentWindow(c.comment_from, c.comment_to, today);
  const { shown, tally } = await publicComments(db, id);
  const count = (pred: (t: { status: string; adoption: string | null }) => boolean) =>
    tally.filter(pred).reduce((s, t) => s + t.n, 0);
  return {
    kind,
    kindLabel: subjectLabels[kind],
    id: c.id,
    title: c.title,
    orgName: c.org_name,
    body: c.body,
    commentFrom: c.comment_from,
    commentTo: c.comment_to,
    state,
    stateLabel: state === 'open' ? '正在征求意见' : state === 'closed' ? '征求意见已结束' : '尚未开始',
    // the adoption summary is published once the period has closed
    summary:
      state === 'closed'
        ? {
            received: count(() => true),
            adopted: count((t) => t.adoption === 'adopted'),
            partlyAdopted: count((t) => t.adoption === 'partlyAdopted'),
            notAdopted: count((t) => t.adoption === 'notAdopted'),
            comments: shown.map((s) => ({
              receiptNo: s.receipt_no,
              body: s.body,
              submittedOn: s.submitted_on,
              adoptionLabel: s.adoption ? adoptionLabels[s.adoption as Adoption] : '待答复',
              reply: s.reply,
            })),
          }
        : null,
    shownCount: shown.length,
  };
}
export type Consultation = Awaited<ReturnType<typeof getConsultation>>;

export const CommentInput = z.strictObject({
  body: z.string().max(200_000, '意见内容:不能超过 5000 个字'),
  name: z.string().trim().max(50, '姓名:不能超过 50 个字').optional(),
  contact: z.string().trim().max(100, '联系方式:不能超过 100 个字符').optional(),
});

/** 提交意见: kept pending until moderated; the receipt number is the commenter's only handle. */
export async function submitComment(
  db: Db,
  kind: SubjectKind,
  id: string,
  raw: unknown,
  now: Date,
): Promise<{ receiptNo: string; submittedOn: string }> {
  const input = parseInput(CommentInput, raw);
  const body = checkCommentBody(input.body);
  const contact = checkContact(input.contact);
  const name = (input.name ?? '').trim();
  if (/[<>]/.test(name)) throw invalid('legality.comment.name', '姓名:请填写文字', 'name');
  const today = chinaDate(now);
  const c = await findConsultation(db, kind, id);
  if (!c) throw notFound('legality.consultation.notFound', '征求意见事项不存在');
  if (commentWindow(c.comment_from, c.comment_to, today) !== 'open')
    throw conflict(
      'legality.comment.closed',
      `该事项的征求意见期为 ${c.comment_from} 至 ${c.comment_to},当前不在征求意见期内`,
      {
        field: 'body',
      },
    );
  const receiptNo = receiptNumber(today);
  await writeTx(
    db,
    PUBLIC_ACTOR,
    async (trx, audit) => {
      const comment = { id: newId(), region_code: c.region_code, org_id: c.org_id };
      await trx
        .insertInto('legality_public_comment')
        .values({
          ...comment,
          subject_kind: kind,
          subject_id: c.id,
          receipt_no: receiptNo,
          body,
          name,
          contact,
          submitted_on: today,
        })
        .execute();
      audit(
        recordAudit('legality.comment.submit', 'legality_public_comment', comment, {
          receiptNo,
          subject: c.id,
          length: body.length,
        }),
      );
    },
    now,
  );
  return { receiptNo, submittedOn: today };
}

/** Where a comment stands, by its receipt number (nothing else of it). */
export async function commentStatus(db: Db, receiptNo: string) {
  const r = await db
    .selectFrom('legality_public_comment')
    .select(['status', 'submitted_on', 'adoption'])
    .where('receipt_no', '=', receiptNo)
    .executeTakeFirst();
  if (!r) throw notFound('legality.comment.notFound', '未找到该回执号的意见');
  return {
    receiptNo,
    submittedOn: r.submitted_on,
    statusLabel: commentStatusLabels[r.status as keyof typeof commentStatusLabels],
    adoptionLabel: r.adoption ? adoptionLabels[r.adoption as Adoption] : null,
  };
}

// ——— staff: moderation ———

export const ModerateInput = z.strictObject({
  status: z.enum(['shown', 'hidden']),
  adoption: Adoption.optional(),
  reply: z.string().trim().max(2000, '答复:不能超过 2000 个字').optional(),
});

export async function listComments(ctx: Ctx, subjectId: string) {
  authorize(ctx.actor, 'legality:comment:moderate');
  const rows = await ctx.db
    .selectFrom('legality_public_comment')
    .select(['id', 'receipt_no', 'body', 'name', 'contact', 'submitted_on', 'status', 'adoption', 'reply'])
    .where('subject_id', '=', subjectId)
    .where(inScope(ctx.scope))
    .orderBy('submitted_on')
    .orderBy('receipt_no')
    .limit(1000)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    receiptNo: r.receipt_no,
    body: r.body,
    name: r.name,
    contact: r.contact,
    submittedOn: r.submitted_on,
    status: r.status,
    statusLabel: commentStatusLabels[r.status as keyof typeof commentStatusLabels],
    adoption: r.adoption,
    reply: r.reply,
  }));
}

/** 审核: shown or not, and the adoption answer with its reply. */
export async function moderateComment(ctx: Ctx, id: string, raw: unknown) {
  authorize(ctx.actor, 'legality:comment:moderate');
  const input = parseInput(ModerateInput, raw);
  const c = await ctx.db
    .selectFrom('legality_public_comment')
    .select(['id', 'org_id', 'region_code', 'receipt_no'])
    .where('id', '=', id)
    .where(inScope(ctx.scope))
    .executeTakeFirst();
  if (!c) throw notFound('legality.comment.notFound', '意见不存在或不在您的权限范围内');
  if (input.adoption && input.adoption !== 'adopted' && (!input.reply || input.reply.length < 2))
    throw invalid('legality.comment.replyRequired', '部分采纳或不采纳的,请填写答复理由', 'reply');
  await writeTxFor(ctx, async (trx, audit) => {
    await trx
      .updateTable('legality_public_comment')
      .set({
        status: input.status,
        adoption: input.adoption ?? null,
        reply: input.reply ?? '',
        moderated_by: ctx.actor.userId,
        moderated_at: ctx.now(),
      })
      .where('id', '=', id)
      .execute();
    audit(recordAudit('legality.comment.moderate', 'legality_public_comment', c, input));
  });
  return { id, receiptNo: c.receipt_no, status: input.status };
}
