import { type Actor, chinaDate, type Ctx } from '../../../platform/context.js';
import type { AuditInput } from '../../../platform/audit/audit.js';
import type { Tx } from '../../../platform/db/types.js';
import { newId, updateVersioned, writeTx } from '../../../platform/db/tx.js';
import { forbidden, invalid, notFound } from '../../../platform/errors.js';
import { authorize } from '../../org/policy.js';
import { appendAction, checkEvidence, loadActions } from '../action-log.js';
import { checkRectificationAction, deriveRectification, OFFICE_ACTIONS, rectificationDue } from './rules.js';
import {
  type FindingInput,
  RectificationActInput,
  type RectificationActionRecord,
  type RectificationSource,
  type RectificationStatus,
} from './schema.js';
import {
  findRectificationRow,
  listRectificationRows,
  type RectificationFilter,
  type RectificationRow,
} from './store.js';

export interface RaiseInput {
  regionCode: string;
  orgId: string;
  issuerOrgId: string;
  source: RectificationSource;
  sourceId: string;
  sourceLabel: string;
  problem: string;
  measure?: string | undefined;
  foundOn: string;
  dueOn: string;
}

/**
 * Opens a rectification item inside the caller's transaction (a 督察 visit, a 评查 file, a 监督
 * 意见书 or a clue records its finding and the item together, or neither).
 */
export async function raiseRectification(
  trx: Tx,
  actor: Actor,
  audit: (e: AuditInput) => void,
  input: RaiseInput,
): Promise<string> {
  if (input.dueOn < input.foundOn)
    throw invalid('oversight.dueBeforeFound', '整改期限不能早于发现问题的日期', 'dueOn');
  const id = newId();
  const row = {
    id,
    region_code: input.regionCode,
    org_id: input.orgId,
    issuer_org_id: input.issuerOrgId,
    source: input.source,
    source_id: input.sourceId,
    source_label: input.sourceLabel,
    problem: input.problem,
    measure: input.measure ?? '',
    found_on: input.foundOn,
    due_on: input.dueOn,
    status: 'open',
    action_count: 1,
    created_by: actor.userId,
    updated_by: actor.userId,
  };
  await trx.insertInto('oversight_rectification').values(row).execute();
  await appendAction(trx, actor, {
    entity: 'rectification',
    entityId: id,
    regionCode: input.regionCode,
    orgId: input.orgId,
    seq: 1,
    action: 'raise',
    occurredOn: input.foundOn,
    data: { dueOn: input.dueOn, ...(input.measure ? { measure: input.measure } : {}) },
  });
  audit({
    action: 'oversight.rectification.raise',
    entity: 'oversight_rectification',
    entityId: id,
    orgId: input.orgId,
    regionCode: input.regionCode,
    change: { after: row },
  });
  return id;
}

/**
 * One rectification item per finding of a record (a 督察 visit, a 评查 file, a closed clue), all
 * found on `raised.foundOn`: a finding due before that day is refused at its own field, the message
 * naming the day (`foundOnLabel`: 督察日期, 评查日期, 今天).
 */
export async function raiseFindings(
  trx: Tx,
  actor: Actor,
  audit: (e: AuditInput) => void,
  findings: readonly FindingInput[],
  raised: Omit<RaiseInput, 'problem' | 'measure' | 'dueOn'>,
  foundOnLabel: string,
): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, fd] of findings.entries()) {
    if (fd.dueOn < raised.foundOn)
      throw invalid('oversight.dueBeforeFound', `整改期限不能早于${foundOnLabel}`, `findings.${i}.dueOn`);
    ids.push(
      await raiseRectification(trx, actor, audit, {
        ...raised,
        problem: fd.problem,
        measure: fd.measure,
        dueOn: fd.dueOn,
      }),
    );
  }
  return ids;
}

function asRecords(actions: Awaited<ReturnType<typeof loadActions>>): RectificationActionRecord[] {
  return actions.map((a) => ({
    seq: a.seq,
    action: a.action as RectificationActionRecord['action'],
    occurredOn: a.occurredOn,
    data: a.data as RectificationActionRecord['data'],
    evidence: a.evidence,
    actorName: a.actorName,
  }));
}

