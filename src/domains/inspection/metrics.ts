import { loadWorkCalendar } from '../../platform/calendar/index.js';
import type { Db } from '../../platform/db/types.js';
import { DomainError } from '../../platform/errors.js';
import {
  countedQuery,
  countedRecords,
  inPeriod,
  inSubtree,
  type Records,
} from '../../platform/metrics/builders.js';
import {
  asOfDay,
  type DrillRecord,
  drillRecord,
  type MetricDefinition,
  type MetricQuery,
  rateOf,
} from '../../platform/metrics/types.js';
import { inspectionResults, type InspectionResult, publicationDue } from './rules.js';
import './tables.js';

/**
 * Annual plans led by an org of the subtree whose year lies wholly inside the period: a plan is
 * made for a year, so a month or a quarter holds none and a year holds its own (issue 16: the
 * monthly trend no longer repeats the whole year's plans in every month).
 */
function plans(db: Db, q: MetricQuery, kind?: PlanKind) {
  const first = Number(q.from.slice(0, 4)) + (q.from.slice(5) === '01-01' ? 0 : 1);
  const last = Number(q.to.slice(0, 4)) - (q.to.slice(5) === '12-31' ? 0 : 1);
  let b = db
    .selectFrom('inspection_plan as p')
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .where(inSubtree('p', q))
    .where('p.year', '>=', first)
    .where('p.year', '<=', last);
  if (kind) b = b.where('p.kind', '=', kind);
  return b;
}

async function planRecords(db: Db, q: MetricQuery, kind?: PlanKind): Promise<DrillRecord[]> {
  const rows = await plans(db, q, kind)
    .select(['p.id', 'p.org_id', 'o.name as org_name', 'p.name', 'p.year'])
    .orderBy('p.year')
    .orderBy('p.name')
    .execute();
  return rows.map((r) => drillRecord(r, r.name, `${r.year}-01-01`));
}

/** Drawn inspectees of tasks ending in the period (the task's period decides the year it counts in). */
function targets(db: Db, q: MetricQuery) {
  return db
    .selectFrom('inspection_target as g')
    .innerJoin('inspection_task as t', 't.id', 'g.task_id')
    .innerJoin('inspection_inspectee as e', 'e.id', 'g.inspectee_id')
    .innerJoin('org as o', 'o.id', 'g.org_id')
    .where(inSubtree('g', q))
    .where(inPeriod('t.end_on', q));
}

type TargetRow = {
  id: string;
  org_id: string;
  org_name: string;
  name: string;
  end_on: string;
  result: string | null;
  published_on: string | null;
};

async function targetRows(db: Db, q: MetricQuery): Promise<TargetRow[]> {
  return orderedTargets(targets(db, q));
}

/** The targets of `rows` (a `targets` query) with what their drill-downs show, in order. */
function orderedTargets(rows: ReturnType<typeof targets>): Promise<TargetRow[]> {
  return rows
    .select(['g.id', 'g.org_id', 'o.name as org_name', 'e.name', 't.end_on', 'g.result', 'g.published_on'])
    .orderBy('t.end_on')
    .orderBy('g.id')
    .execute();
}

type PlanKind = 'department' | 'joint';
const planKindLabels = { department: '部门抽查', joint: '部门联合抽查' } as const satisfies Record<
  PlanKind,
  string
>;

/** A count over rows listed by `rows`: the figure is the number of rows, the drill-down the rows. */
function listed(
  spec: Omit<MetricDefinition, 'compute' | 'source' | 'additive' | 'domain'> & { kind: 'flow' | 'stock' },
  rows: (db: Db, q: MetricQuery) => Promise<DrillRecord[]>,
): MetricDefinition {
  return countedRecords(
    { ...spec, domain: 'inspection', ...(spec.kind === 'stock' ? { asOf: 'periodEnd' as const } : {}) },
    rows,
  );
}

/**
 * Inspectees of the subtree's register drawn by a task (of any org: joint tasks draw across
 * registers) that ended in the period, and the register they are counted against: the entries in
 * it now plus any drawn in the period and since removed, so the numerator is always part of the
 * denominator.
 */
