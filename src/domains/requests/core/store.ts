import { sql } from 'kysely';
import type { LocalDate } from '../../../platform/calendar/index.js';
import { DUE_SOON_DAYS } from '../../../platform/clock/index.js';
import type { Scope } from '../../../platform/context.js';
import { newId } from '../../../platform/db/tx.js';
import type { Executor, Tx } from '../../../platform/db/types.js';
import { type DueFilter, whereDueOn, whereFilter } from '../../../platform/db/filters.js';
import { countOf, type ListSort, pageAndCount, sortedBy } from '../../../platform/paging.js';
import { inScope } from '../../../platform/scope.js';
import type { ActionRecord, ItemHead, ItemKind, Projection } from './spec.js';
import './tables.js';
import { withOrg } from '../../org/org-store.js';

export interface ItemFilter {
  q?: string | undefined;
  status?: string | undefined;
  category?: string | undefined;
  channel?: string | undefined;
  outcome?: string | undefined;
  orgId?: string | undefined;
  /** 临期 (due within warnDays) / 逾期 (past due) at `today` */
  due?: DueFilter | undefined;
  extended?: boolean | undefined;
  receivedFrom?: LocalDate | undefined;
  receivedTo?: LocalDate | undefined;
}

export const itemSortColumns = {
  receivedOn: 'i.received_on',
  dueOn: 'i.due_on',
  receiptNo: 'i.receipt_no',
  status: 'i.status',
  orgName: 'g.name',
  answeredOn: 'i.answered_on',
} as const;
export type ItemSortField = keyof typeof itemSortColumns;

function baseQuery(db: Executor) {
  return withOrg(db, 'requests_item', 'i').select([
    'i.id',
    'i.region_code',
    'i.org_id',
    'g.name as org_name',
    'i.kind',
    'i.receipt_no',
    'i.subject',
    'i.received_on',
    'i.channel',
    'i.category',
    'i.applicant_kind',
    'i.applicant_name',
    'i.applicant_contact',
    'i.facts',
    'i.link_id',
    'i.status',
    'i.outcome',
    'i.due_kind',
    'i.due_on',
    'i.due_provisional',
    'i.extended',
    'i.answered_on',
    'i.closed_on',
    'i.on_time',
    'i.resolved',
    'i.amount',
    'i.action_count',
    'i.created_by',
    'i.version',
  ]);
}
export type ItemRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

export async function findItem(
  db: Executor,
  scope: Scope,
  kind: ItemKind,
  id: string,
): Promise<ItemRow | undefined> {
  return baseQuery(db)
    .where('i.id', '=', id)
    .where('i.kind', '=', kind)
    .where(inScope(scope, 'i'))
    .executeTakeFirst();
}

/** An item's head as its kind's rules read it, from the stored row. */
export const headOf = (
  row: Pick<
    ItemRow,
    | 'subject'
    | 'received_on'
    | 'channel'
    | 'category'
    | 'applicant_kind'
    | 'applicant_name'
    | 'applicant_contact'
    | 'facts'
    | 'link_id'
    | 'amount'
  >,
): ItemHead => ({
  subject: row.subject,
  receivedOn: row.received_on,
  channel: row.channel,
  category: row.category,
  applicantKind: row.applicant_kind,
  applicantName: row.applicant_name,
  applicantContact: row.applicant_contact,
  facts: (row.facts ?? {}) as Record<string, unknown>,
  linkId: row.link_id,
  amount: row.amount === null ? null : Number(row.amount),
});

/** A stored act as the rules read it. */
export const actionRecordOf = (r: {
  action: string;
  occurred_on: LocalDate;
  data: unknown;
  actor_id: string | null;
}): ActionRecord => ({
  action: r.action,
  date: r.occurred_on,
  data: (r.data ?? {}) as Record<string, unknown>,
  actorId: r.actor_id,
});

/** The requests_action row of an item's `seq`-th act, recorded by `actor` (the reverse of actionRecordOf). */
export const actionRow = (
  item: { id: string; regionCode: string; orgId: string },
  seq: number,
  act: Pick<ActionRecord, 'action' | 'date' | 'data'>,
  actor: { id: string | null; name: string },
) => ({
  id: newId(),
  item_id: item.id,
  region_code: item.regionCode,
  org_id: item.orgId,
  seq,
  action: act.action,
  occurred_on: act.date,
  data: JSON.stringify(act.data),
  actor_id: actor.id,
  actor_name: actor.name,
});

export async function loadActions(db: Executor, itemId: string) {
  const rows = await db
    .selectFrom('requests_action')
    .select(['seq', 'action', 'occurred_on', 'data', 'actor_id', 'actor_name', 'created_at'])
    .where('item_id', '=', itemId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    seq: r.seq,
    actorName: r.actor_name,
    recordedAt: r.created_at,
    record: actionRecordOf(r),
  }));
}