export function presentRectification(r: RectificationRow, today: string) {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    issuerOrgId: r.issuer_org_id,
    issuerOrgName: r.issuer_org_name,
    source: r.source as RectificationSource,
    sourceId: r.source_id,
    sourceLabel: r.source_label,
    problem: r.problem,
    measure: r.measure,
    foundOn: r.found_on,
    dueOn: r.due_on,
    status: r.status as RectificationStatus,
    dueState: rectificationDue({ status: r.status as RectificationStatus, dueOn: r.due_on }, today),
    evidenceCount: r.evidence_count,
    closedOn: r.closed_on,
    version: r.version,
  };
}
export type Rectification = ReturnType<typeof presentRectification>;

export async function listRectifications(
  ctx: Ctx,
  f: RectificationFilter,
  page: { offset: number; limit: number },
  sort: { column: string; direction: 'asc' | 'desc' } | null = null,
) {
  authorize(ctx.actor, 'oversight:rectification:list');
  const today = chinaDate(ctx.now());
  const { rows, total } = await listRectificationRows(ctx.db, ctx.scope, f, today, page, sort);
  return { items: rows.map((r) => presentRectification(r, today)), total };
}

export async function getRectification(ctx: Ctx, id: string) {
  authorize(ctx.actor, 'oversight:rectification:list');
  const row = await findRectificationRow(ctx.db, ctx.scope, id);
  if (!row) throw notFound('oversight.rectificationNotFound', '整改事项不存在或不在您的权限范围内');
  const actions = asRecords(await loadActions(ctx.db, 'rectification', id));
  return { ...presentRectification(row, chinaDate(ctx.now())), actions };
}

/**
 * One act on an item: the owner plans, reports progress and completion; the issuing office
 * returns, extends or closes (销号, only with evidence on file). Optimistic lock on `version`.
 */
export async function actOnRectification(ctx: Ctx, id: string, raw: unknown) {
  const input = RectificationActInput.parse(raw);
  const office = OFFICE_ACTIONS.has(input.action);
  authorize(ctx.actor, office ? 'oversight:rectification:close' : 'oversight:rectification:edit');
  const row = await findRectificationRow(ctx.db, ctx.scope, id);
  if (!row) throw notFound('oversight.rectificationNotFound', '整改事项不存在或不在您的权限范围内');
  if (office && !ctx.scope.all && ctx.actor.orgId !== row.issuer_org_id)
    throw forbidden('oversight.notIssuer', '只有交办整改的单位可以退回、延期或销号');
  const today = chinaDate(ctx.now());
  const occurredOn = input.occurredOn ?? today;
  if (occurredOn > today) throw invalid('oversight.futureDate', '办理日期不能晚于今天', 'occurredOn');
  await checkEvidence(ctx.db, input.evidence);
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    const actions = asRecords(await loadActions(trx, 'rectification', id));
    const state = deriveRectification(actions);
    checkRectificationAction(state, input);
    const record: RectificationActionRecord = {
      seq: actions.length + 1,
      action: input.action,
      occurredOn,
      data: {
        ...(input.measure ? { measure: input.measure } : {}),
        ...(input.note ? { note: input.note } : {}),
        ...(input.action === 'extend' && input.dueOn ? { dueOn: input.dueOn } : {}),
      },
      evidence: input.evidence,
      actorName: ctx.actor.displayName,
    };
    const next = deriveRectification([...actions, record]);
    await updateVersioned(trx, ctx, 'oversight_rectification', id, input.version, {
      status: next.status,
      measure: next.measure,
      due_on: next.dueOn,
      evidence_count: next.evidenceCount,
      closed_on: next.closedOn,
      action_count: record.seq,
    });
    await appendAction(trx, ctx.actor, {
      entity: 'rectification',
      entityId: id,
      regionCode: row.region_code,
      orgId: row.org_id,
      seq: record.seq,
      action: record.action,
      occurredOn,
      data: record.data,
      evidence: input.evidence,
    });
    audit({
      action: `oversight.rectification.${input.action}`,
      entity: 'oversight_rectification',
      entityId: id,
      orgId: row.org_id,
      regionCode: row.region_code,
      change: { seq: record.seq, status: next.status, evidence: input.evidence },
    });
  });
  return getRectification(ctx, id);
}
