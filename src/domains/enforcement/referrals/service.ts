import { enforcementError } from '../errors.js';
import { loadWorkCalendar } from '../../../platform/calendar/index.js';
import type { ListTotal, PageRequest } from '../../../platform/paging.js';
import { ALL_SCOPE, chinaDate, type Ctx } from '../../../platform/context.js';
import { atVersion, newId, updateVersioned, writeTx } from '../../../platform/db/tx.js';
import { invalid } from '../../../platform/errors.js';
import { parseInput, parseSort } from '../../../platform/validation.js';
import { authorize } from '../../org/policy.js';
import { handlerFacts, loadHandlers } from '../cases/checks.js';
import {
  type ReferralDetail,
  type ReferralSummary,
  presentReferral,
  presentReferralDetail,
} from './present.js';
import { projectReferral } from './projection.js';
import { checkCaseReferable, checkReferralAction, checkTeam, INSTANT_ACTIONS } from './rules.js';
import { CreateReferralInput, type ReferralActionRecord, RecordReferralActionInput } from './schema.js';
import {
  findCaseForReferral,
  findReferralRow,
  listReferrals,
  loadReferralActions,
  type ReferralFilter,
  referralSortColumns,
  storedDigests,
} from './store.js';

/** 提出移送: the 专案组's written report about a case of the caller's scope (移送规定 art. 5). */
export async function createReferral(ctx: Ctx, raw: unknown): Promise<ReferralDetail> {
  authorize(ctx.actor, 'enforcement:referral:edit');
  const input = parseInput(CreateReferralInput, raw);
  const c = await findCaseForReferral(ctx.db, ctx.scope, input.caseId);
  if (!c) throw enforcementError('enforcement.caseNotFound');
  const today = chinaDate(ctx.now());
  checkCaseReferable(
    {
      category: c.category,
      openedOn: c.opened_on,
      terminated: c.terminated,
      liveReferral: c.live_referral,
    },
    input.reportedOn,
    today,
  );
  const handlers = await loadHandlers(ctx, input.teamIds);
  checkTeam(
    input.teamIds.map((id) => {
      const h = handlers.get(id);
      return h
        ? handlerFacts(h, input.reportedOn)
        : { id, name: '所选人员', active: false, certificate: null };
    }),
    c.handler_ids,
    input.reportedOn,
  );
  // art. 4: evidence kept as attachments is cited by its SHA-256 and must be stored
  const stored = await storedDigests(
    ctx.db,
    input.evidence.flatMap((e) => (e.sha256 ? [e.sha256] : [])),
  );
  input.evidence.forEach((e, i) => {
    if (e.sha256 && !stored.has(e.sha256))
      throw invalid(
        'enforcement.referral.evidenceMissing',
        `证据“${e.name}”的附件不存在,请先上传`,
        `evidence.${i}.sha256`,
      );
  });
  const log: ReferralActionRecord[] = [
    { action: 'report', date: input.reportedOn, at: null, data: {}, actorId: ctx.actor.userId },
  ];
  const { dues: _dues, ...projection } = projectReferral(log, await loadWorkCalendar(ctx.db));
  const penaltyDecided = c.decided_on !== null && c.decided_on <= input.reportedOn;
  const fined = penaltyDecided && c.penalties.includes('fine') && c.amount !== null;
  const id = await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    const id = newId();
    await trx
      .insertInto('enforcement_referral')
      .values({
        id,
        region_code: c.region_code,
        org_id: c.org_id,
        case_id: c.id,
        team_ids: [...new Set(input.teamIds)],
        suspected_crime: input.suspectedCrime,
        facts: input.facts,
        evidence: JSON.stringify(input.evidence),
        reported_on: input.reportedOn,
        penalty_decided: penaltyDecided,
        penalty_amount: fined ? Number(c.amount) : null,
        ...projection,
        created_by: ctx.actor.userId,
        updated_by: ctx.actor.userId,
      })
      .execute();
    await trx
      .insertInto('enforcement_referral_action')
      .values({
        id: newId(),
        referral_id: id,
        region_code: c.region_code,
        org_id: c.org_id,
        seq: 1,
        action: 'report',
        occurred_on: input.reportedOn,
        occurred_at: null,
        data: JSON.stringify({}),
        actor_id: ctx.actor.userId,
        actor_name: ctx.actor.displayName,
      })
      .execute();
    audit({
      action: 'enforcement.referral.report',
      entity: 'enforcement_referral',
      entityId: id,
      orgId: c.org_id,
      regionCode: c.region_code,
      change: {
        caseNo: c.case_no,
        suspectedCrime: input.suspectedCrime,
        reportedOn: input.reportedOn,
        penaltyDecided,
      },
    });
    return id;
  });
  return getReferral({ ...ctx, scope: ALL_SCOPE }, id);
}

