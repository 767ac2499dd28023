import { type RawBuilder, sql } from 'kysely';
import { loadWorkCalendar } from '../../platform/calendar/index.js';
import { countWorkdays } from '../../platform/clock/index.js';
import type { Db } from '../../platform/db/types.js';
import {
  countedRecords,
  inOrgs,
  inPeriod,
  inSubtree,
  type Records,
} from '../../platform/metrics/builders.js';
import {
  type DrillRecord,
  drillRecord,
  type GroupedScan,
  type MetricDefinition,
  type MetricQuery,
  percentOf,
} from '../../platform/metrics/types.js';
import { type WorkKind, workKindLabels } from './advisers/schema.js';
import { decisionMetrics } from './decisions/metrics.js';
import { cleanupOutcomeLabels } from './documents/labels.js';
import type { CleanupOutcome } from './documents/schema.js';
import type { ReviewKind } from './review/schema.js';
import { reviewKindLabels } from './review/labels.js';
import './tables.js';
import '../org/tables.js';

/**
 * Figures of 合法性审查 · 规范性文件 · 法律顾问, computed from the records (general concepts an
 * office counts; src/report/seed-fact-map.json points the seed reports' phrases here).
 */
const DOMAIN = 'legality';

type Builder = Omit<MetricDefinition, 'compute' | 'domain' | 'source' | 'additive'> & {
  additive?: boolean;
  unitAliases?: readonly string[];
  records: Records;
};

/** A count: the value is the sum of its records' contributions; no records in the scope = 0. */
function counted(b: Builder): MetricDefinition {
  const { records, ...rest } = b;
  return countedRecords({ ...rest, domain: DOMAIN }, records);
}

/**
 * The figures of one ledger counted by kind: `records` lists the ledger's records of some kinds
 * (all when none are named) and each figure names its kinds. In the grouped pass the figures
 * share `scan` (the same rows as `records` reads, all kinds), each one column filtered on `kind`
 * (the kind column), adding up `sum` when a record counts for more than one.
 */
const byKinds =
  <K extends string>(
    records: (db: Db, q: MetricQuery, kinds?: readonly K[]) => Promise<DrillRecord[]>,
    pass: { scan: GroupedScan; kind: string; sum?: RawBuilder<unknown> },
  ) =>
  (
    id: string,
    name: string,
    unit: string,
    kinds: readonly K[] | undefined,
    definition: string,
    unitAliases?: string[],
  ) =>
    counted({
      id,
      name,
      unit,
      definition,
      ...(unitAliases ? { unitAliases } : {}),
      grouped: {
        scan: pass.scan,
        filter: () =>
          kinds ? sql<boolean>`${sql.ref(pass.kind)} in (${sql.join(kinds)})` : sql<boolean>`true`,
        ...(pass.sum ? { sum: { expr: pass.sum, scale: (v: number) => v } } : {}),
      },
      records: (db, q) => records(db, q, kinds),
    });

/** A rate in per cent (one decimal) of `part` over `whole`; null when there is nothing to divide. */
function rate(
  b: Omit<Builder, 'records'> & {
    whole: (db: Db, q: MetricQuery) => Promise<DrillRecord[]>;
    part: (r: DrillRecord) => boolean;
  },
): MetricDefinition {
  const { whole, part, ...rest } = b;
  return {
    ...rest,
    domain: DOMAIN,
    source: 'computed',
    additive: false,
    async compute(db, q) {
      const rows = await whole(db, q);
      const value = percentOf(rows.filter(part).length, rows.length);
      // the drill-down: the records in the numerator, then every record of the denominator
      return {
        value,
        records: async () => [
          ...rows.filter(part).map((r) => ({ ...r, part: 'numerator' as const })),
          ...rows.map((r) => ({ ...r, part: 'denominator' as const })),
        ],
      };
    },
  };
}

// ——— 合法性审查 ———

