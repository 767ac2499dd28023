import { parseInput } from '../../../platform/validation.js';
import { loadWorkCalendar } from '../../../platform/calendar/index.js';
import { ALL_SCOPE, chinaDate, type Ctx } from '../../../platform/context.js';
import { atVersion, newId, updateVersioned } from '../../../platform/db/tx.js';
import type { Tx } from '../../../platform/db/types.js';
import { conflict, invalid, notFound } from '../../../platform/errors.js';
import { authorize } from '../../org/policy.js';
import { appendLogEntry, checkAfterLast, insertRecord, logStep, writeTxFor } from '../action-log.js';
import { reviewPassed } from '../review/rules.js';
import { resolveSubmitter, submitSubjectForReview } from '../review/service.js';
import { latestReviewOf } from '../review/store.js';
import { loadSettings } from '../settings.js';
import {
  type CatalogueSummary,
  type DecisionDetail,
  type DecisionSummary,
  presentCatalogue,
  presentDecision,
  presentDecisionDetail,
} from './present.js';
import {
  checkAdjustment,
  checkArchive,
  checkCatalogueAction,
  checkDecisionAction,
  checkDecisionComment,
  checkDecisionPublication,
  checkDiscussion,
  checkEvaluation,
  checkExperts,
  checkReadyForDiscussion,
  checkRisk,
  checkWaiver,
  type DecisionLogEntry,
  projectDecision,
} from './rules.js';
import {
  CatalogueActionInput,
  type CatalogueStatus,
  CreateCatalogueInput,
  DecisionActionInput,
  type DecisionStatus,
  ListDecisionInput,
} from './schema.js';
import {
  type DecisionFilter,
  findCatalogueRow,
  findDecisionRow,
  listCatalogues,
  listDecisions,
  loadCatalogueEvents,
  loadDecisionLog,
} from './store.js';

const notFoundDecision = () =>
  notFound('legality.decision.notFound', '重大行政决策不存在或不在您的权限范围内');
const notFoundCatalogue = () =>
  notFound('legality.catalogue.notFound', '决策事项目录不存在或不在您的权限范围内');

/** 调整: a published catalogue gains or loses an item (第三条第三款); the change is logged with its reason. */
async function adjustCatalogue(
  trx: Tx,
  ctx: Ctx,
  c: { id: string; region_code: string; org_id: string },
  seq: number,
  date: string,
  data: Record<string, unknown>,
) {
  await trx
    .updateTable('legality_catalogue')
    .set((eb) => ({ adjustment_count: eb('adjustment_count', '+', 1), version: eb('version', '+', 1) }))
    .where('id', '=', c.id)
    .execute();
  await appendLogEntry(trx, ctx, 'catalogue', c, seq, { action: 'adjust', date, data });
}

function checkDate(ctx: Ctx, date: string, field: string) {
  if (date > chinaDate(ctx.now())) throw invalid('legality.decision.futureDate', '日期不能晚于今天', field);
}

/** 拟定年度决策事项目录 (第三条); one per 决策机关 and year. */
export async function createCatalogue(ctx: Ctx, raw: unknown): Promise<CatalogueSummary> {
  authorize(ctx.actor, 'legality:decision:edit');
  const input = parseInput(CreateCatalogueInput, raw);
  checkDate(ctx, input.draftedOn, 'draftedOn');
  const org = await resolveSubmitter(ctx, input.orgId);
  const id = newId();
  await writeTxFor(ctx, async (trx, audit) => {
    const taken = await trx
      .selectFrom('legality_catalogue')
      .select('id')
      .where('org_id', '=', org.id)
      .where('year', '=', input.year)
      .executeTakeFirst();
    if (taken)
      throw conflict('legality.catalogue.exists', `${org.name} ${input.year} 年度的决策事项目录已经建立`, {
        field: 'year',
      });
    const row = { id, region_code: org.regionCode, org_id: org.id, year: input.year, status: 'drafted' };
    const drafted = { action: 'draft', date: input.draftedOn, data: { year: input.year } };
    await insertRecord(trx, ctx, audit, 'catalogue', row, drafted, { year: input.year });
  });
  return getCatalogue({ ...ctx, scope: ALL_SCOPE }, id);
}

/** 报同级党委同意, then 向社会公布 (第三条第三款). */
export async function recordCatalogueAction(ctx: Ctx, id: string, raw: unknown): Promise<CatalogueSummary> {
  authorize(ctx.actor, 'legality:decision:edit');
  const input = parseInput(CatalogueActionInput, raw);
  const c = atVersion(await findCatalogueRow(ctx.db, ctx.scope, id), input.version, notFoundCatalogue);
  checkDate(ctx, input.date, 'date');
  checkCatalogueAction(c.status as CatalogueStatus, input.action);
  const events = await loadCatalogueEvents(ctx.db, id);
  checkAfterLast('catalogue', events.at(-1)?.occurred_on, input.date);
  let set: Record<string, unknown>;
  if (input.action === 'agree') {
    if (!input.agreedBy || input.agreedBy.length < 2)
      throw invalid('legality.catalogue.agreedByRequired', '请填写党委同意的会议或文件', 'agreedBy');
    set = { status: 'agreed', agreed_on: input.date, agreed_by: input.agreedBy };
  } else {
    if (!input.channel || input.channel.length < 2)
      throw invalid('legality.catalogue.channelRequired', '请填写公布渠道(政府网站、公报等)', 'channel');
    set = { status: 'published', published_on: input.date, channel: input.channel };
  }
  await writeTxFor(ctx, async (trx, audit) => {
    await updateVersioned(trx, ctx, 'legality_catalogue', id, input.version, set);
    const data = { agreedBy: input.agreedBy, channel: input.channel };
    await logStep(trx, ctx, audit, 'catalogue', c, events.length + 1, {
      action: input.action,
      date: input.date,
      data,
    });
  });
  return getCatalogue({ ...ctx, scope: ALL_SCOPE }, id);
}

