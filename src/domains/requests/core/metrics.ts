import { type SelectQueryBuilder, sql } from 'kysely';
import type { Database, Db } from '../../../platform/db/types.js';
import { countedBy, inPeriod, inSubtree } from '../../../platform/metrics/builders.js';
import { addedCondition, builder } from '../../../platform/metrics/conditions.js';
import {
  type DrillRecord,
  type GroupedCount,
  type MetricDefinition,
  type MetricQuery,
  periodScan,
  ratio,
} from '../../../platform/metrics/types.js';
import type { ItemKind } from './spec.js';
import './tables.js';
import '../../org/tables.js';

type ItemQB = SelectQueryBuilder<Database, 'requests_item' | 'org', object>;
type EntryQB = SelectQueryBuilder<Database, 'requests_entry' | 'org', object>;
type DateColumn = 'received_on' | 'answered_on' | 'closed_on';

export const percent = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 10000) / 100;

function items(db: Db, q: MetricQuery, kind: ItemKind, date: DateColumn) {
  return db
    .selectFrom('requests_item')
    .innerJoin('org', 'org.id', 'requests_item.org_id')
    .where('requests_item.kind', '=', kind)
    .where(inSubtree('requests_item', q))
    .where(inPeriod(`requests_item.${date}`, q));
}

/** What every figure of this domain says of itself (its domain is requests). */
export interface FigureText {
  id: string;
  name: string;
  unit: string;
  definition: string;
}
const figureSpec = (s: FigureText) => ({
  id: s.id,
  name: s.name,
  unit: s.unit,
  definition: s.definition,
  domain: 'requests',
});

/** A figure of this domain computed by `compute`, that does not add up across orgs (a rate, a setting). */
export const computedFigure = (s: FigureText, compute: MetricDefinition['compute']): MetricDefinition =>
  ratio(figureSpec(s), compute);

export interface ItemCountSpec extends FigureText {
  kind: ItemKind;
  /** the date that puts an item in the period */
  date?: DateColumn;
  where?: (qb: ItemQB) => ItemQB;
  /** sum this numeric column instead of counting */
  sum?: 'amount';
}

/** The items a count (or a rate's part) is over, without the figure's own name. */
type ItemsSpec = Omit<ItemCountSpec, 'id' | 'name' | 'unit' | 'definition'>;

async function itemRecords(db: Db, q: MetricQuery, s: ItemsSpec): Promise<DrillRecord[]> {
  const base = items(db, q, s.kind, s.date ?? 'received_on');
  const rows = await (s.where ? s.where(base) : base)
    .select([
      'requests_item.id',
      'requests_item.org_id',
      'org.name as org_name',
      'requests_item.receipt_no',
      'requests_item.subject',
      sql<string>`requests_item.${sql.ref(s.date ?? 'received_on')}`.as('d'),
      'requests_item.amount',
    ])
    .orderBy('d')
    .orderBy('requests_item.receipt_no')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    label: `${r.receipt_no} ${r.subject.slice(0, 40)}`,
    date: r.d,
    ...(s.sum ? { value: r.amount === null ? 0 : Number(r.amount) } : {}),
  }));
}

