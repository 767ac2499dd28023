import { loadWorkCalendar, type WorkCalendar } from '../../../platform/calendar/index.js';
import { ALL_SCOPE, chinaDate, type Ctx } from '../../../platform/context.js';
import type { AuditInput } from '../../../platform/audit/audit.js';
import { atVersion, newId, updateVersioned } from '../../../platform/db/tx.js';
import type { Tx } from '../../../platform/db/types.js';
import { invalid, notFound } from '../../../platform/errors.js';
import { parseSort, parseInput } from '../../../platform/validation.js';
import { getOrg } from '../../org/org-service.js';
import { authorize } from '../../org/policy.js';
import { insertRecord, logStep, writeTxFor } from '../action-log.js';
import { type LegalitySettings, loadSettings } from '../settings.js';
import { type ReviewDetail, type ReviewSummary, presentReview, presentReviewDetail } from './present.js';
import { checkAnswers, checkReviewAction, projectReview, type ReviewClock } from './rules.js';
import {
  AnswerInput,
  type Conclusion,
  type ReviewAction,
  ReviewActionInput,
  type ReviewLogEntry,
  type ReviewStatus,
  type Reviewer,
  SubmitReviewInput,
} from './schema.js';
import {
  findReviewRow,
  listReviews,
  loadOpinions,
  loadReviewLog,
  type ReviewFilter,
  type ReviewRow,
  reviewSortColumns,
} from './store.js';

const notFoundReview = () => notFound('legality.review.notFound', '审查事项不存在或不在您的权限范围内');

const clockOf = (
  r: { period_workdays: number; extension_workdays: number },
  dueSoonDays: number,
): ReviewClock => ({
  periodWorkdays: r.period_workdays,
  extensionWorkdays: r.extension_workdays,
  dueSoonDays,
});

/** What the desk work log records for an adviser who reviewed an object of this kind. */
const workKindOf = (kind: string) =>
  kind === 'contract'
    ? 'contractReview'
    : kind === 'majorDecision'
      ? 'decisionReview'
      : kind === 'normativeDocument'
        ? 'documentReview'
        : 'opinion';

/**
 * Puts an item on the desk inside the caller's transaction (the documents and decisions of this
 * domain submit through it, so the item and its review commit together). The region's clock is
 * copied onto the review.
 */
export async function insertReview(
  trx: Tx,
  ctx: Ctx,
  audit: (e: AuditInput) => void,
  args: {
    input: SubmitReviewInput;
    org: { id: string; regionCode: string };
    subjectId: string | null;
    clock: ReviewClock;
    calendar: WorkCalendar;
  },
): Promise<string> {
  const { input, org, clock } = args;
  const submitted: ReviewLogEntry = { action: 'submit', date: input.submittedOn, data: {} };
  const p = projectReview([submitted], clock, args.calendar);
  const row = {
    id: newId(),
    region_code: org.regionCode,
    org_id: org.id,
    kind: input.kind,
    title: input.title,
    subject_id: args.subjectId,
    item_count: input.itemCount ?? 1,
    submitted_on: input.submittedOn,
    materials: JSON.stringify(input.materials),
    reviewers: JSON.stringify(input.reviewers ?? []),
    period_workdays: clock.periodWorkdays,
    extension_workdays: clock.extensionWorkdays,
    status: p.status,
    due_on: p.dueOn,
    due_soon_on: p.dueSoonOn,
    action_count: 1,
  };
  await insertRecord(trx, ctx, audit, 'review', row, submitted, {
    kind: input.kind,
    title: input.title,
    submittedOn: input.submittedOn,
    dueOn: p.dueOn,
  });
  return row.id;
}

/** The clock a region's 审查 settings give a review submitted now. */
const settingsClock = (s: LegalitySettings): ReviewClock => ({
  periodWorkdays: s.reviewWorkdays,
  extensionWorkdays: s.extensionWorkdays,
  dueSoonDays: s.dueSoonDays,
});

/**
 * 送审 from another ledger (a normative document's 送审稿, a major decision's 草案): the desk's
 * review of `subject` under the region's settings, with the materials the act lists or, when it
 * lists none, those the subject's kind is submitted with. Answers the review's id.
 */
