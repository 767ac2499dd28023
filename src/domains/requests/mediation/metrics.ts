import { countedRecords, inSubtree } from '../../../platform/metrics/builders.js';
import { drillRecord, type MetricDefinition } from '../../../platform/metrics/types.js';
import { and, eq, itemMetric, itemRate } from '../core/metrics.js';

const k = { kind: 'mediation' } as const;
const success = eq('outcome', 'success');
const concluded = eq('outcome', ['success', 'failure']);
const kindLabel = { people: '人民调解', administrative: '行政调解', preLitigation: '诉前调解' } as const;

const byKind = (kind: keyof typeof kindLabel): MetricDefinition[] => [
  itemMetric({
    id: `requests.mediation.cases.${kind}`,
    name: `矛盾纠纷调解数·${kindLabel[kind]}`,
    unit: '件',
    definition: `报告期内登记受理的${kindLabel[kind]}案件数。`,
    ...k,
    where: eq('channel', kind),
  }),
  itemMetric({
    id: `requests.mediation.succeeded.${kind}`,
    name: `矛盾纠纷调解成功数·${kindLabel[kind]}`,
    unit: '件',
    definition: `报告期内登记的${kindLabel[kind]}案件中达成调解协议的件数。`,
    ...k,
    where: and(eq('channel', kind), success),
  }),
];

/** 调解: cases by kind and outcome, agreements, 司法确认, 履行, committees and mediators. */
export const mediationMetrics: readonly MetricDefinition[] = [
  itemMetric({
    id: 'requests.mediation.cases',
    name: '矛盾纠纷调解数',
    unit: '件',
    definition: '报告期内登记受理的调解案件数(人民调解、行政调解、诉前调解)。',
    ...k,
  }),
  itemMetric({
    id: 'requests.mediation.succeeded',
    name: '矛盾纠纷调解成功数',
    unit: '件',
    definition: '报告期内登记的调解案件中达成调解协议(书面或口头)的件数。',
    ...k,
    where: success,
  }),
  itemRate(
    {
      id: 'requests.mediation.successRate',
      name: '矛盾纠纷调解成功率',
      definition: '调解成功件数占报告期内登记且已调解终结(成功或不成功)件数的百分比。',
    },
    { ...k, where: success },
    { ...k, where: concluded },
  ),
  itemMetric({
    id: 'requests.mediation.screened',
    name: '矛盾纠纷排查数',
    unit: '件',
    definition: '报告期内通过矛盾纠纷排查发现并登记调解的纠纷件数。',
    ...k,
    where: eq('applicant_kind', 'screened'),
  }),
  itemMetric({
    id: 'requests.mediation.fromPetitions',
    name: '访调对接调解数',
    unit: '件',
    definition: '报告期内由信访事项转来调解的件数。',
    ...k,
    where: eq('applicant_kind', 'petition'),
  }),
  itemMetric({
    id: 'requests.mediation.amount',
    name: '调解涉及金额',
    unit: '万元',
    definition: '报告期内登记的调解案件争议金额合计。',
    ...k,
    sum: 'amount',
  }),
  itemMetric({
    id: 'requests.mediation.confirmed',
    name: '司法确认调解协议数',
    unit: '件',
    definition: '报告期内登记的案件中经人民法院裁定确认调解协议有效的件数(《人民调解法》第三十三条)。',
    ...k,
    where: eq('status', ['confirmed']),
  }),
  itemMetric({
    id: 'requests.mediation.performed',
    name: '调解协议履行数',
    unit: '件',
    definition: '报告期内登记的案件中调解协议已履行完毕的件数。',
    ...k,
    where: eq('status', 'performed'),
  }),
  ...byKind('people'),
  ...byKind('administrative'),
  ...byKind('preLitigation'),
  countedRecords(
    {
      id: 'requests.mediation.committees',
      name: '人民调解委员会数',
      unit: '个',
      definition: '报告期末在任期内的人民调解委员会个数(《人民调解法》第十条 县级司法行政部门统计)。',
      domain: 'requests',
    },
    async (db, q) => {
      const rows = await db
        .selectFrom('requests_committee as c')
        .innerJoin('org as g', 'g.id', 'c.org_id')
        .select(['c.id', 'c.org_id', 'g.name as org_name', 'c.name', 'c.term_start', 'c.members'])
        .where(inSubtree('c', q))
        .where('c.term_start', '<=', q.to)
        .where('c.term_end', '>=', q.to)
        .execute();
      return rows.map((r) => drillRecord(r, r.name, r.term_start));
    },
  ),
];
