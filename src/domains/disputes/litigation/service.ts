import type { z } from 'zod';
import { loadWorkCalendar } from '../../../platform/calendar/index.js';
import { ALL_SCOPE, type Ctx, today } from '../../../platform/context.js';
import { atVersion, newId, updateVersioned, writeTx, writeVersioned } from '../../../platform/db/tx.js';
import { conflict, invalid, notFound } from '../../../platform/errors.js';
import { checkNotAfterToday, checkNotBefore } from '../../../platform/service/dates.js';
import { parseInput, parseSort } from '../../../platform/validation.js';
import { getCase } from '../../enforcement/cases/service.js';
import { getOrg } from '../../org/org-service.js';
import { authorize } from '../../org/policy.js';
import { getReconsideration } from '../reconsideration/service.js';
import {
  appealDue,
  COUNTS_AS_HEAD,
  checkAppealWindow,
  checkAppearance,
  coDefendantRequired,
  LOST_OUTCOMES,
  nextInstance,
  suitAfterReconsiderationDue,
  summonsLate,
} from './rules.js';
import {
  AddHearingInput,
  AppealInput,
  type AppearerRole,
  ConcludeInput,
  CreateLawsuitInput,
  type ExcuseGround,
  type Instance,
  type LawsuitOutcome,
  lawsuitFieldLabels,
} from './schema.js';
import { appearerRoleLabels, excuseGroundLabels, instanceLabels, lawsuitOutcomeLabels } from './labels.js';
import {
  findLawsuitRow,
  type LawsuitFilter,
  type LawsuitRow,
  lawsuitSortColumns,
  listHearings,
  listLawsuits,
  loadHearings,
  storedDigestExists,
} from './store.js';

export const lawsuitStatusLabels = { pending: '审理中', concluded: '已结案', appealed: '已上诉' } as const;
type LawsuitStatus = keyof typeof lawsuitStatusLabels;

const notFoundLawsuit = () => notFound('disputes.litigation.notFound', '应诉案件不存在或不在您的权限范围内');

export interface LawsuitSummary {
  id: string;
  orgId: string;
  orgName: string;
  coDefendantName: string | null;
  court: string;
  courtCaseNo: string;
  instance: Instance;
  instanceLabel: string;
  plaintiff: string;
  contestedAct: string;
  filedOn: string;
  status: LawsuitStatus;
  statusLabel: string;
  outcome: LawsuitOutcome | null;
  outcomeLabel: string | null;
  lost: boolean;
  concludedOn: string | null;
  hearings: number;
  headHearings: number;
  reconsiderationId: string | null;
  parentId: string | null;
  version: number;
}

export function presentLawsuit(r: LawsuitRow): LawsuitSummary {
  const outcome = r.outcome as LawsuitOutcome | null;
  const status = r.status as LawsuitStatus;
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    coDefendantName: r.co_defendant_name,
    court: r.court,
    courtCaseNo: r.court_case_no,
    instance: r.instance as Instance,
    instanceLabel: instanceLabels[r.instance as Instance],
    plaintiff: r.plaintiff,
    contestedAct: r.contested_act,
    filedOn: r.filed_on,
    status,
    statusLabel: lawsuitStatusLabels[status],
    outcome,
    outcomeLabel: outcome ? lawsuitOutcomeLabels[outcome] : null,
    lost: outcome !== null && LOST_OUTCOMES.includes(outcome),
    concludedOn: r.concluded_on,
    hearings: Number(r.hearings),
    headHearings: Number(r.head_hearings),
    reconsiderationId: r.reconsideration_id,
    parentId: r.parent_id,
    version: r.version,
  };
}

export interface HearingView {
  id: string;
  summonsServedOn: string;
  hearingOn: string;
  summonsLate: boolean;
  appearerName: string;
  appearerTitle: string;
  appearerRole: AppearerRole;
  appearerRoleLabel: string;
  countsAsHead: boolean;
  excuseGroundLabel: string | null;
  excuseNote: string | null;
  excuseProofSha256: string | null;
}