/** The reviews of the subtree whose `column` date falls in the period, with their org. */
const reviewsIn = (column: 'submitted_on' | 'concluded_on') => (db: Db, q: MetricQuery) =>
  db
    .selectFrom('legality_review as r')
    .innerJoin('org as o', 'o.id', 'r.org_id')
    .where(inSubtree('r', q))
    .where(inPeriod(`r.${column}`, q));

/**
 * The reviews concluded in the period in the subtree (a review counts in the period its opinion is
 * given): the rows the records list and the grouped pass scans.
 */
const reviewsConcludedIn = reviewsIn('concluded_on');

async function concludedReviews(db: Db, q: MetricQuery, kinds?: readonly ReviewKind[]) {
  let b = reviewsConcludedIn(db, q);
  if (kinds) b = b.where('r.kind', 'in', [...kinds]);
  return b
    .select([
      'r.id',
      'r.org_id',
      'o.name as org_name',
      'r.kind',
      'r.title',
      'r.item_count',
      'r.submitted_on',
      'r.concluded_on',
      'r.due_on',
      'r.conclusion',
      'r.opinion_count',
    ])
    .orderBy('r.concluded_on')
    .orderBy('r.id')
    .execute();
}
type ReviewRec = Awaited<ReturnType<typeof concludedReviews>>[number];
/** A review as the drill-down names it: its kind, then its title. */
const reviewTitle = (r: { kind: string; title: string }) =>
  `${reviewKindLabels[r.kind as ReviewKind]}:${r.title}`;
const reviewRecord = (r: ReviewRec, value?: number, extra: Partial<DrillRecord> = {}): DrillRecord => ({
  ...drillRecord(r, reviewTitle(r), r.concluded_on),
  ...(value !== undefined ? { value } : {}),
  ...extra,
});

const reviewsOf = byKinds<ReviewKind>(
  async (db, q, kinds) => (await concludedReviews(db, q, kinds)).map((r) => reviewRecord(r)),
  {
    scan: {
      key: 'legality_review.concluded_on',
      from: reviewsConcludedIn,
    },
    kind: 'r.kind',
  },
);

async function opinions(db: Db, q: MetricQuery, kinds?: readonly ReviewKind[]) {
  let b = reviewsConcludedIn(db, q).innerJoin('legality_review_opinion as p', 'p.review_id', 'r.id');
  if (kinds) b = b.where('r.kind', 'in', [...kinds]);
  const rows = await b
    .select([
      'p.id',
      'r.org_id',
      'o.name as org_name',
      'r.title',
      'p.seq',
      'p.body',
      'p.adoption',
      'r.concluded_on',
    ])
    .orderBy('r.concluded_on')
    .orderBy('p.id')
    .execute();
  return rows.map(
    (p): DrillRecord => ({
      ...drillRecord(p, `${p.title} 第${p.seq}条:${p.body.slice(0, 40)}`, p.concluded_on),
      source: p.adoption ?? '',
    }),
  );
}