export function submitSubjectForReview(
  trx: Tx,
  ctx: Ctx,
  audit: (e: AuditInput) => void,
  args: {
    kind: SubmitReviewInput['kind'];
    subject: { id: string; title: string; org_id: string; region_code: string };
    act: {
      date: string;
      materials?: SubmitReviewInput['materials'] | undefined;
      reviewers?: SubmitReviewInput['reviewers'] | undefined;
    };
    defaultMaterials: string[];
    settings: LegalitySettings;
    calendar: WorkCalendar;
  },
): Promise<string> {
  const { subject, act } = args;
  return insertReview(trx, ctx, audit, {
    input: {
      kind: args.kind,
      title: subject.title,
      submittedOn: act.date,
      materials: act.materials?.length ? act.materials : args.defaultMaterials.map((name) => ({ name })),
      ...(act.reviewers ? { reviewers: act.reviewers } : {}),
    },
    org: { id: subject.org_id, regionCode: subject.region_code },
    subjectId: subject.id,
    clock: settingsClock(args.settings),
    calendar: args.calendar,
  });
}

export async function resolveSubmitter(ctx: Ctx, orgId: string | undefined) {
  const id = orgId ?? ctx.actor.orgId;
  if (!id) throw invalid('legality.review.orgRequired', '请选择报送单位', 'orgId');
  const org = await getOrg(ctx, id).catch(() => {
    throw invalid('legality.review.orgNotFound', '报送单位不存在或不在您的权限范围内', 'orgId');
  });
  return { id: org.id, regionCode: org.regionCode, name: org.name };
}

function checkSubmitDate(submittedOn: string, today: string) {
  if (submittedOn > today) throw invalid('legality.review.futureDate', '报送日期不能晚于今天', 'submittedOn');
}

/** 报送合法性审查: any object the desk reviews (see api.ts for other domains). */
export async function submitReview(
  ctx: Ctx,
  raw: unknown,
  subjectId: string | null = null,
): Promise<ReviewDetail> {
  authorize(ctx.actor, 'legality:review:submit');
  const input = parseInput(SubmitReviewInput, raw);
  checkSubmitDate(input.submittedOn, chinaDate(ctx.now()));
  const org = await resolveSubmitter(ctx, input.orgId);
  const settings = await loadSettings(ctx.db, org.regionCode);
  const calendar = await loadWorkCalendar(ctx.db);
  const id = await writeTxFor(ctx, (trx, audit) =>
    insertReview(trx, ctx, audit, {
      input,
      org,
      subjectId,
      clock: settingsClock(settings),
      calendar,
    }),
  );
  return getReview({ ...ctx, scope: ALL_SCOPE }, id);
}

/** 补充材料, 延长, 出具意见 (itemised), 撤回: one act, checked against the log. */
export async function recordReviewAction(ctx: Ctx, id: string, raw: unknown): Promise<ReviewDetail> {
  const input = parseInput(ReviewActionInput, raw);
  authorize(ctx.actor, input.action === 'withdraw' ? 'legality:review:submit' : 'legality:review:handle');
  const row = atVersion(await findReviewRow(ctx.db, ctx.scope, id), input.version, notFoundReview);
  const log = (await loadReviewLog(ctx.db, id)).map((l) => l.entry);
  const today = chinaDate(ctx.now());
  const opinions = input.opinions?.filter((o) => o.length > 0) ?? [];
  checkReviewAction(row.status as ReviewStatus, log, { ...input, opinions }, today);
  const entry: ReviewLogEntry = {
    action: input.action as ReviewAction,
    date: input.date,
    data: {
      ...(input.reason ? { reason: input.reason } : {}),
      ...(input.conclusion ? { conclusion: input.conclusion as Conclusion } : {}),
    },
  };
  const settings = await loadSettings(ctx.db, row.region_code);
  const p = projectReview(
    [...log, entry],
    clockOf(row, settings.dueSoonDays),
    await loadWorkCalendar(ctx.db),
  );
  const reviewers: Reviewer[] = input.reviewers ?? (row.reviewers as Reviewer[]);
  await writeTxFor(ctx, async (trx, audit) => {
    await updateVersioned(trx, ctx, 'legality_review', id, input.version, {
      status: p.status,
      conclusion: p.conclusion,
      concluded_on: p.concludedOn,
      due_on: p.dueOn,
      due_soon_on: p.dueSoonOn,
      extended: p.extended,
      paused_since: p.pausedSince,
      paused_days: p.pausedDays,
      reviewers: JSON.stringify(reviewers),
      ...(input.action === 'conclude' ? { opinion_count: opinions.length } : {}),
      action_count: log.length + 1,
    });
    await logStep(trx, ctx, audit, 'review', row, log.length + 1, entry, {
      date: input.date,
      ...entry.data,
      opinions: opinions.length || undefined,
      dueOn: p.dueOn,
    });
    if (input.action === 'conclude') {
      if (opinions.length > 0)
        await trx
          .insertInto('legality_review_opinion')
          .values(
            opinions.map((body, i) => ({
              id: newId(),
              review_id: id,
              region_code: row.region_code,
              org_id: row.org_id,
              seq: i + 1,
              body,
            })),
          )
          .execute();
      // the work log of each 法律顾问 / 公职律师 who reviewed fills itself from the desk
      const advisers = reviewers.filter((r) => r.adviserId);
      if (advisers.length > 0)
        await trx
          .insertInto('legality_adviser_work')
          .values(
            advisers.map((a) => ({
              id: newId(),
              adviser_id: a.adviserId as string,
              region_code: row.region_code,
              org_id: row.org_id,
              kind: workKindOf(row.kind),
              occurred_on: input.date,
              title: row.title,
              count: 1,
              source: 'desk',
              review_id: id,
              created_by: ctx.actor.userId,
              updated_by: ctx.actor.userId,
            })),
          )
          .execute();
    }
  });
  return getReview({ ...ctx, scope: ALL_SCOPE }, id);
}

