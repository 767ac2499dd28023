import { insertInBatches } from '../../../platform/service/batches.js';
import { sql } from 'kysely';
import { listTotal, type PageRequest } from '../../../platform/paging.js';
import {
  addDays,
  type LocalDate,
  loadWorkCalendar,
  type WorkCalendar,
} from '../../../platform/calendar/index.js';
import { chinaDate, type Ctx } from '../../../platform/context.js';
import { newId, staleVersion, writeTx } from '../../../platform/db/tx.js';
import { auditOneOrBatch } from '../audit.js';
import type { Tx } from '../../../platform/db/types.js';
import { conflict, invalid, notFound } from '../../../platform/errors.js';
import { inScope } from '../../../platform/scope.js';
import { authorize } from '../../org/policy.js';
import { dueState, provisionalReason } from '../../../platform/clock/index.js';
import { DUE_SOON_DAYS } from '../cases/rules.js';
import {
  type PublicationContent,
  type PublicationSource,
  publicationContent,
  publicationDue,
  withholdReason,
} from './rules.js';
import { presentWithdrawal, type WithdrawalView, withdrawalWhere } from './withdrawal.js';
import '../tables.js';

export interface NewPublication {
  caseId: string;
  regionCode: string;
  /** the case's 立案日期: the publication lives in its case's year partition (migration 0280) */
  caseOpenedOn: string;
  orgId: string;
  partyMinor: boolean;
  /** the case category: the publication period depends on it (国办发〔2018〕118号) */
  category?: string;
  source: PublicationSource;
}

/** The row of the publication a decision creates (status pending, or withheld with the reason). */
export function publicationRow(p: NewPublication, calendar: WorkCalendar, actorId: string | null) {
  const reason = withholdReason({ partyMinor: p.partyMinor });
  return {
    id: newId(),
    region_code: p.regionCode,
    org_id: p.orgId,
    case_id: p.caseId,
    case_opened_on: p.caseOpenedOn,
    decided_on: p.source.decidedOn,
    due_on: publicationDue(calendar, p.source.decidedOn, p.category ?? 'penalty'),
    category: p.category ?? 'penalty',
    status: reason ? 'withheld' : 'pending',
    withheld_reason: reason,
    withheld_on: reason ? p.source.decidedOn : null,
    content: reason ? null : JSON.stringify(publicationContent(p.source)),
    created_by: actorId,
    updated_by: actorId,
  };
}

/** The publications decisions create, in the decisions' own transaction (a batch of cases). */
export async function insertPublications(
  trx: Tx,
  items: readonly NewPublication[],
  calendar: WorkCalendar,
  actorId: string | null,
): Promise<void> {
  const rows = items.map((p) => publicationRow(p, calendar, actorId));
  await insertInBatches(trx, 'enforcement_publication', rows, 500);
}

export const PublicationStatus = ['pending', 'published', 'withheld', 'withdrawn'] as const;
export type PublicationStatus = (typeof PublicationStatus)[number];
const statusLabels = {
  pending: '待公示',
  published: '已公示',
  withheld: '不予公开',
  withdrawn: '已撤回',
} as const satisfies Record<PublicationStatus, string>;

export interface Publication extends WithdrawalView {
  id: string;
  caseId: string;
  orgId: string;
  decidedOn: string;
  dueOn: string;
  /** why dueOn is provisional (a year whose holiday arrangement is not published), or null */
  dueProvisionalReason: string | null;
  status: PublicationStatus;
  statusLabel: string;
  withheldReason: string | null;
  publishedOn: string | null;
  /** 临期 / 逾期 of an unpublished item; a late publication stays marked late */
  dueState: 'normal' | 'dueSoon' | 'overdue' | null;
  late: boolean;
  /** exactly what the public sees (already masked) */
  content: PublicationContent | null;
  version: number;
}

export interface PublicationFilter {
  status?: PublicationStatus | undefined;
  due?: 'dueSoon' | 'overdue' | undefined;
  orgId?: string | undefined;
  /** published decisions since changed or revoked, awaiting withdrawal (第四十八条); 临期 / 逾期 */
  withdrawal?: 'pending' | 'dueSoon' | 'overdue' | undefined;
}

function query(ctx: Ctx, f: PublicationFilter, today: LocalDate) {
  let q = ctx.db.selectFrom('enforcement_publication as p').selectAll('p').where(inScope(ctx.scope, 'p'));
  if (f.status) q = q.where('p.status', '=', f.status);
  if (f.orgId) q = q.where('p.org_id', '=', f.orgId);
  if (f.due === 'overdue')
    q = q.where('p.status', '=', 'pending').where(sql<boolean>`p.due_on < ${today}::date`);
  if (f.due === 'dueSoon')
    q = q
      .where('p.status', '=', 'pending')
      .where(sql<boolean>`p.due_on between ${today}::date and ${addDays(today, DUE_SOON_DAYS)}::date`);
  if (f.withdrawal) q = q.where(withdrawalWhere(f.withdrawal, today));
  return q;
}