/** Appends one act (the agency's, or the police's as its staff record it) after checking it against the log. */
export async function recordReferralAction(ctx: Ctx, id: string, raw: unknown): Promise<ReferralDetail> {
  authorize(ctx.actor, 'enforcement:referral:edit');
  const input = parseInput(RecordReferralActionInput, raw);
  const row = atVersion(await findReferralRow(ctx.db, ctx.scope, id), input.version, () =>
    enforcementError('enforcement.referral.notFound'),
  );
  const instant = INSTANT_ACTIONS.has(input.action);
  if (instant && !input.at)
    throw invalid(
      'enforcement.referral.timeRequired',
      '请填写具体时间(批准后 24 小时内移送,按小时计算)',
      'at',
    );
  if (!instant && !input.date) throw invalid('enforcement.referral.dateRequired', '请填写日期', 'date');
  const at = instant && input.at ? new Date(input.at).toISOString() : null;
  const next: ReferralActionRecord = {
    action: input.action,
    date: at ? chinaDate(new Date(at)) : (input.date ?? ''),
    at,
    data: input.data,
    actorId: ctx.actor.userId,
  };
  const log = await loadReferralActions(ctx.db, id);
  const calendar = await loadWorkCalendar(ctx.db);
  checkReferralAction(log, next, { now: ctx.now(), calendar });
  const { dues: _dues, ...projection } = projectReferral([...log, next], calendar);
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    await updateVersioned(trx, ctx, 'enforcement_referral', id, input.version, projection);
    await trx
      .insertInto('enforcement_referral_action')
      .values({
        id: newId(),
        referral_id: id,
        region_code: row.region_code,
        org_id: row.org_id,
        seq: log.length + 1,
        action: next.action,
        occurred_on: next.date,
        occurred_at: next.at,
        data: JSON.stringify(next.data),
        actor_id: ctx.actor.userId,
        actor_name: ctx.actor.displayName,
      })
      .execute();
    audit({
      action: `enforcement.referral.${next.action}`,
      entity: 'enforcement_referral',
      entityId: id,
      orgId: row.org_id,
      regionCode: row.region_code,
      change: {
        action: next.action,
        date: next.date,
        at: next.at,
        data: next.data,
        status: projection.status,
      },
    });
  });
  return getReferral({ ...ctx, scope: ALL_SCOPE }, id);
}

export async function searchReferrals(
  ctx: Ctx,
  filter: ReferralFilter & { sort?: string | undefined },
  page: PageRequest,
): Promise<{ items: ReferralSummary[] } & ListTotal> {
  authorize(ctx.actor, 'enforcement:referral:list');
  const { sort, ...f } = filter;
  const now = ctx.now();
  const [{ rows, total, totalKind }, calendar] = await Promise.all([
    listReferrals(ctx.db, ctx.scope, f, now, page, parseSort(sort, referralSortColumns)),
    loadWorkCalendar(ctx.db),
  ]);
  return { items: rows.map((r) => presentReferral(r, now, calendar)), total, totalKind };
}

export async function getReferral(ctx: Ctx, id: string): Promise<ReferralDetail> {
  authorize(ctx.actor, 'enforcement:referral:list');
  const row = await findReferralRow(ctx.db, ctx.scope, id);
  if (!row) throw enforcementError('enforcement.referral.notFound');
  const [log, handlers, calendar] = await Promise.all([
    loadReferralActions(ctx.db, id),
    loadHandlers(ctx, row.team_ids),
    loadWorkCalendar(ctx.db),
  ]);
  const now = ctx.now();
  const team = row.team_ids.map((tid) => {
    const h = handlers.get(tid);
    return { id: tid, name: h?.name ?? '', certificateNumber: h?.certificates[0]?.number ?? null };
  });
  return presentReferralDetail(row, log, projectReferral(log, calendar).dues, team, now, calendar);
}
