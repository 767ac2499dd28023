import {
  addDays,
  compareDates,
  daysInMonth,
  dayOf,
  type LocalDate,
  makeDate,
  monthOf,
  yearOf,
} from '../../../platform/calendar/index.js';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../../platform/db/types.js';
import { countedQuery, inPeriod, inSubtree } from '../../../platform/metrics/builders.js';
import {
  asOfDay,
  type DrillRecord,
  drillRecord,
  type GroupedScan,
  type MetricDefinition,
  type MetricQuery,
  rateOf,
} from '../../../platform/metrics/types.js';
import { CaseCategory, Procedure, PenaltyKind, penaltyKindLabels, procedureLabels } from './schema.js';
import { powerCategoryLabels } from '../power-list/schema.js';
import '../tables.js';

type DateColumn = 'opened_on' | 'decided_on' | 'revoked_on';

/** The cases of the subtree with a date column inside the period: the shared scan of their figures. */
function caseScan(on: DateColumn): Required<Pick<GroupedScan, 'key' | 'from'>> {
  return {
    key: `enforcement_case.${on}`,
    from: (db: Db, q: MetricQuery) =>
      db
        .selectFrom('enforcement_case as c')
        .where(inSubtree('c', q))
        .where(inPeriod(`c.${on}`, q)),
  };
}
const scans = {
  opened_on: caseScan('opened_on'),
  decided_on: caseScan('decided_on'),
  revoked_on: caseScan('revoked_on'),
} as const;

/** The whole months inside a period: the first day of the first one, the last day of the last one. */
export function wholeMonths(from: LocalDate, to: LocalDate): { from: LocalDate; to: LocalDate } | null {
  // a period starting mid-month starts its whole months on the 1st of the next month
  const start =
    dayOf(from) === 1
      ? from
      : addDays(makeDate(yearOf(from), monthOf(from), daysInMonth(yearOf(from), monthOf(from))), 1);
  // a period ending mid-month ends them on the last day of the month before
  const end = dayOf(addDays(to, 1)) === 1 ? to : addDays(makeDate(yearOf(to), monthOf(to), 1), -1);
  return compareDates(start, end) <= 0 ? { from: start, to: end } : null;
}

/** the columns the decided-case figures filter on, as the tally and the ledger both give them */
const tallyColumns = sql`org_id, region_code, category, procedure, is_major, reviewed, penalties, outcome`;

/**
 * The decided cases of a period for the grouped figures (migration 0160): the whole months from
 * the tally the triggers keep (n cases a row), and from the ledger the revoked cases (their
 * figures depend on the period's end and their act log) and the days of months the period cuts.
 * A caller who sees only their own records (`selfUserId`) reads the ledger alone.
 */
const decidedTallyScan: GroupedScan = {
  key: 'enforcement_case.decided_on',
  weight: sql`c.n`,
  sql: (q) => {
    const ledger = (on: RawBuilder<boolean>) =>
      sql`select ${tallyColumns}, c.revoked_on, c.id, 1::bigint as n, c.amount from enforcement_case c
        where ${inSubtree('c', q)} and ${on}`;
    const months = q.scope.selfUserId ? null : wholeMonths(q.from, q.to);
    if (!months) return sql`from (${ledger(inPeriod('c.decided_on', q))}) c`;
    const parts = [
      sql`select ${tallyColumns}, null::date as revoked_on, null::uuid as id, t.n, t.amount
        from enforcement_case_tally t
        where t.month between ${months.from}::date and ${months.to}::date and ${inSubtree('t', q)}`,
      ledger(
        sql`c.revoked_on is not null and c.decided_on between ${months.from}::date and ${months.to}::date`,
      ),
    ];
    if (q.from < months.from)
      parts.push(ledger(sql`c.decided_on >= ${q.from}::date and c.decided_on < ${months.from}::date`));
    if (months.to < q.to)
      parts.push(ledger(sql`c.decided_on > ${months.to}::date and c.decided_on <= ${q.to}::date`));
    return sql`from (${sql.join(parts, sql` union all `)}) c`;
  },
};
const groupedScans = { ...scans, decided_on: decidedTallyScan } as const;