const reviewMetrics: MetricDefinition[] = [
  counted({
    id: 'legality.reviews.received',
    name: '合法性审查收件数',
    unit: '件',
    definition: '期间内报送合法性审查台的事项数(含各类审查对象,已撤回的除外)',
    records: async (db, q) => {
      const rows = await reviewsIn('submitted_on')(db, q)
        .where('r.status', '!=', 'withdrawn')
        .select(['r.id', 'r.org_id', 'o.name as org_name', 'r.kind', 'r.title', 'r.submitted_on'])
        .orderBy('r.submitted_on')
        .orderBy('r.id')
        .execute();
      return rows.map((r) => drillRecord(r, reviewTitle(r), r.submitted_on));
    },
  }),
  counted({
    id: 'legality.reviews.concluded',
    name: '合法性审查办结数',
    unit: '件',
    definition: '期间内出具审查意见的合法性审查事项数(各类审查对象合计)',
    records: async (db, q) => (await concludedReviews(db, q)).map((r) => reviewRecord(r)),
  }),
  reviewsOf(
    'legality.reviews.normativeDocuments',
    '规范性文件合法性审核数',
    '件',
    ['normativeDocument'],
    '期间内出具审核意见的规范性文件件数',
  ),
  reviewsOf(
    'legality.reviews.majorDecisions',
    '重大行政决策合法性审查数',
    '件',
    ['majorDecision'],
    '期间内出具审查意见的重大行政决策件数',
  ),
  reviewsOf(
    'legality.reviews.agendaItems',
    '政府会议议题合法性审查数',
    '个',
    ['agendaItem'],
    '期间内提交政府常务会议等会议前出具审查意见的议题个数',
    ['份'],
  ),
  reviewsOf(
    'legality.reviews.documents',
    '文件合法性审查件次',
    '件次',
    ['normativeDocument', 'otherDocument'],
    '期间内出具审查意见的规范性文件和其他文件件次',
  ),
  reviewsOf(
    'legality.reviews.contracts',
    '合同合法性审查件次',
    '件次',
    ['contract'],
    '期间内出具审查意见的行政合同、重大合同件次',
  ),
  counted({
    id: 'legality.reviews.powersListItems',
    name: '权责清单调整事项审查数',
    unit: '项',
    definition: '期间内办结的权责清单调整审查所列事项数之和',
    records: async (db, q) =>
      (await concludedReviews(db, q, ['powersList'])).map((r) => reviewRecord(r, r.item_count)),
  }),
  counted({
    id: 'legality.opinions.items',
    name: '合法性审查意见条数',
    unit: '条',
    definition: '期间内办结的合法性审查逐条提出的审查意见条数',
    records: (db, q) => opinions(db, q),
  }),
  counted({
    id: 'legality.opinions.agendaItems',
    name: '会议议题审查意见条数',
    unit: '条',
    definition: '期间内对政府会议议题逐条提出的审查意见条数',
    records: (db, q) => opinions(db, q, ['agendaItem']),
  }),
  counted({
    id: 'legality.reviews.withOpinions',
    name: '提出审查意见的审查件数',
    unit: '件',
    definition: '期间内办结、至少提出一条审查意见的合法性审查件数',
    records: async (db, q) =>
      (await concludedReviews(db, q)).filter((r) => r.opinion_count > 0).map((r) => reviewRecord(r)),
  }),
  rate({
    id: 'legality.reviews.onTimeRate',
    name: '合法性审查按期办结率',
    unit: '%',
    definition: '期间内办结的审查中,在审查期限(含延长、扣除补充材料时间)内出具意见的比例',
    whole: async (db, q) =>
      (await concludedReviews(db, q)).map((r) =>
        reviewRecord(r, undefined, {
          source: r.due_on && r.concluded_on && r.concluded_on <= r.due_on ? 'onTime' : 'late',
        }),
      ),
    part: (r) => r.source === 'onTime',
  }),
  rate({
    id: 'legality.reviews.passRate',
    name: '合法性审查通过率',
    unit: '%',
    definition: '期间内办结的审查中,结论为“合法”或“修改后合法”的比例',
    whole: async (db, q) =>
      (await concludedReviews(db, q)).map((r) => reviewRecord(r, undefined, { source: r.conclusion ?? '' })),
    part: (r) => r.source === 'lawful' || r.source === 'lawfulAfterRevision',
  }),
  rate({
    id: 'legality.opinions.adoptionRate',
    name: '审查意见采纳率',
    unit: '%',
    definition: '期间内办结的审查意见中,报送单位反馈“采纳”或“部分采纳”的比例(未反馈的计入分母)',
    whole: (db, q) => opinions(db, q),
    part: (r) => r.source === 'adopted' || r.source === 'partlyAdopted',
  }),
  {
    id: 'legality.reviews.averageWorkdays',
    name: '合法性审查平均用时',
    unit: '日',
    definition: '期间内办结的审查从报送之日到出具意见之日的平均工作日数(报送当日不计),保留一位小数',
    domain: DOMAIN,
    source: 'computed',
    additive: false,
    async compute(db, q) {
      const rows = await concludedReviews(db, q);
      const calendar = await loadWorkCalendar(db);
      const records = rows.map((r) => {
        return reviewRecord(
          r,
          Math.max(0, countWorkdays(calendar, r.submitted_on, r.concluded_on as string)),
        );
      });
      const value =
        records.length === 0
          ? null
          : Math.round((records.reduce((s, r) => s + (r.value ?? 0), 0) / records.length) * 10) / 10;
      return { value, records: async () => records };
    },
  },
];

