import { type RawBuilder, sql } from 'kysely';
import type { Scope } from '../../platform/context.js';
import type { Executor, Tx } from '../../platform/db/types.js';
import { type ListTotal, listTotal, type PageRequest } from '../../platform/paging.js';
import { inScope } from '../../platform/scope.js';
import type { ListChange, ListKey, Revision } from './schema.js';
import { presentRevisionChange, revisionColumns } from '../enforcement/power-list/revisions.js';
import './tables.js';
import '../enforcement/tables.js';
import '../org/tables.js';

export type ListTable = 'license_item' | 'enforcement_matter' | 'leniency_item' | 'discretion_standard';

/**
 * How one list reads: its table, the columns it shows (API name → SQL over alias t, the org g
 * and the power item p), which API fields filter and sort. Every string here is static code,
 * never user input; user values always travel as parameters.
 */
export interface ListSpec {
  list: ListKey;
  table: ListTable;
  columns: Readonly<Record<string, string>>;
  /** extra joins beyond org g and power_item p */
  joins?: string;
  /** columns `q` searches */
  search: readonly string[];
  /** filter name → column compared with =, or with like when written '~t.col' */
  filters: Readonly<Record<string, string>>;
  sortable: Readonly<Record<string, string>>;
  order: string;
}

const BASE_COLUMNS: Record<string, string> = {
  id: 't.id',
  regionCode: 't.region_code',
  orgId: 't.org_id',
  orgName: 'g.name',
  status: 't.status',
  revision: 't.revision',
  version: 't.version',
  powerItemId: 't.power_item_id',
  powerItemCode: 'p.code',
  powerItemName: 'p.name',
};

function from(spec: ListSpec): RawBuilder<unknown> {
  const cols = Object.entries({ ...BASE_COLUMNS, ...spec.columns })
    .map(([k, expr]) => `${expr} as "${k}"`)
    .join(', ');
  return sql`select ${sql.raw(cols)} from ${sql.raw(spec.table)} t join org g on g.id = t.org_id left join power_item p on p.id = t.power_item_id ${sql.raw(spec.joins ?? '')}`;
}

export type ListFilter = Readonly<Record<string, string | undefined>> & { q?: string | undefined };

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function where(spec: ListSpec, scope: Scope, f: ListFilter): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [inScope(scope, 't')];
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    parts.push(
      sql`(${sql.join(
        spec.search.map((c) => sql`${sql.raw(c)} like ${like}`),
        sql` or `,
      )})`,
    );
  }
  for (const [key, column] of Object.entries(spec.filters)) {
    const value = f[key];
    if (value === undefined || value === '') continue;
    // a column written '~t.col' matches a part of the text (法律名称 are long)
    if (column.startsWith('~')) parts.push(sql`${sql.raw(column.slice(1))} like ${`%${escapeLike(value)}%`}`);
    else parts.push(sql`${sql.raw(column)} = ${value}`);
  }
  return sql.join(parts, sql` and `);
}

function orderBy(spec: ListSpec, sort: { column: string; direction: 'asc' | 'desc' } | null) {
  return sort ? sql.raw(`${sort.column} ${sort.direction}, ${spec.order}`) : sql.raw(spec.order);
}

/** One page of a list with its total (capped or estimated unless asked exact: platform/paging). */
export async function listEntries<T>(
  db: Executor,
  scope: Scope,
  spec: ListSpec,
  f: ListFilter,
  sort: { column: string; direction: 'asc' | 'desc' } | null,
  page: PageRequest,
): Promise<{ items: T[] } & ListTotal> {
  const w = where(spec, scope, f);
  const [{ rows }, total] = await Promise.all([
    sql<T>`${from(spec)} where ${w} order by ${orderBy(spec, sort)} offset ${page.offset} limit ${page.limit}`.execute(
      db,
    ),
    listTotal(db, sql`${from(spec)} where ${w}`, page),
  ]);
  return { items: rows, ...total };
}