/**
 * One rule for every figure of decisions (issue 16): a decision counts in the period it was made
 * unless it was revoked (撤销、确认违法或无效) on or before the period's last day. A revocation after
 * the period leaves the period's figures as they were (they stay reproducible) and counts, by its
 * own date, in 执法决定被撤销.
 */
const standing = (q: MetricQuery) => sql<boolean>`(c.revoked_on is null or c.revoked_on > ${q.to}::date)`;
/** the outcome the case had before a revocation replaced it */
const hadAct = (action: string, disposal?: string) =>
  disposal
    ? sql<boolean>`exists (select 1 from enforcement_case_action a where a.case_id = c.id and a.action = ${action} and a.data->>'disposal' = ${disposal})`
    : sql<boolean>`exists (select 1 from enforcement_case_action a where a.case_id = c.id and a.action = ${action})`;
// `revoked_on is not null` first: a null date leaves the AND undecided, and PostgreSQL would then
// run the act's EXISTS for every such row (19,165 subplan runs in a province-year's tally union)
const outcomeWas = (q: MetricQuery, outcome: string, act: RawBuilder<boolean>) =>
  sql<boolean>`(c.outcome = ${outcome} or (c.outcome = 'revoked' and c.revoked_on is not null and c.revoked_on > ${q.to}::date and ${act}))`;

interface CaseFigure {
  id: string;
  name: string;
  definition: string;
  on: DateColumn;
  filter: (q: MetricQuery) => RawBuilder<boolean>;
  unitAliases?: readonly string[];
  /** 罚款金额: the amount in 万元 instead of a count */
  fines?: boolean;
}

/** The columns a case's drill-down record reads, its org as `o`: the case, its org, 案号 and 当事人. */
export const caseRecordColumns = [
  'c.id',
  'c.org_id',
  'o.name as org_name',
  'c.case_no',
  'c.party_name',
] as const;
/** A case as a drill-down lists it: 案号 and 当事人. */
export const caseLabel = (r: { case_no: string; party_name: string }) => `${r.case_no} ${r.party_name}`;

async function caseRecords(db: Db, q: MetricQuery, f: CaseFigure): Promise<DrillRecord[]> {
  const rows = await scans[f.on]
    .from(db, q)
    .innerJoin('org as o', 'o.id', 'c.org_id')
    .where(f.filter(q))
    .select([...caseRecordColumns, `c.${f.on} as day`, 'c.amount'])
    .orderBy(`c.${f.on}`)
    .orderBy('c.case_no')
    .execute();
  return rows.map(
    (r: {
      id: string;
      org_id: string;
      org_name: string;
      case_no: string;
      party_name: string;
      day: string;
      amount: string | null;
    }) => ({
      id: r.id,
      orgId: r.org_id,
      orgName: r.org_name,
      label: caseLabel(r),
      date: r.day,
      ...(f.fines ? { value: Number(r.amount ?? 0) / 10_000 } : {}),
    }),
  );
}

const finesScale = (raw: number) => Math.round(raw / 100) / 100;

/** A figure over a case scan: computed alone (and drilled) by `compute`, or with its scan in one pass. */
export function caseFigure(f: CaseFigure): MetricDefinition {
  const sum = f.fines ? { expr: sql`c.amount`, scale: finesScale } : undefined;
  return {
    id: f.id,
    name: f.name,
    unit: f.fines ? '万元' : '件',
    definition: f.definition,
    domain: 'enforcement',
    source: 'computed',
    additive: true,
    kind: 'flow',
    ...(f.unitAliases ? { unitAliases: f.unitAliases } : {}),
    grouped: { scan: groupedScans[f.on], filter: f.filter, ...(sum ? { sum } : {}) },
    async compute(db, q) {
      const agg = sum ? sql<string>`coalesce(sum(${sum.expr}), 0)` : sql<string>`count(*)`;
      const r = await scans[f.on]
        .from(db, q)
        .where(f.filter(q))
        .select(agg.as('n'))
        .executeTakeFirstOrThrow();
      const raw = Number((r as { n: string }).n);
      return { value: sum ? sum.scale(raw) : raw, records: () => caseRecords(db, q, f) };
    },
  };
}

const penalty = sql<boolean>`c.category = 'penalty'`;

