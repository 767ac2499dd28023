import { type RawBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../../platform/db/types.js';
import {
  type CountSpec,
  countedBy,
  countRows,
  inPeriod,
  inSubtree,
  type Records,
} from '../../platform/metrics/builders.js';
import {
  type DrillRecord,
  drillRecord,
  type MetricDefinition,
  type MetricQuery,
  periodScan,
  rateRecords,
  ratio,
  shareOf,
} from '../../platform/metrics/types.js';
import { LOST_OUTCOMES } from './litigation/rules.js';
import type { LawsuitOutcome } from './litigation/schema.js';
import { instanceLabels, lawsuitOutcomeLabels } from './litigation/labels.js';
import { CORRECTING_OUTCOMES } from './reconsideration/rules.js';
import { type Outcome, SubjectArea } from './reconsideration/schema.js';
import {
  outcomeArticles,
  outcomeLabels,
  subjectAreaLabels,
  subjectAreaShort,
} from './reconsideration/labels.js';
import type { SuggestionKind } from './suggestions/schema.js';
import { suggestionKindLabels } from './suggestions/labels.js';
import './tables.js';
import '../org/tables.js';

const DOMAIN = 'disputes';
const LAW = '《行政复议法》';
const list = (xs: readonly string[]) => sql.join(xs.map((x) => sql.lit(x)));

/** A count of this domain's records (件 unless it says), read by `count`, drilled into as `records`. */
const counted = (
  spec: Omit<CountSpec, 'domain' | 'unit'> & { unit?: string },
  count: (db: Db, q: MetricQuery) => Promise<number>,
  records: (db: Db, q: MetricQuery) => Promise<DrillRecord[]>,
): MetricDefinition => countedBy({ unit: '件', ...spec, domain: DOMAIN }, count, records);

/** A percentage of this domain's, to two decimal places: the share of `rows` that `hit` also holds. */
function share<DB, TB extends keyof DB, O>(
  spec: { id: string; name: string; definition: string },
  rows: (db: Db, q: MetricQuery) => SelectQueryBuilder<DB, TB, O>,
  hit: RawBuilder<SqlBool>,
  records: Records,
  counting?: RawBuilder<unknown>,
): MetricDefinition {
  return shareOf({ ...spec, domain: DOMAIN }, rows, hit, records, {
    places: 2,
    ...(counting && { counting }),
  });
}

// ---------- 行政复议 ----------

type ReconDate =
  | 'received_on'
  | 'accepted_on'
  | 'rejected_on'
  | 'withdrawn_on'
  | 'decided_on'
  | 'terminated_on'
  | 'closed_on';

/** The cases of the figure's org subtree in the caller's scope, joined to their org for its name. */
const reconBase = (db: Db, q: MetricQuery) =>
  db
    .selectFrom('disputes_reconsideration as r')
    .innerJoin('org as o', 'o.id', 'r.org_id')
    .where(inSubtree('r', q));

/** Cases of the subtree whose `column` falls in the period, with an extra condition. */
function recons(
  db: Db,
  q: MetricQuery,
  column: ReconDate,
  where: SqlBool | ReturnType<typeof sql<SqlBool>> = sql<SqlBool>`true`,
) {
  return reconBase(db, q)
    .where(inPeriod(`r.${column}`, q))
    .where(where as ReturnType<typeof sql<SqlBool>>);
}

/** What a 复议 drill-down record shows of its case: id, unit, 案号 and applicant. */
const RECON_RECORD = ['r.id', 'r.org_id', 'o.name as org_name', 'r.case_no', 'r.applicant_name'] as const;

async function reconRecords(
  db: Db,
  q: MetricQuery,
  column: ReconDate,
  where?: ReturnType<typeof sql<SqlBool>>,
): Promise<DrillRecord[]> {
  const rows = await recons(db, q, column, where)
    .select([
      ...RECON_RECORD,
      'r.act_title',
      'r.outcome',
      sql<string>`${sql.ref(`r.${column}`)}::text`.as('on'),
    ])
    .orderBy(sql.ref(`r.${column}`))
    .orderBy('r.case_no')
    .execute();
  return rows.map((r) =>
    drillRecord(
      r,
      `${r.case_no} ${r.applicant_name} 不服${r.act_title}${r.outcome ? `(${outcomeLabels[r.outcome as Outcome]})` : ''}`,
      r.on,
    ),
  );
}

async function reconCount(
  db: Db,
  q: MetricQuery,
  column: ReconDate,
  where?: ReturnType<typeof sql<SqlBool>>,
) {
  const r = await recons(db, q, column, where)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

const reconCounted = (
  id: string,
  name: string,
  definition: string,
  column: ReconDate,
  where?: ReturnType<typeof sql<SqlBool>>,
): MetricDefinition =>
  counted(
    {
      id: `disputes.reconsideration.${id}`,
      name,
      definition,
      grouped: {
        scan: periodScan('disputes_reconsideration', 'r', column),
        filter: () => where ?? sql<boolean>`true`,
      },
    },
    (db, q) => reconCount(db, q, column, where),
    (db, q) => reconRecords(db, q, column, where),
  );

/** Cases received by the period's end and not yet closed at it (中止 ones among them). */
function pendingRecons(db: Db, q: MetricQuery) {
  return reconBase(db, q)
    .where('r.received_on', '<=', q.to)
    .where((eb) => eb.or([eb('r.closed_on', 'is', null), eb('r.closed_on', '>', q.to)]));
}

/** 审结: cases ended by a decision or a 终止 after acceptance (the denominator of the rates). */
const CLOSED = sql<SqlBool>`(r.decided_on is not null or r.terminated_on is not null)`;
const closedOn = sql`coalesce(r.decided_on, r.terminated_on)`;

function closedRecons(db: Db, q: MetricQuery) {
  return reconBase(db, q)
    .where(CLOSED)
    .where(sql<boolean>`${closedOn} between ${q.from}::date and ${q.to}::date`);
}

async function closedRecords(
  db: Db,
  q: MetricQuery,
  where: ReturnType<typeof sql<SqlBool>> = sql<SqlBool>`true`,
) {
  const rows = await closedRecons(db, q)
    .where(where)
    .select([
      'r.id',
      'r.org_id',
      'o.name as org_name',
      'r.case_no',
      'r.applicant_name',
      'r.outcome',
      'r.days_to_decide',
      sql<string>`${closedOn}::text`.as('on'),
    ])
    .orderBy(sql`${closedOn}`)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    label: `${r.case_no} ${r.applicant_name} ${r.outcome ? outcomeLabels[r.outcome as Outcome] : '终止'}${r.days_to_decide === null ? '' : `,历时 ${r.days_to_decide} 日`}`,
    date: r.on,
    value: r.days_to_decide ?? undefined,
  }));
}