async function registerRows(db: Db, q: MetricQuery, drawnOnly: boolean): Promise<DrillRecord[]> {
  const drawn = db
    .selectFrom('inspection_target as g')
    .innerJoin('inspection_task as t', 't.id', 'g.task_id')
    .select('g.inspectee_id')
    .where(inPeriod('t.end_on', q));
  let b = db
    .selectFrom('inspection_inspectee as e')
    .innerJoin('org as o', 'o.id', 'e.org_id')
    .where(inSubtree('e', q));
  b = drawnOnly
    ? b.where('e.id', 'in', drawn)
    : b.where((eb) => eb.or([eb('e.active', '=', true), eb('e.id', 'in', drawn)]));
  const rows = await b
    .select(['e.id', 'e.org_id', 'o.name as org_name', 'e.name'])
    .orderBy('e.name')
    .execute();
  return rows.map((r) => drillRecord(r, r.name, null));
}

/** Target rows with a result, and the subset that found a problem. */
async function resultRows(db: Db, q: MetricQuery, problemsOnly: boolean): Promise<DrillRecord[]> {
  const rows = (await targetRows(db, q)).filter(
    (r) => r.result !== null && (!problemsOnly || inspectionResults[r.result as InspectionResult]?.problem),
  );
  return rows.map((x) =>
    drillRecord(
      x,
      `${x.name}:${inspectionResults[x.result as InspectionResult]?.label ?? x.result}`,
      x.end_on,
    ),
  );
}

/**
 * Results whose publication is due by the as-of day (20 working days after the task's end,
 * 企业信息公示暂行条例 第六条、第十条) or already published; `timely` keeps those published by
 * the due day, as known on the as-of day (the period's end, or today by the caller's clock).
 */
async function publicationRows(db: Db, q: MetricQuery, timely: boolean): Promise<DrillRecord[]> {
  const calendar = await loadWorkCalendar(db);
  const day = asOfDay(q);
  const out: DrillRecord[] = [];
  for (const r of (await targetRows(db, q)).filter((x) => x.result !== null)) {
    let due: string;
    try {
      due = publicationDue(calendar, r.end_on);
    } catch (err) {
      if (err instanceof DomainError && err.code === 'calendar.uncoveredYear') continue; // not countable yet
      throw err;
    }
    // the state on the as-of day: a publication after it is not known to the period's figure
    const published = r.published_on !== null && r.published_on <= day ? r.published_on : null;
    if (!published && due >= day) continue; // not due yet
    const ok = published !== null && published <= due;
    if (timely && !ok) continue;
    out.push({
      id: r.id,
      orgId: r.org_id,
      orgName: r.org_name,
      label: `${r.name}:${ok ? '按时公示' : published ? `逾期公示(${published})` : '未公示'}`,
      date: r.end_on,
    });
  }
  return out;
}

/** The current 一单两库 registers of the subtree (checklist items by kind, inspectors). */
async function checklistRows(db: Db, q: MetricQuery, joint: boolean): Promise<DrillRecord[]> {
  const rows = await db
    .selectFrom('inspection_checklist_item as i')
    .innerJoin('org as o', 'o.id', 'i.org_id')
    .where(inSubtree('i', q))
    .where('i.active', '=', true)
    .where('i.joint', '=', joint)
    .select(['i.id', 'i.org_id', 'o.name as org_name', 'i.matter'])
    .orderBy('o.name')
    .orderBy('i.matter')
    .execute();
  return rows.map((r) => drillRecord(r, r.matter, null));
}

async function inspectorRows(db: Db, q: MetricQuery): Promise<DrillRecord[]> {
  const rows = await db
    .selectFrom('inspection_inspector as i')
    .innerJoin('org as o', 'o.id', 'i.org_id')
    .where(inSubtree('i', q))
    .where('i.active', '=', true)
    .select(['i.id', 'i.org_id', 'o.name as org_name', 'i.name'])
    .orderBy('o.name')
    .orderBy('i.name')
    .execute();
  return rows.map((r) => drillRecord(r, r.name, null));
}

