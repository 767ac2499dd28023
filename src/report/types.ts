import type { Scope } from '../platform/context.js';
import type { Db } from '../platform/db/types.js';

/** What a figure is computed over: an org's subtree (roll-up) and a period of legal dates. */
export interface MetricQuery {
  /** the caller's access scope; a compute function applies it with inScope() */
  scope: Scope;
  /** the org the figure is about (the root of the subtree) */
  orgId: string;
  /** that org and every org below it */
  orgIds: readonly string[];
  /** inclusive 'YYYY-MM-DD' */
  from: string;
  to: string;
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
}

export interface MetricComputation {
  /** null = no data for the scope and period (printed as "未填报", never as 0) */
  value: number | null;
  /** the records behind the value */
  records: () => Promise<DrillRecord[]>;
}

export type MetricSource = 'computed' | 'reported';

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
  /** units the seed reports also use for the same figure (份 for 个 …) */
  unitAliases?: readonly string[];
  compute(db: Db, q: MetricQuery): Promise<MetricComputation>;
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
