import type { MetricDefinition } from '../../../platform/metrics/types.js';
import { entryMetric, eq, itemMetric } from '../core/metrics.js';
import { adviserActivityLabels, type AdviserActivityKind } from './schema.js';

const k = { kind: 'legalAid' } as const;
const UNITS: Record<AdviserActivityKind, string> = {
  opinion: '条',
  publicity: '场',
  lecture: '场',
  mediation: '件',
  groupDispute: '件',
  villageRules: '条',
  document: '件',
  litigation: '件',
  consultation: '人次',
};

/** 公共法律服务: 法律援助 from the cases; consultations and 村(居)法律顾问 work from the registers. */
export const legalServiceMetrics: readonly MetricDefinition[] = [
  itemMetric({
    id: 'requests.legalServices.legalAid.received',
    name: '法律援助件数',
    unit: '件',
    definition: '报告期内收到的法律援助申请和办案机关通知件数(不予援助的也计入收件)。',
    ...k,
  }),
  itemMetric({
    id: 'requests.legalServices.legalAid.approved',
    name: '给予法律援助件数',
    unit: '件',
    definition: '报告期内收到、决定给予法律援助或依通知指派的件数。',
    ...k,
    where: (qb) => qb.where('requests_item.status', 'in', ['approved', 'assigned', 'closed']),
  }),
  itemMetric({
    id: 'requests.legalServices.legalAid.closed',
    name: '法律援助结案数',
    unit: '件',
    definition: '报告期内结案的法律援助案件数。',
    kind: 'legalAid',
    date: 'closed_on',
    where: eq('status', 'closed'),
  }),
  itemMetric({
    id: 'requests.legalServices.legalAid.onTime',
    name: '法律援助按期指派数',
    unit: '件',
    definition: '报告期内收到、在法定期限内指派法律援助人员的件数(法律援助法第三十六、四十三条)。',
    ...k,
    where: (qb) => qb.where('requests_item.on_time', '=', true),
  }),
  itemMetric({
    id: 'requests.legalServices.legalAid.criminal',
    name: '刑事法律援助件数',
    unit: '件',
    definition: '报告期内收到的刑事法律援助件数。',
    ...k,
    where: eq('category', 'criminal'),
  }),
  entryMetric({
    id: 'requests.legalServices.consultations',
    name: '法律咨询人次',
    unit: '人次',
    definition: '报告期内司法所、公共法律服务中心、12348 热线、村(居)法律顾问等解答法律咨询的人次。',
    kind: 'consultation',
    measure: 'quantity',
  }),
  entryMetric({
    id: 'requests.legalServices.consultations.villageAdviser',
    name: '法律咨询人次·村(社区)法律顾问',
    unit: '人次',
    definition: '报告期内村(居)法律顾问解答法律咨询的人次。',
    kind: 'consultation',
    category: 'villageAdviser',
    measure: 'quantity',
  }),
  entryMetric({
    id: 'requests.legalServices.villagesCovered',
    name: '配备法律顾问村居数',
    unit: '个',
    definition: '报告期末已配备法律顾问的村(社区)个数(按聘任记录去重)。',
    kind: 'adviserAssignment',
    measure: 'distinctPlace',
    stock: true,
  }),
  entryMetric({
    id: 'requests.legalServices.advisers',
    name: '村(居)法律顾问人数',
    unit: '人',
    definition: '报告期末聘任的村(居)法律顾问人数(按姓名去重)。',
    kind: 'adviserAssignment',
    measure: 'distinctPerson',
    stock: true,
  }),
  ...(Object.keys(UNITS) as AdviserActivityKind[])
    .filter((a) => a !== 'consultation')
    .map((a) =>
      entryMetric({
        id: `requests.legalServices.adviser.${a}`,
        name: `村(居)法律顾问${adviserActivityLabels[a].replace(/(条)$/, '').replace(/[()()]/g, '')}数`,
        unit: UNITS[a],
        definition: `报告期内村(居)法律顾问工作登记中“${adviserActivityLabels[a]}”的数量合计。`,
        kind: 'adviserActivity',
        category: a,
        measure: 'quantity',
      }),
    ),
];
