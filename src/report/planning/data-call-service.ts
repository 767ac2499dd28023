import { sql } from 'kysely';
import { chinaDate, type Ctx } from '../../platform/context.js';
import { newId, updateVersioned, writeTx, writeVersioned } from '../../platform/db/tx.js';
import type { Tx } from '../../platform/db/types.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { rowInScope } from '../../platform/scope.js';
import { computeFigures, loadRegistry, orgSubtree } from '../registry.js';
import { authorize } from '../../domains/org/policy.js';
import {
  findDataCall,
  findSubmission,
  listFigures,
  listItems,
} from '../../domains/planning/data-call-store.js';
import {
  answerRefusal,
  checkFigure,
  inItemUnit,
  type SubmissionAction,
  submissionAllows,
} from '../../domains/planning/rules.js';
import {
  CreateDataCallInput,
  type DataCall,
  type DataCallStatus,
  ReturnInput,
  SaveFiguresInput,
  type Submission,
  type SubmissionStatus,
  submissionStatusLabels,
  VersionInput,
} from '../../domains/planning/schema.js';

export async function getDataCall(ctx: Ctx, id: string): Promise<DataCall> {
  const call = await findDataCall(ctx.db, ctx.scope, id);
  if (!call) throw notFound('dataCall.notFound', '填报任务不存在或不在您的权限范围内');
  return call;
}

/**
 * The office defines a form: catalogue or computed metrics by id, or new reported metrics with
 * name, unit and definition. Computed metrics stay in the form, pre-filled and read-only.
 */
export async function createDataCall(ctx: Ctx, raw: unknown): Promise<DataCall> {
  authorize(ctx.actor, 'planning:dataCall:edit');
  const input = CreateDataCallInput.parse(raw);
  const officeId = input.orgId ?? ctx.actor.orgId;
  if (!officeId) throw invalid('dataCall.noOffice', '请指定发起填报的机构', 'orgId');
  const office = await orgSubtree(ctx, officeId);
  const targets = [...new Set(input.targetOrgIds)];
  const targetOrgs = await ctx.db
    .selectFrom('org')
    .select(['id', 'region_code', 'name'])
    .where('id', 'in', targets)
    .execute();
  for (const [i, t] of targets.entries()) {
    const org = targetOrgs.find((o) => o.id === t);
    if (!org || !rowInScope(ctx.scope, { org_id: org.id, region_code: org.region_code })) {
      throw invalid('dataCall.badTarget', '填报单位不存在或不在您的权限范围内', `targetOrgIds.${i}`);
    }
  }
  const registry = await loadRegistry(ctx.db);
  const officeRow = await ctx.db
    .selectFrom('org')
    .select('region_code')
    .where('id', '=', office.orgId)
    .executeTakeFirstOrThrow();
  const id = newId();
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    // a second click on 保存 (or the same form saved again) must not leave two identical drafts
    const twin = await trx
      .selectFrom('data_call')
      .select('id')
      .where('org_id', '=', office.orgId)
      .where('status', '=', 'draft')
      .where('title', '=', input.title)
      .where('period_from', '=', input.periodFrom)
      .where('period_to', '=', input.periodTo)
      .executeTakeFirst();
    if (twin)
      throw conflict(
        'dataCall.duplicateDraft',
        `已有名称和统计期相同的填报任务草稿“${input.title}”,请在列表中打开它修改或下发`,
        { field: 'title', id: twin.id },
      );
    await trx
      .insertInto('data_call')
      .values({
        id,
        region_code: officeRow.region_code,
        org_id: office.orgId,
        title: input.title,
        period_from: input.periodFrom,
        period_to: input.periodTo,
        deadline: input.deadline,
        status: 'draft',
        created_by: ctx.actor.userId,
        updated_by: ctx.actor.userId,
      })
      .execute();
    const seen = new Set<string>();
    for (const [i, item] of input.items.entries()) {
      let row: {
        metric_id: string;
        source: 'reported' | 'computed';
        name: string;
        unit: string;
        definition: string;
      };
      if ('metricId' in item) {
        const def = registry.find(item.metricId);
        if (!def)
          throw invalid('dataCall.unknownMetric', `指标“${item.metricId}”不存在`, `items.${i}.metricId`);
        row = {
          metric_id: def.id,
          source: def.source,
          name: def.name,
          unit: def.unit,
          definition: def.definition,
        };
      } else {
        const m = item.newMetric;
        const metricId = `custom.${newId()}`;
        await trx
          .insertInto('reported_metric')
          .values({
            id: metricId,
            ...m,
            region_code: officeRow.region_code,
            org_id: office.orgId,
            created_by: ctx.actor.userId,
            updated_by: ctx.actor.userId,
          })
          .execute();
        row = {
          metric_id: metricId,
          source: 'reported',
          name: m.name,
          unit: m.unit,
          definition: m.definition,
        };
      }
      if (seen.has(row.metric_id))
        throw invalid('dataCall.duplicateItem', `指标“${row.name}”重复列出`, `items.${i}`);
      seen.add(row.metric_id);
      await trx
        .insertInto('data_call_item')
        .values({ id: newId(), call_id: id, seq: i + 1, ...row })
        .execute();
    }
    for (const t of targetOrgs) {
      await trx
        .insertInto('data_call_submission')
        .values({
          id: newId(),
          call_id: id,
          region_code: t.region_code,
          org_id: t.id,
          status: 'pending',
          created_by: ctx.actor.userId,
          updated_by: ctx.actor.userId,
        })
        .execute();
    }
    audit({
      action: 'dataCall.create',
      entity: 'data_call',
      entityId: id,
      orgId: office.orgId,
      regionCode: officeRow.region_code,
      change: { after: { ...input, orgId: office.orgId } },
    });
  });
  return getDataCall(ctx, id);
}