// ——— 规范性文件 ———

function documents(db: Db, q: MetricQuery) {
  return db
    .selectFrom('legality_document as d')
    .innerJoin('org as o', 'o.id', 'd.org_id')
    .where(inSubtree('d', q))
    .select([
      'd.id',
      'd.org_id',
      'o.name as org_name',
      'd.title',
      'd.doc_number',
      'd.drafted_on',
      'd.published_on',
      'd.filed_on',
      'd.filing_late',
      'd.filing_outcome',
      'd.filing_outcome_on',
      'd.amended_on',
      'd.valid_until',
      'd.status',
    ]);
}
type DocRec = Awaited<ReturnType<ReturnType<typeof documents>['execute']>>[number];
const docRecord = (d: DocRec, date: string | null, extra: Partial<DrillRecord> = {}): DrillRecord => ({
  ...drillRecord(d, d.doc_number ? `${d.title}(${d.doc_number})` : d.title, date),
  ...extra,
});

/** The documents published in the period, each marked with the `source` a rate over them counts. */
const publishedIn = async (db: Db, q: MetricQuery, source: (d: DocRec) => string) =>
  (await documents(db, q).where(inPeriod('d.published_on', q)).orderBy('d.id').execute()).map((d) =>
    docRecord(d, d.published_on, { source: source(d) }),
  );

const docsBy = (
  id: string,
  name: string,
  definition: string,
  where: (q: MetricQuery) => ReturnType<typeof sql<boolean>>,
  dateOf: (d: DocRec) => string | null,
) =>
  counted({
    id,
    name,
    unit: '件',
    definition,
    records: async (db, q) =>
      (await documents(db, q).where(where(q)).orderBy('d.id').execute()).map((d) => docRecord(d, dateOf(d))),
  });

/** The dates a document's figures count it on. */
type DocDate = 'drafted_on' | 'published_on' | 'filed_on' | 'filing_outcome_on' | 'amended_on';

/** A count of the documents whose `column` date falls in the period, each a record on that date. */
const docsOn = (id: string, name: string, definition: string, column: DocDate) =>
  docsBy(
    id,
    name,
    definition,
    (q) => inPeriod(`d.${column}`, q),
    (d) => d[column],
  );

async function cleanupResults(db: Db, q: MetricQuery, outcomes?: readonly string[]) {
  let b = db
    .selectFrom('legality_cleanup_result as c')
    .innerJoin('legality_document as d', 'd.id', 'c.document_id')
    .innerJoin('org as o', 'o.id', 'd.org_id')
    .where(inSubtree('d', q))
    .where(inPeriod('c.decided_on', q));
  if (outcomes) b = b.where('c.outcome', 'in', [...outcomes]);
  const rows = await b
    .select(['c.id', 'd.org_id', 'o.name as org_name', 'd.title', 'c.outcome', 'c.decided_on'])
    .orderBy('c.decided_on')
    .orderBy('c.id')
    .execute();
  return rows.map((r) =>
    drillRecord(
      r,
      `${r.title}:${cleanupOutcomeLabels[r.outcome as CleanupOutcome] ?? r.outcome}`,
      r.decided_on,
    ),
  );
}

