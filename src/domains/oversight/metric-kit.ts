import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../platform/db/types.js';
import { inSubtree } from '../../platform/metrics/builders.js';
import { builder } from '../../platform/metrics/conditions.js';
import type {
  DrillRecord,
  GroupedCount,
  GroupedScan,
  MetricDefinition,
  MetricQuery,
} from '../../platform/metrics/types.js';

/**
 * One figure over one ledger table `e` (joined to its org `g`): the rows of the subtree in the
 * period (by `dateCol`, or as of the period's end for a stock), each with a value; the figure is
 * their count, sum or number of distinct keys, and the rows are its drill-down.
 */
export interface RowQuery {
  from: RawBuilder<unknown>;
  dateCol: string;
  /** extra condition on e / g */
  where?: RawBuilder<boolean> | ((q: MetricQuery) => RawBuilder<boolean>);
  label: RawBuilder<string>;
  value?: RawBuilder<number>;
  key?: RawBuilder<string>;
  /** a stock: rows dated on or before the period's end, not only within it */
  stock?: boolean;
}

interface Row {
  id: string;
  org_id: string;
  org_name: string;
  label: string;
  date: string | null;
  value: string | number | null;
  key: string | null;
}

const periodOf = (q: MetricQuery, r: RowQuery) => {
  // dateCol is a column expression written in this domain's code, never user input
  const d = sql.raw(r.dateCol);
  return r.stock ? sql`${d} <= ${q.to}::date` : sql`${d} between ${q.from}::date and ${q.to}::date`;
};
const whereOf = (q: MetricQuery, r: RowQuery) =>
  typeof r.where === 'function' ? r.where(q) : (r.where ?? sql<boolean>`true`);

/** The rows of a ledger's figures (same FROM, date and stock rule) as one scan of the grouped pass. */
function scanOf(r: RowQuery): GroupedScan {
  const from = r.from.compile(builder);
  return {
    key: `oversight:${from.sql}|${JSON.stringify(from.parameters)}|${r.dateCol}|${r.stock ? 'stock' : 'flow'}`,
    sql: (q) =>
      sql`from ${r.from} join org g on g.id = e.org_id
        where ${inSubtree('e', q)} and ${periodOf(q, r)}`,
  };
}

/** A count or sum figure as one column of its ledger's grouped pass (a count is a sum of ones, scaled alike). */
function groupedOf(agg: Agg, r: RowQuery, scale: (v: number) => number): GroupedCount | undefined {
  if (agg !== 'count' && agg !== 'sum') return undefined;
  const expr = agg === 'count' ? sql`1` : (r.value ?? sql`1`);
  return { scan: scanOf(r), filter: (q) => whereOf(q, r), sum: { expr, scale } };
}

export async function rowsOf(db: Db, q: MetricQuery, r: RowQuery): Promise<Row[]> {
  const d = sql.raw(r.dateCol);
  const res =
    await sql<Row>`select e.id, e.org_id, g.name as org_name, ${r.label} as label, ${d}::text as date,
      ${r.value ?? sql`1`} as value, ${r.key ?? sql`null`}::text as key
    from ${r.from} join org g on g.id = e.org_id
    where ${inSubtree('e', q)} and ${periodOf(q, r)} and ${whereOf(q, r)}
    order by ${d}, e.id`.execute(db);
  return res.rows;
}

const drill = (rows: Row[]): DrillRecord[] =>
  rows.map((x) => ({
    id: x.id,
    orgId: x.org_id,
    orgName: x.org_name,
    label: x.label,
    date: x.date,
    ...(x.value !== null && Number(x.value) !== 1 ? { value: Number(x.value) } : {}),
  }));

type Base = Pick<MetricDefinition, 'id' | 'name' | 'unit' | 'definition'>;
type Agg = 'count' | 'sum' | 'distinct' | 'avg';

export function rowMetric(
  base: Base,
  agg: Agg,
  r: RowQuery,
  opts: { divisor?: number; digits?: number } = {},
): MetricDefinition {
  const f = 10 ** (opts.digits ?? 2);
  const scale = (v: number) => Math.round((opts.divisor ? v / opts.divisor : v) * f) / f;
  const grouped = groupedOf(agg, r, scale);
  return {
    ...base,
    domain: 'oversight',
    source: 'computed',
    additive: agg !== 'avg' && agg !== 'distinct',
    ...(grouped ? { grouped } : {}),
    async compute(db, q) {
      const rows = await rowsOf(db, q, r);
      let v: number;
      if (agg === 'count') v = rows.length;
      else if (agg === 'distinct') v = new Set(rows.map((x) => x.key)).size;
      else {
        const sum = rows.reduce((a, x) => a + Number(x.value ?? 0), 0);
        v = agg === 'avg' ? (rows.length === 0 ? 0 : sum / rows.length) : sum;
      }
      return { value: scale(v), records: async () => drill(rows) };
    },
  };
}

/** part / whole × 100, one decimal; null when the whole is empty. */
export function rateMetric(base: Base, part: RowQuery, whole: RowQuery): MetricDefinition {
  return {
    ...base,
    domain: 'oversight',
    source: 'computed',
    additive: false,
    async compute(db, q) {
      const [p, w] = await Promise.all([rowsOf(db, q, part), rowsOf(db, q, whole)]);
      return {
        value: w.length === 0 ? null : Math.round((p.length / w.length) * 1000) / 10,
        records: async () => [
          ...drill(p).map((r) => ({ ...r, part: 'numerator' as const })),
          ...drill(w).map((r) => ({ ...r, part: 'denominator' as const })),
        ],
      };
    },
  };
}