export async function getCatalogue(ctx: Ctx, id: string) {
  authorize(ctx.actor, 'legality:decision:list');
  const c = await findCatalogueRow(ctx.db, ctx.scope, id);
  if (!c) throw notFoundCatalogue();
  return presentCatalogue(c);
}

export async function searchCatalogues(ctx: Ctx, year?: number): Promise<CatalogueSummary[]> {
  authorize(ctx.actor, 'legality:decision:list');
  return (await listCatalogues(ctx.db, ctx.scope, year)).map(presentCatalogue);
}

/** 列入目录: a decision enters the catalogue; after publication only as an adjustment with its reason. */
export async function listDecision(ctx: Ctx, catalogueId: string, raw: unknown): Promise<DecisionDetail> {
  authorize(ctx.actor, 'legality:decision:edit');
  const input = parseInput(ListDecisionInput, raw);
  checkDate(ctx, input.listedOn, 'listedOn');
  const c = await findCatalogueRow(ctx.db, ctx.scope, catalogueId);
  if (!c) throw notFoundCatalogue();
  const adjustment = checkAdjustment(c.status as CatalogueStatus, input.reason);
  const events = await loadCatalogueEvents(ctx.db, catalogueId);
  const id = newId();
  await writeTxFor(ctx, async (trx, audit) => {
    const row = {
      id,
      region_code: c.region_code,
      org_id: c.org_id,
      catalogue_id: c.id,
      year: c.year,
      title: input.title,
      category: input.category,
      market_related: input.marketRelated,
      undertaking_org: input.undertakingOrg ?? '',
      listed_on: input.listedOn,
      status: 'preparing',
      action_count: 1,
    };
    const listed = { action: 'list', date: input.listedOn, data: {} };
    await insertRecord(trx, ctx, audit, 'decision', row, listed, {
      title: input.title,
      catalogue: c.year,
      adjustment,
      reason: input.reason,
    });
    if (adjustment) {
      await adjustCatalogue(trx, ctx, c, events.length + 1, input.listedOn, {
        added: input.title,
        reason: input.reason,
      });
    }
  });
  return getDecision({ ...ctx, scope: ALL_SCOPE }, id);
}