const callTransitions = {
  open: { from: 'draft', at: 'opened_at', label: '下发' },
  close: { from: 'open', at: 'closed_at', label: '关闭' },
} as const;

/** draft → open (units may answer) → closed (no more answers; the office may still review). */
export async function changeDataCallStatus(
  ctx: Ctx,
  id: string,
  action: keyof typeof callTransitions,
  raw: unknown,
): Promise<DataCall> {
  authorize(ctx.actor, 'planning:dataCall:edit');
  const { version } = VersionInput.parse(raw);
  const call = await getDataCall(ctx, id);
  const t = callTransitions[action];
  if (call.status !== t.from)
    throw conflict('dataCall.badState', `填报任务当前为“${call.statusLabel}”,不能${t.label}`);
  const to: DataCallStatus = action === 'open' ? 'open' : 'closed';
  await writeVersioned(
    ctx,
    'data_call',
    id,
    version,
    {
      status: to,
      [t.at]: ctx.now(),
    },
    {
      action: `dataCall.${action}`,
      orgId: call.orgId,
      change: { before: call.status, after: to },
    },
  );
  return getDataCall(ctx, id);
}

async function loadSubmission(ctx: Ctx, id: string) {
  const s = await findSubmission(ctx.db, ctx.scope, id);
  if (!s) throw notFound('dataCall.submissionNotFound', '填报记录不存在或不在您的权限范围内');
  return s;
}

/** A unit's form: reported lines with what it filed, computed lines pre-filled and read-only. */
export async function getSubmission(ctx: Ctx, id: string): Promise<Submission> {
  const s = await loadSubmission(ctx, id);
  const items = await listItems(ctx.db, s.callId);
  const filed = await listFigures(ctx.db, id);
  const computedIds = items.filter((i) => i.source === 'computed').map((i) => i.metricId);
  const computed = computedIds.length
    ? await computeFigures(
        ctx,
        await loadRegistry(ctx.db),
        s.orgId,
        { from: s.periodFrom, to: s.periodTo },
        computedIds,
      )
    : [];
  const today = chinaDate(ctx.now());
  return {
    id: s.id,
    orgId: s.orgId,
    orgName: s.orgName,
    status: s.status,
    statusLabel: s.statusLabel,
    returnReason: s.returnReason,
    version: s.version,
    callId: s.callId,
    callTitle: s.title,
    periodFrom: s.periodFrom,
    periodTo: s.periodTo,
    deadline: s.deadline,
    open: answerRefusal({ status: s.callStatus, deadline: s.deadline }, today) === null,
    lines: items.map((item) => {
      const f = filed.get(item.id);
      const c = computed.find((x) => x.metricId === item.metricId);
      return item.source === 'computed'
        ? {
            ...item,
            readOnly: true,
            value: c?.value ?? null,
            filedUnit: null,
            evidenceText: '平台根据业务数据自动计算',
            evidenceHash: null,
          }
        : {
            ...item,
            readOnly: false,
            value: f?.value ?? null,
            filedUnit: f?.unit ?? null,
            evidenceText: f?.evidenceText ?? null,
            evidenceHash: f?.evidenceHash ?? null,
          };
    }),
  };
}

type LoadedSubmission = Awaited<ReturnType<typeof loadSubmission>>;

function guard(s: LoadedSubmission, action: SubmissionAction) {
  if (!submissionAllows(s.status, action)) {
    const verb = { fill: '填报', submit: '提交', accept: '采纳', return: '退回' }[action];
    throw conflict('dataCall.badState', `该填报当前为“${s.statusLabel}”,不能${verb}`);
  }
}

/** The unit's own answer: its org must be in the caller's scope, the call open and not past its deadline. */
async function loadOwnOpen(ctx: Ctx, id: string, action: SubmissionAction) {
  authorize(ctx.actor, 'planning:dataCall:fill');
  const s = await loadSubmission(ctx, id);
  if (!rowInScope(ctx.scope, { org_id: s.orgId, region_code: s.regionCode })) {
    throw notFound('dataCall.submissionNotFound', '填报记录不存在或不在您的权限范围内');
  }
  const refusal = answerRefusal({ status: s.callStatus, deadline: s.deadline }, chinaDate(ctx.now()));
  if (refusal) throw conflict('dataCall.closed', refusal);
  guard(s, action);
  return s;
}

