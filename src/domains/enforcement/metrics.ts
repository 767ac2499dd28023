import { sql } from 'kysely';
import type { Db } from '../../platform/db/types.js';
import {
  countedBy,
  countedQuery,
  inOrgs,
  inPeriod,
  inSubtree,
  orgRecords,
} from '../../platform/metrics/builders.js';
import {
  asOfDay,
  drillRecord,
  type MetricDefinition,
  type MetricQuery,
  rateOf,
} from '../../platform/metrics/types.js';
import { caseMetrics } from './cases/metrics.js';
import './tables.js';

/** The breakdown behind 案件 figures: decided cases by category and 结果 (决定 / 不予处罚撤案), with fines. */
export async function caseBreakdown(db: Db, q: MetricQuery) {
  const rows = await db
    .selectFrom('enforcement_case as c')
    .where(inSubtree('c', q))
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

/**
 * An officer in post on the day: not yet left, and registered or first certified by then (from
 * history, not today's flag). `fc` is `firstCertified`: each officer's first issue date.
 */
const officerInPost = (d: string) =>
  sql<boolean>`(f.active or f.left_on > ${d}::date)
    and least((f.created_at at time zone 'Asia/Shanghai')::date, fc.first_issued_on) <= ${d}::date`;
/** a certificate in force on the day: issued, not expired, and not suspended or revoked by then */
const certifiedOn = (d: string) =>
  sql<boolean>`exists (select 1 from enforcement_certificate c where c.officer_id = f.id and c.issued_on <= ${d}::date and c.valid_until >= ${d}::date and (c.status = 'valid' or c.status_on > ${d}::date))`;

/**
 * The first issue date of each officer of the subtree who has a certificate, read in one grouped
 * pass: a subquery per officer (the earlier form) cost ~13 planner units a row, which at a
 * province's 90,000 officers crossed the JIT threshold and took ~2 s where this takes ~70 ms.
 */
function firstCertified(db: Db, q: MetricQuery) {
  return db
    .selectFrom('enforcement_certificate as c')
    .innerJoin('enforcement_officer as cf', 'cf.id', 'c.officer_id')
    .where(inOrgs('cf.org_id', q))
    .groupBy('c.officer_id')
    .select(['c.officer_id', sql<string>`min(c.issued_on)`.as('first_issued_on')])
    .as('fc');
}

function officers(db: Db, q: MetricQuery, certified: boolean) {
  const d = asOfDay(q);
  const b = db
    .selectFrom('enforcement_officer as f')
    .innerJoin('org as o', 'o.id', 'f.org_id')
    .leftJoin(firstCertified(db, q), 'fc.officer_id', 'f.id')
    .where(inSubtree('f', q))
    .where(officerInPost(d));
  return certified ? b.where(certifiedOn(d)) : b;
}

function officerFigure(id: string, name: string, definition: string, certified: boolean): MetricDefinition {
  return countedQuery(
    { id, name, unit: '人', definition, domain: 'enforcement', kind: 'stock', asOf: 'periodEnd' },
    (db, q) => officers(db, q, certified),
    async (rows, q) =>
      (
        await rows
          .select(['f.id', 'f.org_id', 'o.name as org_name', 'f.name'])
          .orderBy('o.name')
          .orderBy('f.name')
          .execute()
      ).map((x) => drillRecord(x, certified ? `${x.name}(持证)` : x.name, asOfDay(q))),
  );
}

const inPost = officerFigure(
  'enforcement.officers.inPost',
  '在岗执法人员',
  '统计日(期末,期末在今天之后的为今天)在岗的执法人员数,按离岗日期与首次发证日期从历史推算',
  false,
);
const certifiedOfficers = officerFigure(
  'enforcement.officers.certified',
  '持证执法人员',
  '统计日在岗且持有效行政执法证(已发证、未过期、未暂扣或吊销)的执法人员数',
  true,
);

/** Certificates of the subtree issued in the period (核发执法证件). */
function issued(db: Db, q: MetricQuery) {
  return db
    .selectFrom('enforcement_certificate as c')
    .innerJoin('enforcement_officer as f', 'f.id', 'c.officer_id')
    .innerJoin('org as o', 'o.id', 'c.org_id')
    .where(inSubtree('c', q))
    .where(inPeriod('c.issued_on', q));
}

/** Enforcement bodies of the subtree in the current register (the register keeps no history). */
function bodies(db: Db, q: MetricQuery) {
  return db
    .selectFrom('enforcement_body as b')
    .innerJoin('org as o', 'o.id', 'b.org_id')
    .where(inSubtree('b', q))
    .where('b.active', '=', true);
}

/** Power items (权责事项) of the subtree in force: the current list (revisions keep its history). */
function powerItemFigure(distinctOrgs: boolean): MetricDefinition {
  const base = (db: Db, q: MetricQuery) =>
    db
      .selectFrom('power_item as p')
      .innerJoin('org as o', 'o.id', 'p.org_id')
      .where(inSubtree('p', q))
      .where('p.status', '=', 'active');
  return countedBy(
    {
      id: distinctOrgs ? 'enforcement.powerItems.orgs' : 'enforcement.powerItems',
      name: distinctOrgs ? '梳理权责清单的单位' : '权责事项',
      unit: distinctOrgs ? '个' : '项',
      ...(distinctOrgs ? { unitAliases: ['家'] } : {}),
      definition: distinctOrgs
        ? '本级及下级单位中有在用权责事项的单位数(权责清单现状)'
        : '本级及下级单位权责清单中在用的权责事项数(含行政执法事项;权责清单现状)',
      domain: 'enforcement',
      kind: 'stock',
      asOf: 'periodEnd',
    },
    async (db, q) => {
      const r = await base(db, q)
        .select((eb) =>
          (distinctOrgs ? eb.fn.count<number>('p.org_id').distinct() : eb.fn.countAll<number>()).as('n'),
        )
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async (db, q) => {
      const rows = await base(db, q)
        .select(['p.id', 'p.org_id', 'o.name as org_name', 'p.code', 'p.name'])
        .orderBy('o.name')
        .orderBy('p.code')
        .execute();
      if (!distinctOrgs) return rows.map((x) => drillRecord(x, `${x.code} ${x.name}`, null));
      return orgRecords(rows);
    },
  );
}

export const enforcementMetrics: readonly MetricDefinition[] = [
  powerItemFigure(false),
  powerItemFigure(true),
  ...caseMetrics,
  inPost,
  certifiedOfficers,
  rateOf(
    {
      id: 'enforcement.officers.certifiedRate',
      name: '执法人员持证率',
      definition: '统计日(期末,期末在今天之后的为今天)在岗执法人员中持有效行政执法证的比例',
      domain: 'enforcement',
    },
    certifiedOfficers,
    inPost,
  ),
  countedQuery(
    {
      id: 'enforcement.certificates.issued',
      name: '核发执法证件',
      unit: '个',
      definition: '期间内核发的行政执法证件数,以发证日期计',
      domain: 'enforcement',
      kind: 'flow',
    },
    issued,
    async (rows) =>
      (
        await rows
          .select(['c.id', 'c.org_id', 'o.name as org_name', 'f.name', 'c.number', 'c.issued_on'])
          .orderBy('c.issued_on')
          .execute()
      ).map((x) => drillRecord(x, `${x.name} ${x.number}`, x.issued_on)),
  ),
  countedQuery(
    {
      id: 'enforcement.bodies',
      name: '行政执法主体',
      unit: '个',
      definition: '本级及下级单位在册的行政执法主体数(法定、授权、委托),取执法主体名录的现状',
      domain: 'enforcement',
      kind: 'stock',
      asOf: 'periodEnd',
    },
    bodies,
    async (rows) =>
      (
        await rows.select(['b.id', 'b.org_id', 'o.name as org_name', 'b.name']).orderBy('b.name').execute()
      ).map((x) => drillRecord(x, x.name, null)),
  ),
];