/** One step of a decision's procedure, checked against the status table and the articles' gates. */
export async function recordDecisionAction(ctx: Ctx, id: string, raw: unknown): Promise<DecisionDetail> {
  const input = parseInput(DecisionActionInput, raw);
  authorize(ctx.actor, 'legality:decision:edit');
  const d = atVersion(await findDecisionRow(ctx.db, ctx.scope, id), input.version, notFoundDecision);
  checkDate(ctx, input.date, 'date');
  checkDecisionAction(d.status as DecisionStatus, input.action);
  const log = await loadDecisionLog(ctx.db, id);
  checkAfterLast('decision', log.at(-1)?.date, input.date);
  const before = projectDecision(log);
  let data: Record<string, unknown> = {};
  switch (input.action) {
    case 'publicComment': {
      if (!input.commentFrom)
        throw invalid('legality.decision.commentDates', '请填写征求意见开始日期', 'commentFrom');
      if (!input.commentTo)
        throw invalid('legality.decision.commentDates', '请填写征求意见截止日期', 'commentTo');
      const days = checkDecisionComment(input.commentFrom, input.commentTo, input.reason);
      data = {
        commentFrom: input.commentFrom,
        commentTo: input.commentTo,
        days,
        commentCount: input.commentCount ?? 0,
        reason: days < 30 ? input.reason : undefined,
      };
      break;
    }
    case 'hearing':
      data = { participants: input.participants ?? 0, note: input.note ?? '' };
      break;
    case 'expertReview':
      checkExperts(input.experts);
      data = { experts: input.experts, note: input.note ?? '' };
      break;
    case 'riskAssessment':
      checkRisk(input.riskLevel, input.mitigation);
      data = { riskLevel: input.riskLevel, mitigation: input.mitigation ?? '', note: input.note ?? '' };
      break;
    case 'waive':
      checkWaiver(input.procedure, input.reason);
      data = { procedure: input.procedure, reason: input.reason };
      break;
    case 'submitReview': {
      const open = await latestReviewOf(ctx.db, id);
      if (open && (open.status === 'reviewing' || open.status === 'awaitingMaterials'))
        throw conflict('legality.decision.reviewOpen', '该决策的合法性审查尚未办结,不能重复报送', {
          field: 'action',
        });
      break;
    }
    case 'discuss': {
      const review = await latestReviewOf(ctx.db, id);
      checkReadyForDiscussion(before, reviewPassed(review?.conclusion ?? null));
      if (!input.meeting || input.meeting.length < 2)
        throw invalid(
          'legality.decision.meetingRequired',
          '请填写会议名称(常务会议或全体会议届次)',
          'meeting',
        );
      const rec = checkDiscussion(input.attendance, input.opinions, input.result, input.reason);
      data = {
        meeting: input.meeting,
        result: input.result,
        attendance: input.attendance,
        opinions: input.opinions,
        dissent: rec.dissent,
        majority: rec.majority,
        reason: input.reason ?? '',
      };
      break;
    }
    case 'publish':
      checkDecisionPublication(before, input.channel, input.adoptionNote);
      data = { channel: input.channel, adoptionNote: input.adoptionNote ?? '' };
      break;
    case 'archive':
      if (before.archivedOn)
        throw conflict('legality.decision.archivedAlready', '该决策已归档', { field: 'action' });
      checkArchive(before, input.archived);
      data = { archived: input.archived };
      break;
    case 'execute':
      if (before.executingFrom)
        throw conflict('legality.decision.executingAlready', '该决策已组织执行', { field: 'action' });
      if (!input.executor || input.executor.length < 2)
        throw invalid('legality.decision.executorRequired', '请填写决策执行单位', 'executor');
      data = { executor: input.executor };
      break;
    case 'evaluate':
      checkEvaluation(before, input.trigger);
      data = {
        trigger: input.trigger,
        thirdParty: input.thirdParty ?? false,
        outcome: input.outcome ?? 'continue',
        note: input.note ?? '',
      };
      break;
    case 'withdraw':
      if (!input.reason || input.reason.length < 2)
        throw invalid(
          'legality.catalogue.adjustReason',
          '调出决策事项目录须说明理由(重大行政决策程序暂行条例 第三条)',
          'reason',
        );
      data = { reason: input.reason };
      break;
  }

  const settings = input.action === 'submitReview' ? await loadSettings(ctx.db, d.region_code) : null;
  const calendar = input.action === 'submitReview' ? await loadWorkCalendar(ctx.db) : null;
  await writeTxFor(ctx, async (trx, audit) => {
    if (input.action === 'submitReview' && settings && calendar) {
      const reviewId = await submitSubjectForReview(trx, ctx, audit, {
        kind: 'majorDecision',
        subject: d,
        act: input,
        defaultMaterials: ['决策草案', '起草说明', '公众参与、专家论证、风险评估材料'],
        settings,
        calendar,
      });
      data = { reviewId };
    }
    const entry: DecisionLogEntry = { action: input.action, date: input.date, data };
    const p = projectDecision([...log, entry]);
    await updateVersioned(trx, ctx, 'legality_decision', id, input.version, {
      status: p.status,
      comment_from: p.commentFrom,
      comment_to: p.commentTo,
      comment_count: p.commentCount,
      hearing_on: p.hearingOn,
      expert_on: p.expertOn,
      risk_on: p.riskOn,
      risk_level: p.riskLevel,
      waived: Object.keys(p.waived),
      review_id: p.reviewIds.at(-1) ?? null,
      discussed_on: p.discussedOn,
      meeting: p.meeting,
      decided_on: p.decidedOn,
      published_on: p.publishedOn,
      archived_on: p.archivedOn,
      executing_from: p.executingFrom,
      evaluated_on: p.evaluatedOn,
      evaluation_count: p.evaluationCount,
      action_count: log.length + 1,
    });
    await logStep(trx, ctx, audit, 'decision', d, log.length + 1, entry);
    if (input.action === 'withdraw') {
      const events = await loadCatalogueEvents(trx, d.catalogue_id);
      await adjustCatalogue(
        trx,
        ctx,
        { id: d.catalogue_id, region_code: d.region_code, org_id: d.org_id },
        events.length + 1,
        input.date,
        { removed: d.title, reason: input.reason },
      );
    }
  });
  return getDecision({ ...ctx, scope: ALL_SCOPE }, id);
}

export async function getDecision(ctx: Ctx, id: string): Promise<DecisionDetail> {
  authorize(ctx.actor, 'legality:decision:list');
  const d = await findDecisionRow(ctx.db, ctx.scope, id);
  if (!d) throw notFoundDecision();
  const log = await loadDecisionLog(ctx.db, id);
  return presentDecisionDetail(d, projectDecision(log), log);
}

export async function searchDecisions(
  ctx: Ctx,
  filter: DecisionFilter,
  page: { offset: number; limit: number },
): Promise<{ items: DecisionSummary[]; total: number }> {
  authorize(ctx.actor, 'legality:decision:list');
  const { rows, total } = await listDecisions(ctx.db, ctx.scope, filter, page);
  return { items: rows.map(presentDecision), total };
}