const closedRate = (
  id: string,
  name: string,
  definition: string,
  numerator: ReturnType<typeof sql<SqlBool>>,
): MetricDefinition =>
  share({ id: `disputes.reconsideration.${id}`, name, definition }, closedRecons, numerator, (db, q) =>
    rateRecords(
      () => closedRecords(db, q, numerator),
      () => closedRecords(db, q),
    ),
  );

const outcomeIs = (...os: Outcome[]) => sql<SqlBool>`r.outcome in (${list(os)})`;
const CORRECTED = outcomeIs(...CORRECTING_OUTCOMES);
const MEDIATED = sql<SqlBool>`r.mediated and (r.decided_on is not null or r.terminated_on is not null)`;
const PRE_ACCEPTANCE_MEDIATED = sql<SqlBool>`r.withdrawn_kind = 'applicant' and r.mediated`;

/** The decided-by-outcome figures, one per group of outcomes as offices count them. */
const OUTCOME_GROUPS: readonly [string, string, Outcome[]][] = [
  ['upheld', '维持', ['uphold']],
  ['dismissed', '驳回', ['dismissRequest', 'dismissApplication']],
  ['revoked', '撤销', ['revoke']],
  ['declaredUnlawful', '确认违法', ['confirmUnlawful']],
  ['changed', '变更', ['change']],
  ['orderedToPerform', '责令履行', ['orderPerformance']],
  ['declaredInvalid', '确认无效', ['confirmInvalid']],
  ['mediationDecisions', '调解书结案', ['mediation']],
  ['agreementRemedies', '行政协议责令履行或补偿', ['agreementRemedy']],
  ['compensation', '行政赔偿', ['compensation']],
];

