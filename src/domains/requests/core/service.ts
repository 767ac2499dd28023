import { z } from 'zod';
import { loadWorkCalendar, type LocalDate } from '../../../platform/calendar/index.js';
import { DUE_SOON_DAYS, dueState } from '../../../platform/clock/index.js';
import { chinaDate, type Ctx } from '../../../platform/context.js';
import { atVersion, newId, staleVersion, writeTx } from '../../../platform/db/tx.js';
import { invalid, notFound } from '../../../platform/errors.js';
import {
  LocalDate as LocalDateSchema,
  parseInput,
  parseSort,
  type SafeParser,
} from '../../../platform/validation.js';
import { getOrg } from '../../org/org-service.js';
import { authorize } from '../../org/policy.js';
import type { ActionRecord, ItemHead, KindSpec, RuleContext } from './spec.js';
import {
  actionRow,
  findItem,
  headOf,
  type ItemFilter,
  type ItemRow,
  itemSortColumns,
  listItems,
  loadActions,
  loadSettings,
  nextReceiptNo,
  projectionColumns,
} from './store.js';

export async function ruleContext(
  ctx: Ctx,
  regionCode: string,
): Promise<RuleContext & { receptionDay: number | null }> {
  const [calendar, settings] = await Promise.all([
    loadWorkCalendar(ctx.db),
    loadSettings(ctx.db, regionCode),
  ]);
  return {
    calendar,
    today: chinaDate(ctx.now()),
    settings: { proposalReturnDays: settings.proposalReturnDays, warnDays: settings.warnDays },
    receptionDay: settings.receptionDay,
  };
}

/** The org a new item belongs to: one the caller can see (else 404), with its region. */
export async function orgInScope(ctx: Ctx, orgId: string) {
  try {
    return await getOrg(ctx, orgId);
  } catch {
    throw notFound('requests.orgNotFound', '单位不存在或不在您的权限范围内');
  }
}

/**
 * Opens an item: the head and its opening act, with the projection, in one transaction with
 * the audit entry. The receipt number is the next of the year in the region.
 */
export async function openItem(
  ctx: Ctx,
  spec: KindSpec,
  orgId: string,
  head: ItemHead,
  openingData: Record<string, unknown>,
  opts: { secretHash?: string; actorName?: string } = {},
): Promise<{ id: string; receiptNo: string }> {
  const org = await orgInScope(ctx, orgId);
  const rc = await ruleContext(ctx, org.regionCode);
  if (head.receivedOn > rc.today)
    throw invalid('requests.futureDate', `收到日期 ${head.receivedOn} 晚于今天`, 'receivedOn');
  const opening: ActionRecord = {
    action: spec.openingAction,
    date: head.receivedOn,
    data: openingData,
    actorId: ctx.actor.userId,
  };
  const log: ActionRecord[] = [opening];
  const projection = spec.project(head, log, rc);
  return writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    const id = newId();
    const receiptNo = await nextReceiptNo(
      trx,
      org.regionCode,
      spec.kind,
      spec.receiptPrefix,
      Number(head.receivedOn.slice(0, 4)),
    );
    await trx
      .insertInto('requests_item')
      .values({
        id,
        region_code: org.regionCode,
        org_id: org.id,
        kind: spec.kind,
        receipt_no: receiptNo,
        subject: head.subject,
        received_on: head.receivedOn,
        channel: head.channel,
        category: head.category,
        applicant_kind: head.applicantKind,
        applicant_name: head.applicantName,
        applicant_contact: head.applicantContact,
        facts: JSON.stringify(head.facts),
        link_id: head.linkId,
        secret_hash: opts.secretHash ?? null,
        amount: head.amount,
        ...projectionColumns(projection),
        action_count: 1,
        created_by: ctx.actor.userId,
        updated_by: ctx.actor.userId,
      })
      .execute();
    await trx
      .insertInto('requests_action')
      .values(
        actionRow({ id, regionCode: org.regionCode, orgId: org.id }, 1, opening, {
          id: ctx.actor.userId,
          name: opts.actorName ?? ctx.actor.displayName,
        }),
      )
      .execute();
    audit({
      action: `requests.${spec.kind}.${spec.openingAction}`,
      entity: 'requests_item',
      entityId: id,
      orgId: org.id,
      regionCode: org.regionCode,
      change: { receiptNo, receivedOn: head.receivedOn, channel: head.channel, category: head.category },
    });
    return { id, receiptNo };
  });
}

const ActionBody = z.strictObject({
  version: z.number().int('应为整数').positive('版本号不正确'),
  action: z.string().min(1, '请选择办理环节').max(40),
  date: LocalDateSchema,
  data: z.record(z.string(), z.unknown()).default({}),
});

