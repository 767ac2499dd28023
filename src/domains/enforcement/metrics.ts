import { sql } from 'kysely';
import type { Db } from '../../platform/db/types.js';
import { inScope } from '../../platform/scope.js';
import type { DrillRecord, MetricDefinition, MetricQuery } from '../../report/types.js';
import { caseMetrics } from './metrics-cases.js';
import './tables.js';

const inOrgs = (col: string, q: MetricQuery) => sql<boolean>`${sql.ref(col)} = any(${[...q.orgIds]}::uuid[])`;
const percent = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 10;

/** Cases of the subtree decided in the period (决定日期 within [from, to]); `major` narrows to 重大案件. */
function decided(
  db: Db,
  q: MetricQuery,
  opts: { major?: boolean; reviewed?: boolean; category?: 'penalty' } = {},
) {
  let b = db
    .selectFrom('enforcement_case as c')
    .innerJoin('org as o', 'o.id', 'c.org_id')
    .where(inOrgs('c.org_id', q))
    .where(inScope(q.scope, 'c'))
    .where('c.decided_on', '>=', q.from)
    .where('c.decided_on', '<=', q.to);
  if (opts.category) b = b.where('c.category', '=', opts.category);
  if (opts.major !== undefined) b = b.where('c.is_major', '=', opts.major);
  if (opts.reviewed !== undefined) b = b.where('c.reviewed', '=', opts.reviewed);
  return b;
}

async function caseRecords(
  db: Db,
  q: MetricQuery,
  opts: { major?: boolean; reviewed?: boolean; category?: 'penalty' } = {},
  value?: 'amount',
): Promise<DrillRecord[]> {
  const rows = await decided(db, q, opts)
    .select([
      'c.id',
      'c.org_id',
      'o.name as org_name',
      'c.case_no',
      'c.party_name',
      'c.decided_on',
      'c.amount',
    ])
    .orderBy('c.decided_on')
    .orderBy('c.case_no')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    label: `${r.case_no} ${r.party_name}`,
    date: r.decided_on,
    ...(value === 'amount' ? { value: Number(r.amount ?? 0) / 10_000 } : {}),
  }));
}

