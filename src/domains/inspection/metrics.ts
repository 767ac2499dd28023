import { sql } from 'kysely';
import { loadWorkCalendar } from '../../platform/calendar/index.js';
import { chinaDate } from '../../platform/context.js';
import type { Db } from '../../platform/db/types.js';
import { DomainError } from '../../platform/errors.js';
import { inScope } from '../../platform/scope.js';
import type { DrillRecord, MetricDefinition, MetricQuery } from '../../report/types.js';
import { inspectionResults, type InspectionResult, publicationDue } from './rules.js';
import './tables.js';

const inOrgs = (col: string, q: MetricQuery) => sql<boolean>`${sql.ref(col)} = any(${[...q.orgIds]}::uuid[])`;

/** Plans of the years the period touches, led by an org of the subtree. */
function plans(db: Db, q: MetricQuery, kind?: 'joint') {
  let b = db
    .selectFrom('inspection_plan as p')
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .where(inOrgs('p.org_id', q))
    .where('p.year', '>=', Number(q.from.slice(0, 4)))
    .where('p.year', '<=', Number(q.to.slice(0, 4)))
    .where(inScope(q.scope, 'p'));
  if (kind) b = b.where('p.kind', '=', kind);
  return b;
}

async function planRecords(db: Db, q: MetricQuery, kind?: 'joint'): Promise<DrillRecord[]> {
  const rows = await plans(db, q, kind)
    .select(['p.id', 'p.org_id', 'o.name as org_name', 'p.name', 'p.year'])
    .orderBy('p.year')
    .orderBy('p.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    label: r.name,
    date: `${r.year}-01-01`,
  }));
}

/** Drawn inspectees of tasks ending in the period (the task's period decides the year it counts in). */
function targets(db: Db, q: MetricQuery) {
  return db
    .selectFrom('inspection_target as g')
    .innerJoin('inspection_task as t', 't.id', 'g.task_id')
    .innerJoin('inspection_inspectee as e', 'e.id', 'g.inspectee_id')
    .innerJoin('org as o', 'o.id', 'g.org_id')
    .where(inOrgs('g.org_id', q))
    .where('t.end_on', '>=', q.from)
    .where('t.end_on', '<=', q.to)
    .where(inScope(q.scope, 'g'));
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
  return targets(db, q)
    .select(['g.id', 'g.org_id', 'o.name as org_name', 'e.name', 't.end_on', 'g.result', 'g.published_on'])
    .orderBy('t.end_on')
    .orderBy('g.id')
    .execute();
}

const percent = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 10;