type HearingRow = Awaited<ReturnType<typeof loadHearings>>[number];

/** Who appeared at a hearing and whether it counts, as the case file and the 出庭 register both show it. */
function presentAppearance(h: HearingRow) {
  return {
    summonsServedOn: h.summons_served_on,
    hearingOn: h.hearing_on,
    summonsLate: h.summons_late,
    appearerName: h.appearer_name,
    appearerTitle: h.appearer_title,
    appearerRoleLabel: appearerRoleLabels[h.appearer_role as AppearerRole],
    countsAsHead: h.counts_as_head,
    excuseGroundLabel: h.excuse_ground ? excuseGroundLabels[h.excuse_ground as ExcuseGround] : null,
  };
}

export interface LawsuitDetail extends LawsuitSummary {
  claims: string;
  enforcementCaseId: string | null;
  judgmentServedOn: string | null;
  appealedBy: string | null;
  appealDueOn: string | null;
  /** 行政诉讼法 第四十五条: when the suit follows a 复议 decision */
  suitDueOn: string | null;
  lateSuit: boolean;
  hearingList: HearingView[];
}

export async function getLawsuit(ctx: Ctx, id: string): Promise<LawsuitDetail> {
  authorize(ctx.actor, 'disputes:litigation:list');
  const row = await findLawsuitRow(ctx.db, ctx.scope, id);
  if (!row) throw notFoundLawsuit();
  const [hearings, calendar] = await Promise.all([loadHearings(ctx.db, id), loadWorkCalendar(ctx.db)]);
  let suitDueOn: string | null = null;
  if (row.reconsideration_id && row.instance === 'first') {
    const recon = await getReconsideration({ ...ctx, scope: ALL_SCOPE }, row.reconsideration_id).catch(
      () => null,
    );
    const served = recon?.actions.find((a) => a.action === 'serve')?.date;
    if (served) suitDueOn = suitAfterReconsiderationDue(calendar, served);
  }
  const outcome = row.outcome as LawsuitOutcome | null;
  return {
    ...presentLawsuit(row),
    claims: row.claims,
    enforcementCaseId: row.enforcement_case_id,
    judgmentServedOn: row.judgment_served_on,
    appealedBy: row.appealed_by,
    appealDueOn:
      outcome && row.judgment_served_on ? appealDue(calendar, outcome, row.judgment_served_on) : null,
    suitDueOn,
    lateSuit: suitDueOn !== null && row.filed_on > suitDueOn,
    hearingList: hearings.map((h) => ({
      id: h.id,
      ...presentAppearance(h),
      appearerRole: h.appearer_role as AppearerRole,
      excuseNote: h.excuse_note,
      excuseProofSha256: h.excuse_proof_sha256,
    })),
  };
}

