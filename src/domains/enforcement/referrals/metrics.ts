import { type SqlBool, sql } from 'kysely';
import type { Db } from '../../../platform/db/types.js';
import { countedQuery, inPeriod, inSubtree } from '../../../platform/metrics/builders.js';
import {
  type DrillRecord,
  type MetricDefinition,
  type MetricQuery,
  rateRecords,
  shareOf,
} from '../../../platform/metrics/types.js';
import '../tables.js';

type DateColumn = 'r.handed_over_on' | 'r.filed_on' | 'r.declined_on';

/** Referrals of the subtree whose `column` date falls in the period. */
function referrals(db: Db, q: MetricQuery, column: DateColumn) {
  return db
    .selectFrom('enforcement_referral as r')
    .innerJoin('enforcement_case as c', 'c.id', 'r.case_id')
    .innerJoin('org as o', 'o.id', 'r.org_id')
    .where(inSubtree('r', q))
    .where(inPeriod(column, q));
}

/** The referrals of `b` (a `referrals` query by `column`) as drill-down records, in date order. */
async function records(b: ReturnType<typeof referrals>, column: DateColumn): Promise<DrillRecord[]> {
  const rows = await b
    .select([
      'r.id',
      'r.org_id',
      'o.name as org_name',
      'c.case_no',
      'c.party_name',
      'r.suspected_crime',
      sql<string>`${sql.ref(column)}::text`.as('on'),
      'r.handover_hours',
      'r.handover_late',
    ])
    .orderBy(column)
    .orderBy('c.case_no')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    label:
      `${r.case_no} ${r.party_name}(涉嫌${r.suspected_crime})` +
      (column === 'r.handed_over_on' && r.handover_hours !== null
        ? ` 批准后 ${Number(r.handover_hours)} 小时移送${r.handover_late ? ',超过 24 小时' : ''}`
        : ''),
    date: r.on,
  }));
}

const counted = (id: string, name: string, definition: string, column: DateColumn): MetricDefinition =>
  countedQuery(
    { id, name, unit: '件', definition, domain: 'enforcement' },
    (db, q) => referrals(db, q, column),
    (rows) => records(rows, column),
  );

/** handed over within 24 hours of the approval (第五条) */
const ON_TIME = sql<SqlBool>`not r.handover_late`;

/** 两法衔接 figures (行政执法机关移送涉嫌犯罪案件的规定). */
export const referralMetrics: readonly MetricDefinition[] = [
  counted(
    'enforcement.referral.referred',
    '移送涉嫌犯罪案件数',
    '期间内行政执法机关向公安机关移送的涉嫌犯罪案件数,以移送日期计(《行政执法机关移送涉嫌犯罪案件的规定》第五条)',
    'r.handed_over_on',
  ),
  counted(
    'enforcement.referral.filed',
    '公安机关立案数',
    '期间内公安机关对移送案件决定立案的件数(含经复议或检察监督后立案),以立案通知日期计(第八条、第九条)',
    'r.filed_on',
  ),
  counted(
    'enforcement.referral.declined',
    '公安机关不予立案数',
    '期间内公安机关对移送案件决定不予立案的件数,以不予立案通知日期计;其后经复议或检察监督立案的仍计入(第八条)',
    'r.declined_on',
  ),
  shareOf(
    {
      id: 'enforcement.referral.timelyRate',
      name: '涉嫌犯罪案件移送及时率',
      definition:
        '期间内移送的案件中,负责人批准后 24 小时内移送公安机关的比例,按批准与移送的时刻计算;无移送案件时不计(第五条)',
      domain: 'enforcement',
    },
    (db, q) => referrals(db, q, 'r.handed_over_on'),
    ON_TIME,
    (db, q) =>
      rateRecords(
        () => records(referrals(db, q, 'r.handed_over_on').where(ON_TIME), 'r.handed_over_on'),
        () => records(referrals(db, q, 'r.handed_over_on'), 'r.handed_over_on'),
      ),
  ),
];
