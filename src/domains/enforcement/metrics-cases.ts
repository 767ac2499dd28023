import { sql } from 'kysely';
import type { Db } from '../../platform/db/types.js';
import { inScope } from '../../platform/scope.js';
import type { DrillRecord, MetricDefinition, MetricQuery } from '../../report/types.js';
import './tables.js';

const inOrgs = (col: string, q: MetricQuery) => sql<boolean>`${sql.ref(col)} = any(${[...q.orgIds]}::uuid[])`;
const percent = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 10;

type DateColumn = 'c.opened_on' | 'c.decided_on';

/** Cases of the subtree by a date column in the period, narrowed by category and outcome. */
function cases(
  db: Db,
  q: MetricQuery,
  on: DateColumn,
  f: { category?: string; outcomes?: readonly string[] },
) {
  let b = db
    .selectFrom('enforcement_case as c')
    .innerJoin('org as o', 'o.id', 'c.org_id')
    .where(inOrgs('c.org_id', q))
    .where(inScope(q.scope, 'c'))
    .where(on, '>=', q.from)
    .where(on, '<=', q.to);
  if (f.category) b = b.where('c.category', '=', f.category);
  if (f.outcomes) b = b.where('c.outcome', 'in', [...f.outcomes]);
  return b;
}

function caseMetric(
  id: string,
  name: string,
  definition: string,
  on: DateColumn,
  f: { category?: string; outcomes?: readonly string[] },
): MetricDefinition {
  return {
    id,
    name,
    unit: '件',
    definition,
    domain: 'enforcement',
    source: 'computed',
    additive: true,
    async compute(db, q) {
      const r = await cases(db, q, on, f)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return {
        value: Number(r.n),
        records: async (): Promise<DrillRecord[]> => {
          const rows = await cases(db, q, on, f)
            .select(['c.id', 'c.org_id', 'o.name as org_name', 'c.case_no', 'c.party_name', on])
            .orderBy(on)
            .orderBy('c.case_no')
            .execute();
          return rows.map((x) => ({
            id: x.id,
            orgId: x.org_id,
            orgName: x.org_name,
            label: `${x.case_no} ${x.party_name}`,
            date: (on === 'c.opened_on' ? x.opened_on : x.decided_on) ?? null,
          }));
        },
      };
    },
  };
}

/** Publications of the subtree due in the period (withheld ones are not due). */
function publicationsDue(db: Db, q: MetricQuery) {
  return db
    .selectFrom('enforcement_publication as p')
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .innerJoin('enforcement_case as c', 'c.id', 'p.case_id')
    .where(inOrgs('p.org_id', q))
    .where(inScope(q.scope, 'p'))
    .where('p.due_on', '>=', q.from)
    .where('p.due_on', '<=', q.to)
    .where('p.status', '!=', 'withheld');
}
const onTime = sql<boolean>`p.published_on is not null and p.published_on <= p.due_on`;

/** 查封、扣押 acts of the subtree in the period (行政强制法 第十八条). */
function seizures(db: Db, q: MetricQuery) {
  return db
    .selectFrom('enforcement_case_action as a')
    .innerJoin('enforcement_case as c', 'c.id', 'a.case_id')
    .innerJoin('org as o', 'o.id', 'c.org_id')
    .where(inOrgs('c.org_id', q))
    .where(inScope(q.scope, 'c'))
    .where('a.action', '=', 'seize')
    .where('a.occurred_on', '>=', q.from)
    .where('a.occurred_on', '<=', q.to);
}

/** Figures of cases of every category (许可、强制、其他执法决定), 公示及时率 and 撤回. */
export const caseMetrics: readonly MetricDefinition[] = [
  caseMetric(
    'enforcement.cases.opened',
    '行政执法案件受理、立案',
    '期间内立案(许可为申请)的各类行政执法案件数,以立案日期计',
    'c.opened_on',
    {},
  ),
  caseMetric(
    'enforcement.cases.decided',
    '作出行政执法决定',
    '期间内作出决定的各类行政执法案件数(许可、处罚、强制处理决定及其他执法决定),以决定日期计',
    'c.decided_on',
    {},
  ),
  caseMetric(
    'enforcement.license.granted',
    '准予行政许可',
    '期间内作出准予许可决定的件数,以决定日期计;决定后被撤销的不计',
    'c.decided_on',
    {
      category: 'license',
      outcomes: ['granted'],
    },
  ),
  caseMetric(
    'enforcement.license.refused',
    '不予行政许可',
    '期间内作出不予许可决定的件数,以决定日期计',
    'c.decided_on',
    {
      category: 'license',
      outcomes: ['refused'],
    },
  ),
  caseMetric(
    'enforcement.coercion.confiscated',
    '强制措施处理决定·没收',
    '期间内对查封、扣押财物作出没收处理决定的件数(行政强制法第二十七条),以决定日期计',
    'c.decided_on',
    { category: 'coercion', outcomes: ['confiscated'] },
  ),
  caseMetric(
    'enforcement.decisions.revoked',
    '执法决定被撤销',
    '期间内作出、其后被撤销或确认违法、无效的执法决定数,以原决定日期计',
    'c.decided_on',
    { outcomes: ['revoked'] },
  ),
  {
    id: 'enforcement.coercion.measures',
    name: '实施查封、扣押',
    unit: '件',
    definition: '期间内实施查封、扣押行政强制措施的次数,以实施日期计(行政强制法第十八条)',
    domain: 'enforcement',
    source: 'computed',
    additive: true,
    async compute(db, q) {
      const r = await seizures(db, q)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return {
        value: Number(r.n),
        records: async () =>
          (
            await seizures(db, q)
              .select([
                'c.id',
                'c.org_id',
                'o.name as org_name',
                'c.case_no',
                'c.party_name',
                'a.occurred_on',
              ])
              .orderBy('a.occurred_on')
              .orderBy('c.case_no')
              .execute()
          ).map((x) => ({
            id: x.id,
            orgId: x.org_id,
            orgName: x.org_name,
            label: `${x.case_no} ${x.party_name}`,
            date: x.occurred_on,
          })),
      };
    },
  },
  {
    id: 'enforcement.publication.timelyRate',
    name: '行政执法决定公示及时率',
    unit: '%',
    definition:
      '期间内公示期限届满的执法决定中,在期限内公示的比例(许可、处罚七个工作日,其他执法决定二十个工作日,国办发〔2018〕118号);依法不予公开的不计',
    domain: 'enforcement',
    source: 'computed',
    additive: false,
    async compute(db, q) {
      const r = await publicationsDue(db, q)
        .select((eb) => [
          eb.fn.countAll<number>().as('all'),
          sql<number>`count(*) filter (where ${onTime})`.as('ok'),
        ])
        .executeTakeFirstOrThrow();
      return {
        value: percent(Number(r.ok), Number(r.all)),
        records: async () =>
          (
            await publicationsDue(db, q)
              .select(['p.id', 'p.org_id', 'o.name as org_name', 'c.case_no', 'p.due_on', 'p.published_on'])
              .orderBy('p.due_on')
              .orderBy('c.case_no')
              .execute()
          ).map((x) => ({
            id: x.id,
            orgId: x.org_id,
            orgName: x.org_name,
            label: `${x.case_no} ${x.published_on && x.published_on <= x.due_on ? '按期公示' : '未按期公示'}`,
            date: x.due_on,
            value: x.published_on && x.published_on <= x.due_on ? 1 : 0,
          })),
      };
    },
  },
];