/** 登记应诉案件: one instance of a suit against an org of the tree. */
export async function createLawsuit(
  ctx: Ctx,
  raw: unknown,
  opts: { appellant?: 'plaintiff' | 'defendant' } = {},
): Promise<LawsuitDetail> {
  authorize(ctx.actor, 'disputes:litigation:edit');
  const input = parseInput(CreateLawsuitInput, raw, { labels: lawsuitFieldLabels });
  checkNotAfterToday(
    'disputes.litigation.futureDate',
    { label: '立案日期', on: input.filedOn, field: 'filedOn' },
    today(ctx),
  );
  const defendant = await getOrg(ctx, input.defendantOrgId).catch(() => {
    throw invalid('disputes.litigation.defendantUnknown', '被告不存在或不在您的权限范围内', 'defendantOrgId');
  });
  if (input.coDefendantOrgId) {
    await getOrg({ ...ctx, scope: ALL_SCOPE }, input.coDefendantOrgId).catch(() => {
      throw invalid('disputes.litigation.coDefendantUnknown', '共同被告不存在', 'coDefendantOrgId');
    });
  }
  if (input.instance !== 'first' && !input.parentId)
    throw invalid('disputes.litigation.parentRequired', '二审、再审案件请选择前一审级的案件', 'parentId');
  if (input.parentId && !(await findLawsuitRow(ctx.db, ctx.scope, input.parentId)))
    throw invalid(
      'disputes.litigation.parentUnknown',
      '前一审级的案件不存在或不在您的权限范围内',
      'parentId',
    );
  let actKind = input.actKind ?? null;
  let subjectArea = input.subjectArea ?? null;
  if (input.reconsiderationId) {
    const recon = await getReconsideration({ ...ctx, scope: ALL_SCOPE }, input.reconsiderationId).catch(
      () => {
        throw invalid('disputes.litigation.reconUnknown', '关联的复议案件不存在', 'reconsiderationId');
      },
    );
    if (recon.orgId !== defendant.id)
      throw invalid(
        'disputes.litigation.reconOtherOrg',
        '关联的复议案件的被申请人不是本案被告',
        'reconsiderationId',
      );
    actKind = recon.act.kind;
    subjectArea = subjectArea ?? recon.subjectArea;
    if (coDefendantRequired(recon.outcome) && !input.coDefendantOrgId)
      throw invalid(
        'disputes.litigation.coDefendantRequired',
        '复议机关决定维持原行政行为的,作出原行政行为的行政机关和复议机关是共同被告(《行政诉讼法》第二十六条第二款),请填写复议机关',
        'coDefendantOrgId',
      );
  }
  if (input.enforcementCaseId) {
    const c = await getCase(ctx, input.enforcementCaseId);
    if (c.orgId !== defendant.id)
      throw invalid(
        'disputes.litigation.caseOtherOrg',
        `执法案件${c.caseNo}不是本案被告作出的`,
        'enforcementCaseId',
      );
  }
  const id = await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    const id = newId();
    await trx
      .insertInto('disputes_lawsuit')
      .values({
        id,
        region_code: defendant.regionCode,
        org_id: defendant.id,
        court: input.court,
        court_case_no: input.courtCaseNo,
        instance: input.instance,
        parent_id: input.parentId ?? null,
        plaintiff: input.plaintiff,
        co_defendant_org_id: input.coDefendantOrgId ?? null,
        reconsideration_id: input.reconsiderationId ?? null,
        contested_act: input.contestedAct,
        act_kind: actKind,
        subject_area: subjectArea,
        enforcement_case_id: input.enforcementCaseId ?? null,
        filed_on: input.filedOn,
        claims: input.claims,
        status: 'pending',
        created_by: ctx.actor.userId,
        updated_by: ctx.actor.userId,
      })
      .execute();
    if (input.parentId)
      await trx
        .updateTable('disputes_lawsuit')
        .set({ status: 'appealed', appealed_by: opts.appellant ?? null })
        .where('id', '=', input.parentId)
        .execute();
    audit({
      action: 'disputes.litigation.create',
      entity: 'disputes_lawsuit',
      entityId: id,
      orgId: defendant.id,
      regionCode: defendant.regionCode,
      change: {
        courtCaseNo: input.courtCaseNo,
        instance: input.instance,
        plaintiff: input.plaintiff,
        parentId: input.parentId ?? null,
        appellant: opts.appellant ?? null,
      },
    });
    return id;
  });
  return getLawsuit({ ...ctx, scope: ALL_SCOPE }, id);
}

/** An edit of one lawsuit: authorised, its input parsed, the row read in scope on the version sent. */
async function editLawsuit<S extends z.ZodType<{ version: number }>>(
  ctx: Ctx,
  id: string,
  schema: S,
  raw: unknown,
) {
  authorize(ctx.actor, 'disputes:litigation:edit');
  const input = parseInput(schema, raw, { labels: lawsuitFieldLabels });
  const row = atVersion(await findLawsuitRow(ctx.db, ctx.scope, id), input.version, notFoundLawsuit);
  return { input, row };
}

