import type { MetricDefinition } from '../../../platform/metrics/types.js';
import { and, entryMetric, eq, itemMetric, itemRate } from '../core/metrics.js';

const k = { kind: 'proposal' } as const;
const notReturned = (qb: Parameters<NonNullable<Parameters<typeof itemMetric>[0]['where']>>[0]) =>
  qb.where('requests_item.status', '<>', 'returned');
const answered = (qb: Parameters<NonNullable<Parameters<typeof itemMetric>[0]['where']>>[0]) =>
  qb.where('requests_item.answered_on', 'is not', null);

/** 人大建议 / 政协提案 and the 人大's oversight of the government. */
export const proposalMetrics: readonly MetricDefinition[] = [
  itemMetric({
    id: 'requests.proposals.npc',
    name: '人大代表建议数',
    unit: '件',
    definition: '报告期内交办本级及下级单位办理的人大代表建议件数(退回的不计)。',
    ...k,
    where: and(eq('category', 'npc'), notReturned),
  }),
  itemMetric({
    id: 'requests.proposals.cppcc',
    name: '政协委员提案数',
    unit: '件',
    definition: '报告期内交办本级及下级单位办理的政协委员提案件数(退回的不计)。',
    ...k,
    where: and(eq('category', 'cppcc'), notReturned),
  }),
  itemMetric({
    id: 'requests.proposals.answered',
    name: '建议提案答复数',
    unit: '件',
    definition: '报告期内交办、已书面答复的建议提案件数。',
    ...k,
    where: answered,
  }),
  itemRate(
    {
      id: 'requests.proposals.answerRate',
      name: '建议提案答复率',
      definition: '已答复件数占报告期内交办(退回的不计)件数的百分比。',
    },
    { ...k, where: answered },
    { ...k, where: notReturned },
  ),
  itemRate(
    {
      id: 'requests.proposals.onTimeRate',
      name: '建议提案按期答复率',
      definition: '在 3 个月(经批准延期的,延长后期限)内答复的件数占已答复件数的百分比。',
    },
    {
      ...k,
      where: (qb) => qb.where('requests_item.on_time', '=', true),
    },
    { ...k, where: answered },
  ),
  itemMetric({
    id: 'requests.proposals.extended',
    name: '延期答复的建议提案数',
    unit: '件',
    definition: '报告期内交办、经批准延期答复的件数。',
    ...k,
    where: (qb) => qb.where('requests_item.extended', '=', true),
  }),
  itemMetric({
    id: 'requests.proposals.gradeA',
    name: '建议提案办理结果A类数',
    unit: '件',
    definition: '报告期内交办、答复为 A 类(已解决或采纳)的件数。',
    ...k,
    where: eq('outcome', 'A'),
  }),
  itemMetric({
    id: 'requests.proposals.gradeB',
    name: '建议提案办理结果B类数',
    unit: '件',
    definition: '报告期内交办、答复为 B 类(正在解决或列入计划)的件数。',
    ...k,
    where: eq('outcome', 'B'),
  }),
  itemMetric({
    id: 'requests.proposals.returned',
    name: '退回交办机关的建议提案数',
    unit: '件',
    definition: '报告期内交办后因不属本单位职责在规定期限内退回的件数。',
    ...k,
    where: eq('status', 'returned'),
  }),
  itemRate(
    {
      id: 'requests.proposals.satisfactionRate',
      name: '代表委员满意率',
      definition: '反馈满意或基本满意的件数占有反馈件数的百分比。',
    },
    {
      ...k,
      where: (qb) => qb.where('requests_item.resolved', '=', true),
    },
    { ...k, where: (qb) => qb.where('requests_item.resolved', 'is not', null) },
  ),
  entryMetric({
    id: 'requests.proposals.oversight.lawInspection',
    name: '人大执法检查次数',
    unit: '次',
    definition: '报告期内人大常委会对本级政府开展执法检查的次数(人大监督活动登记)。',
    kind: 'npcOversight',
    category: 'lawInspection',
    measure: 'rows',
  }),
  entryMetric({
    id: 'requests.proposals.oversight.research',
    name: '人大专题调研次数',
    unit: '次',
    definition: '报告期内人大常委会开展或配合上级开展专题调研的次数。',
    kind: 'npcOversight',
    category: 'research',
    measure: 'rows',
  }),
  entryMetric({
    id: 'requests.proposals.oversight.evaluation',
    name: '人大工作评议部门数',
    unit: '个',
    definition: '报告期内人大常委会开展工作评议的政府工作部门个数。',
    kind: 'npcOversight',
    category: 'evaluation',
    measure: 'quantity',
  }),
];