/** Tasks of the subtree that ended in the period, of plans of one kind or all. */
async function taskRows(db: Db, q: MetricQuery, kind?: PlanKind): Promise<DrillRecord[]> {
  let b = db
    .selectFrom('inspection_task as t')
    .innerJoin('inspection_plan as p', 'p.id', 't.plan_id')
    .innerJoin('org as o', 'o.id', 't.org_id')
    .where(inSubtree('t', q))
    .where(inPeriod('t.end_on', q));
  if (kind) b = b.where('p.kind', '=', kind);
  const rows = await b
    .select(['t.id', 't.org_id', 'o.name as org_name', 't.name', 't.end_on'])
    .orderBy('t.end_on')
    .execute();
  return rows.map((x) => drillRecord(x, x.name, x.end_on));
}

const planFigure = (kind?: PlanKind) =>
  listed(
    {
      id: kind ? `inspection.plans.${kind}` : 'inspection.plans',
      name: kind ? `${planKindLabels[kind]}计划数` : '“双随机、一公开”抽查计划数',
      unit: '个',
      unitAliases: ['项'],
      definition: kind
        ? `年度完全落在统计期内的、本级及下级单位牵头的${planKindLabels[kind]}计划个数${kind === 'joint' ? '(国发〔2019〕5号)' : ''}。`
        : '年度完全落在统计期内的、本级及下级单位牵头制定的抽查计划个数(部门抽查和部门联合抽查);计划按年度制定,月度、季度不计。',
      kind: 'flow',
    },
    (db, q) => planRecords(db, q, kind),
  );
const allPlans = planFigure();
const jointPlans = planFigure('joint');
const tasksFigure = (kind?: PlanKind) =>
  listed(
    {
      id: kind ? `inspection.tasks.${kind}` : 'inspection.tasks',
      name: kind ? `${planKindLabels[kind]}任务数` : '抽查任务数',
      unit: '个',
      unitAliases: ['次'],
      definition: `报告期内结束的${kind ? `${planKindLabels[kind]}计划下的` : ''}抽查任务个数(以任务结束日期计)。`,
      kind: 'flow',
    },
    (db, q) => taskRows(db, q, kind),
  );
/** A count of the results (户次) drawn by the tasks that ended in the period. */
const resultCount = (spec: { id: string; name: string; definition: string }, rows: Records) =>
  listed({ ...spec, unit: '户次', kind: 'flow' }, rows);

/** A count of one of the subtree's registers as it stands (现状, at the period's end). */
const registerCount = (spec: Omit<Parameters<typeof listed>[0], 'kind'>, rows: Records) =>
  listed({ ...spec, kind: 'stock' }, rows);

/** A rate of one inspection count over another. */
const inspectionRate = (
  spec: { id: string; name: string; definition: string },
  part: MetricDefinition,
  whole: MetricDefinition,
) => rateOf({ ...spec, domain: 'inspection' }, part, whole);

const drawnRegistered = listed(
  {
    id: 'inspection.inspectees.drawn',
    name: '被抽中的名录库检查对象',
    unit: '户',
    definition:
      '本级及下级单位检查对象名录库中,在报告期内结束的抽查任务(含联合抽查)中被抽中的不同检查对象数。',
    kind: 'flow',
  },
  (db, q) => registerRows(db, q, true),
);
const register = registerCount(
  {
    id: 'inspection.inspectees',
    name: '检查对象名录库监管对象数',
    unit: '户',
    unitAliases: ['条', '家'],
    definition: '本级及下级单位检查对象名录库在册的检查对象数(现状;报告期内被抽中而其后移出的仍计入)。',
  },
  (db, q) => registerRows(db, q, false),
);
/**
 * Three figures of the results (户次) drawn by the tasks that ended in the period: those `rows`
 * lists, the part of them `rows(…, true)` keeps, and the part's rate of the whole.
 */