const reconsiderationMetrics: MetricDefinition[] = [
  reconCounted(
    'received',
    '行政复议申请收到数',
    `期间内复议机构收到的行政复议申请件数,以收到日期计(当面、邮寄、网上、转交),含不予受理、撤回的申请(${LAW}第二十二条)`,
    'received_on',
  ),
  reconCounted(
    'accepted',
    '行政复议申请受理数',
    `期间内受理的行政复议申请件数,含审查期限届满视为受理的,以受理日期计(${LAW}第三十条)`,
    'accepted_on',
  ),
  reconCounted(
    'rejected',
    '行政复议不予受理数',
    `期间内决定不予受理的申请件数,以决定日期计(${LAW}第三十条)`,
    'rejected_on',
  ),
  reconCounted(
    'withdrawnBeforeAcceptance',
    '行政复议申请受理前撤回数',
    `期间内申请人在受理前自行撤回(含案前调解后撤回)的申请件数,不含逾期不补正视为放弃的,以撤回日期计(${LAW}第三十一条、第七十四条)`,
    'withdrawn_on',
    sql<SqlBool>`r.withdrawn_kind = 'applicant'`,
  ),
  reconCounted(
    'lapsed',
    '行政复议申请视为放弃数',
    `期间内申请人无正当理由逾期不补正、视为放弃行政复议申请的件数(${LAW}第三十一条)`,
    'withdrawn_on',
    sql<SqlBool>`r.withdrawn_kind = 'deemed'`,
  ),
  counted(
    {
      id: 'disputes.reconsideration.pending',
      name: '行政复议在办案件数',
      definition: '期末已收到、尚未作出决定、终止、不予受理或撤回的案件件数(含中止审理的),以期末日为准',
    },
    (db, q) => countRows(pendingRecons(db, q)),
    async (db, q) =>
      (
        await pendingRecons(db, q)
          .select([...RECON_RECORD, 'r.received_on'])
          .orderBy('r.received_on')
          .execute()
      ).map((r) => drillRecord(r, `${r.case_no} ${r.applicant_name}`, r.received_on)),
  ),
  reconCounted(
    'suspended',
    '行政复议中止案件数',
    `期间内收到、目前处于中止审理状态的案件件数(${LAW}第三十九条)`,
    'received_on',
    sql<SqlBool>`r.suspended`,
  ),
  counted(
    {
      id: 'disputes.reconsideration.closed',
      name: '行政复议案件审结数',
      definition: `期间内受理后作出复议决定或者终止审理的案件件数(审结、办结),以决定或终止日期计(${LAW}第四十一条、第六十三条至第七十三条)`,
    },
    (db, q) => countRows(closedRecons(db, q)),
    (db, q) => closedRecords(db, q),
  ),
  reconCounted(
    'terminated',
    '行政复议终止数',
    `期间内终止审理的案件件数(含申请人撤回、和解后撤回),以终止日期计(${LAW}第四十一条、第七十四条)`,
    'terminated_on',
  ),
  ...OUTCOME_GROUPS.map(([id, label, outcomes]) =>
    reconCounted(
      id,
      `行政复议决定数·${label}`,
      `期间内作出“${outcomes.map((o) => outcomeLabels[o]).join('、')}”复议决定的件数,以决定日期计(${LAW}${[...new Set(outcomes.map((o) => outcomeArticles[o]))].join('、')})`,
      'decided_on',
      outcomeIs(...outcomes),
    ),
  ),
  counted(
    {
      id: 'disputes.reconsideration.corrected',
      name: '行政复议直接纠错数',
      definition: `期间内作出${CORRECTING_OUTCOMES.map((o) => outcomeLabels[o]).join('、')}决定的件数(${LAW}第六十三条至第六十七条)`,
    },
    (db, q) => reconCount(db, q, 'decided_on', CORRECTED),
    (db, q) => reconRecords(db, q, 'decided_on', CORRECTED),
  ),
  closedRate(
    'correctionRate',
    '行政复议纠错率',
    `直接纠错率:期间内作出变更、撤销、确认违法、责令履行、确认无效决定(${LAW}第六十三条至第六十七条)的件数,除以同期审结(作出决定或终止)的件数;调解、和解另计,不计入纠错。与北京市 2019 年起公布的“直接纠错率”算法相同`,
    CORRECTED,
  ),
  counted(
    {
      id: 'disputes.reconsideration.mediated',
      name: '行政复议调解和解结案数',
      definition: `期间内受理后以调解书结案,或当事人和解(含调解达成协议)后撤回而终止的件数(${LAW}第七十三条、第七十四条)`,
    },
    (db, q) => countRows(closedRecons(db, q).where(MEDIATED)),
    (db, q) => closedRecords(db, q, MEDIATED),
  ),
  closedRate(
    'mediationRate',
    '行政复议调解和解率',
    `期间内调解和解结案件数除以同期审结件数(${LAW}第七十三条、第七十四条)`,
    MEDIATED,
  ),
  share(
    {
      id: 'disputes.reconsideration.preAcceptanceMediationRate',
      name: '行政复议案前调解率',
      definition: `期间内收到的申请中,受理前经调解达成协议、申请人撤回的件数除以同期收到的申请件数(${LAW}第五条、第七十四条)`,
    },
    (db, q) => recons(db, q, 'received_on'),
    PRE_ACCEPTANCE_MEDIATED,
    (db, q) =>
      rateRecords(
        () => reconRecords(db, q, 'received_on', PRE_ACCEPTANCE_MEDIATED),
        () => reconRecords(db, q, 'received_on'),
      ),
  ),
  ratio(
    {
      id: 'disputes.reconsideration.averageDays',
      domain: DOMAIN,
      name: '行政复议平均审理天数',
      unit: '天',
      definition: '期间内审结案件自受理之日至决定或终止之日的自然日数的平均值(含中止期间),保留一位小数',
    },
    async (db, q) => {
      const r = await closedRecons(db, q)
        .where('r.days_to_decide', 'is not', null)
        .select(sql<number | null>`avg(r.days_to_decide)`.as('avg'))
        .executeTakeFirstOrThrow();
      return {
        value: r.avg === null ? null : Math.round(Number(r.avg) * 10) / 10,
        records: () => closedRecords(db, q),
      };
    },
  ),
  reconCounted(
    'online',
    '网上申请行政复议数',
    `期间内通过门户网站提交的行政复议申请件数(${LAW}第二十二条)`,
    'received_on',
    sql<SqlBool>`r.channel = 'online'`,
  ),
];