const documentMetrics: MetricDefinition[] = [
  docsOn('legality.documents.drafted', '规范性文件起草数', '期间内登记起草的规范性文件件数', 'drafted_on'),
  docsOn(
    'legality.documents.published',
    '规范性文件制定公布数',
    '期间内经合法性审核、集体审议后统一编号公布的规范性文件件数',
    'published_on',
  ),
  docsOn('legality.documents.filed', '规范性文件报备数', '期间内报送备案的规范性文件件数', 'filed_on'),
  docsBy(
    'legality.documents.filedOnTime',
    '规范性文件按期报备数',
    '期间内自公布之日起在报备期限内报送备案的规范性文件件数',
    (q) => sql<boolean>`${inPeriod('d.filed_on', q)} and not d.filing_late`,
    (d) => d.filed_on,
  ),
  docsBy(
    'legality.documents.filingPending',
    '规范性文件待报备数',
    '期间内公布、至期末尚未报送备案的规范性文件件数',
    (q) =>
      sql<boolean>`${inPeriod('d.published_on', q)} and (d.filed_on is null or d.filed_on > ${q.to}::date)`,
    (d) => d.published_on,
  ),
  docsOn(
    'legality.documents.filingReviewed',
    '规范性文件备案审查办结数',
    '期间内备案机关作出备案审查结论(予以备案、纠正、撤销)的规范性文件件数',
    'filing_outcome_on',
  ),
  docsBy(
    'legality.documents.corrected',
    '备案审查纠正撤销数',
    '期间内备案审查结论为纠正或撤销的规范性文件件数',
    (q) =>
      sql<boolean>`${inPeriod('d.filing_outcome_on', q)} and d.filing_outcome in ('corrected','revoked')`,
    (d) => d.filing_outcome_on,
  ),
  docsOn(
    'legality.documents.amended',
    '规范性文件修改数',
    '期间内经清理或备案纠正决定修改的规范性文件件数',
    'amended_on',
  ),
  docsBy(
    'legality.documents.currentlyValid',
    '现行有效规范性文件数',
    '期末已公布、未废止或失效且在有效期内的规范性文件件数',
    (q) =>
      sql<boolean>`d.published_on <= ${q.to}::date and d.status = 'published' and (d.valid_until is null or d.valid_until >= ${q.to}::date)`,
    (d) => d.published_on,
  ),
  counted({
    id: 'legality.documents.cleanedUp',
    name: '规范性文件清理数',
    unit: '件',
    definition: '期间内清理活动中作出保留、修改、废止或宣布失效结论的规范性文件件次',
    records: (db, q) => cleanupResults(db, q),
  }),
  counted({
    id: 'legality.documents.repealed',
    name: '规范性文件废止数',
    unit: '件',
    definition: '期间内经清理决定废止或宣布失效的规范性文件件数',
    records: (db, q) => cleanupResults(db, q, ['repeal', 'declareInvalid']),
  }),
  counted({
    id: 'legality.documents.cleanupCampaigns',
    name: '规范性文件清理次数',
    unit: '次',
    definition: '期间内开展的规范性文件清理活动次数',
    records: async (db, q) => {
      const rows = await db
        .selectFrom('legality_cleanup as c')
        .innerJoin('org as o', 'o.id', 'c.org_id')
        .where(inSubtree('c', q))
        .where(inPeriod('c.started_on', q))
        .select(['c.id', 'c.org_id', 'o.name as org_name', 'c.name', 'c.started_on'])
        .orderBy('c.started_on')
        .execute();
      return rows.map((r) => drillRecord(r, r.name, r.started_on));
    },
  }),
  rate({
    id: 'legality.documents.filingRate',
    name: '规范性文件报备率',
    unit: '%',
    definition: '期间内公布的规范性文件中,至期末已报送备案的比例',
    whole: (db, q) => publishedIn(db, q, (d) => (d.filed_on && d.filed_on <= q.to ? 'filed' : '')),
    part: (r) => r.source === 'filed',
  }),
  rate({
    id: 'legality.documents.filingOnTimeRate',
    name: '规范性文件报备及时率',
    unit: '%',
    definition: '期间内公布的规范性文件中,在报备期限内报送备案的比例',
    whole: (db, q) =>
      publishedIn(db, q, (d) => (d.filed_on && !d.filing_late && d.filed_on <= q.to ? 'onTime' : '')),
    part: (r) => r.source === 'onTime',
  }),
];

// ——— 法律顾问 / 公职律师 ———

