import { loadWorkCalendar, type WorkCalendar } from '../../../platform/calendar/index.js';
import { ALL_SCOPE, type Ctx, SYSTEM_ACTOR, today } from '../../../platform/context.js';
import { atVersion, newId, updateVersioned, writeTx } from '../../../platform/db/tx.js';
import type { Tx } from '../../../platform/db/types.js';
import { invalid, notFound } from '../../../platform/errors.js';
import { checkNotAfterToday } from '../../../platform/service/dates.js';
import { parseInput, parseSort } from '../../../platform/validation.js';
import { getCase } from '../../enforcement/cases/service.js';
import { submitForReview } from '../../legality/api.js';
import { getOrg } from '../../org/org-service.js';
import { authorize } from '../../org/policy.js';
import { type ReconDetail, type ReconSummary, presentRecon, presentReconDetail } from './present.js';
import { projectRecon } from './projection.js';
import {
  type ActFacts,
  applicationPeriod,
  automaticAct,
  checkReconAction,
  filedOnFor,
  preconditionRequired,
  simpleGround,
} from './rules.js';
import {
  CreateReconInput,
  type PenaltyType,
  type ReconActionRecord,
  RecordReconActionInput,
  reconFieldLabels,
} from './schema.js';
import {
  findReconRow,
  listRecons,
  loadReconActions,
  nextCaseSerial,
  openReviewIds,
  type ReconFilter,
  type ReconRow,
  reconSortColumns,
} from './store.js';

const notFoundRecon = () =>
  notFound('disputes.reconsideration.notFound', '复议案件不存在或不在您的权限范围内');

/** Penalty kinds of the enforcement domain → the 复议 act's penalty types. */
const PENALTY_FROM_CASE: Record<string, PenaltyType> = {
  warning: 'warning',
  circulate: 'criticism',
  fine: 'fine',
  confiscate: 'confiscation',
};

function actFacts(
  r: Pick<
    ReconRow,
    'act_kind' | 'act_on_the_spot' | 'act_penalty_types' | 'act_amount' | 'parties_agree_simple'
  >,
): ActFacts {
  return {
    kind: r.act_kind as ActFacts['kind'],
    onTheSpot: r.act_on_the_spot,
    penaltyTypes: r.act_penalty_types as PenaltyType[],
    amount: r.act_amount === null ? null : Number(r.act_amount),
    partiesAgreeSimple: r.parties_agree_simple,
  };
}

export interface CreateOptions {
  /** online applications: the receipt number and the hash of the lookup secret */
  receipt?: { receiptNo: string; secretHash: string };
}