/** 争议领域 figures: cases received in the period whose field is recorded as `a`. */
const reconAreaMetrics: MetricDefinition[] = SubjectArea.options.map((a) =>
  reconCounted(
    `received.area.${a}`,
    `行政复议申请收到数·${subjectAreaShort[a]}`,
    `期间内收到的、争议领域登记为“${subjectAreaLabels[a]}”的行政复议申请件数,以收到日期计;未登记领域的申请不计入任何领域`,
    'received_on',
    sql<SqlBool>`r.subject_area = ${a}`,
  ),
);

// ---------- 行政应诉 ----------

type SuitDate = 'filed_on' | 'concluded_on';
function suits(db: Db, q: MetricQuery, column: SuitDate) {
  return db
    .selectFrom('disputes_lawsuit as l')
    .innerJoin('org as o', 'o.id', 'l.org_id')
    .where(inSubtree('l', q))
    .where(inPeriod(`l.${column}`, q));
}

async function suitRecords(
  db: Db,
  q: MetricQuery,
  column: SuitDate,
  where: ReturnType<typeof sql<SqlBool>>,
): Promise<DrillRecord[]> {
  const rows = await suits(db, q, column)
    .where(where)
    .select([
      'l.id',
      'l.org_id',
      'o.name as org_name',
      'l.court_case_no',
      'l.plaintiff',
      'l.instance',
      'l.outcome',
      sql<string>`${sql.ref(`l.${column}`)}::text`.as('on'),
    ])
    .orderBy(sql.ref(`l.${column}`))
    .execute();
  return rows.map((r) =>
    drillRecord(
      r,
      `${r.court_case_no} ${r.plaintiff}(${instanceLabels[r.instance as keyof typeof instanceLabels]}${r.outcome ? `,${lawsuitOutcomeLabels[r.outcome as LawsuitOutcome]}` : ''})`,
      r.on,
    ),
  );
}