/** How an act that only a pending instance takes is refused once the instance is concluded or appealed. */
const closedRefusals = {
  hearing: { message: '案件已结案,不能再登记庭审', field: 'hearingOn' },
  conclude: { message: '案件已经结案', field: 'outcome' },
} as const;

/** An edit only a pending instance takes (庭审, 结案). */
async function editPendingLawsuit<S extends z.ZodType<{ version: number }>>(
  ctx: Ctx,
  id: string,
  schema: S,
  raw: unknown,
  act: keyof typeof closedRefusals,
) {
  const edit = await editLawsuit(ctx, id, schema, raw);
  const refusal = closedRefusals[act];
  if (edit.row.status !== 'pending')
    throw conflict('disputes.litigation.closed', refusal.message, { field: refusal.field });
  return edit;
}

const filing = (row: LawsuitRow) => ({ label: '立案日期', on: row.filed_on });

/** 登记庭审和出庭: who appeared for the defendant at one hearing (出庭应诉规定 第二条至第九条). */
export async function addHearing(ctx: Ctx, id: string, raw: unknown): Promise<LawsuitDetail> {
  const { input, row } = await editPendingLawsuit(ctx, id, AddHearingInput, raw, 'hearing');
  const hearingOn = { label: '开庭日期', on: input.hearingOn, field: 'hearingOn' };
  checkNotBefore('disputes.litigation.hearingBeforeFiling', hearingOn, filing(row));
  if (input.summonsServedOn > input.hearingOn)
    throw invalid(
      'disputes.litigation.summonsAfterHearing',
      '出庭通知书送达日期晚于开庭日期',
      'summonsServedOn',
    );
  checkNotAfterToday('disputes.litigation.futureDate', hearingOn, today(ctx));
  checkAppearance(input.appearerRole, input.excuse);
  const counts = COUNTS_AS_HEAD[input.appearerRole];
  const excuse = counts ? undefined : input.excuse;
  if (excuse && !(await storedDigestExists(ctx.db, excuse.proofSha256)))
    throw invalid('disputes.litigation.proofMissing', '证明材料的附件不存在,请先上传', 'excuse.proofSha256');
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    await updateVersioned(trx, ctx, 'disputes_lawsuit', id, input.version, {});
    const hid = newId();
    await trx
      .insertInto('disputes_hearing')
      .values({
        id: hid,
        lawsuit_id: id,
        region_code: row.region_code,
        org_id: row.org_id,
        summons_served_on: input.summonsServedOn,
        hearing_on: input.hearingOn,
        appearer_name: input.appearerName,
        appearer_title: input.appearerTitle,
        appearer_role: input.appearerRole,
        counts_as_head: counts,
        excuse_ground: excuse?.ground ?? null,
        excuse_note: excuse?.note ?? null,
        excuse_proof_sha256: excuse?.proofSha256 ?? null,
        summons_late: summonsLate(input.summonsServedOn, input.hearingOn),
        created_by: ctx.actor.userId,
      })
      .execute();
    audit({
      action: 'disputes.litigation.hearing',
      entity: 'disputes_lawsuit',
      entityId: id,
      orgId: row.org_id,
      regionCode: row.region_code,
      change: {
        hearingId: hid,
        hearingOn: input.hearingOn,
        appearerRole: input.appearerRole,
        countsAsHead: counts,
      },
    });
  });
  return getLawsuit({ ...ctx, scope: ALL_SCOPE }, id);
}