/** Every matching entry in list order, a page at a time (the Excel export). */
export async function* iterateEntries<T>(db: Executor, scope: Scope, spec: ListSpec, f: ListFilter) {
  const size = 1000;
  for (let offset = 0; ; offset += size) {
    const { rows } =
      await sql<T>`${from(spec)} where ${where(spec, scope, f)} order by ${sql.raw(spec.order)} offset ${offset} limit ${size}`.execute(
        db,
      );
    yield* rows;
    if (rows.length < size) return;
  }
}

export async function findEntry<T>(
  db: Executor,
  scope: Scope,
  spec: ListSpec,
  id: string,
): Promise<T | undefined> {
  const { rows } = await sql<T>`${from(spec)} where t.id = ${id} and ${inScope(scope, 't')}`.execute(db);
  return rows[0];
}

/** The stored row (snake_case columns) of an entry inside the scope, for a change. */
export async function findStoredRow(
  db: Executor,
  scope: Scope,
  table: ListTable,
  id: string,
): Promise<Record<string, unknown> | undefined> {
  const { rows } = await sql<
    Record<string, unknown>
  >`select * from ${sql.raw(table)} t where t.id = ${id} and ${inScope(scope, 't')}`.execute(db);
  return rows[0];
}

const sqlValue = (v: unknown) => (v !== null && typeof v === 'object' ? JSON.stringify(v) : v);

export async function insertRows(trx: Tx, table: ListTable, rows: readonly Record<string, unknown>[]) {
  const first = rows[0];
  if (!first) return;
  const keys = Object.keys(first);
  for (let i = 0; i < rows.length; i += 300) {
    const values = rows
      .slice(i, i + 300)
      .map((r) => sql`(${sql.join(keys.map((k) => sql`${sqlValue(r[k])}`))})`);
    await sql`insert into ${sql.raw(table)} (${sql.join(keys.map((k) => sql.ref(k)))}) values ${sql.join(values)}`.execute(
      trx,
    );
  }
}

/** Applies a change under the optimistic lock; false when the version moved on. */
export async function updateRow(
  trx: Tx,
  table: ListTable,
  id: string,
  version: number,
  patch: Readonly<Record<string, unknown>>,
  meta: { revision: number; userId: string | null; at: Date },
): Promise<boolean> {
  const sets = Object.entries(patch).map(([k, v]) => sql`${sql.ref(k)} = ${sqlValue(v)}`);
  const r = await sql`update ${sql.raw(table)} set ${sql.join([
    ...sets,
    sql`revision = ${meta.revision}`,
    sql`updated_by = ${meta.userId}`,
    sql`updated_at = ${meta.at}`,
    sql`version = version + 1`,
  ])} where id = ${id} and version = ${version}`.execute(trx);
  return Number(r.numAffectedRows ?? 0) === 1;
}

export interface RevisionRow {
  list: ListKey;
  itemId: string;
  regionCode: string;
  orgId: string;
  revision: number;
  change: ListChange;
  reason: string;
  snapshot: unknown;
}

export async function appendRevisions(
  trx: Tx,
  rows: readonly (RevisionRow & { id: string })[],
  changedBy: string | null,
  at: Date,
) {
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('powers_revision')
      .values(
        rows.slice(i, i + 500).map((r) => ({
          id: r.id,
          list: r.list,
          item_id: r.itemId,
          region_code: r.regionCode,
          org_id: r.orgId,
          revision: r.revision,
          change: r.change,
          reason: r.reason,
          snapshot: JSON.stringify(r.snapshot),
          changed_by: changedBy,
          changed_at: at,
        })),
      )
      .execute();
}

export async function listRevisions(
  db: Executor,
  scope: Scope,
  list: ListKey,
  itemId: string,
): Promise<Revision[]> {
  const rows = await db
    .selectFrom('powers_revision as r')
    .leftJoin('app_user as u', 'u.id', 'r.changed_by')
    .select(revisionColumns)
    .where('r.list', '=', list)
    .where('r.item_id', '=', itemId)
    .where(inScope({ ...scope, selfUserId: null }, 'r'))
    .orderBy('r.revision', 'desc')
    .execute();
  return rows.map((r) => ({
    ...presentRevisionChange(r),
    changedByName: r.changed_by ? (r.display_name ?? '') : '系统',
    changedAt: r.changed_at,
  }));
}