/** Advisers serving on the last day of the period. */
async function serving(db: Db, q: MetricQuery, where: { kind?: string; appointedBy?: string } = {}) {
  let b = db
    .selectFrom('legality_adviser as a')
    .innerJoin('org as o', 'o.id', 'a.org_id')
    .where(inSubtree('a', q))
    .where('a.active', '=', true)
    .where((eb) => eb.or([eb('a.contract_from', 'is', null), eb('a.contract_from', '<=', q.to)]))
    .where((eb) => eb.or([eb('a.contract_to', 'is', null), eb('a.contract_to', '>=', q.to)]));
  if (where.kind) b = b.where('a.kind', '=', where.kind);
  if (where.appointedBy) b = b.where('a.appointed_by', '=', where.appointedBy);
  return b
    .select(['a.id', 'a.org_id', 'o.name as org_name', 'a.name', 'a.team', 'a.contract_from'])
    .orderBy('a.name')
    .orderBy('a.id')
    .execute();
}

/** The advisers' work in the period in the subtree: the rows the records list and the grouped pass scans. */
const workIn = (db: Db, q: MetricQuery) =>
  db
    .selectFrom('legality_adviser_work as w')
    .innerJoin('legality_adviser as a', 'a.id', 'w.adviser_id')
    .innerJoin('org as o', 'o.id', 'w.org_id')
    .where(inSubtree('a', q))
    .where(inPeriod('w.occurred_on', q));

async function work(db: Db, q: MetricQuery, kinds?: readonly WorkKind[]) {
  let b = workIn(db, q);
  if (kinds) b = b.where('w.kind', 'in', [...kinds]);
  const rows = await b
    .select([
      'w.id',
      'a.org_id',
      'o.name as org_name',
      'a.name',
      'w.kind',
      'w.title',
      'w.count',
      'w.occurred_on',
    ])
    .orderBy('w.occurred_on')
    .orderBy('w.id')
    .execute();
  return rows.map(
    (w): DrillRecord => ({
      ...drillRecord(
        w,
        `${w.name}·${workKindLabels[w.kind as WorkKind] ?? w.kind}:${w.title}`,
        w.occurred_on,
      ),
      value: w.count,
    }),
  );
}

const workOf = byKinds(work, {
  scan: {
    key: 'legality_adviser_work.occurred_on',
    from: workIn,
  },
  kind: 'w.kind',
  sum: sql`w.count`,
});

const REVIEW_WORK: WorkKind[] = ['documentReview', 'decisionReview', 'contractReview', 'opinion'];

