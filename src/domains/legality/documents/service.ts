import { loadWorkCalendar } from '../../../platform/calendar/index.js';
import { ALL_SCOPE, chinaDate, type Ctx } from '../../../platform/context.js';
import { atVersion, insertOwned, newId, updateVersioned } from '../../../platform/db/tx.js';
import { conflict, invalid, notFound } from '../../../platform/errors.js';
import { inScope } from '../../../platform/scope.js';
import { parseSort, parseInput } from '../../../platform/validation.js';
import { authorize } from '../../org/policy.js';
import {
  appendLogEntry,
  checkAfterLast,
  insertRecord,
  logStep,
  recordAudit,
  writeTxFor,
} from '../action-log.js';
import { resolveSubmitter, submitSubjectForReview } from '../review/service.js';
import { latestReviewOf } from '../review/store.js';
import { loadSettings } from '../settings.js';
import {
  type DocumentDetail,
  type DocumentSummary,
  presentDocument,
  presentDocumentDetail,
} from './present.js';
import {
  checkCommentPeriod,
  checkDocumentAction,
  checkFiling,
  checkReadyForReview,
  checkReviewGate,
  commentPeriod,
  effectiveDate,
  formatDocumentNumber,
  statusAfterCleanup,
  validUntil,
} from './rules.js';
import {
  CleanupResultInput,
  CreateCleanupInput,
  CreateDocumentInput,
  DocumentActionInput,
  type DocumentStatus,
} from './schema.js';
import {
  type DocumentFilter,
  documentSortColumns,
  findDocumentRow,
  listDocuments,
  loadDocumentEvents,
} from './store.js';
import { addCalendarDays } from '../../../platform/clock/index.js';

const notFoundDocument = () => notFound('legality.document.notFound', '规范性文件不存在或不在您的权限范围内');

/** 起草: registers a draft with its first text version (统一登记). */
export async function createDocument(ctx: Ctx, raw: unknown): Promise<DocumentDetail> {
  authorize(ctx.actor, 'legality:document:edit');
  const input = parseInput(CreateDocumentInput, raw);
  if (input.draftedOn > chinaDate(ctx.now()))
    throw invalid('legality.document.futureDate', '起草日期不能晚于今天', 'draftedOn');
  const org = await resolveSubmitter(ctx, input.orgId);
  const drafting = input.draftingOrgId ? await resolveSubmitter(ctx, input.draftingOrgId) : null;
  const id = await writeTxFor(ctx, async (trx, audit) => {
    const id = newId();
    const row = {
      id,
      region_code: org.regionCode,
      org_id: org.id,
      drafting_org_id: drafting?.id ?? null,
      title: input.title,
      body: input.body ?? '',
      provisional: input.provisional,
      market_related: input.marketRelated,
      status: 'drafting',
      drafted_on: input.draftedOn,
    };
    const drafted = { action: 'draft', date: input.draftedOn, data: {} };
    await insertRecord(trx, ctx, audit, 'document', row, drafted, {
      title: input.title,
      draftedOn: input.draftedOn,
      marketRelated: input.marketRelated,
    });
    await trx
      .insertInto('legality_document_version')
      .values({
        id: newId(),
        document_id: id,
        seq: 1,
        title: input.title,
        body: input.body ?? '',
        note: '起草稿',
        created_by: ctx.actor.userId,
      })
      .execute();
    return id;
  });
  return getDocument({ ...ctx, scope: ALL_SCOPE }, id);
}

