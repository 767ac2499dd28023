import { type SelectQueryBuilder, sql } from 'kysely';
import type { Db } from '../../../platform/db/types.js';
import { countedRecords, inPeriod, inSubtree, type Records } from '../../../platform/metrics/builders.js';
import {
  asOfDay,
  type DrillRecord,
  drillRecord,
  type GroupedScan,
  type MetricDefinition,
  type MetricQuery,
} from '../../../platform/metrics/types.js';
import '../tables.js';
import '../../org/tables.js';

/**
 * Figures of 重大行政决策 from the catalogue and the decisions' logs (general concepts an office
 * counts; the seed reports' phrases map here through src/report/seed-fact-map.json).
 */
const DOMAIN = 'legality';

type DateColumn =
  | 'listed_on'
  | 'comment_from'
  | 'hearing_on'
  | 'expert_on'
  | 'risk_on'
  | 'discussed_on'
  | 'decided_on'
  | 'published_on'
  | 'archived_on';

/** The decisions of the subtree: the rows the records list and the grouped pass scans. */
const decisionsIn = (db: Db, q: MetricQuery) =>
  db.selectFrom('legality_decision as d').innerJoin('org as o', 'o.id', 'd.org_id').where(inSubtree('d', q));

function decisions(db: Db, q: MetricQuery) {
  return decisionsIn(db, q).select([
    'd.id',
    'd.org_id',
    'o.name as org_name',
    'd.title',
    'd.comment_to',
    'd.decided_on',
  ]);
}

/** The shared scan of the figures counted by one of the decisions' dates. */
const decisionScan: GroupedScan = { key: 'legality_decision.subtree', from: decisionsIn };

type DecisionRow = { id: string; org_id: string; org_name: string; title: string };

const record = (r: DecisionRow, date: string | null, extra: Partial<DrillRecord> = {}): DrillRecord => ({
  ...drillRecord(r, r.title, date),
  ...extra,
});

/** The columns `decisions` selects, by which a query counting each decision once groups. */
const decisionColumns = ['d.id', 'd.org_id', 'o.name', 'd.title', 'd.comment_to', 'd.decided_on'] as const;

/**
 * Each decision once, dated by the latest of the entries `entries` joins to it and selects as
 * `on` (`max(…)`): a decision reviewed or evaluated more than once in the period counts once.
 */
async function latestEach<DB, TB extends keyof DB, O extends DecisionRow & { on: string }>(
  entries: SelectQueryBuilder<DB, TB, O>,
): Promise<DrillRecord[]> {
  const rows = await entries
    .groupBy(decisionColumns.map((c) => sql.ref(c)))
    .orderBy(sql.ref('d.id'))
    .execute();
  return rows.map((r) => record(r, r.on));
}

type Decisions = ReturnType<typeof decisions>;

/**
 * The records of the decisions `narrow` keeps, each dated by its `column`, in the order `narrow`
 * gives them and then by id.
 */
const datedBy =
  (column: DateColumn | 'executing_from', narrow: (b: Decisions, q: MetricQuery) => Decisions): Records =>
  async (db, q) =>
    (
      await narrow(decisions(db, q), q)
        .select(sql<string | null>`${sql.ref(`d.${column}`)}`.as('on'))
        .orderBy('d.id')
        .execute()
    ).map((r) => record(r, r.on));

/** A count of decisions, one record each; the definition without its computation. */
type Counted = Omit<MetricDefinition, 'compute' | 'domain' | 'source' | 'additive'>;

const counted = (m: Counted, records: Records): MetricDefinition =>
  countedRecords({ ...m, domain: DOMAIN }, records);

function flow(
  id: string,
  name: string,
  column: DateColumn,
  definition: string,
  unitAliases?: string[],
): MetricDefinition {
  const col = `d.${column}` as const;
  return counted(
    {
      id,
      name,
      unit: '件',
      definition,
      kind: 'flow',
      ...(unitAliases ? { unitAliases } : {}),
      grouped: { scan: decisionScan, filter: (q) => inPeriod(col, q) },
    },
    datedBy(column, (b, q) => b.where(inPeriod(col, q)).orderBy(sql.ref(col))),
  );
}

const yearOf = (d: string) => Number(d.slice(0, 4));

const catalogued = counted(
  {
    id: 'legality.decisions.catalogued',
    name: '列入决策事项目录的重大行政决策事项数',
    unit: '项',
    definition: '期间所含年度的重大行政决策事项目录中列入的事项数(调整调出的不计)',
    kind: 'flow',
  },
  datedBy('listed_on', (b, q) =>
    b
      .where('d.year', '>=', yearOf(q.from))
      .where('d.year', '<=', yearOf(q.to))
      .where('d.status', '!=', 'withdrawn')
      .orderBy('d.year')
      .orderBy('d.listed_on'),
  ),
);

/** Decisions whose legality review was concluded in the period (the desk's kind 重大行政决策). */
const reviewed = counted(
  {
    id: 'legality.decisions.reviewed',
    name: '完成合法性审查的重大行政决策数',
    unit: '件',
    definition: '期间内合法性审查出具审查意见的重大行政决策件数(同一决策多次审查计一件)',
    kind: 'flow',
  },
  (db, q) =>
    latestEach(
      decisions(db, q)
        .innerJoin('legality_review as r', 'r.subject_id', 'd.id')
        .select(sql<string>`max(r.concluded_on)`.as('on'))
        .where('r.kind', '=', 'majorDecision')
        .where(inPeriod('r.concluded_on', q)),
    ),
);