const opened = caseFigure({
  id: 'enforcement.cases.opened',
  name: '行政执法案件受理、立案',
  definition: '期间内立案(许可为申请)的各类行政执法案件数,以立案日期计',
  on: 'opened_on',
  filter: () => sql<boolean>`true`,
});
const decided = caseFigure({
  id: 'enforcement.cases.decided',
  name: '作出行政执法决定',
  definition:
    '期间内作出决定的各类行政执法案件数(许可、处罚、强制处理决定及其他执法决定),以决定日期计;期末前已被撤销的不计',
  on: 'decided_on',
  filter: standing,
});
const major = caseFigure({
  id: 'enforcement.cases.major',
  name: '作出重大执法决定',
  definition: '期间内作出决定的重大行政执法案件数(行政处罚法第五十八条),以决定日期计',
  on: 'decided_on',
  filter: () => sql<boolean>`c.is_major`,
});
const reviewed = caseFigure({
  id: 'enforcement.legalReview.count',
  name: '重大执法决定法制审核',
  definition:
    '期间内作出决定的重大行政执法案件中,决定前经法制审核通过的件数(行政处罚法第五十八条),以决定日期计',
  on: 'decided_on',
  filter: () => sql<boolean>`c.is_major and c.reviewed`,
});
const penaltyDecided = caseFigure({
  id: 'enforcement.penalty.decided',
  name: '作出行政处罚决定',
  definition: '期间内作出行政处罚决定的案件数(含当场处罚),以决定日期计;期末前已被撤销的不计',
  on: 'decided_on',
  filter: (q) => sql<boolean>`${penalty} and ${standing(q)}`,
});
const fines = caseFigure({
  id: 'enforcement.penalty.fines',
  name: '罚款金额',
  definition:
    '期间内作出的行政处罚决定中罚款金额合计(决定变更的,按变更后的金额),以决定日期计;期末前已被撤销的不计',
  on: 'decided_on',
  filter: (q) => sql<boolean>`${penalty} and ${standing(q)}`,
  fines: true,
});

/** 行政处罚 decisions by the kind of penalty imposed (one decision may impose several). */
const byPenaltyKind = PenaltyKind.options.map((k) =>
  caseFigure({
    id: `enforcement.penalty.kind.${k}`,
    name: `行政处罚·${penaltyKindLabels[k]}`,
    definition: `期间内作出的行政处罚决定中处以“${penaltyKindLabels[k]}”的件数(行政处罚法第九条;一件可处多种),以决定日期计;期末前已被撤销的不计`,
    on: 'decided_on',
    filter: (q) => sql<boolean>`${penalty} and ${k} = any(c.penalties) and ${standing(q)}`,
    ...(k === 'suspendBusiness' ? { unitAliases: ['家'] } : {}),
  }),
);

/** Decisions by category (行政许可、处罚、强制 …) — the 信用公示 “双公示” headings. */
const byCategory = CaseCategory.options.map((k) =>
  caseFigure({
    id: `enforcement.cases.category.${k}`,
    name: `作出执法决定·${powerCategoryLabels[k]}`,
    definition: `期间内作出决定的${powerCategoryLabels[k]}案件数,以决定日期计;期末前已被撤销的不计`,
    on: 'decided_on',
    filter: (q) => sql<boolean>`c.category = ${k} and ${standing(q)}`,
  }),
);

/** Decided cases by the procedure they followed (简易程序、普通程序 …). */
const byProcedure = Procedure.options.map((p) =>
  caseFigure({
    id: `enforcement.cases.procedure.${p}`,
    name: `作出执法决定·${procedureLabels[p]}`,
    definition: `期间内按${procedureLabels[p]}作出决定的案件数,以决定日期计;期末前已被撤销的不计`,
    on: 'decided_on',
    filter: (q) => sql<boolean>`c.procedure = ${p} and ${standing(q)}`,
  }),
);

/** Publications of the subtree with their org (`o`) and case (`c`), dated by `on` inside the period. */
function publications(db: Db, q: MetricQuery, on: 'p.due_on' | 'p.published_on') {
  return db
    .selectFrom('enforcement_publication as p')
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .innerJoin('enforcement_case as c', 'c.id', 'p.case_id')
    .where(inSubtree('p', q))
    .where(inPeriod(on, q));
}
/** The columns a publication's drill-down record reads: the publication, its org and 案号. */
const publicationRecordColumns = ['p.id', 'p.org_id', 'o.name as org_name', 'c.case_no'] as const;