/** 结案: the judgment, ruling, 撤诉 or 调解 that ends the instance. */
export async function concludeLawsuit(ctx: Ctx, id: string, raw: unknown): Promise<LawsuitDetail> {
  const { input, row } = await editPendingLawsuit(ctx, id, ConcludeInput, raw, 'conclude');
  const concludedOn = { label: '结案日期', on: input.concludedOn, field: 'concludedOn' };
  checkNotBefore('disputes.litigation.concludedBeforeFiling', concludedOn, filing(row));
  checkNotAfterToday('disputes.litigation.futureDate', concludedOn, today(ctx));
  if (input.servedOn && input.servedOn < input.concludedOn)
    throw invalid('disputes.litigation.servedBeforeConcluded', '送达日期早于结案日期', 'servedOn');
  await writeVersioned(
    ctx,
    'disputes_lawsuit',
    id,
    input.version,
    {
      outcome: input.outcome,
      concluded_on: input.concludedOn,
      judgment_served_on: input.servedOn ?? null,
      status: 'concluded',
    },
    {
      action: 'disputes.litigation.conclude',
      orgId: row.org_id,
      regionCode: row.region_code,
      change: { outcome: input.outcome, concludedOn: input.concludedOn },
    },
  );
  return getLawsuit({ ...ctx, scope: ALL_SCOPE }, id);
}

/** 上诉 (行政诉讼法 第八十五条): opens the 二审 instance, within the appeal period. */
export async function appealLawsuit(ctx: Ctx, id: string, raw: unknown): Promise<LawsuitDetail> {
  const { input, row } = await editLawsuit(ctx, id, AppealInput, raw);
  const instance = nextInstance(row.instance as Instance);
  if (row.status !== 'concluded' || !row.outcome || !instance)
    throw conflict('disputes.litigation.notAppealable', '只有已结案的一审案件可以上诉', {
      field: 'appellant',
    });
  checkAppealWindow(
    await loadWorkCalendar(ctx.db),
    row.outcome as LawsuitOutcome,
    row.judgment_served_on,
    input.filedOn,
  );
  const second = await createLawsuit(
    ctx,
    {
      defendantOrgId: row.org_id,
      coDefendantOrgId: row.co_defendant_org_id ?? undefined,
      court: input.court,
      courtCaseNo: input.courtCaseNo,
      instance,
      parentId: row.id,
      plaintiff: row.plaintiff,
      reconsiderationId: row.reconsideration_id ?? undefined,
      contestedAct: row.contested_act,
      actKind: (row.act_kind as CreateLawsuitInput['actKind']) ?? undefined,
      subjectArea: (row.subject_area as CreateLawsuitInput['subjectArea']) ?? undefined,
      enforcementCaseId: row.enforcement_case_id ?? undefined,
      filedOn: input.filedOn,
      claims:
        `${input.appellant === 'plaintiff' ? '原告' : '被告'}不服一审${lawsuitOutcomeLabels[row.outcome as LawsuitOutcome]},提起上诉。${row.claims}`.slice(
          0,
          4000,
        ),
    },
    { appellant: input.appellant },
  );
  return second;
}

export async function searchLawsuits(
  ctx: Ctx,
  filter: LawsuitFilter & { sort?: string | undefined },
  page: { offset: number; limit: number },
): Promise<{ items: LawsuitSummary[]; total: number }> {
  authorize(ctx.actor, 'disputes:litigation:list');
  const { sort, ...f } = filter;
  const { rows, total } = await listLawsuits(ctx.db, ctx.scope, f, page, parseSort(sort, lawsuitSortColumns));
  return { items: rows.map(presentLawsuit), total };
}

/** The 出庭 register. */
export async function searchHearings(
  ctx: Ctx,
  filter: { from?: string | undefined; to?: string | undefined; orgId?: string | undefined },
  page: { offset: number; limit: number },
) {
  authorize(ctx.actor, 'disputes:litigation:list');
  const { rows, total } = await listHearings(ctx.db, ctx.scope, filter, page);
  return {
    total,
    items: rows.map((h) => ({
      id: h.id,
      lawsuitId: h.lawsuit_id,
      orgName: h.org_name,
      court: h.court,
      courtCaseNo: h.court_case_no,
      instanceLabel: instanceLabels[h.instance as Instance],
      plaintiff: h.plaintiff,
      ...presentAppearance(h),
    })),
  };
}