/** 反馈采纳情况: the submitter answers every opinion (采纳 / 部分采纳 / 不采纳 + reason). */
export async function answerOpinions(ctx: Ctx, id: string, raw: unknown): Promise<ReviewDetail> {
  authorize(ctx.actor, 'legality:review:submit');
  const input = parseInput(AnswerInput, raw);
  const row = atVersion(await findReviewRow(ctx.db, ctx.scope, id), input.version, notFoundReview);
  const log = (await loadReviewLog(ctx.db, id)).map((l) => l.entry);
  const today = chinaDate(ctx.now());
  checkReviewAction(row.status as ReviewStatus, log, { action: 'answer', date: input.date }, today);
  const opinions = await loadOpinions(ctx.db, id);
  if (opinions.length === 0)
    throw invalid('legality.review.noOpinions', '本次审查没有需要反馈的意见', 'answers');
  checkAnswers(
    opinions.map((o) => o.id),
    input.answers,
  );
  await writeTxFor(ctx, async (trx, audit) => {
    await updateVersioned(trx, ctx, 'legality_review', id, input.version, {
      status: 'answered',
      action_count: log.length + 1,
    });
    for (const a of input.answers)
      await trx
        .updateTable('legality_review_opinion')
        .set({ adoption: a.adoption, adoption_reason: a.reason ?? '', answered_on: input.date })
        .where('id', '=', a.opinionId)
        .execute();
    const answered = { action: 'answer', date: input.date, data: {} };
    await logStep(trx, ctx, audit, 'review', row, log.length + 1, answered, {
      date: input.date,
      answers: input.answers,
    });
  });
  return getReview({ ...ctx, scope: ALL_SCOPE }, id);
}

export async function getReview(ctx: Ctx, id: string): Promise<ReviewDetail> {
  authorize(ctx.actor, 'legality:review:list');
  const row = await findReviewRow(ctx.db, ctx.scope, id);
  if (!row) throw notFoundReview();
  return detailOf(ctx, row);
}

async function detailOf(ctx: Ctx, row: ReviewRow): Promise<ReviewDetail> {
  const settings = await loadSettings(ctx.db, row.region_code);
  const [log, opinions] = await Promise.all([loadReviewLog(ctx.db, row.id), loadOpinions(ctx.db, row.id)]);
  return presentReviewDetail(
    row,
    log,
    opinions,
    chinaDate(ctx.now()),
    settings.dueSoonDays,
    await loadWorkCalendar(ctx.db),
  );
}

export async function searchReviews(
  ctx: Ctx,
  filter: ReviewFilter & { sort?: string | undefined },
  page: { offset: number; limit: number },
): Promise<{ items: ReviewSummary[]; total: number }> {
  authorize(ctx.actor, 'legality:review:list');
  const { sort, ...f } = filter;
  const today = chinaDate(ctx.now());
  const { rows, total } = await listReviews(
    ctx.db,
    ctx.scope,
    f,
    today,
    page,
    parseSort(sort, reviewSortColumns),
  );
  const calendar = await loadWorkCalendar(ctx.db);
  return { items: rows.map((r) => presentReview(r, today, calendar)), total };
}
