import { sql } from 'kysely';
import { inPeriod, inSubtree } from '../../../platform/metrics/builders.js';
import type { Db } from '../../../platform/db/types.js';
import {
  drillRecord,
  type MetricDefinition,
  type MetricQuery,
  type MetricComputation,
} from '../../../platform/metrics/types.js';
import { loadSettings } from '../core/store.js';
import {
  and,
  computedFigure,
  entryMetric,
  eq,
  factTrue,
  itemMetric,
  itemRate,
  percent,
} from '../core/metrics.js';

type Where = NonNullable<Parameters<typeof itemMetric>[0]['where']>;
const k = { kind: 'petition' } as const;
/** the item's log holds one of these actions */
const logged = (...actions: string[]) =>
  sql<boolean>`exists (select a.id from requests_action a where a.item_id = requests_item.id and a.action in (${sql.join(actions)}))`;
const accepted: Where = (qb) => qb.where(logged('accept', 'route'));
const concluded: Where = (qb) => qb.where('requests_item.answered_on', 'is not', null);
const resolved: Where = (qb) => qb.where('requests_item.resolved', '=', true);
const firstTime: Where = (qb) => qb.where(sql<boolean>`not ${logged('requestReview')}`);
/** items registered from a leader's reception; `level` restricts to 主要领导 */
const fromReception =
  (level?: 'principal'): Where =>
  (qb) =>
    qb.where((eb) =>
      eb.exists(
        eb
          .selectFrom('requests_entry as e')
          .select('e.id')
          .where('e.kind', '=', 'reception')
          .where(sql<boolean>`e.id::text = requests_item.facts ->> 'receptionId'`)
          .$if(level !== undefined, (b) => b.where('e.category', '=', level ?? '')),
      ),
    );

/** 信访人满意率: the ratings in the period, satisfied (满意、基本满意) over all. */
async function satisfactionRate(db: Db, q: MetricQuery): Promise<MetricComputation> {
  const rows = await db
    .selectFrom('requests_action as a')
    .innerJoin('requests_item as i', 'i.id', 'a.item_id')
    .innerJoin('org as g', 'g.id', 'i.org_id')
    .select([
      'a.data',
      'a.id',
      'a.occurred_on',
      'i.org_id',
      'g.name as org_name',
      'i.receipt_no',
      'i.subject',
    ])
    .where('i.kind', '=', 'petition')
    .where('a.action', '=', 'rate')
    .where(inPeriod('a.occurred_on', q))
    .where(inSubtree('i', q))
    .execute();
  const satisfied = (r: (typeof rows)[number]) =>
    (r.data as { satisfaction?: string }).satisfaction !== 'unsatisfied';
  const ok = rows.filter(satisfied).length;
  // the drill-down: satisfied ratings (numerator), then every rating (denominator)
  const record = (r: (typeof rows)[number], part: 'numerator' | 'denominator') => ({
    ...drillRecord(r, `${r.receipt_no} ${r.subject}`, String(r.occurred_on)),
    part,
  });
  return {
    value: percent(ok, rows.length),
    records: async () => [
      ...rows.filter(satisfied).map((r) => record(r, 'numerator')),
      ...rows.map((r) => record(r, 'denominator')),
    ],
  };
}

/** The region's monthly reception day, from its 信访 settings (none when not set). */
async function receptionDay(db: Db, q: MetricQuery): Promise<MetricComputation> {
  const org = await db.selectFrom('org').select('region_code').where('id', '=', q.orgId).executeTakeFirst();
  const day = org ? (await loadSettings(db, org.region_code)).receptionDay : null;
  return { value: day, records: async () => [] };
}