/** One step of the lifecycle, checked against the status table and the gates. */
export async function recordDocumentAction(ctx: Ctx, id: string, raw: unknown): Promise<DocumentDetail> {
  const input = parseInput(DocumentActionInput, raw);
  authorize(
    ctx.actor,
    input.action === 'filingOutcome' ? 'legality:review:handle' : 'legality:document:edit',
  );
  const d = atVersion(await findDocumentRow(ctx.db, ctx.scope, id), input.version, notFoundDocument);
  const today = chinaDate(ctx.now());
  if (input.date > today) throw invalid('legality.document.futureDate', '日期不能晚于今天', 'date');
  checkDocumentAction(d.status as DocumentStatus, input.action);
  const events = await loadDocumentEvents(ctx.db, id);
  checkAfterLast('document', events.at(-1)?.occurred_on, input.date);
  const settings = await loadSettings(ctx.db, d.region_code);
  const calendar = await loadWorkCalendar(ctx.db);

  let set: Record<string, unknown> = {};
  let status: DocumentStatus = d.status as DocumentStatus;
  let data: Record<string, unknown> = {};
  switch (input.action) {
    case 'revise': {
      if (!input.title && input.body === undefined)
        throw invalid('legality.document.nothingToRevise', '请填写修改后的标题或正文', 'body');
      set = {
        ...(input.title ? { title: input.title } : {}),
        ...(input.body !== undefined ? { body: input.body } : {}),
      };
      data = { note: input.note ?? '' };
      break;
    }
    case 'openComment': {
      if (!input.commentFrom)
        throw invalid('legality.document.commentDates', '请填写征求意见开始日期', 'commentFrom');
      if (!input.commentTo)
        throw invalid('legality.document.commentDates', '请填写征求意见截止日期', 'commentTo');
      const p = commentPeriod(calendar, input.commentFrom, input.commentTo, d.market_related);
      checkCommentPeriod(p, input.commentFrom, input.commentTo, input.reason);
      set = {
        comment_from: input.commentFrom,
        comment_to: input.commentTo,
        comment_reason: p.short ? (input.reason ?? '') : '',
      };
      status = 'consulting';
      data = {
        commentFrom: input.commentFrom,
        commentTo: input.commentTo,
        workdays: p.workdays,
        reason: p.short ? input.reason : undefined,
      };
      break;
    }
    case 'fairCompetition': {
      set = { fair_competition_on: input.date };
      data = { note: input.note ?? '' };
      break;
    }
    case 'submitReview': {
      checkReadyForReview(d, input.date);
      if (d.review_id && (d.review_status === 'reviewing' || d.review_status === 'awaitingMaterials'))
        throw conflict('legality.document.reviewOpen', '该文件的合法性审核尚未办结,不能重复报送', {
          field: 'action',
        });
      status = 'reviewing';
      break;
    }
    case 'deliberate': {
      checkReviewGate(await latestReviewOf(ctx.db, id), '集体审议');
      if (!input.meeting)
        throw invalid('legality.document.meetingRequired', '请填写审议会议(如常务会议届次)', 'meeting');
      set = { deliberated_on: input.date, meeting: input.meeting };
      status = 'deliberated';
      data = { meeting: input.meeting };
      break;
    }
    case 'publish': {
      checkReviewGate(await latestReviewOf(ctx.db, id), '公布');
      const effectiveOn = effectiveDate(input.date, input.effectiveOn, input.reason);
      set = {
        published_on: input.date,
        effective_on: effectiveOn,
        effective_reason: effectiveOn < addCalendarDays(input.date, 30) ? (input.reason ?? '') : '',
        valid_until: validUntil(effectiveOn, d.provisional),
      };
      status = 'published';
      break;
    }
    case 'file': {
      if (d.filed_on)
        throw conflict('legality.document.filedAlready', '该文件已报送备案', { field: 'action' });
      const { late } = checkFiling(
        d.published_on as string,
        input.date,
        settings.filingDays,
        input.late,
        input.reason,
      );
      set = {
        filed_on: input.date,
        filing_receipt: input.receipt ?? '',
        filing_late: late,
        filing_late_reason: late ? (input.reason ?? '') : '',
      };
      data = { receipt: input.receipt ?? '', late };
      break;
    }
    case 'filingOutcome': {
      if (!d.filed_on) throw conflict('legality.document.notFiled', '文件尚未报送备案', { field: 'action' });
      if (!input.outcome) throw invalid('legality.document.outcomeRequired', '请选择备案审查结果', 'outcome');
      set = { filing_outcome: input.outcome, filing_outcome_on: input.date };
      if (input.outcome === 'revoked') {
        status = 'repealed';
        set.ended_on = input.date;
      }
      if (input.outcome === 'corrected') set.amended_on = input.date;
      data = { outcome: input.outcome, reason: input.reason };
      break;
    }
  }

  await writeTxFor(ctx, async (trx, audit) => {
    if (input.action === 'publish') {
      // 三统一: the next number of the region's year; the counter never goes back
      const year = Number(input.date.slice(0, 4));
      const c = await trx
        .insertInto('legality_document_counter')
        .values({ region_code: d.region_code, year, last_seq: 1 })
        .onConflict((oc) =>
          oc
            .columns(['region_code', 'year'])
            .doUpdateSet((eb) => ({ last_seq: eb('legality_document_counter.last_seq', '+', 1) })),
        )
        .returning('last_seq')
        .executeTakeFirstOrThrow();
      const number = formatDocumentNumber(settings.numberFormat, {
        abbr: settings.numberAbbr,
        year,
        seq: c.last_seq,
      });
      const taken = await trx
        .selectFrom('legality_document')
        .select('id')
        .where('region_code', '=', d.region_code)
        .where('doc_number', '=', number)
        .executeTakeFirst();
      if (taken)
        throw conflict('legality.document.numberTaken', `文号“${number}”已被使用,统一编号不得重复`, {
          field: 'docNumber',
        });
      set = { ...set, number_year: year, number_seq: c.last_seq, doc_number: number };
      data = { docNumber: number, effectiveOn: set.effective_on };
    }
    if (input.action === 'submitReview') {
      const reviewId = await submitSubjectForReview(trx, ctx, audit, {
        kind: 'normativeDocument',
        subject: d,
        act: input,
        defaultMaterials: ['送审稿', '起草说明', '征求意见及采纳情况'],
        settings,
        calendar,
      });
      set = { review_id: reviewId };
      data = { reviewId };
    }
    if (input.action === 'revise') {
      const n = await trx
        .selectFrom('legality_document')
        .select('version_count')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const current = await trx
        .selectFrom('legality_document')
        .select(['title', 'body'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('legality_document_version')
        .values({
          id: newId(),
          document_id: id,
          seq: n.version_count + 1,
          title: input.title ?? current.title,
          body: input.body ?? current.body,
          note: input.note ?? '',
          created_by: ctx.actor.userId,
        })
        .execute();
      set.version_count = n.version_count + 1;
    }
    await updateVersioned(trx, ctx, 'legality_document', id, input.version, {
      ...set,
      status,
    });
    await logStep(trx, ctx, audit, 'document', d, events.length + 1, {
      action: input.action,
      date: input.date,
      data,
    });
  });
  return getDocument({ ...ctx, scope: ALL_SCOPE }, id);
}

export async function getDocument(ctx: Ctx, id: string): Promise<DocumentDetail> {
  authorize(ctx.actor, 'legality:document:list');
  const d = await findDocumentRow(ctx.db, ctx.scope, id);
  if (!d) throw notFoundDocument();
  const settings = await loadSettings(ctx.db, d.region_code);
  return presentDocumentDetail(ctx.db, d, chinaDate(ctx.now()), settings.filingDays);
}

export async function searchDocuments(
  ctx: Ctx,
  filter: DocumentFilter & { sort?: string | undefined },
  page: { offset: number; limit: number },
): Promise<{ items: DocumentSummary[]; total: number }> {
  authorize(ctx.actor, 'legality:document:list');
  const { sort, ...f } = filter;
  const today = chinaDate(ctx.now());
  const settings = await loadSettings(ctx.db, ctx.actor.regionCode ?? '000000');
  const { rows, total } = await listDocuments(
    ctx.db,
    ctx.scope,
    f,
    addCalendarDays(today, -settings.filingDays),
    page,
    parseSort(sort, documentSortColumns),
  );
  return { items: rows.map((r) => presentDocument(r, today, settings.filingDays)), total };
}

/** 清理: a campaign the office opens; each document then gets an outcome with a reason. */
export async function createCleanup(ctx: Ctx, raw: unknown): Promise<{ id: string }> {
  authorize(ctx.actor, 'legality:review:handle');
  const input = parseInput(CreateCleanupInput, raw);
  const org = await resolveSubmitter(ctx, input.orgId);
  const row = { id: newId(), region_code: org.regionCode, org_id: org.id };
  const cleanup = { ...row, name: input.name, started_on: input.startedOn };
  await writeTxFor(ctx, (trx, audit) =>
    insertOwned(trx, audit, ctx.actor, 'legality_cleanup', 'legality.cleanup.create', cleanup, input),
  );
  return { id: row.id };
}

export async function recordCleanupResult(
  ctx: Ctx,
  cleanupId: string,
  raw: unknown,
): Promise<DocumentDetail> {
  authorize(ctx.actor, 'legality:review:handle');
  const input = parseInput(CleanupResultInput, raw);
  const campaign = await ctx.db
    .selectFrom('legality_cleanup')
    .selectAll()
    .where('id', '=', cleanupId)
    .where(inScope(ctx.scope))
    .executeTakeFirst();
  const d = await findDocumentRow(ctx.db, ctx.scope, input.documentId);
  if (!campaign || !d)
    throw notFound('legality.cleanup.notFound', '清理活动或文件不存在或不在您的权限范围内');
  checkDocumentAction(d.status as DocumentStatus, 'cleanup');
  if (input.decidedOn < campaign.started_on)
    throw invalid('legality.cleanup.dateOrder', '清理结论日期不能早于清理活动开始日期', 'decidedOn');
  if (input.decidedOn > chinaDate(ctx.now()))
    throw invalid('legality.cleanup.futureDate', '日期不能晚于今天', 'decidedOn');
  const events = await loadDocumentEvents(ctx.db, d.id);
  const ends = statusAfterCleanup(input.outcome);
  await writeTxFor(ctx, async (trx, audit) => {
    await trx
      .insertInto('legality_cleanup_result')
      .values({
        id: newId(),
        cleanup_id: cleanupId,
        document_id: d.id,
        region_code: d.region_code,
        org_id: d.org_id,
        outcome: input.outcome,
        reason: input.reason,
        decided_on: input.decidedOn,
      })
      .execute();
    await trx
      .updateTable('legality_document')
      .set((eb) => ({
        ...(ends ? { status: ends, ended_on: input.decidedOn } : {}),
        ...(input.outcome === 'amend' ? { amended_on: input.decidedOn } : {}),
        updated_by: ctx.actor.userId,
        updated_at: ctx.now(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', d.id)
      .execute();
    await appendLogEntry(trx, ctx, 'document', d, events.length + 1, {
      action: 'cleanup',
      date: input.decidedOn,
      data: { outcome: input.outcome, reason: input.reason, campaign: campaign.name },
    });
    audit(recordAudit('legality.cleanup.result', 'legality_document', d, input));
  });
  return getDocument({ ...ctx, scope: ALL_SCOPE }, d.id);
}