const suitCounted = (
  id: string,
  name: string,
  definition: string,
  column: SuitDate,
  where: ReturnType<typeof sql<SqlBool>> = sql<SqlBool>`true`,
): MetricDefinition =>
  counted(
    {
      id: `disputes.litigation.${id}`,
      name,
      definition,
      grouped: { scan: periodScan('disputes_lawsuit', 'l', column), filter: () => where },
    },
    (db, q) => countRows(suits(db, q, column).where(where)),
    (db, q) => suitRecords(db, q, column, where),
  );

const LOST = sql<SqlBool>`l.outcome in (${list(LOST_OUTCOMES)})`;
const FIRST = sql<SqlBool>`l.instance = 'first'`;

/** Hearings of the subtree held in the period, with their instance. */
function hearings(db: Db, q: MetricQuery) {
  return db
    .selectFrom('disputes_hearing as h')
    .innerJoin('disputes_lawsuit as l', 'l.id', 'h.lawsuit_id')
    .innerJoin('org as o', 'o.id', 'h.org_id')
    .where(inSubtree('h', q))
    .where(inPeriod('h.hearing_on', q));
}

async function hearingRecords(
  db: Db,
  q: MetricQuery,
  headOnly: boolean,
  onePerLawsuit = false,
): Promise<DrillRecord[]> {
  let qq = hearings(db, q);
  if (headOnly) qq = qq.where('h.counts_as_head', '=', true);
  const rows = await qq
    .select([
      'h.id',
      'h.org_id',
      'o.name as org_name',
      'l.court_case_no',
      'l.instance',
      'h.appearer_name',
      'h.appearer_title',
      'h.counts_as_head',
      'h.lawsuit_id',
      sql<string>`h.hearing_on::text`.as('on'),
    ])
    .orderBy('h.hearing_on')
    .orderBy('h.id')
    .execute();
  const seen = new Set<string>();
  const kept = onePerLawsuit
    ? rows.filter((r) => !seen.has(r.lawsuit_id) && seen.add(r.lawsuit_id) !== undefined)
    : rows;
  return kept.map((r) =>
    drillRecord(
      r,
      `${r.court_case_no}(${instanceLabels[r.instance as keyof typeof instanceLabels]})开庭,${r.appearer_title}${r.appearer_name}出庭${r.counts_as_head ? '' : '(非负责人)'}`,
      r.on,
    ),
  );
}

