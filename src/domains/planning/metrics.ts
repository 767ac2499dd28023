import { sql } from 'kysely';
import { countedQuery, inSubtree } from '../../platform/metrics/builders.js';
import { reportedCatalogue } from './catalogue.js';
import { drillRecord, type MetricDefinition, type MetricQuery } from '../../platform/metrics/types.js';
import { reportedMetric } from './reported-figures.js';
import './tables.js';

/** The China date of a timestamp column, for period filters on legal dates. */
const chinaDay = (col: string) => sql<string>`(${sql.ref(col)} at time zone 'Asia/Shanghai')::date`;

/** Rows whose timestamp column, as a China date, lies inside the period (both days included). */
const chinaDayInPeriod = (col: string, q: MetricQuery) =>
  sql<boolean>`${chinaDay(col)} between ${q.from}::date and ${q.to}::date`;

/** Figures the planning domain computes from its own ledgers. */
const computed: MetricDefinition[] = [
  countedQuery(
    {
      id: 'planning.dataCalls.issued',
      name: '下发数据填报任务数',
      unit: '个',
      definition: '报告期内本级及下级单位下发(开始填报)的数据填报任务个数,以下发日期计。',
      domain: 'planning',
    },
    (db, q) =>
      db
        .selectFrom('data_call as c')
        .innerJoin('org as o', 'o.id', 'c.org_id')
        .where('c.opened_at', 'is not', null)
        .where(inSubtree('c', q))
        .where(chinaDayInPeriod('c.opened_at', q)),
    async (rows) =>
      (
        await rows
          .select(['c.id', 'c.org_id', 'o.name as org_name', 'c.title', 'c.deadline'])
          .orderBy('c.deadline')
          .execute()
      ).map((x) => drillRecord(x, x.title, x.deadline)),
  ),
  countedQuery(
    {
      id: 'planning.submissions.accepted',
      name: '采纳的数据填报份数',
      unit: '份',
      definition: '报告期内本级及下级单位提交并经主管机关审核采纳的数据填报份数,以采纳日期计。',
      domain: 'planning',
    },
    (db, q) =>
      db
        .selectFrom('data_call_submission as s')
        .innerJoin('data_call as c', 'c.id', 's.call_id')
        .innerJoin('org as o', 'o.id', 's.org_id')
        .where('s.status', '=', 'accepted')
        .where(inSubtree('s', q))
        .where(chinaDayInPeriod('s.reviewed_at', q)),
    async (rows) =>
      (
        await rows
          .select(['s.id', 's.org_id', 'o.name as org_name', 'c.title', 'c.period_to'])
          .orderBy('o.tree_rank')
          .execute()
      ).map((x) => drillRecord(x, `${x.org_name}:${x.title}`, x.period_to)),
  ),
];

/** Everything the planning module registers: its computed figures and the reported catalogue. */
export const planningMetrics: MetricDefinition[] = [...computed, ...reportedCatalogue.map(reportedMetric)];