/**
 * Publications of the subtree due in the period. One withheld by its due day (不予公开 when made,
 * or its decision changed or revoked within the time limit) was never due; one a 变更 / 撤销 withheld
 * after its due day, still unpublished, was due and late, and stays so in every later reading.
 */
function publicationsDue(db: Db, q: MetricQuery) {
  return publications(db, q, 'p.due_on').where(
    sql<boolean>`(p.status <> 'withheld' or p.withheld_on > p.due_on)`,
  );
}
/**
 * As known on the as-of day (the period's end, or today): a notice published by then counts, a
 * notice still inside its time limit and unpublished is neither late nor counted yet, and a later
 * publication never changes a past period's figure.
 */
const publishedBy = (q: MetricQuery) =>
  sql<boolean>`(p.published_on is not null and p.published_on <= ${asOfDay(q)}::date)`;
const countable = (q: MetricQuery) => sql<boolean>`(${publishedBy(q)} or p.due_on < ${asOfDay(q)}::date)`;
const onTime = (q: MetricQuery) => sql<boolean>`${publishedBy(q)} and p.published_on <= p.due_on`;

function publicationFigure(id: string, name: string, definition: string, timely: boolean): MetricDefinition {
  const filter = (q: MetricQuery) => (timely ? sql<boolean>`${countable(q)} and ${onTime(q)}` : countable(q));
  return countedQuery(
    { id, name, unit: '件', definition, domain: 'enforcement', kind: 'flow' },
    (db, q) => publicationsDue(db, q).where(filter(q)),
    async (rows) =>
      (
        await rows
          .select([...publicationRecordColumns, 'p.due_on', 'p.published_on'])
          .orderBy('p.due_on')
          .orderBy('c.case_no')
          .execute()
      ).map((x) =>
        drillRecord(
          x,
          `${x.case_no} ${x.published_on && x.published_on <= x.due_on ? '按期公示' : '未按期公示'}`,
          x.due_on,
        ),
      ),
  );
}
const publicationDue = publicationFigure(
  'enforcement.publication.due',
  '应公示的执法决定',
  '期间内公示期限届满(或期限内已公示)的执法决定数;公示期限届满前已不予公开的(依法不予公开,或决定在期限内被变更、撤销)、截至统计日仍在公示期限内未公示的不计',
  false,
);
const publicationOnTime = publicationFigure(
  'enforcement.publication.onTime',
  '按期公示的执法决定',
  '期间内公示期限届满的执法决定中在期限内公示的件数(许可、处罚七个工作日,其他执法决定二十个工作日,国办发〔2018〕118号)',
  true,
);

/** Publications of the subtree published in the period, by the category of their case (信用信息归集). */
function published(db: Db, q: MetricQuery, category?: string) {
  let b = publications(db, q, 'p.published_on');
  if (category) b = b.where('c.category', '=', category);
  return b;
}
/** the shared scan of the 公示 figures by category: publications published in the period, with their case */
const publishedScan: GroupedScan = {
  key: 'enforcement_publication.published_on',
  from: (db: Db, q: MetricQuery) =>
    db
      .selectFrom('enforcement_publication as p')
      .innerJoin('enforcement_case as c', 'c.id', 'p.case_id')
      .where(inSubtree('p', q))
      .where(inPeriod('p.published_on', q)),
};

function publishedFigure(category?: CaseCategory): MetricDefinition {
  const label = category ? powerCategoryLabels[category] : null;
  return countedQuery(
    {
      grouped: {
        scan: publishedScan,
        filter: () => (category ? sql<boolean>`c.category = ${category}` : sql<boolean>`true`),
      },
      id: category ? `enforcement.publication.published.${category}` : 'enforcement.publication.published',
      name: label ? `公示执法决定信息·${label}` : '公示执法决定信息',
      unit: '条',
      definition: `期间内在公示平台公示的${label ?? '各类'}执法决定信息条数,以公示日期计(含其后撤回的)`,
      domain: 'enforcement',
      kind: 'flow',
      unitAliases: ['万条'],
    },
    (db, q) => published(db, q, category),
    async (rows) =>
      (
        await rows
          .select([...publicationRecordColumns, 'c.party_name', 'p.published_on'])
          .orderBy('p.published_on')
          .orderBy('c.case_no')
          .execute()
      ).map((x) => drillRecord(x, caseLabel(x), x.published_on)),
  );
}

