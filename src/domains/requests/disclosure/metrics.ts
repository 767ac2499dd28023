import { sql } from 'kysely';
import type { MetricDefinition } from '../../../platform/metrics/types.js';
import { and, entryMetric, eq, itemMetric, itemRate } from '../core/metrics.js';

const outcomeLike =
  (prefix: string) => (qb: Parameters<NonNullable<Parameters<typeof itemMetric>[0]['where']>>[0]) =>
    qb.where(sql<boolean>`requests_item.outcome like ${`${prefix}%`}`);

const answered = { kind: 'disclosure', date: 'answered_on' } as const;

/** 政府信息公开: 依申请公开 from the applications, 主动公开 from the register of releases. */
export const disclosureMetrics: readonly MetricDefinition[] = [
  itemMetric({
    id: 'requests.disclosure.received',
    name: '政府信息公开申请收到数',
    unit: '件',
    definition: '报告期内按《政府信息公开条例》第三十一条确定的收到日期在期内的依申请公开申请件数。',
    kind: 'disclosure',
  }),
  itemMetric({
    id: 'requests.disclosure.handled',
    name: '政府信息公开申请办结数',
    unit: '件',
    definition: '报告期内作出答复、申请人撤回或逾期不补正视为放弃的申请件数(以答复或终结日期计)。',
    kind: 'disclosure',
    date: 'closed_on',
    where: (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('requests_item.answered_on', 'is not', null),
          eb('requests_item.status', 'in', ['withdrawn', 'abandoned']),
        ]),
      ),
  }),
  itemMetric({
    id: 'requests.disclosure.answered',
    name: '政府信息公开申请答复数',
    unit: '件',
    definition: '报告期内作出答复(第三十六条各类处理)的申请件数,以答复日期计。',
    ...answered,
  }),
  itemMetric({
    id: 'requests.disclosure.disclosed',
    name: '予以公开数',
    unit: '件',
    definition: '报告期内答复为予以公开或告知已主动公开获取途径的申请件数。',
    ...answered,
    where: eq('outcome', ['disclosed', 'alreadyPublic']),
  }),
  itemMetric({
    id: 'requests.disclosure.partial',
    name: '部分公开数',
    unit: '件',
    definition: '报告期内区分处理、部分公开的申请件数(第三十七条)。',
    ...answered,
    where: eq('outcome', 'partial'),
  }),
  itemMetric({
    id: 'requests.disclosure.withheld',
    name: '不予公开数',
    unit: '件',
    definition: '报告期内答复不予公开的申请件数(第十四至十六条各项理由)。',
    ...answered,
    where: outcomeLike('withheld.'),
  }),
  itemMetric({
    id: 'requests.disclosure.unable',
    name: '无法提供数',
    unit: '件',
    definition: '报告期内答复无法提供(本机关不掌握、需另行制作、补正后仍不明确)的申请件数。',
    ...answered,
    where: outcomeLike('unable.'),
  }),
  itemMetric({
    id: 'requests.disclosure.declined',
    name: '不予处理数',
    unit: '件',
    definition:
      '报告期内答复不予处理(信访举报投诉类、重复申请、公开出版物、大量反复申请、要求确认)的申请件数。',
    ...answered,
    where: outcomeLike('declined.'),
  }),
  itemMetric({
    id: 'requests.disclosure.onTime',
    name: '政府信息公开申请按期答复数',
    unit: '件',
    definition: '报告期内在第三十三条期限(含经批准延长)内答复的申请件数。',
    ...answered,
    where: (qb) => qb.where('requests_item.on_time', '=', true),
  }),
  itemRate(
    {
      id: 'requests.disclosure.onTimeRate',
      name: '政府信息公开申请按期答复率',
      definition: '按期答复数占报告期内答复数的百分比。',
    },
    {
      ...answered,
      where: (qb) => qb.where('requests_item.on_time', '=', true),
    },
    answered,
  ),
  itemMetric({
    id: 'requests.disclosure.extended',
    name: '延长答复期限的申请数',
    unit: '件',
    definition: '报告期内收到、经政府信息公开工作机构负责人同意延长答复期限的申请件数(第三十三条第二款)。',
    kind: 'disclosure',
    where: (qb) => qb.where('requests_item.extended', '=', true),
  }),
  itemMetric({
    id: 'requests.disclosure.open',
    name: '政府信息公开申请未办结数',
    unit: '件',
    definition: '报告期内收到、期末仍在办理(含待补正、征求第三方意见)的申请件数。',
    kind: 'disclosure',
    where: and(eq('status', ['processing', 'awaitingCorrection', 'consulting'])),
  }),
  entryMetric({
    id: 'requests.disclosure.proactive',
    name: '主动公开政府信息数',
    unit: '条',
    definition:
      '报告期内主动公开登记簿登记的政府信息条数(会议、政策解读、热点回应、征求意见、规范性文件、许可处罚结果等各类)。',
    kind: 'proactive',
    measure: 'quantity',
  }),
  entryMetric({
    id: 'requests.disclosure.proactive.meeting',
    name: '主动公开政府信息数·重要会议',
    unit: '条',
    definition: '报告期内主动公开的政府常务会议及其他重要会议信息条数。',
    kind: 'proactive',
    category: 'meeting',
    measure: 'quantity',
  }),
  entryMetric({
    id: 'requests.disclosure.proactive.interpretation',
    name: '政策解读数',
    unit: '条',
    definition: '报告期内发布本级解读和转载上级解读的条数。',
    kind: 'proactive',
    category: 'interpretation',
    measure: 'quantity',
  }),
  entryMetric({
    id: 'requests.disclosure.proactive.hotspot',
    name: '热点回应数',
    unit: '条',
    definition: '报告期内发布的回应社会关切、热点问题的信息条数。',
    kind: 'proactive',
    category: 'hotspot',
    measure: 'quantity',
  }),
  entryMetric({
    id: 'requests.disclosure.proactive.consultation',
    name: '征求意见公告数',
    unit: '条',
    definition: '报告期内发布的征求意见公告及意见采纳情况反馈条数。',
    kind: 'proactive',
    category: 'consultation',
    measure: 'quantity',
  }),
];