/** Fills figures (with evidence) into a pending or returned answer. */
export async function saveFigures(ctx: Ctx, id: string, raw: unknown): Promise<Submission> {
  const input = SaveFiguresInput.parse(raw);
  const s = await loadOwnOpen(ctx, id, 'fill');
  const items = await listItems(ctx.db, s.callId);
  // 万/亿 converted on entry: the figure is stored in the form's unit
  const figures = input.figures.map((f, i) => {
    const item = items.find((x) => x.id === f.itemId);
    if (!item) throw invalid('dataCall.unknownItem', '该指标项不属于本填报任务', `figures.${i}.itemId`);
    const g = { ...f, ...inItemUnit(item.unit, f) };
    checkFigure(item, g, `figures.${i}`);
    return { ...g, item };
  });
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    await bumpSubmission(trx, ctx, s, input.version, {});
    for (const { item, ...f } of figures) {
      const values = {
        value: f.value,
        unit: f.unit,
        qualifier: f.qualifier ?? '',
        evidence_text: f.evidenceText ?? null,
        evidence_hash: f.evidenceHash ?? null,
      };
      await trx
        .insertInto('data_call_figure')
        .values({
          id: newId(),
          submission_id: id,
          item_id: f.itemId,
          metric_id: item.metricId,
          region_code: s.regionCode,
          org_id: s.orgId,
          created_by: ctx.actor.userId,
          updated_by: ctx.actor.userId,
          ...values,
        })
        .onConflict((oc) =>
          oc.columns(['submission_id', 'item_id']).doUpdateSet({
            ...values,
            updated_by: ctx.actor.userId,
            updated_at: ctx.now(),
            version: sql`data_call_figure.version + 1`,
          }),
        )
        .execute();
    }
    audit({
      action: 'dataCall.fill',
      entity: 'data_call_submission',
      entityId: id,
      orgId: s.orgId,
      regionCode: s.regionCode,
      change: { figures: input.figures },
    });
  });
  return getSubmission(ctx, id);
}

async function bumpSubmission(
  trx: Tx,
  ctx: Ctx,
  s: LoadedSubmission,
  version: number,
  patch: {
    status?: SubmissionStatus;
    submitted_at?: Date;
    reviewed_at?: Date;
    reviewed_by?: string | null;
    return_reason?: string | null;
  },
) {
  await updateVersioned(trx, ctx, 'data_call_submission', s.id, version, patch);
}

/** Submits for review; every reported figure must be filled first. */
export async function submitSubmission(ctx: Ctx, id: string, raw: unknown): Promise<Submission> {
  const { version } = VersionInput.parse(raw);
  const s = await loadOwnOpen(ctx, id, 'submit');
  const items = await listItems(ctx.db, s.callId);
  const filed = await listFigures(ctx.db, id);
  const missing = items.filter((i) => i.source === 'reported' && !filed.has(i.id)).map((i) => `“${i.name}”`);
  if (missing.length > 0)
    throw invalid('dataCall.incomplete', `以下指标尚未填报:${missing.join('、')}`, 'figures');
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    await bumpSubmission(trx, ctx, s, version, {
      status: 'submitted',
      submitted_at: ctx.now(),
      return_reason: null,
    });
    audit({
      action: 'dataCall.submit',
      entity: 'data_call_submission',
      entityId: id,
      orgId: s.orgId,
      regionCode: s.regionCode,
      change: { status: 'submitted' },
    });
  });
  return getSubmission(ctx, id);
}

/** The office accepts (the figures become the figures of record) or returns with a reason. */
export async function reviewSubmission(
  ctx: Ctx,
  id: string,
  decision: 'accept' | 'return',
  raw: unknown,
): Promise<Submission> {
  authorize(ctx.actor, 'planning:dataCall:review');
  const input = decision === 'accept' ? { ...VersionInput.parse(raw), reason: null } : ReturnInput.parse(raw);
  const s = await loadSubmission(ctx, id);
  await getDataCall(ctx, s.callId); // the reviewer must see the call itself, not only the unit
  guard(s, decision);
  const status: SubmissionStatus = decision === 'accept' ? 'accepted' : 'returned';
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    await bumpSubmission(trx, ctx, s, input.version, {
      status,
      reviewed_at: ctx.now(),
      reviewed_by: ctx.actor.userId,
      return_reason: input.reason,
    });
    audit({
      action: `dataCall.${decision}`,
      entity: 'data_call_submission',
      entityId: id,
      orgId: s.orgId,
      regionCode: s.regionCode,
      change: { status, statusLabel: submissionStatusLabels[status], reason: input.reason },
    });
  });
  return getSubmission(ctx, id);
}