export async function listItems(
  db: Executor,
  scope: Scope,
  kind: ItemKind,
  f: ItemFilter,
  today: LocalDate,
  warnDays: number,
  page: { offset: number; limit: number },
  sort: ListSort | null,
) {
  const matching = whereFilter(baseQuery(db).where('i.kind', '=', kind).where(inScope(scope, 'i')), 'i', f, {
    keyword: ['i.receipt_no', 'i.subject', 'i.applicant_name'],
    equals: ['status', 'category', 'channel', 'outcome', 'orgId', 'extended'],
    range: ['i.received_on', 'receivedFrom', 'receivedTo'],
  });
  // the SQL twin of dueState(due_on, today, warnDays): the last day runs to its end
  const q = whereDueOn(matching, 'i.due_on', f.due, today, warnDays);
  const ordered = sort
    ? sortedBy(q, sort, 'i.id')
    : // the earliest open deadline first (overdue rises, then 临期; a closed item has none), the rest newest first
      q
        .orderBy(sql`i.due_on`, (ob) => ob.asc().nullsLast())
        .orderBy('i.received_on', 'desc')
        .orderBy('i.receipt_no', 'desc');
  const { rows: items, total } = await pageAndCount(ordered, countOf(q), page);
  return { items, total };
}

/** The next number of the year for a kind in a region, e.g. GK-2025-00012. */
export async function nextReceiptNo(
  trx: Tx,
  regionCode: string,
  kind: ItemKind,
  prefix: string,
  year: number,
) {
  const head = `${prefix}-${year}-`;
  const r = await trx
    .selectFrom('requests_item')
    .select((eb) => eb.fn.max('receipt_no').as('last'))
    .where('region_code', '=', regionCode)
    .where('kind', '=', kind)
    .where('receipt_no', 'like', `${head}%`)
    .executeTakeFirst();
  const last = r?.last ? Number(String(r.last).slice(head.length)) : 0;
  return `${head}${String(last + 1).padStart(5, '0')}`;
}

export const projectionColumns = (p: Projection) => ({
  status: p.status,
  outcome: p.outcome,
  due_kind: p.dueKind,
  due_on: p.dueOn,
  due_provisional: p.dueProvisional,
  extended: p.extended,
  answered_on: p.answeredOn,
  closed_on: p.closedOn,
  on_time: p.onTime,
  resolved: p.resolved,
});

export async function loadSettings(db: Executor, regionCode: string) {
  const r = await db
    .selectFrom('requests_setting')
    .select(['proposal_return_days', 'reception_day', 'warn_days', 'version'])
    .where('region_code', '=', regionCode)
    .executeTakeFirst();
  return {
    proposalReturnDays: r?.proposal_return_days ?? 10,
    receptionDay: r?.reception_day ?? null,
    warnDays: r?.warn_days ?? DUE_SOON_DAYS,
    version: r?.version ?? 0,
  };
}

/** What a region sets, as saved (the edit form's `version` aside). */
export interface RegionSettings {
  proposalReturnDays: number;
  receptionDay: number | null;
  warnDays: number;
}

export async function saveSettings(trx: Tx, regionCode: string, s: RegionSettings, userId: string | null) {
  await trx
    .insertInto('requests_setting')
    .values({
      region_code: regionCode,
      proposal_return_days: s.proposalReturnDays,
      reception_day: s.receptionDay,
      warn_days: s.warnDays,
      updated_by: userId,
    })
    .onConflict((oc) =>
      oc.column('region_code').doUpdateSet({
        proposal_return_days: s.proposalReturnDays,
        reception_day: s.receptionDay,
        warn_days: s.warnDays,
        updated_by: userId,
        updated_at: new Date(),
        version: sql`requests_setting.version + 1`,
      }),
    )
    .execute();
}

/** Registers (主动公开, 领导接访, 法律咨询, 法律顾问): one row per entry. */
export interface EntryFilter {
  kind: string;
  category?: string | undefined;
  orgId?: string | undefined;
  from?: LocalDate | undefined;
  to?: LocalDate | undefined;
}

function entries(db: Executor, scope: Scope, f: EntryFilter) {
  const q = withOrg(db, 'requests_entry', 'e').where('e.kind', '=', f.kind).where(inScope(scope, 'e'));
  return whereFilter(q, 'e', f, { equals: ['category', 'orgId'], range: ['e.occurred_on', 'from', 'to'] });
}

export async function listEntries(
  db: Executor,
  scope: Scope,
  f: EntryFilter,
  page: { offset: number; limit: number },
) {
  const { rows: items, total } = await pageAndCount(
    entries(db, scope, f)
      .select([
        'e.id',
        'e.org_id',
        'g.name as org_name',
        'e.kind',
        'e.category',
        'e.occurred_on',
        'e.title',
        'e.quantity',
        'e.person_name',
        'e.person_org',
        'e.place',
        'e.data',
      ])
      .orderBy('e.occurred_on', 'desc')
      .orderBy('e.id'),
    countOf(entries(db, scope, f)),
    page,
  );
  return { items, total };
}

export async function findEntry(db: Executor, scope: Scope, kind: string, id: string) {
  return db
    .selectFrom('requests_entry as e')
    .select(['e.id', 'e.org_id', 'e.region_code', 'e.category', 'e.occurred_on', 'e.title'])
    .where('e.id', '=', id)
    .where('e.kind', '=', kind)
    .where(inScope(scope, 'e'))
    .executeTakeFirst();
}