export const inspectionMetrics: readonly MetricDefinition[] = [
  {
    id: 'inspection.plans',
    name: '“双随机、一公开”抽查计划数',
    unit: '个',
    definition: '报告期所在年度本级及下级单位牵头制定的抽查计划个数(部门抽查和部门联合抽查)。',
    domain: 'inspection',
    source: 'computed',
    additive: true,
    async compute(db, q) {
      const r = await plans(db, q)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return { value: Number(r.n), records: () => planRecords(db, q) };
    },
  },
  {
    id: 'inspection.plans.joint',
    name: '部门联合抽查计划数',
    unit: '个',
    definition: '报告期所在年度本级及下级单位牵头的跨部门联合抽查计划个数(国发〔2019〕5号)。',
    domain: 'inspection',
    source: 'computed',
    additive: true,
    async compute(db, q) {
      const r = await plans(db, q, 'joint')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return { value: Number(r.n), records: () => planRecords(db, q, 'joint') };
    },
  },
  {
    id: 'inspection.plans.jointShare',
    name: '部门联合抽查占比',
    unit: '%',
    definition: '部门联合抽查计划数占抽查计划总数的百分比;无计划时不计算。',
    domain: 'inspection',
    source: 'computed',
    additive: false,
    async compute(db, q) {
      const all = await planRecords(db, q);
      const joint = await planRecords(db, q, 'joint');
      return { value: percent(joint.length, all.length), records: async () => joint };
    },
  },
  {
    id: 'inspection.tasks',
    name: '抽查任务数',
    unit: '个',
    definition: '报告期内结束的抽查任务个数(以任务结束日期计)。',
    domain: 'inspection',
    source: 'computed',
    additive: true,
    async compute(db, q) {
      const base = db
        .selectFrom('inspection_task as t')
        .innerJoin('org as o', 'o.id', 't.org_id')
        .where(inOrgs('t.org_id', q))
        .where('t.end_on', '>=', q.from)
        .where('t.end_on', '<=', q.to)
        .where(inScope(q.scope, 't'));
      const r = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return {
        value: Number(r.n),
        records: async () =>
          (
            await base
              .select(['t.id', 't.org_id', 'o.name as org_name', 't.name', 't.end_on'])
              .orderBy('t.end_on')
              .execute()
          ).map((x) => ({
            id: x.id,
            orgId: x.org_id,
            orgName: x.org_name,
            label: x.name,
            date: x.end_on,
          })),
      };
    },
  },
  {
    id: 'inspection.targets',
    name: '随机抽取检查对象户次',
    unit: '户次',
    definition: '报告期内结束的抽查任务随机抽中的检查对象户次。',
    domain: 'inspection',
    source: 'computed',
    additive: true,
    async compute(db, q) {
      const r = await targets(db, q)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return {
        value: Number(r.n),
        records: async () =>
          (await targetRows(db, q)).map((x) => ({
            id: x.id,
            orgId: x.org_id,
            orgName: x.org_name,
            label: x.name,
            date: x.end_on,
          })),
      };
    },
  },
  {
    id: 'inspection.coverage',
    name: '检查对象抽查覆盖率',
    unit: '%',
    definition:
      '报告期内结束的抽查任务抽中的不同检查对象数占本级及下级单位检查对象名录库在册对象数的百分比(“双随机、一公开”抽查比例不低于 5%)。',
    domain: 'inspection',
    source: 'computed',
    additive: false,
    async compute(db, q) {
      const drawn = await targets(db, q)
        .select((eb) => eb.fn.count<number>('g.inspectee_id').distinct().as('n'))
        .executeTakeFirstOrThrow();
      const registered = await db
        .selectFrom('inspection_inspectee as e')
        .where(inOrgs('e.org_id', q))
        .where('e.active', '=', true)
        .where(inScope(q.scope, 'e'))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return {
        value: percent(Number(drawn.n), Number(registered.n)),
        records: async () =>
          (await targetRows(db, q)).map((x) => ({
            id: x.id,
            orgId: x.org_id,
            orgName: x.org_name,
            label: x.name,
            date: x.end_on,
          })),
      };
    },
  },
  {
    id: 'inspection.problemRate',
    name: '抽查发现问题率',
    unit: '%',
    definition:
      '报告期内结束的抽查任务中,检查结果为发现问题(含未按规定公示、不配合检查、无法联系、已责令改正、待后续处理等)的户次占已录入结果户次的百分比。',
    domain: 'inspection',
    source: 'computed',
    additive: false,
    async compute(db, q) {
      const rows = (await targetRows(db, q)).filter((r) => r.result !== null);
      const problems = rows.filter((r) => inspectionResults[r.result as InspectionResult]?.problem);
      return {
        value: percent(problems.length, rows.length),
        records: async () =>
          problems.map((x) => ({
            id: x.id,
            orgId: x.org_id,
            orgName: x.org_name,
            label: `${x.name}:${inspectionResults[x.result as InspectionResult].label}`,
            date: x.end_on,
          })),
      };
    },
  },
  {
    id: 'inspection.publication.timely',
    name: '抽查结果按时公示率',
    unit: '%',
    definition:
      '报告期内结束的抽查任务中,已录入结果的户次里在任务结束后 20 个工作日内公示的百分比(企业信息公示暂行条例 第六条、第十条)。',
    domain: 'inspection',
    source: 'computed',
    additive: false,
    async compute(db, q) {
      const calendar = await loadWorkCalendar(db);
      const today = chinaDate(new Date());
      const rows = (await targetRows(db, q)).filter((r) => r.result !== null);
      const late: TargetRow[] = [];
      let counted = 0;
      for (const r of rows) {
        let due: string;
        try {
          due = publicationDue(calendar, r.end_on);
        } catch (err) {
          if (err instanceof DomainError && err.code === 'calendar.uncoveredYear') continue; // not countable yet
          throw err;
        }
        if (!r.published_on && due >= today) continue; // not due yet
        counted++;
        if (!r.published_on || r.published_on > due) late.push(r);
      }
      return {
        value: percent(counted - late.length, counted),
        records: async () =>
          late.map((x) => ({
            id: x.id,
            orgId: x.org_id,
            orgName: x.org_name,
            label: `${x.name}:${x.published_on ? `逾期公示(${x.published_on})` : '未公示'}`,
            date: x.end_on,
          })),
      };
    },
  },
];