const litigationMetrics: MetricDefinition[] = [
  {
    ...suitCounted(
      'received',
      '行政诉讼案件数',
      '期间内法院立案、本机关(或下属单位)为被告的行政诉讼案件件数,一审、二审、再审各算一件,以立案日期计',
      'filed_on',
    ),
    // reports count suits in 起 as well as 件: one suit, one instance
    unitAliases: ['起'],
  },
  ...(['first', 'second', 'retrial'] as const).map((i) =>
    suitCounted(
      `received.${i}`,
      `行政诉讼案件数·${instanceLabels[i]}`,
      `期间内立案的${instanceLabels[i]}行政诉讼案件件数,以立案日期计`,
      'filed_on',
      sql<SqlBool>`l.instance = ${i}`,
    ),
  ),
  suitCounted(
    'concluded',
    '行政诉讼结案数',
    '期间内以判决、裁定、撤诉或调解结案的审级件数,以结案日期计',
    'concluded_on',
    sql<SqlBool>`l.outcome is not null`,
  ),
  ...(Object.keys(lawsuitOutcomeLabels) as LawsuitOutcome[]).map((o) =>
    suitCounted(
      `outcome.${o}`,
      `行政诉讼结案数·${lawsuitOutcomeLabels[o]}`,
      `期间内以“${lawsuitOutcomeLabels[o]}”结案的审级件数(各审级分别计),以结案日期计`,
      'concluded_on',
      sql<SqlBool>`l.outcome = ${o}`,
    ),
  ),
  suitCounted(
    'withdrawn',
    '行政诉讼撤诉数',
    '期间内原告撤诉(含经准许撤诉)结案的审级件数,以结案日期计(《行政诉讼法》第六十二条)',
    'concluded_on',
    sql<SqlBool>`l.outcome = 'withdrawn'`,
  ),
  suitCounted(
    'dismissed',
    '行政诉讼驳回起诉数',
    '期间内法院裁定驳回起诉的审级件数,以结案日期计',
    'concluded_on',
    sql<SqlBool>`l.outcome = 'dismissSuit'`,
  ),
  suitCounted(
    'lost',
    '行政诉讼败诉数',
    '期间内一审判决撤销、确认违法、确认无效、履行、变更或赔偿(行政机关败诉)的件数,以结案日期计(《行政诉讼法》第七十条至第七十八条)',
    'concluded_on',
    sql<SqlBool>`${FIRST} and ${LOST}`,
  ),
  share(
    {
      id: 'disputes.litigation.lossRate',
      name: '行政诉讼败诉率',
      definition: '期间内一审败诉判决件数除以同期一审审结件数(含裁定、撤诉、调解结案)',
    },
    (db, q) => suits(db, q, 'concluded_on').where(FIRST).where('l.outcome', 'is not', null),
    LOST,
    (db, q) =>
      rateRecords(
        () =>
          suitRecords(db, q, 'concluded_on', sql<SqlBool>`${FIRST} and l.outcome is not null and ${LOST}`),
        () => suitRecords(db, q, 'concluded_on', sql<SqlBool>`${FIRST} and l.outcome is not null`),
      ),
  ),
  counted(
    {
      id: 'disputes.litigation.hearings',
      name: '行政诉讼开庭次数',
      unit: '次',
      definition: '期间内本机关作为被告出庭的庭审次数,以开庭日期计',
    },
    (db, q) => countRows(hearings(db, q)),
    (db, q) => hearingRecords(db, q, false),
  ),
  counted(
    {
      id: 'disputes.litigation.headAppearances',
      name: '行政机关负责人出庭应诉次数',
      unit: '次',
      definition:
        '期间内行政机关负责人(正职、副职、参与分管被诉行为的副职级负责人及其他参与分管的负责人;不含受委托组织、下级机关负责人)出庭的庭审次数(《最高人民法院关于行政机关负责人出庭应诉若干问题的规定》第二条)',
    },
    (db, q) => countRows(hearings(db, q).where('h.counts_as_head', '=', true)),
    (db, q) => hearingRecords(db, q, true),
  ),
  counted(
    {
      id: 'disputes.litigation.headAppearanceCases',
      name: '行政机关负责人出庭应诉案件数',
      definition:
        '期间内开庭的审级中,负责人至少出庭一次的审级件数;同一审级多次开庭、负责人出庭一次即视为出庭(规定第七条)',
    },
    async (db, q) =>
      Number(
        (
          await hearings(db, q)
            .where('h.counts_as_head', '=', true)
            .select(sql<number>`count(distinct h.lawsuit_id)`.as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    (db, q) => hearingRecords(db, q, true),
  ),
  // per 审级 (lawsuit): its first hearing with the head present, and its first hearing
  share(
    {
      id: 'disputes.litigation.headAppearanceRate',
      name: '行政机关负责人出庭应诉率',
      definition:
        '期间内开庭审理的审级中负责人出庭的审级数,除以开庭审理的审级数;每一审级单独计算,同一审级负责人出庭一次即计为出庭(《最高人民法院关于行政机关负责人出庭应诉若干问题的规定》第七条)',
    },
    hearings,
    sql<SqlBool>`h.counts_as_head`,
    (db, q) =>
      rateRecords(
        () => hearingRecords(db, q, true, true),
        () => hearingRecords(db, q, false, true),
      ),
    sql`distinct h.lawsuit_id`,
  ),
  ratio(
    {
      id: 'disputes.litigation.reconsiderationToLitigationRatio',
      domain: DOMAIN,
      name: '首选行政复议与行政诉讼之比',
      unit: ':1',
      definition:
        '期间内收到的行政复议申请件数,除以同期未经复议直接起诉的一审行政诉讼件数(以立案日期计),表示为“x∶1”;无直接起诉时不计',
    },
    async (db, q) => {
      const recon = await reconCount(db, q, 'received_on');
      const direct = sql<SqlBool>`${FIRST} and l.reconsideration_id is null`;
      const n = await countRows(suits(db, q, 'filed_on').where(direct));
      return {
        value: n === 0 ? null : Math.round((recon / n) * 10) / 10,
        records: async () => [
          ...(await reconRecords(db, q, 'received_on')),
          ...(await suitRecords(db, q, 'filed_on', direct)),
        ],
      };
    },
  ),
];

/** 一审 suits by 争议领域: counts and each field's share of the first-instance suits filed. */
const suitAreaMetrics: MetricDefinition[] = SubjectArea.options.flatMap((a): MetricDefinition[] => {
  const inArea = sql<SqlBool>`${FIRST} and l.subject_area = ${a}`;
  return [
    suitCounted(
      `received.area.${a}`,
      `一审行政诉讼案件数·${subjectAreaShort[a]}`,
      `期间内立案的、争议领域登记为“${subjectAreaLabels[a]}”的一审行政诉讼案件件数,以立案日期计`,
      'filed_on',
      inArea,
    ),
    share(
      {
        id: `disputes.litigation.areaShare.${a}`,
        name: `行政诉讼案件占比·${subjectAreaShort[a]}`,
        definition: `期间内立案的一审行政诉讼案件中,争议领域登记为“${subjectAreaLabels[a]}”的件数所占的百分比(未登记领域的案件计入分母)`,
      },
      (db, q) => suits(db, q, 'filed_on').where(FIRST),
      inArea,
      (db, q) => suitRecords(db, q, 'filed_on', inArea),
    ),
  ];
});

// ---------- 检察建议 / 司法建议 ----------

function suggestions(db: Db, q: MetricQuery) {
  return db
    .selectFrom('disputes_suggestion as s')
    .innerJoin('org as o', 'o.id', 's.org_id')
    .where(inSubtree('s', q))
    .where(inPeriod('s.received_on', q));
}

async function suggestionRecords(
  db: Db,
  q: MetricQuery,
  where: ReturnType<typeof sql<SqlBool>>,
): Promise<DrillRecord[]> {
  const rows = await suggestions(db, q)
    .where(where)
    .select([
      's.id',
      's.org_id',
      'o.name as org_name',
      's.document_no',
      's.issuer',
      's.kind',
      's.replied_on',
      's.due_on',
      sql<string>`s.received_on::text`.as('on'),
    ])
    .orderBy('s.received_on')
    .execute();
  return rows.map((r) =>
    drillRecord(
      r,
      `${r.issuer}${r.document_no}(${suggestionKindLabels[r.kind as SuggestionKind]}${r.replied_on ? `,${r.replied_on} 答复` : `,应于 ${r.due_on} 前答复`})`,
      r.on,
    ),
  );
}

const suggestionCounted = (
  id: string,
  name: string,
  unit: string,
  definition: string,
  where: ReturnType<typeof sql<SqlBool>>,
): MetricDefinition =>
  counted(
    {
      id: `disputes.suggestions.${id}`,
      name,
      unit,
      definition,
      grouped: { scan: periodScan('disputes_suggestion', 's', 'received_on'), filter: () => where },
    },
    (db, q) => countRows(suggestions(db, q).where(where)),
    (db, q) => suggestionRecords(db, q, where),
  );

const ANSWERED = sql<SqlBool>`s.status = 'answered'`;
const ON_TIME = sql<SqlBool>`s.status = 'answered' and s.replied_on <= s.due_on`;
/** The suggestions answered, or whose time to answer has run out by the period's end. */
const dueBy = (q: MetricQuery) => sql<SqlBool>`(s.status = 'answered' or s.due_on <= ${q.to}::date)`;

const suggestionMetrics: MetricDefinition[] = [
  suggestionCounted(
    'received',
    '收到检察建议和司法建议数',
    '件',
    '期间内本机关及下属单位收到的检察建议和司法建议件数,以收到日期计',
    sql<SqlBool>`true`,
  ),
  ...(Object.keys(suggestionKindLabels) as SuggestionKind[]).map((k) =>
    suggestionCounted(
      `received.${k}`,
      k === 'judicial'
        ? '收到司法建议数'
        : `收到检察建议数·${suggestionKindLabels[k].replace(/检察建议$/, '')}`,
      // courts count their 司法建议 in 条
      k === 'judicial' ? '条' : '件',
      `期间内收到的${suggestionKindLabels[k]}${k === 'judicial' ? '条数' : '件数'},以收到日期计`,
      sql<SqlBool>`s.kind = ${k}`,
    ),
  ),
  suggestionCounted(
    'answered',
    '检察建议和司法建议已答复数',
    '件',
    '期间内收到、已书面答复的建议件数,以收到日期计',
    ANSWERED,
  ),
  suggestionCounted(
    'answeredOnTime',
    '检察建议和司法建议按期答复数',
    '件',
    '期间内收到、在答复期限内(收到之日起 2 个月,紧急的 15 日)书面答复的件数(两高《关于检察公益诉讼案件适用法律若干问题的解释》第二十一条)',
    ON_TIME,
  ),
  share(
    {
      id: 'disputes.suggestions.onTimeRate',
      name: '检察建议和司法建议按期答复率',
      definition: '期间内收到的建议中按期书面答复的件数,除以同期收到且答复期限已届满或已答复的件数',
    },
    (db, q) => suggestions(db, q).where(dueBy(q)),
    ON_TIME,
    (db, q) =>
      rateRecords(
        () => suggestionRecords(db, q, sql<SqlBool>`${dueBy(q)} and ${ON_TIME}`),
        () => suggestionRecords(db, q, dueBy(q)),
      ),
  ),
];

/** Figures of the disputes domain, computed from its records. */
export const disputesMetrics: readonly MetricDefinition[] = [
  ...reconsiderationMetrics,
  ...reconAreaMetrics,
  ...litigationMetrics,
  ...suitAreaMetrics,
  ...suggestionMetrics,
];