const adviserMetrics: MetricDefinition[] = [
  counted({
    id: 'legality.advisers.governmentAdvisers',
    name: '政府法律顾问人数',
    unit: '人',
    definition: '期末在聘的、由人民政府聘请的法律顾问人数',
    records: async (db, q) =>
      (await serving(db, q, { kind: 'adviser', appointedBy: 'government' })).map((a) =>
        drillRecord(a, a.name, a.contract_from),
      ),
  }),
  counted({
    id: 'legality.advisers.advisers',
    name: '法律顾问人数',
    unit: '人',
    definition: '期末在聘的法律顾问人数(政府、部门、乡镇和村(社区)聘请的合计)',
    records: async (db, q) =>
      (await serving(db, q, { kind: 'adviser' })).map((a) => drillRecord(a, a.name, a.contract_from)),
  }),
  counted({
    id: 'legality.advisers.governmentLawyers',
    name: '公职律师人数',
    unit: '人',
    definition: '期末登记在册的公职律师人数',
    records: async (db, q) =>
      (await serving(db, q, { kind: 'governmentLawyer' })).map((a) => drillRecord(a, a.name, null)),
  }),
  counted({
    id: 'legality.advisers.teams',
    name: '法律顾问专业组数',
    unit: '个',
    definition: '期末在聘法律顾问所分的专业组个数',
    additive: false,
    records: async (db, q) => {
      const teams = new Map<string, DrillRecord>();
      for (const a of await serving(db, q, { kind: 'adviser' }))
        if (a.team && !teams.has(a.team))
          teams.set(a.team, { id: a.id, orgId: a.org_id, orgName: a.org_name, label: a.team, date: null });
      return [...teams.values()];
    },
  }),
  rate({
    id: 'legality.advisers.coverageRate',
    name: '行政机关法律顾问覆盖率',
    unit: '%',
    definition: '人民政府、部门和乡镇(街道)中,期末有在聘法律顾问或公职律师的机关所占比例',
    whole: async (db, q) => {
      const orgs = await db
        .selectFrom('org as o')
        .where(inOrgs('o.id', q))
        .where('o.active', '=', true)
        .where('o.kind', 'in', ['government', 'department', 'township', 'subdistrict'])
        .select(['o.id', 'o.name'])
        .orderBy('o.name')
        .execute();
      const covered = new Set((await serving(db, q)).map((a) => a.org_id));
      return orgs.map((o) => ({
        id: o.id,
        orgId: o.id,
        orgName: o.name,
        label: o.name,
        date: null,
        source: covered.has(o.id) ? 'covered' : '',
      }));
    },
    part: (r) => r.source === 'covered',
  }),
  workOf(
    'legality.advisers.decisionOpinions',
    '法律顾问重大行政决策法律意见数',
    '件',
    ['decisionReview'],
    '期间内法律顾问、公职律师参与重大行政决策合法性审查出具意见的件数',
  ),
  workOf(
    'legality.advisers.documentOpinions',
    '法律顾问规范性文件审查意见数',
    '件',
    ['documentReview'],
    '期间内法律顾问、公职律师参与规范性文件合法性审核出具意见的件数',
  ),
  workOf(
    'legality.advisers.contracts',
    '法律顾问审查合同数',
    '件',
    ['contractReview'],
    '期间内法律顾问、公职律师审查的合同、协议件数',
    ['份'],
  ),
  workOf(
    'legality.advisers.otherDocuments',
    '法律顾问审查其他文件数',
    '件',
    ['opinion'],
    '期间内法律顾问、公职律师审查其他文件、会议议题并出具法律意见的件数',
  ),
  workOf(
    'legality.advisers.opinions',
    '法律顾问出具法律意见数',
    '件',
    REVIEW_WORK,
    '期间内法律顾问、公职律师出具法律意见(审查文件、决策、合同)的件数',
    ['批次'],
  ),
  workOf(
    'legality.advisers.nonLitigation',
    '法律顾问非诉讼法律事务数',
    '件',
    ['nonLitigation'],
    '期间内法律顾问处理的非诉讼法律事务件数',
  ),
  workOf(
    'legality.advisers.trainings',
    '法律顾问法治讲座场次',
    '场次',
    ['training'],
    '期间内法律顾问、公职律师开展法治培训讲座的场次',
  ),
  workOf(
    'legality.advisers.civilCases',
    '法律顾问代理民事案件数',
    '件',
    ['civilCase'],
    '期间内法律顾问代理的民事案件件数',
  ),
  workOf(
    'legality.advisers.litigation',
    '法律顾问代理行政诉讼案件数',
    '件',
    ['litigation'],
    '期间内法律顾问代理的行政诉讼案件件数',
  ),
  workOf(
    'legality.advisers.reviewsAndCases',
    '法律顾问参与审查和应诉件次',
    '件次',
    ['decisionReview', 'documentReview', 'litigation', 'reconsideration'],
    '期间内法律顾问参与决策、文件合法性审查和代理诉讼、复议的件次',
  ),
  workOf(
    'legality.advisers.work',
    '法律顾问参与法律事务件次',
    '件次',
    undefined,
    '期间内法律顾问、公职律师工作台账登记的全部法律事务件次(审查、咨询、谈判、代理、列席会议等)',
  ),
];

export const legalityMetrics: readonly MetricDefinition[] = [
  ...reviewMetrics,
  ...documentMetrics,
  ...adviserMetrics,
  ...decisionMetrics,
];