const resultFigures = (
  rows: (db: Db, q: MetricQuery, part: boolean) => Promise<DrillRecord[]>,
  whole: { id: string; name: string; definition: string },
  part: { id: string; name: string; definition: string },
  rate: { id: string; name: string; definition: string },
): MetricDefinition[] => {
  const wholeCount = resultCount(whole, (db, q) => rows(db, q, false));
  const partCount = resultCount(part, (db, q) => rows(db, q, true));
  return [wholeCount, partCount, inspectionRate(rate, partCount, wholeCount)];
};

export const inspectionMetrics: readonly MetricDefinition[] = [
  allPlans,
  jointPlans,
  planFigure('department'),
  inspectionRate(
    {
      id: 'inspection.plans.jointShare',
      name: '部门联合抽查占比',
      definition: '部门联合抽查计划数占抽查计划总数的百分比;无计划时不计算。',
    },
    jointPlans,
    allPlans,
  ),
  tasksFigure(),
  tasksFigure('joint'),
  tasksFigure('department'),
  countedQuery(
    {
      id: 'inspection.targets',
      name: '随机抽取检查对象户次',
      unit: '户次',
      definition: '报告期内结束的抽查任务随机抽中的检查对象户次。',
      domain: 'inspection',
      kind: 'flow',
    },
    targets,
    async (rows) => (await orderedTargets(rows)).map((x) => drillRecord(x, x.name, x.end_on)),
  ),
  drawnRegistered,
  register,
  inspectionRate(
    {
      id: 'inspection.coverage',
      name: '检查对象抽查覆盖率',
      definition:
        '本级及下级单位检查对象名录库中,在报告期内结束的抽查任务里被抽中的不同检查对象数占名录库在册对象数的百分比(“双随机、一公开”抽查比例不低于 5%)。',
    },
    drawnRegistered,
    register,
  ),
  ...resultFigures(
    resultRows,
    {
      id: 'inspection.results',
      name: '已录入检查结果户次',
      definition: '报告期内结束的抽查任务中已录入检查结果的户次。',
    },
    {
      id: 'inspection.results.problem',
      name: '抽查发现问题户次',
      definition:
        '报告期内结束的抽查任务中,检查结果为发现问题(含未按规定公示、不配合检查、无法联系、已责令改正、待后续处理等)的户次。',
    },
    {
      id: 'inspection.problemRate',
      name: '抽查发现问题率',
      definition: '报告期内结束的抽查任务中,发现问题的户次占已录入结果户次的百分比。',
    },
  ),
  ...resultFigures(
    publicationRows,
    {
      id: 'inspection.publication.due',
      name: '应公示的抽查结果',
      definition: '报告期内结束的抽查任务中,公示期限(任务结束后 20 个工作日)已届满或已公示的检查结果户次。',
    },
    {
      id: 'inspection.publication.onTime',
      name: '按时公示的抽查结果',
      definition: '报告期内结束的抽查任务中,在任务结束后 20 个工作日内公示的检查结果户次。',
    },
    {
      id: 'inspection.publication.timely',
      name: '抽查结果按时公示率',
      definition:
        '报告期内结束的抽查任务中,公示期限已届满或已公示的检查结果户次里在任务结束后 20 个工作日内公示的百分比(企业信息公示暂行条例 第六条、第十条)。',
    },
  ),
  registerCount(
    {
      id: 'inspection.checklist.department',
      name: '部门抽查事项数',
      unit: '项',
      definition: '本级及下级单位抽查事项清单中在用的部门抽查事项数(现状)。',
    },
    (db, q) => checklistRows(db, q, false),
  ),
  registerCount(
    {
      id: 'inspection.checklist.joint',
      name: '部门联合抽查事项数',
      unit: '项',
      definition: '本级及下级单位抽查事项清单中在用的部门联合抽查事项数(现状)。',
    },
    (db, q) => checklistRows(db, q, true),
  ),
  registerCount(
    {
      id: 'inspection.inspectors',
      name: '执法检查人员名录库人数',
      unit: '人',
      definition: '本级及下级单位执法检查人员名录库中正常状态的检查人员数(现状)。',
    },
    inspectorRows,
  ),
];
