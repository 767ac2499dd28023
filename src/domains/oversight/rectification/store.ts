import { sql } from 'kysely';
import { addCalendarDays } from '../../../platform/clock/index.js';
import type { Scope } from '../../../platform/context.js';
import type { Executor } from '../../../platform/db/types.js';
import { inScope } from '../../../platform/scope.js';
import { DUE_SOON_DAYS } from './rules.js';
import type { RectificationSource, RectificationStatus } from './schema.js';
import '../tables.js';
import { withOrg } from '../../org/org-store.js';

export interface RectificationFilter {
  status?: RectificationStatus | undefined;
  source?: RectificationSource | undefined;
  sourceId?: string | undefined;
  orgId?: string | undefined;
  due?: 'dueSoon' | 'overdue' | undefined;
  q?: string | undefined;
  ids?: readonly string[] | undefined;
}

export const RECTIFICATION_SORT = {
  dueOn: 'r.due_on',
  foundOn: 'r.found_on',
  status: 'r.status',
  org: 'g.name',
} as const;

function conditions(scope: Scope, f: RectificationFilter, today: string) {
  const w = [inScope(scope, 'r')];
  if (f.status) w.push(sql<boolean>`r.status = ${f.status}`);
  if (f.source) w.push(sql<boolean>`r.source = ${f.source}`);
  if (f.sourceId) w.push(sql<boolean>`r.source_id = ${f.sourceId}`);
  if (f.orgId) w.push(sql<boolean>`r.org_id = ${f.orgId}`);
  if (f.q) w.push(sql<boolean>`(r.problem like ${`%${f.q}%`} or r.source_label like ${`%${f.q}%`})`);
  if (f.ids) w.push(sql<boolean>`r.id = any(${[...f.ids]}::uuid[])`);
  // the SQL twin of rectificationDue()
  if (f.due === 'overdue') w.push(sql<boolean>`r.status <> 'closed' and r.due_on < ${today}::date`);
  if (f.due === 'dueSoon')
    w.push(
      sql<boolean>`r.status <> 'closed' and r.due_on between ${today}::date and ${addCalendarDays(today, DUE_SOON_DAYS)}::date`,
    );
  return sql<boolean>`${sql.join(w, sql` and `)}`;
}

function base(db: Executor) {
  return withOrg(db, 'oversight_rectification', 'r')
    .innerJoin('org as i', 'i.id', 'r.issuer_org_id')
    .select([
      'r.id',
      'r.region_code',
      'r.org_id',
      'g.name as org_name',
      'r.issuer_org_id',
      'i.name as issuer_org_name',
      'r.source',
      'r.source_id',
      'r.source_label',
      'r.problem',
      'r.measure',
      'r.found_on',
      'r.due_on',
      'r.status',
      'r.evidence_count',
      'r.closed_on',
      'r.action_count',
      'r.created_by',
      'r.version',
    ]);
}

export type RectificationRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

export async function listRectificationRows(
  db: Executor,
  scope: Scope,
  f: RectificationFilter,
  today: string,
  page: { offset: number; limit: number },
  sort: { column: string; direction: 'asc' | 'desc' } | null = null,
) {
  let q = base(db).where(conditions(scope, f, today));
  q = sort
    ? q.orderBy(sql.ref(sort.column), sort.direction).orderBy('r.id')
    : // open items by deadline first (overdue rises, then 临期); a closed one is never late, so it follows, newest first
      q
        .orderBy(sql`r.status = 'closed'`)
        .orderBy(sql`case when r.status <> 'closed' then r.due_on end`)
        .orderBy('r.due_on', 'desc')
        .orderBy('r.id');
  const [rows, count] = await Promise.all([
    q.offset(page.offset).limit(page.limit).execute(),
    db
      .selectFrom('oversight_rectification as r')
      .where(conditions(scope, f, today))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findRectificationRow(db: Executor, scope: Scope, id: string) {
  return base(db).where(inScope(scope, 'r')).where('r.id', '=', id).executeTakeFirst();
}