export async function countItems(db: Db, q: MetricQuery, s: ItemsSpec) {
  const base = items(db, q, s.kind, s.date ?? 'received_on');
  const r = await (s.where ? s.where(base) : base)
    .select(
      s.sum ? sql<string>`coalesce(sum(requests_item.amount), 0)`.as('n') : sql<string>`count(*)`.as('n'),
    )
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

const roundCents = (x: number) => Math.round(x * 100) / 100;

/** The condition a spec's `where` adds to its items, as one boolean expression. */
function itemCondition(s: ItemsSpec) {
  const base = builder.selectFrom('requests_item').innerJoin('org', 'org.id', 'requests_item.org_id');
  return s.where ? addedCondition(base, s.where) : sql<boolean>`true`;
}

/**
 * A rate's two counts: in one query (two `count(*) filter` columns) when both count items of the
 * same kind and date, else one query each.
 */
async function countPair(db: Db, q: MetricQuery, part: ItemsSpec, whole: ItemsSpec) {
  const date = part.date ?? 'received_on';
  if (part.kind !== whole.kind || date !== (whole.date ?? 'received_on') || part.sum || whole.sum)
    return Promise.all([countItems(db, q, part), countItems(db, q, whole)]);
  const r = await items(db, q, part.kind, date)
    .select([
      sql<string>`count(*) filter (where ${itemCondition(part)})`.as('part'),
      sql<string>`count(*) filter (where ${itemCondition(whole)})`.as('whole'),
    ])
    .executeTakeFirstOrThrow();
  return [Number(r.part), Number(r.whole)] as const;
}

/** The item figure as one column of the grouped pass over its date column (all kinds share it). */
function itemGrouped(s: ItemCountSpec): GroupedCount {
  const where = itemCondition(s);
  return {
    scan: periodScan('requests_item', 'requests_item', s.date ?? 'received_on'),
    filter: () => sql<boolean>`requests_item.kind = ${s.kind} and ${where}`,
    ...(s.sum ? { sum: { expr: sql`requests_item.amount`, scale: roundCents } } : {}),
  };
}

/** A flow count (or sum) of items in the period. */
export function itemMetric(s: ItemCountSpec): MetricDefinition {
  return countedBy(
    { ...figureSpec(s), grouped: itemGrouped(s) },
    async (db, q) => {
      const value = await countItems(db, q, s);
      return s.sum ? roundCents(value) : value;
    },
    (db, q) => itemRecords(db, q, s),
  );
}

/** A rate of two item counts, in per cent; no value when the denominator is 0. */
export function itemRate(
  s: { id: string; name: string; definition: string },
  part: ItemsSpec,
  whole: ItemsSpec,
): MetricDefinition {
  return computedFigure({ ...s, unit: '%' }, async (db, q) => {
    const [a, b] = await countPair(db, q, part, whole);
    // the drill-down lists the numerator's items, then the denominator's, each tagged
    return {
      value: percent(a, b),
      records: async () => [
        ...(await itemRecords(db, q, part)).map((r) => ({ ...r, part: 'numerator' as const })),
        ...(await itemRecords(db, q, whole)).map((r) => ({ ...r, part: 'denominator' as const })),
      ],
    };
  });
}

export interface EntrySpec extends FigureText {
  kind: string;
  category?: string | readonly string[];
  where?: (qb: EntryQB) => EntryQB;
  /** count rows, sum quantities, or count distinct values of a column */
  measure: 'rows' | 'quantity' | 'distinctPerson' | 'distinctPlace';
  /** a stock as of the period's end (assignments), not a flow */
  stock?: boolean;
}

function entriesOf(db: Db, q: MetricQuery, s: EntrySpec) {
  let b = db
    .selectFrom('requests_entry')
    .innerJoin('org', 'org.id', 'requests_entry.org_id')
    .where('requests_entry.kind', '=', s.kind)
    .where(inSubtree('requests_entry', q))
    .where('requests_entry.occurred_on', '<=', q.to);
  if (!s.stock) b = b.where('requests_entry.occurred_on', '>=', q.from);
  if (s.category !== undefined) {
    const cats = typeof s.category === 'string' ? [s.category] : [...s.category];
    b = b.where('requests_entry.category', 'in', cats);
  }
  return s.where ? s.where(b) : b;
}

/** A flow of entries (rows or quantities) as one column of the grouped pass over the register. */
function entryGrouped(s: EntrySpec): GroupedCount | undefined {
  if (s.stock || (s.measure !== 'rows' && s.measure !== 'quantity')) return undefined;
  const base = builder.selectFrom('requests_entry').innerJoin('org', 'org.id', 'requests_entry.org_id');
  const where = s.where ? addedCondition(base, s.where) : sql<boolean>`true`;
  const cats =
    s.category === undefined ? null : typeof s.category === 'string' ? [s.category] : [...s.category];
  const category = cats ? sql<boolean>`requests_entry.category = any(${cats}::text[])` : sql<boolean>`true`;
  return {
    scan: periodScan('requests_entry', 'requests_entry', 'occurred_on'),
    filter: () => sql<boolean>`requests_entry.kind = ${s.kind} and ${category} and ${where}`,
    ...(s.measure === 'quantity'
      ? { sum: { expr: sql`requests_entry.quantity`, scale: (x: number) => x } }
      : {}),
  };
}

/** A register figure: entries, their quantities, or distinct leaders / villages. */
export function entryMetric(s: EntrySpec): MetricDefinition {
  const agg = {
    rows: sql<string>`count(*)`,
    quantity: sql<string>`coalesce(sum(requests_entry.quantity), 0)`,
    distinctPerson: sql<string>`count(distinct requests_entry.person_name)`,
    distinctPlace: sql<string>`count(distinct (requests_entry.org_id::text || requests_entry.place))`,
  }[s.measure];
  const grouped = entryGrouped(s);
  return countedBy(
    {
      ...figureSpec(s),
      additive: s.measure === 'rows' || s.measure === 'quantity',
      ...(grouped ? { grouped } : {}),
    },
    async (db, q) => Number((await entriesOf(db, q, s).select(agg.as('n')).executeTakeFirstOrThrow()).n),
    async (db, q) => {
      const rows = await entriesOf(db, q, s)
        .select([
          'requests_entry.id',
          'requests_entry.org_id',
          'org.name as org_name',
          'requests_entry.title',
          'requests_entry.occurred_on',
          'requests_entry.quantity',
          'requests_entry.person_name',
          'requests_entry.place',
        ])
        .orderBy('requests_entry.occurred_on')
        .orderBy('requests_entry.id')
        .execute();
      return rows.map((x) => ({
        id: x.id,
        orgId: x.org_id,
        orgName: x.org_name,
        label: [x.title, x.person_name, x.place].filter(Boolean).join(' · '),
        date: x.occurred_on,
        value: s.measure === 'quantity' ? x.quantity : undefined,
      }));
    },
  );
}

export const factTrue = (key: string) => (qb: ItemQB) =>
  qb.where(sql<boolean>`(requests_item.facts ->> ${key}) = 'true'`);
export const eq =
  (
    col: 'status' | 'outcome' | 'channel' | 'category' | 'applicant_kind',
    value: string | readonly string[],
  ) =>
  (qb: ItemQB) =>
    typeof value === 'string'
      ? qb.where(sql.ref(`requests_item.${col}`), '=', value)
      : qb.where(sql.ref(`requests_item.${col}`), 'in', [...value]);
export const and =
  (...fs: ((qb: ItemQB) => ItemQB)[]) =>
  (qb: ItemQB) =>
    fs.reduce((b, f) => f(b), qb);