/** The acts `actions` done in the period on the subtree's cases, with their case (`c`) and its org (`o`). */
export function caseActs(db: Db, q: MetricQuery, actions: readonly string[]) {
  return db
    .selectFrom('enforcement_case_action as a')
    .innerJoin('enforcement_case as c', 'c.id', 'a.case_id')
    .innerJoin('org as o', 'o.id', 'c.org_id')
    .where('a.action', 'in', actions)
    .where(inSubtree('c', q))
    .where(inPeriod('a.occurred_on', q));
}

/** 查封、扣押 acts of the subtree in the period (行政强制法 第十八条). */
const seizures = (db: Db, q: MetricQuery) => caseActs(db, q, ['seize']);

const seizureFigure = countedQuery(
  {
    id: 'enforcement.coercion.measures',
    name: '实施查封、扣押',
    unit: '件',
    definition: '期间内实施查封、扣押行政强制措施的次数,以实施日期计(行政强制法第十八条)',
    domain: 'enforcement',
    kind: 'flow',
  },
  seizures,
  async (rows) =>
    (
      await rows
        .select([...caseRecordColumns, 'a.occurred_on'])
        .orderBy('a.occurred_on')
        .orderBy('c.case_no')
        .execute()
    ).map((x) => drillRecord(x, caseLabel(x), x.occurred_on)),
);

/** Figures of cases of every category (许可、处罚、强制、其他执法决定), 公示 and 撤销. */
export const caseMetrics: readonly MetricDefinition[] = [
  opened,
  decided,
  major,
  reviewed,
  rateOf(
    {
      id: 'enforcement.legalReview.rate',
      name: '重大执法决定法制审核率',
      definition: '期间内作出决定的重大执法案件中,决定前经法制审核通过的比例;无重大案件时不计',
      domain: 'enforcement',
    },
    reviewed,
    major,
  ),
  penaltyDecided,
  fines,
  ...byPenaltyKind,
  ...byCategory,
  ...byProcedure,
  caseFigure({
    id: 'enforcement.license.granted',
    name: '准予行政许可',
    definition: '期间内作出准予许可决定的件数,以决定日期计;期末前已被撤销的不计',
    on: 'decided_on',
    filter: (q) => sql<boolean>`c.category = 'license' and ${outcomeWas(q, 'granted', hadAct('grant'))}`,
  }),
  caseFigure({
    id: 'enforcement.license.refused',
    name: '不予行政许可',
    definition: '期间内作出不予许可决定的件数,以决定日期计;期末前已被撤销的不计',
    on: 'decided_on',
    filter: (q) => sql<boolean>`c.category = 'license' and ${outcomeWas(q, 'refused', hadAct('refuse'))}`,
  }),
  caseFigure({
    id: 'enforcement.coercion.confiscated',
    name: '强制措施处理决定·没收',
    definition:
      '期间内对查封、扣押财物作出没收处理决定的件数(行政强制法第二十七条),以决定日期计;期末前已被撤销的不计',
    on: 'decided_on',
    filter: (q) =>
      sql<boolean>`c.category = 'coercion' and ${outcomeWas(q, 'confiscated', hadAct('dispose', 'confiscate'))}`,
  }),
  caseFigure({
    id: 'enforcement.decisions.revoked',
    name: '执法决定被撤销',
    definition: '期间内被撤销或确认违法、无效的执法决定数,以撤销(确认)日期计',
    on: 'revoked_on',
    filter: () => sql<boolean>`true`,
  }),
  seizureFigure,
  publicationDue,
  publicationOnTime,
  rateOf(
    {
      id: 'enforcement.publication.timelyRate',
      name: '行政执法决定公示及时率',
      definition:
        '期间内公示期限届满的执法决定中,在期限内公示的比例(许可、处罚七个工作日,其他执法决定二十个工作日,国办发〔2018〕118号);公示期限届满前已不予公开的、截至统计日仍在期限内的不计',
      domain: 'enforcement',
    },
    publicationOnTime,
    publicationDue,
  ),
  publishedFigure(),
  ...CaseCategory.options.map((k) => publishedFigure(k)),
];