/** Records one act: checked against the log by the kind's rules, the projection recomputed, audited. */
export async function recordAction(ctx: Ctx, spec: KindSpec, id: string, raw: unknown) {
  authorize(ctx.actor, spec.editPermission);
  const body = parseInput(ActionBody, raw);
  if (!spec.actions.includes(body.action) || body.action === spec.openingAction)
    throw invalid('requests.badAction', '办理环节不正确', 'action');
  const data = parseInput(spec.actionData as SafeParser<Record<string, unknown>>, body.data, {
    under: 'data',
  });
  const row = atVersion(await findItem(ctx.db, ctx.scope, spec.kind, id), body.version, () =>
    notFound('requests.notFound', `${spec.title}事项不存在或不在您的权限范围内`),
  );
  const rc = await ruleContext(ctx, row.region_code);
  const head = headOf(row);
  const actions = await loadActions(ctx.db, id);
  const log = actions.map((a) => a.record);
  const next: ActionRecord = { action: body.action, date: body.date, data, actorId: ctx.actor.userId };
  spec.checkAction(head, log, next, rc);
  const projection = spec.project(head, [...log, next], rc);
  const seq = log.length + 1;
  // what the update writes into the row, and so what the answer shows
  const changed = { ...projectionColumns(projection), action_count: seq, version: row.version + 1 };
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    const updated = await trx
      .updateTable('requests_item')
      .set({ ...changed, updated_by: ctx.actor.userId, updated_at: new Date() })
      .where('id', '=', id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw staleVersion();
    await trx
      .insertInto('requests_action')
      .values(
        actionRow({ id, regionCode: row.region_code, orgId: row.org_id }, seq, next, {
          id: ctx.actor.userId,
          name: ctx.actor.displayName,
        }),
      )
      .execute();
    audit({
      action: `requests.${spec.kind}.${next.action}`,
      entity: 'requests_item',
      entityId: id,
      orgId: row.org_id,
      regionCode: row.region_code,
      change: { receiptNo: row.receipt_no, date: next.date, data, status: projection.status },
    });
  });
  // the answer from what is in memory: the row as the update left it and the log with the new act
  const act = { seq, actorName: ctx.actor.displayName, record: next };
  return itemDetail(spec, { ...row, ...changed }, [...actions, act], rc);
}

const label = (labels: Readonly<Record<string, string>>, code: string | null) =>
  code ? (labels[code] ?? code) : null;

export function presentItem(spec: KindSpec, row: ItemRow, today: LocalDate, warnDays: number) {
  return {
    id: row.id,
    receiptNo: row.receipt_no,
    orgId: row.org_id,
    orgName: row.org_name,
    subject: row.subject,
    receivedOn: row.received_on,
    channel: row.channel,
    channelLabel: label(spec.labels.channel, row.channel),
    category: row.category,
    categoryLabel: label(spec.labels.category, row.category),
    applicantKind: row.applicant_kind,
    applicantKindLabel: label(spec.labels.applicantKind, row.applicant_kind),
    applicantName: row.applicant_name,
    status: row.status,
    statusLabel: label(spec.statusLabels, row.status),
    outcome: row.outcome,
    outcomeLabel: label(spec.labels.outcome, row.outcome),
    dueOn: row.due_on,
    dueState: row.due_on ? dueState(row.due_on, today, warnDays) : null,
    dueProvisional: row.due_provisional,
    extended: row.extended,
    answeredOn: row.answered_on,
    closedOn: row.closed_on,
    onTime: row.on_time,
    resolved: row.resolved,
    amount: row.amount === null ? null : Number(row.amount),
    version: row.version,
  };
}
export type ItemSummary = ReturnType<typeof presentItem>;

/** An item with its timeline, its clocks and the acts allowed next. */
export async function getItem(ctx: Ctx, spec: KindSpec, id: string) {
  authorize(ctx.actor, spec.listPermission);
  const row = await findItem(ctx.db, ctx.scope, spec.kind, id);
  if (!row) throw notFound('requests.notFound', `${spec.title}事项不存在或不在您的权限范围内`);
  const rc = await ruleContext(ctx, row.region_code);
  return itemDetail(spec, row, await loadActions(ctx.db, id), rc);
}

/** An item as `getItem` answers it, from its row, its acts in order and the rule context. */
function itemDetail(
  spec: KindSpec,
  row: ItemRow,
  actions: readonly { seq: number; actorName: string; record: ActionRecord }[],
  rc: Awaited<ReturnType<typeof ruleContext>>,
) {
  const head = headOf(row);
  const log = actions.map((a) => a.record);
  return {
    ...presentItem(spec, row, rc.today, rc.settings.warnDays),
    applicantContact: row.applicant_contact,
    facts: head.facts,
    linkId: row.link_id,
    timeline: actions.map((a) => ({
      seq: a.seq,
      action: a.record.action,
      actionLabel: spec.actionLabels[a.record.action] ?? a.record.action,
      date: a.record.date,
      data: a.record.data,
      actorName: a.actorName,
    })),
    dues: spec.dues(head, log, rc).map((d) => ({
      ...d,
      state: d.metOn
        ? d.metOn > d.dueOn
          ? 'late'
          : 'met'
        : d.party
          ? 'window'
          : dueState(d.dueOn, rc.today, rc.settings.warnDays),
    })),
    allowedActions: (spec.allowed[row.status] ?? []).map((a) => ({
      action: a,
      label: spec.actionLabels[a] ?? a,
    })),
  };
}

export async function searchItems(
  ctx: Ctx,
  spec: KindSpec,
  filter: ItemFilter & { sort?: string | undefined },
  page: { offset: number; limit: number },
) {
  authorize(ctx.actor, spec.listPermission);
  const { sort, ...f } = filter;
  const today = chinaDate(ctx.now());
  const warnDays = ctx.actor.regionCode
    ? (await loadSettings(ctx.db, ctx.actor.regionCode)).warnDays
    : DUE_SOON_DAYS;
  const r = await listItems(
    ctx.db,
    ctx.scope,
    spec.kind,
    f,
    today,
    warnDays,
    page,
    parseSort(sort, itemSortColumns),
  );
  return { total: r.total, items: r.items.map((x) => presentItem(spec, x, today, warnDays)) };
}