/** 收到复议申请 (第二十二条): the case opens with the application; the respondent is an org of the tree. */
export async function createReconsideration(
  ctx: Ctx,
  raw: unknown,
  opts: CreateOptions = {},
): Promise<ReconDetail> {
  authorize(ctx.actor, 'disputes:reconsideration:edit');
  const input = parseInput(CreateReconInput, raw, { labels: reconFieldLabels });
  const t = today(ctx);
  checkNotAfterToday(
    'disputes.reconsideration.futureDate',
    { label: '收到申请日期', on: input.receivedOn, field: 'receivedOn' },
    t,
  );
  if (input.act.knownOn > input.receivedOn)
    throw invalid(
      'disputes.reconsideration.knownAfterReceipt',
      '知道该行政行为的日期晚于收到申请的日期',
      'act.knownOn',
    );
  if (input.filedOn && input.filedOn > input.receivedOn)
    throw invalid(
      'disputes.reconsideration.filedAfterReceipt',
      '寄出或递交日期晚于收到申请的日期',
      'filedOn',
    );
  if (input.channel === 'online' && !opts.receipt && ctx.actor !== SYSTEM_ACTOR) {
    // staff record 网上 applications only through the portal, so every one has a receipt number
    throw invalid(
      'disputes.reconsideration.onlineByPortal',
      '网上申请由申请人在门户网站提交,请选择其他申请方式',
      'channel',
    );
  }
  const respondent = await getOrg(ctx, input.respondentOrgId).catch(() => {
    throw invalid(
      'disputes.reconsideration.respondentUnknown',
      '被申请人不存在或不在您的权限范围内',
      'respondentOrgId',
    );
  });
  let act = input.act;
  if (act.enforcementCaseId) {
    // the contested act is an enforcement decision: its facts come from the case, read through the enforcement domain
    const c = await getCase(ctx, act.enforcementCaseId);
    if (c.orgId !== respondent.id)
      throw invalid(
        'disputes.reconsideration.caseNotRespondent',
        `执法案件${c.caseNo}不是被申请人作出的`,
        'act.enforcementCaseId',
      );
    act = {
      ...act,
      documentNo: act.documentNo ?? c.caseNo,
      actedOn: act.actedOn ?? c.decidedOn ?? undefined,
      onTheSpot: act.onTheSpot || c.procedure === 'summary',
      penaltyTypes: act.penaltyTypes.length
        ? act.penaltyTypes
        : c.penalties.flatMap((p) => PENALTY_FROM_CASE[p] ?? []),
      amount: act.amount ?? c.amount ?? undefined,
    };
  }
  const calendar = await loadWorkCalendar(ctx.db);
  const log: ReconActionRecord[] = [
    { action: 'apply', date: input.receivedOn, data: {}, actorId: ctx.actor.userId },
  ];
  const { dues: _dues, ...projection } = projectRecon(log, calendar);
  const year = Number(input.receivedOn.slice(0, 4));
  const id = await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    const id = newId();
    const caseNo = `行复〔${year}〕${await nextCaseSerial(trx, respondent.regionCode, year)}号`;
    await trx
      .insertInto('disputes_reconsideration')
      .values({
        id,
        region_code: respondent.regionCode,
        org_id: respondent.id,
        case_no: caseNo,
        channel: input.channel,
        received_on: input.receivedOn,
        filed_on: filedOnFor(input.channel, input.receivedOn, input.filedOn),
        applicant_kind: input.applicantKind,
        applicant_name: input.applicantName,
        applicant_id_no: input.applicantIdNo || null,
        applicant_phone: input.applicantPhone || null,
        applicant_address: input.applicantAddress || null,
        agent_name: input.agentName || null,
        third_parties: JSON.stringify(input.thirdParties),
        act_title: act.title,
        act_document_no: act.documentNo || null,
        act_kind: act.kind,
        act_on: act.actedOn ?? null,
        act_known_on: act.knownOn,
        act_on_the_spot: act.onTheSpot,
        act_penalty_types: act.penaltyTypes,
        act_amount: act.amount ?? null,
        enforcement_case_id: act.enforcementCaseId ?? null,
        subject_area: input.subjectArea ?? null,
        parties_agree_simple: input.partiesAgreeSimple,
        precondition: preconditionRequired(act, input.preconditionByLaw),
        request: input.request,
        reasons: input.reasons,
        norm_review: input.normReview ? JSON.stringify(input.normReview) : null,
        attachments: JSON.stringify(input.attachments),
        receipt_no: opts.receipt?.receiptNo ?? null,
        secret_hash: opts.receipt?.secretHash ?? null,
        ...projection,
        created_by: ctx.actor.userId,
        updated_by: ctx.actor.userId,
      })
      .execute();
    await insertAction(
      trx,
      { id, region_code: respondent.regionCode, org_id: respondent.id },
      1,
      log[0] as ReconActionRecord,
      ctx.actor.displayName,
    );
    audit({
      action: 'disputes.reconsideration.apply',
      entity: 'disputes_reconsideration',
      entityId: id,
      orgId: respondent.id,
      regionCode: respondent.regionCode,
      change: { caseNo, channel: input.channel, receivedOn: input.receivedOn, actTitle: act.title },
    });
    return id;
  });
  return getReconsideration({ ...ctx, scope: ALL_SCOPE }, id);
}

async function insertAction(
  trx: Tx,
  row: { id: string; region_code: string; org_id: string },
  seq: number,
  a: ReconActionRecord,
  actorName: string,
) {
  await trx
    .insertInto('disputes_reconsideration_action')
    .values({
      id: newId(),
      reconsideration_id: row.id,
      region_code: row.region_code,
      org_id: row.org_id,
      seq,
      action: a.action,
      occurred_on: a.date,
      data: JSON.stringify(a.data),
      actor_id: a.actorId,
      actor_name: actorName,
    })
    .execute();
}

/** Appends one act to the log (after the checks), recomputes the projection, in one transaction. */
async function append(
  ctx: Ctx,
  row: ReconRow,
  version: number,
  log: readonly ReconActionRecord[],
  next: ReconActionRecord,
  calendar: WorkCalendar,
) {
  const { dues: _dues, ...projection } = projectRecon([...log, next], calendar);
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    await updateVersioned(trx, ctx, 'disputes_reconsideration', row.id, version, projection);
    await insertAction(trx, row, log.length + 1, next, ctx.actor.displayName);
    audit({
      action: `disputes.reconsideration.${next.action}`,
      entity: 'disputes_reconsideration',
      entityId: row.id,
      orgId: row.org_id,
      regionCode: row.region_code,
      change: { action: next.action, date: next.date, data: next.data, status: projection.status },
    });
  });
}