export type PublicationRow = Awaited<ReturnType<ReturnType<typeof query>['executeTakeFirstOrThrow']>>;
type Row = PublicationRow;

export function presentPublication(
  r: Omit<Row, 'created_at' | 'updated_at'>,
  today: LocalDate,
  calendar: WorkCalendar,
): Publication {
  const status = r.status as PublicationStatus;
  return {
    id: r.id,
    caseId: r.case_id,
    orgId: r.org_id,
    decidedOn: r.decided_on,
    dueOn: r.due_on,
    dueProvisionalReason: provisionalReason(calendar, r.due_on),
    status,
    statusLabel: statusLabels[status],
    withheldReason: r.withheld_reason,
    publishedOn: r.published_on,
    dueState: status === 'pending' ? dueState(r.due_on, today, DUE_SOON_DAYS) : null,
    late: r.published_on !== null && r.published_on > r.due_on,
    content: (r.content as PublicationContent | null) ?? null,
    version: r.version,
    ...presentWithdrawal(r, today, calendar),
  };
}

export async function searchPublications(ctx: Ctx, f: PublicationFilter, page: PageRequest) {
  authorize(ctx.actor, 'enforcement:case:list');
  const today = chinaDate(ctx.now());
  const q = query(ctx, f, today);
  const [rows, count, calendar] = await Promise.all([
    // pending ones first, the earliest deadline on top (overdue rises); then the rest, newest first
    q
      .orderBy(sql`p.status = 'pending'`, 'desc')
      .orderBy(sql`case when p.status = 'pending' then p.due_on end`)
      .orderBy('p.due_on', 'desc')
      .orderBy('p.id')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    listTotal(ctx.db, q, page),
    loadWorkCalendar(ctx.db),
  ]);
  return { items: rows.map((r) => presentPublication(r, today, calendar)), ...count };
}

export async function getCasePublication(ctx: Ctx, caseId: string): Promise<Publication | null> {
  authorize(ctx.actor, 'enforcement:case:list');
  const r = await query(ctx, {}, chinaDate(ctx.now())).where('p.case_id', '=', caseId).executeTakeFirst();
  return r ? presentPublication(r, chinaDate(ctx.now()), await loadWorkCalendar(ctx.db)) : null;
}

/**
 * Publishes pending items on their dates (one transaction, one audit entry for a batch). A version,
 * when given, must match (a single publication from the UI); a withheld item is never published.
 */
export async function publishPublications(
  ctx: Ctx,
  items: readonly { id: string; date: LocalDate; version?: number }[],
): Promise<number> {
  authorize(ctx.actor, 'enforcement:case:edit');
  const today = chinaDate(ctx.now());
  const rows = await query(ctx, {}, today)
    .where('p.id', 'in', items.length > 0 ? items.map((i) => i.id) : ['00000000-0000-0000-0000-000000000000'])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const item of items) {
    const r = byId.get(item.id);
    if (!r) throw notFound('enforcement.publicationNotFound', '公示记录不存在或不在您的权限范围内');
    if (r.status !== 'pending')
      throw conflict(
        'enforcement.publicationNotPending',
        `该决定${statusLabels[r.status as PublicationStatus]},不能公示`,
        { field: 'status' },
      );
    if (item.date < r.decided_on || item.date > today)
      throw invalid('enforcement.publicationDate', `公示日期应在决定日期 ${r.decided_on} 与今天之间`, 'date');
    if (item.version !== undefined && item.version !== r.version) throw staleVersion();
  }
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    // one statement per thousand items (a seed or an import publishes tens of thousands)
    for (let i = 0; i < items.length; i += 1000) {
      const chunk = items.slice(i, i + 1000);
      const values = sql.join(chunk.map((it) => sql`(${it.id}::uuid, ${it.date}::date)`));
      const res = await sql<{ id: string }>`update enforcement_publication as p
        set status = 'published', published_on = v.d, updated_by = ${ctx.actor.userId},
            updated_at = ${ctx.now()}, version = p.version + 1
        from (values ${values}) as v(id, d)
        where p.id = v.id and p.status = 'pending'
        returning p.id`.execute(trx);
      if (res.rows.length !== chunk.length) throw staleVersion();
    }
    // every item was found above and updated once, so `rows` are the items' rows
    auditOneOrBatch(
      audit,
      'enforcement_publication',
      rows,
      { action: 'enforcement.publication.publish', change: () => ({ date: items[0]?.date }) },
      { action: 'enforcement.publication.bulkPublish', change: { count: items.length } },
    );
  });
  return items.length;
}