async function count(
  db: Db,
  q: MetricQuery,
  opts: { major?: boolean; reviewed?: boolean; category?: 'penalty' } = {},
): Promise<number> {
  const r = await decided(db, q, opts)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Active officers of the subtree and those holding a valid certificate on the period's last day. */
function certification(db: Db, q: MetricQuery) {
  const base = db
    .selectFrom('enforcement_officer as f')
    .innerJoin('org as o', 'o.id', 'f.org_id')
    .where(inOrgs('f.org_id', q))
    .where(inScope(q.scope, 'f'))
    .where('f.active', '=', true);
  const certified = sql<boolean>`exists (select 1 from enforcement_certificate c where c.officer_id = f.id and c.status = 'valid' and c.issued_on <= ${q.to}::date and c.valid_until >= ${q.to}::date)`;
  return { base, certified };
}

/** The breakdown behind 案件 figures: decided cases by category and 结果 (决定 / 不予处罚撤案), with fines. */
export async function caseBreakdown(db: Db, q: MetricQuery) {
  const rows = await db
    .selectFrom('enforcement_case as c')
    .where(inOrgs('c.org_id', q))
    .where(inScope(q.scope, 'c'))
    .where((eb) =>
      eb.or([
        eb.and([eb('c.decided_on', '>=', q.from), eb('c.decided_on', '<=', q.to)]),
        eb.and([
          eb('c.decided_on', 'is', null),
          eb('c.closed_on', '>=', q.from),
          eb('c.closed_on', '<=', q.to),
        ]),
      ]),
    )
    .select((eb) => [
      'c.category',
      'c.procedure',
      sql<string>`case when c.decided_on is null then 'terminated' else 'decided' end`.as('outcome'),
      eb.fn.countAll<number>().as('n'),
      sql<string>`coalesce(sum(c.amount), 0)`.as('amount'),
    ])
    .groupBy([
      'c.category',
      'c.procedure',
      sql`case when c.decided_on is null then 'terminated' else 'decided' end`,
    ])
    .orderBy('c.category')
    .orderBy('c.procedure')
    .execute();
  return rows.map((r) => ({
    category: r.category,
    procedure: r.procedure,
    outcome: r.outcome as 'decided' | 'terminated',
    count: Number(r.n),
    amount: Number(r.amount),
  }));
}

export const enforcementMetrics: readonly MetricDefinition[] = [
  ...caseMetrics,
  {
    id: 'enforcement.penalty.decided',
    name: '作出行政处罚决定',
    unit: '件',
    definition: '期间内作出行政处罚决定的案件数(含当场处罚),以决定日期计',
    domain: 'enforcement',
    source: 'computed',
    additive: true,
    async compute(db, q) {
      const penalty = { category: 'penalty' } as const;
      return { value: await count(db, q, penalty), records: () => caseRecords(db, q, penalty) };
    },
  },
  {
    id: 'enforcement.penalty.fines',
    name: '罚款金额',
    unit: '万元',
    definition: '期间内作出的行政处罚决定中罚款金额合计(决定变更的,按变更后的金额),以决定日期计',
    domain: 'enforcement',
    source: 'computed',
    additive: true,
    async compute(db, q) {
      const penalty = { category: 'penalty' } as const;
      const r = await decided(db, q, penalty)
        .select(sql<string>`coalesce(sum(c.amount), 0)`.as('s'))
        .executeTakeFirstOrThrow();
      return {
        value: Math.round(Number(r.s) / 100) / 100,
        records: () => caseRecords(db, q, penalty, 'amount'),
      };
    },
  },
  {
    id: 'enforcement.legalReview.count',
    name: '重大执法决定法制审核',
    unit: '件',
    definition: '期间内作出决定、决定前经法制审核通过的案件数(行政处罚法第五十八条)',
    domain: 'enforcement',
    source: 'computed',
    additive: true,
    async compute(db, q) {
      return {
        value: await count(db, q, { reviewed: true }),
        records: () => caseRecords(db, q, { reviewed: true }),
      };
    },
  },
  {
    id: 'enforcement.legalReview.rate',
    name: '重大执法决定法制审核率',
    unit: '%',
    definition: '期间内作出决定的重大执法案件中,决定前经法制审核通过的比例;无重大案件时不计',
    domain: 'enforcement',
    source: 'computed',
    additive: false,
    async compute(db, q) {
      const [major, reviewed] = await Promise.all([
        count(db, q, { major: true }),
        count(db, q, { major: true, reviewed: true }),
      ]);
      return { value: percent(reviewed, major), records: () => caseRecords(db, q, { major: true }) };
    },
  },
  {
    id: 'enforcement.officers.certifiedRate',
    name: '执法人员持证率',
    unit: '%',
    definition: '期间最后一日在岗执法人员中持有效行政执法证的比例',
    domain: 'enforcement',
    source: 'computed',
    additive: false,
    async compute(db, q) {
      const { base, certified } = certification(db, q);
      const r = await base
        .select((eb) => [
          eb.fn.countAll<number>().as('all'),
          sql<number>`count(*) filter (where ${certified})`.as('ok'),
        ])
        .executeTakeFirstOrThrow();
      return {
        value: percent(Number(r.ok), Number(r.all)),
        records: async () => {
          const rows = await base
            .select(['f.id', 'f.org_id', 'o.name as org_name', 'f.name'])
            .where(certified)
            .orderBy('o.name')
            .orderBy('f.name')
            .execute();
          return rows.map((x) => ({
            id: x.id,
            orgId: x.org_id,
            orgName: x.org_name,
            label: `${x.name}(持证)`,
            date: q.to,
          }));
        },
      };
    },
  },
];