/** Records one act of the 复议机构 (or one it received) after checking it against the log. */
export async function recordReconAction(ctx: Ctx, id: string, raw: unknown): Promise<ReconDetail> {
  authorize(ctx.actor, 'disputes:reconsideration:edit');
  const input = parseInput(RecordReconActionInput, raw, { labels: reconFieldLabels });
  const row = atVersion(await findReconRow(ctx.db, ctx.scope, id), input.version, notFoundRecon);
  const { reviewId: _ignored, ...data } = input.data;
  const next: ReconActionRecord = {
    action: input.action,
    date: input.date,
    data,
    actorId: ctx.actor.userId,
  };
  const [log, calendar] = await Promise.all([loadReconActions(ctx.db, id), loadWorkCalendar(ctx.db)]);
  checkReconAction(log, next, { act: actFacts(row) }, { today: today(ctx), calendar });
  if (next.action === 'requestNormReview')
    next.data = { ...data, reviewId: await requestNormReview(ctx, row, next) };
  await append(ctx, row, input.version, log, next, calendar);
  return getReconsideration({ ...ctx, scope: ALL_SCOPE }, id);
}

/**
 * 附带审查 (第五十六条、第五十七条): the 规范性文件 goes to the legality desk as a review item, submitted
 * on the case's behalf by the system (the 复议机构's staff need no legality permission). The desk's
 * own transaction: if the act then fails to append (a concurrent edit), the item stays on the desk
 * with the case number in its title, and the retried act files a second one — visible, never lost.
 */
async function requestNormReview(ctx: Ctx, row: ReconRow, next: ReconActionRecord): Promise<string> {
  const sys: Ctx = { ...ctx, actor: SYSTEM_ACTOR, scope: ALL_SCOPE };
  const review = await submitForReview(sys, {
    kind: 'normativeDocument',
    title: `行政复议附带审查:${next.data.normTitle ?? ''}(${next.data.normIssuer ?? ''},${row.case_no})`,
    submittedOn: next.date,
    materials: [{ name: `${row.case_no} 行政复议附带审查申请` }],
    orgId: ctx.actor.orgId ?? row.org_id,
  });
  return review.id;
}

/**
 * The acts the law makes happen by silence, marked by the system: 视为受理 when the review period
 * ends without a 不予受理 (第三十条), 视为放弃 when the 补正 period ends unanswered (第三十一条).
 * Runs before each ledger read; returns how many cases it marked.
 */
export async function markDeemedActs(ctx: Ctx): Promise<number> {
  const sys: Ctx = { ...ctx, actor: SYSTEM_ACTOR, scope: ALL_SCOPE };
  const ids = await openReviewIds(ctx.db, ctx.scope);
  if (ids.length === 0) return 0;
  const calendar = await loadWorkCalendar(ctx.db);
  const t = today(ctx);
  let marked = 0;
  for (const id of ids) {
    const row = await findReconRow(ctx.db, ALL_SCOPE, id);
    if (!row) continue;
    const log = await loadReconActions(ctx.db, id);
    const auto = automaticAct(log, calendar, t);
    if (!auto) continue;
    await append(sys, row, row.version, log, auto, calendar);
    marked++;
  }
  return marked;
}

export async function searchReconsiderations(
  ctx: Ctx,
  filter: ReconFilter & { sort?: string | undefined },
  page: { offset: number; limit: number },
): Promise<{ items: ReconSummary[]; total: number }> {
  authorize(ctx.actor, 'disputes:reconsideration:list');
  await markDeemedActs(ctx);
  const { sort, ...f } = filter;
  const t = today(ctx);
  const [{ rows, total }, calendar] = await Promise.all([
    listRecons(ctx.db, ctx.scope, f, t, page, parseSort(sort, reconSortColumns)),
    loadWorkCalendar(ctx.db),
  ]);
  return { items: rows.map((r) => presentRecon(r, t, calendar)), total };
}

export async function getReconsideration(ctx: Ctx, id: string): Promise<ReconDetail> {
  authorize(ctx.actor, 'disputes:reconsideration:list');
  const row = await findReconRow(ctx.db, ctx.scope, id);
  if (!row) throw notFoundRecon();
  const [log, calendar] = await Promise.all([loadReconActions(ctx.db, id), loadWorkCalendar(ctx.db)]);
  const t = today(ctx);
  const applicationDue = applicationPeriod(calendar, row.act_known_on).due;
  return presentReconDetail(
    row,
    log,
    projectRecon(log, calendar).dues,
    {
      simpleGround: simpleGround(actFacts(row)),
      applicationDueOn: applicationDue,
      lateApplication: applicationDue !== null && row.filed_on > applicationDue,
    },
    t,
  );
}