/** Stock on the period's last day: review passed, no decision yet (not withdrawn or refused). */
const awaitingDecision = counted(
  {
    id: 'legality.decisions.awaitingDecision',
    name: '已通过合法性审查待决定的重大行政决策数',
    unit: '件',
    definition: '期末已通过合法性审查(合法或修改后合法)、尚未经集体讨论作出决定的重大行政决策件数',
    kind: 'stock',
  },
  datedBy('listed_on', (b, q) => {
    const on = asOfDay(q);
    return b
      .where('d.status', 'not in', ['withdrawn', 'rejected'])
      .where((eb) => eb.or([eb('d.decided_on', 'is', null), eb('d.decided_on', '>', on)]))
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('legality_review as r')
            .select('r.id')
            .whereRef('r.subject_id', '=', 'd.id')
            .where('r.conclusion', 'in', ['lawful', 'lawfulAfterRevision'])
            .where('r.concluded_on', '<=', on),
        ),
      );
  }),
);

const executing = counted(
  {
    id: 'legality.decisions.executing',
    name: '执行中的重大行政决策数',
    unit: '件',
    definition: '期末已组织执行的重大行政决策件数',
    kind: 'stock',
  },
  datedBy('executing_from', (b, q) =>
    b.where('d.executing_from', '<=', asOfDay(q)).where('d.status', '=', 'published'),
  ),
);

/** Each 后评估 in the period, from the log (a decision may be evaluated more than once). */
const postEvaluated = counted(
  {
    id: 'legality.decisions.postEvaluated',
    name: '开展决策后评估的重大行政决策数',
    unit: '件',
    definition: '期间内开展决策后评估的重大行政决策件数(同一决策多次评估计一件)',
    kind: 'flow',
  },
  (db, q) =>
    latestEach(
      decisions(db, q)
        .innerJoin('legality_decision_event as a', 'a.decision_id', 'd.id')
        .select(sql<string>`max(a.occurred_on)`.as('on'))
        .where('a.action', '=', 'evaluate')
        .where(inPeriod('a.occurred_on', q)),
    ),
);

/** Share of the decisions made in the period that went through public comment. */
const publicCommentRate: MetricDefinition = {
  id: 'legality.decisions.publicCommentRate',
  name: '重大行政决策公开征求意见率',
  unit: '%',
  definition: '期间内作出的重大行政决策中,履行公开征求意见程序的比例',
  domain: DOMAIN,
  source: 'computed',
  additive: false,
  kind: 'rate',
  numerator: 'legality.decisions.decidedWithComment',
  denominator: 'legality.decisions.decided',
  async compute(db, q) {
    const rows = await decisions(db, q)
      .where(inPeriod('d.decided_on', q))
      .orderBy('d.decided_on')
      .orderBy('d.id')
      .execute();
    const recs = rows.map((r) =>
      record(r, r.decided_on, { part: r.comment_to ? 'numerator' : 'denominator' }),
    );
    const value =
      rows.length === 0
        ? null
        : Math.round((rows.filter((r) => r.comment_to).length / rows.length) * 1000) / 10;
    return { value, records: async () => recs };
  },
};

const decidedWithComment = counted(
  {
    id: 'legality.decisions.decidedWithComment',
    name: '经公开征求意见作出的重大行政决策数',
    unit: '件',
    definition: '期间内作出的重大行政决策中履行公开征求意见程序的件数',
    kind: 'flow',
  },
  datedBy('decided_on', (b, q) => b.where(inPeriod('d.decided_on', q)).where('d.comment_to', 'is not', null)),
);

export const decisionMetrics: readonly MetricDefinition[] = [
  catalogued,
  flow(
    'legality.decisions.publicComment',
    '公开征求意见的重大行政决策数',
    'comment_from',
    '期间内开始公开征求社会公众意见的重大行政决策件数',
  ),
  flow(
    'legality.decisions.hearings',
    '举行听证的重大行政决策数',
    'hearing_on',
    '期间内举行听证会的重大行政决策件数',
  ),
  flow(
    'legality.decisions.expertReviewed',
    '开展专家论证的重大行政决策数',
    'expert_on',
    '期间内组织专家论证的重大行政决策件数',
  ),
  flow(
    'legality.decisions.riskAssessed',
    '开展风险评估的重大行政决策数',
    'risk_on',
    '期间内开展社会稳定、公共安全等风险评估的重大行政决策件数',
    ['个'],
  ),
  reviewed,
  flow(
    'legality.decisions.discussed',
    '经集体讨论的重大行政决策数',
    'discussed_on',
    '期间内提交政府常务会议或全体会议集体讨论的重大行政决策件数(以最近一次讨论计)',
  ),
  flow(
    'legality.decisions.decided',
    '作出的重大行政决策数',
    'decided_on',
    '期间内履行法定程序、经集体讨论决定作出的重大行政决策件数',
  ),
  awaitingDecision,
  flow(
    'legality.decisions.published',
    '公布的重大行政决策数',
    'published_on',
    '期间内向社会公布的重大行政决策件数',
  ),
  flow(
    'legality.decisions.archived',
    '立卷归档的重大行政决策数',
    'archived_on',
    '期间内材料齐全、立卷归档的重大行政决策件数',
  ),
  executing,
  postEvaluated,
  decidedWithComment,
  publicCommentRate,
];