/** 信访: intake, handling, 化解, 复查复核, leaders' receptions and the stability figures. */
export const petitionMetrics: readonly MetricDefinition[] = [
  itemMetric({
    id: 'requests.petitions.received',
    name: '信访事项登记数',
    unit: '件',
    definition: '报告期内登记的信访事项件数(来信、来访、网上、来电、12345 转办、上级交办)。',
    ...k,
  }),
  itemMetric({
    id: 'requests.petitions.hotline',
    name: '12345 热线转办信访事项数',
    unit: '件',
    definition: '报告期内由 12345 政务服务便民热线转办登记的信访事项件数。',
    ...k,
    where: eq('channel', 'hotline12345'),
  }),
  itemMetric({
    id: 'requests.petitions.visits',
    name: '来访信访事项数',
    unit: '件',
    definition: '报告期内以走访形式提出的信访事项件数。',
    ...k,
    where: eq('channel', 'visit'),
  }),
  itemMetric({
    id: 'requests.petitions.accepted',
    name: '信访事项受理数',
    unit: '件',
    definition:
      '报告期内登记、已依法受理或转送交办有权机关的信访事项件数(《信访工作条例》第二十二、二十三条)。',
    ...k,
    where: accepted,
  }),
  itemRate(
    {
      id: 'requests.petitions.acceptanceRate',
      name: '信访事项受理率',
      definition: '受理(含转送交办)件数占报告期内登记且已作出登记处理的信访事项件数的百分比。',
    },
    { ...k, where: accepted },
    { ...k, where: (qb) => qb.where('requests_item.status', '<>', 'registered') },
  ),
  itemMetric({
    id: 'requests.petitions.concluded',
    name: '信访事项办结数',
    unit: '件',
    definition: '报告期内出具信访处理意见书的信访事项件数(以首次出具日期计)。',
    kind: 'petition',
    date: 'answered_on',
  }),
  itemRate(
    {
      id: 'requests.petitions.concludedRate',
      name: '信访事项办结率',
      definition: '报告期内受理的信访事项中已出具处理意见书的百分比(转送交办的不计)。',
    },
    { ...k, where: concluded },
    { ...k, where: (qb) => qb.where('requests_item.status', 'not in', ['registered', 'routed', 'declined']) },
  ),
  itemMetric({
    id: 'requests.petitions.onTime',
    name: '信访事项按期办结数',
    unit: '件',
    definition: '报告期内在 60 日(经批准延长 30 日)内出具处理意见书的件数(第三十四条)。',
    kind: 'petition',
    date: 'answered_on',
    where: (qb) => qb.where('requests_item.on_time', '=', true),
  }),
  itemMetric({
    id: 'requests.petitions.extended',
    name: '延期办理的信访事项数',
    unit: '件',
    definition: '报告期内登记、经本机关负责人批准延长办理期限的件数。',
    ...k,
    where: (qb) => qb.where('requests_item.extended', '=', true),
  }),
  itemMetric({
    id: 'requests.petitions.resolved',
    name: '信访事项化解数',
    unit: '件',
    definition: '报告期内登记、最近一次处理(复查、复核)意见认定已化解的信访事项件数。',
    ...k,
    where: resolved,
  }),
  itemRate(
    {
      id: 'requests.petitions.firstTimeResolvedRate',
      name: '信访事项一次性化解率',
      definition: '已出具处理意见且未请求复查即化解的事项占已出具处理意见事项的百分比。',
    },
    { ...k, where: and(concluded, resolved, firstTime) },
    { ...k, where: concluded },
  ),
  itemMetric({
    id: 'requests.petitions.reviews',
    name: '信访复查数',
    unit: '件',
    definition: '报告期内登记、信访人请求复查的事项件数(第三十五条)。',
    ...k,
    where: (qb) => qb.where(logged('requestReview')),
  }),
  itemMetric({
    id: 'requests.petitions.rechecks',
    name: '信访复核数',
    unit: '件',
    definition: '报告期内登记、信访人请求复核的事项件数(第三十六条)。',
    ...k,
    where: (qb) => qb.where(logged('requestRecheck')),
  }),
  itemMetric({
    id: 'requests.petitions.repeat',
    name: '重复信访事项数',
    unit: '件',
    definition: '报告期内登记、就已受理事项再次提出的重复信访件数。',
    ...k,
    where: factTrue('repeat'),
  }),
  itemMetric({
    id: 'requests.petitions.backlog',
    name: '信访积案数',
    unit: '件',
    definition: '报告期内列为积案登记的信访事项件数。',
    ...k,
    where: factTrue('backlog'),
  }),
  itemMetric({
    id: 'requests.petitions.backlogResolved',
    name: '信访积案化解数',
    unit: '件',
    definition: '报告期内登记的积案中已化解的件数。',
    ...k,
    where: and(factTrue('backlog'), resolved),
  }),
  itemMetric({
    id: 'requests.petitions.escalated',
    name: '越级上访数',
    unit: '次',
    definition: '报告期内登记、信访人越过本级到上级机关走访的次数。',
    ...k,
    where: factTrue('escalated'),
  }),
  itemMetric({
    id: 'requests.petitions.majorIncidents',
    name: '影响安全稳定重大事件数',
    unit: '起',
    definition: '报告期内登记、标记为影响安全稳定重大事件的信访事项起数。',
    ...k,
    where: factTrue('majorIncident'),
  }),
  computedFigure(
    {
      id: 'requests.petitions.satisfactionRate',
      name: '信访人满意率',
      unit: '%',
      definition: '报告期内信访人评价为满意或基本满意的次数占评价次数的百分比。',
    },
    satisfactionRate,
  ),
  itemMetric({
    id: 'requests.petitions.receptionResolved',
    name: '信访事项化解数·领导接访',
    unit: '件次',
    definition: '报告期内领导接访登记的信访事项中已化解的件次。',
    ...k,
    where: and(fromReception(), resolved),
  }),
  itemMetric({
    id: 'requests.petitions.receptionResolved.principal',
    name: '信访事项化解数·主要领导接访',
    unit: '件次',
    definition: '报告期内主要领导接访登记的信访事项中已化解的件次。',
    ...k,
    where: and(fromReception('principal'), resolved),
  }),
  itemMetric({
    id: 'requests.petitions.receptionFollowUp',
    name: '领导接访事项持续跟进数',
    unit: '件次',
    definition: '报告期内领导接访登记、尚未化解仍在跟进的信访事项件次。',
    ...k,
    where: and(fromReception(), (qb) =>
      qb.where((eb) =>
        eb.or([eb('requests_item.resolved', 'is', null), eb('requests_item.resolved', '=', false)]),
      ),
    ),
  }),
  entryMetric({
    id: 'requests.petitions.receptions',
    name: '领导接访批次',
    unit: '批',
    definition: '报告期内县处级领导(含主要领导)接访、下访登记的批次。',
    kind: 'reception',
    measure: 'rows',
  }),
  entryMetric({
    id: 'requests.petitions.receptions.principal',
    name: '领导接访批次·主要领导',
    unit: '批',
    definition: '报告期内主要领导接访、下访登记的批次。',
    kind: 'reception',
    category: 'principal',
    measure: 'rows',
  }),
  entryMetric({
    id: 'requests.petitions.receptionPersons',
    name: '领导接访人次',
    unit: '人次',
    definition: '报告期内县处级领导(含主要领导)接待来访群众的人次。',
    kind: 'reception',
    measure: 'quantity',
  }),
  entryMetric({
    id: 'requests.petitions.receptionPersons.principal',
    name: '领导接访人次·主要领导',
    unit: '人次',
    definition: '报告期内主要领导接待来访群众的人次。',
    kind: 'reception',
    category: 'principal',
    measure: 'quantity',
  }),
  entryMetric({
    id: 'requests.petitions.receptionLeaders',
    name: '接访领导人数',
    unit: '人',
    definition: '报告期内参加接访、下访的县处级领导人数(按姓名去重)。',
    kind: 'reception',
    measure: 'distinctPerson',
  }),
  entryMetric({
    id: 'requests.petitions.accountability',
    name: '因信访工作不力被追责人数',
    unit: '人',
    definition: '报告期内因信访、稳控工作不力被问责处理的人数(《信访工作条例》第四十四至四十七条)。',
    kind: 'accountability',
    measure: 'quantity',
  }),
  computedFigure(
    {
      id: 'requests.petitions.receptionDay',
      name: '领导下访固定日',
      unit: '日',
      definition: '本地区设置的县处级领导每月固定下访接访日(每月几日),在信访设置中维护;未设置时不计。',
    },
    receptionDay,
  ),
];
