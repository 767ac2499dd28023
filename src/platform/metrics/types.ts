import { type RawBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { Scope } from '../context.js';
import type { Db } from '../db/types.js';
import { inSubtree, type Records } from './builders.js';

/** What a figure is computed over: an org's subtree (roll-up) and a period of legal dates. */
export interface MetricQuery {
  /** the caller's access scope; a compute function applies it with inScope() */
  scope: Scope;
  /** the org the figure is about (the root of the subtree) */
  orgId: string;
  /** that org and every org below it */
  orgIds: readonly string[];
  /**
   * The org's materialized path (org.path) when `orgIds` is its whole subtree, i.e. every org
   * whose path starts with it: figures then select the subtree by that prefix (`inOrgs`) rather
   * than by the ids. Left out when only some orgs of the subtree are counted.
   */
  subtreePath?: string | undefined;
  /** inclusive 'YYYY-MM-DD' */
  from: string;
  to: string;
  /**
   * Today in China by the caller's clock (Ctx.now). The registry always sets it; a metric reads it
   * through asOfDay(q), never through new Date().
   */
  today?: string | undefined;
}

/** The day a stock or rate is taken on: the period's last day, or today when the period ends later. */
export function asOfDay(q: MetricQuery): string {
  const today = q.today ?? q.to;
  return [q.to, today].sort()[0] ?? q.to;
}

/** One record behind a figure, as a drill-down lists it. */
export interface DrillRecord {
  /** the record's id in its ledger */
  id: string;
  orgId: string;
  orgName?: string | undefined;
  /** what a reader sees: e.g. the case number and party, or "数据填报:2025年度法治数据" */
  label: string;
  date: string | null;
  /** the record's contribution to the figure, when it is not 1 */
  value?: number | undefined;
  /** source and evidence for reported figures */
  source?: string | undefined;
  evidence?: string | undefined;
  /** for a rate: whether the record counts in its numerator or its denominator */
  part?: 'numerator' | 'denominator' | undefined;
}

export interface MetricComputation {
  /** null = no data for the scope and period (printed as "未填报", never as 0) */
  value: number | null;
  /** reported figures: 约 / 余 / 以上 / 以内 as filed */
  qualifier?: string | undefined;
  /** the records behind the value */
  records: () => Promise<DrillRecord[]>;
}

export type MetricSource = 'computed' | 'reported';

/**
 * What a figure measures. flow: events dated inside the period (cases decided); stock: a state
 * as of the period's last day (officers holding a certificate); rate: numerator over denominator,
 * both registered metrics, in percent; ratio: any other non-additive figure (a per-capita norm,
 * a number of days, a threshold).
 */
export type MetricKind = 'flow' | 'stock' | 'rate' | 'ratio';
/** How a figure of a parent org follows from its units': added up, recomputed from summed parts, or not at all. */
export type RollUp = 'sum' | 'recompute' | 'none';
/** The day a figure is taken on: events inside [from, to], or the state on min(to, today). */
export type AsOfRule = 'period' | 'periodEnd';

export interface MetricDefinition {
  /** stable dotted id: 'enforcement.cases.closed', 'rpt.reconsideration.received' */
  id: string;
  /** Chinese name as printed */
  name: string;
  /** Chinese unit: 件, 人, 项, %, 万元 … */
  unit: string;
  /** the definition in words (口径), printed in the provenance appendix */
  definition: string;
  /** the domain key (a DomainModule key, or a reported-figure group) */
  domain: string;
  source: MetricSource;
  /** whether subtree figures add up (counts) or not (rates, ratios) */
  additive: boolean;
  /** units the seed reports also use for the same figure (家 for 件 …) */
  unitAliases?: readonly string[] | undefined;
  /** default: flow when additive, else ratio (see metricSemantics in registry.ts) */
  kind?: MetricKind | undefined;
  /** default: sum for flows and stocks, recompute for rates, none for ratios */
  rollUp?: RollUp | undefined;
  /** default: period for flows, periodEnd for stocks and rates */
  asOf?: AsOfRule | undefined;
  /** a rate's parts: the ids of the metrics it divides (both must be registered) */
  numerator?: string | undefined;
  denominator?: string | undefined;
  /**
   * A figure computed in one grouped pass with the other metrics of the same `scan` (one query
   * per table and period, see report/one-pass.ts); `compute` stays the per-figure path and the
   * drill-down.
   */
  grouped?: GroupedCount | undefined;
  compute(db: Db, q: MetricQuery): Promise<MetricComputation>;
}

/**
 * One figure of a shared scan: `scan` names the table and date column (the FROM of the grouped
 * query, built by the domain), `filter` the figure's own condition inside it, `sum` a column to
 * add instead of counting rows.
 */
export interface GroupedCount {
  scan: GroupedScan;
  filter: (q: MetricQuery) => RawBuilder<SqlBool>;
  sum?: { expr: import('kysely').RawBuilder<unknown>; scale: (raw: number) => number } | undefined;
}

export interface GroupedScan {
  /** a stable key: figures with the same key share one query */
  key: string;
  /** the rows of the scan for a query (org subtree, scope and period applied), aliased as the scan wants */
  // biome-ignore lint/suspicious/noExplicitAny: the scan chooses its own tables and aliases
  from?: (db: Db, q: MetricQuery) => import('kysely').SelectQueryBuilder<any, any, object>;
  /** or the same written as SQL: `from … where …`, for ledgers whose figures are written in SQL */
  sql?: (q: MetricQuery) => RawBuilder<unknown>;
  /**
   * how many records a row of the scan stands for, when its rows are pre-aggregated (a tally row
   * of n cases): counts add it up instead of counting rows
   */
  weight?: RawBuilder<unknown> | undefined;
}

/**
 * The usual shared scan: the rows of `table` (aliased `alias`) of the org subtree and the caller's
 * scope whose `date` lies in the period. `date` is a column of the table, or an expression over
 * it with a name of its own (e.g. `closed` for coalesce(decided_on, terminated_on)); `where` is a
 * condition every figure of the scan shares, named in the key.
 */
export function periodScan(
  table: string,
  alias: string,
  date: string | { name: string; expr: RawBuilder<unknown> },
  where?: { name: string; expr: RawBuilder<SqlBool> },
): GroupedScan {
  const name = typeof date === 'string' ? date : date.name;
  const on = typeof date === 'string' ? sql.ref(`${alias}.${date}`) : date.expr;
  return {
    key: `${table}.${name}${where ? `.${where.name}` : ''}`,
    from: (db, q) => {
      const b = db
        .selectFrom(sql.table(table).as(alias))
        .where(inSubtree(alias, q))
        .where(sql<boolean>`${on} between ${q.from}::date and ${q.to}::date`);
      return where ? b.where(where.expr) : b;
    },
  };
}

/** A computed figure with everything the report and its appendix print about it. */
export interface Figure {
  metricId: string;
  name: string;
  unit: string;
  definition: string;
  /** the metric's domain or reported-figure group, and its Chinese name */
  domain: string;
  domainName: string;
  source: MetricSource;
  value: number | null;
  kind?: MetricKind | undefined;
  /** 约 / 余 / 以上 / 以内 as the unit filed it (reported figures only) */
  qualifier?: string | undefined;
  /** the day a stock or rate was taken on; earlier than `to` when the period ends after today */
  asOf?: string | undefined;
  orgId: string;
  orgName: string;
  from: string;
  to: string;
}

/** Units whose figures must be whole numbers (counts). */
export const COUNT_UNITS: ReadonlySet<string> = new Set([
  '件',
  '个',
  '项',
  '条',
  '人',
  '次',
  '家',
  '件次',
  '场次',
  '场',
  '人次',
  '份',
  '期',
  '批',
  '起',
  '套',
  '名',
  '堂',
  '家次',
  '批次',
  '处',
  '台辆',
  '种',
  '户',
  '日',
  '天',
]);

/**
 * A percentage to one decimal place (or `places`); null when the denominator is zero or a part is
 * missing.
 */
export function percentOf(part: number | null, whole: number | null, places: 1 | 2 = 1): number | null {
  if (part === null || whole === null || whole === 0) return null;
  const scale = places === 1 ? 10 : 100;
  return Math.round((part / whole) * (100 * scale)) / scale;
}

/**
 * A rate declared by its parts: numerator over denominator, both registered counts. Its value and
 * its drill-down (the numerator's records, then the denominator's, each tagged) come from the
 * parts, so a rate always recomputes from what its drill-down lists.
 */
export function rateOf(
  spec: { id: string; name: string; definition: string; domain: string },
  numerator: MetricDefinition,
  denominator: MetricDefinition,
): MetricDefinition {
  return {
    ...spec,
    unit: '%',
    source: 'computed',
    additive: false,
    kind: 'rate',
    rollUp: 'recompute',
    asOf: numerator.kind === 'stock' || denominator.kind === 'stock' ? 'periodEnd' : 'period',
    numerator: numerator.id,
    denominator: denominator.id,
    async compute(db, q) {
      const [n, d] = await Promise.all([numerator.compute(db, q), denominator.compute(db, q)]);
      return {
        value: percentOf(n.value, d.value),
        records: async () => [
          ...(await n.records()).map((r) => ({ ...r, part: 'numerator' as const })),
          ...(await d.records()).map((r) => ({ ...r, part: 'denominator' as const })),
        ],
      };
    },
  };
}

/** A computed figure that does not add up across orgs (a rate, an average, a ratio), computed by `compute`. */
export function ratio(
  spec: Omit<MetricDefinition, 'compute' | 'source' | 'additive'>,
  compute: MetricDefinition['compute'],
): MetricDefinition {
  return { ...spec, source: 'computed', additive: false, compute };
}

/**
 * The percentage (to one decimal place, or `places`) of the figure's `rows` (FROM and WHERE) that
 * `hit` also holds, both counted in one query; `records` is its drill-down.
 */
export function shareOf<DB, TB extends keyof DB, O>(
  spec: Omit<MetricDefinition, 'compute' | 'source' | 'additive' | 'unit'>,
  rows: (db: Db, q: MetricQuery) => SelectQueryBuilder<DB, TB, O>,
  hit: RawBuilder<SqlBool>,
  records: Records,
  opts: {
    /** what is counted: the rows, or e.g. the distinct lawsuits among them */
    counting?: RawBuilder<unknown>;
    places?: 1 | 2;
  } = {},
): MetricDefinition {
  const counting = opts.counting ?? sql`*`;
  return ratio({ ...spec, unit: '%' }, async (db, q) => {
    const r = await rows(db, q)
      .select([
        sql<number>`count(${counting})`.as('all'),
        sql<number>`count(${counting}) filter (where ${hit})`.as('hit'),
      ])
      .$castTo<{ all: number; hit: number }>()
      .executeTakeFirstOrThrow();
    return { value: percentOf(Number(r.hit), Number(r.all), opts.places), records: () => records(db, q) };
  });
}

/**
 * A rate's drill-down from its two record lists: the numerator's records, then the denominator's,
 * each tagged with its part and counted once (so the rate recomputes from what the drill-down lists).
 */
export async function rateRecords(
  numerator: () => Promise<DrillRecord[]>,
  denominator: () => Promise<DrillRecord[]>,
): Promise<DrillRecord[]> {
  const [n, d] = await Promise.all([numerator(), denominator()]);
  const once = ({ value: _value, ...r }: DrillRecord) => r;
  return [
    ...n.map((r) => ({ ...once(r), part: 'numerator' as const })),
    ...d.map((r) => ({ ...once(r), part: 'denominator' as const })),
  ];
}

/** The drill-down record of a ledger row read with its org's name. */
export function drillRecord(
  row: { id: string; org_id: string; org_name: string },
  label: string,
  date: string | null,
): DrillRecord {
  return { id: row.id, orgId: row.org_id, orgName: row.org_name, label, date };
}
