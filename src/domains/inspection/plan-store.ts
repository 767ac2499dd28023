import type { Scope } from '../../platform/context.js';
import { ledgerPage, type ListTotal } from '../../platform/paging.js';
import type { Executor } from '../../platform/db/types.js';
import { inScope } from '../../platform/scope.js';
import type { RiskGrade } from './draw-input.js';
import { idsOrNone, type Page, presented } from './registry-store.js';
import type { PlanKind } from './schema.js';
import './tables.js';
import '../org/tables.js';

export interface Plan {
  id: string;
  regionCode: string;
  orgId: string;
  orgName: string;
  year: number;
  name: string;
  kind: PlanKind;
  participantOrgIds: string[];
  note: string;
  taskCount: number;
  version: number;
}

export async function listPlans(
  db: Executor,
  scope: Scope,
  f: {
    year?: number | undefined;
    kind?: PlanKind | undefined;
    orgId?: string | undefined;
    ids?: readonly string[];
  },
  page: Page = { offset: 0, limit: 1000 },
): Promise<{ items: Plan[] } & ListTotal> {
  let q = db
    .selectFrom('inspection_plan as p')
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .where(inScope(scope, 'p'));
  if (f.year) q = q.where('p.year', '=', f.year);
  if (f.kind) q = q.where('p.kind', '=', f.kind);
  if (f.orgId) q = q.where('p.org_id', '=', f.orgId);
  if (f.ids) q = q.where('p.id', 'in', idsOrNone(f.ids));
  return presented(
    await ledgerPage(db, q, page, (l) =>
      l
        .selectAll('p')
        .select('o.name as org_name')
        .select((eb) =>
          eb
            .selectFrom('inspection_task as t')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('t.plan_id', '=', 'p.id')
            .as('task_count'),
        )
        .orderBy('p.year', 'desc')
        .orderBy('p.created_at', 'desc'),
    ),
    (r) => ({
      id: r.id,
      regionCode: r.region_code,
      orgId: r.org_id,
      orgName: r.org_name,
      year: r.year,
      name: r.name,
      kind: r.kind as PlanKind,
      participantOrgIds: r.participant_org_ids,
      note: r.note,
      taskCount: Number(r.task_count ?? 0),
      version: r.version,
    }),
  );
}

export interface Task {
  id: string;
  regionCode: string;
  orgId: string;
  planId: string;
  planName: string;
  planKind: PlanKind;
  participantOrgIds: string[];
  name: string;
  checklistItemIds: string[];
  mode: 'ratio' | 'count';
  ratioPercent: Record<RiskGrade, number>;
  count: number | null;
  industries: string[];
  /** the task targets every industry (no 行业 named) */
  allIndustries: boolean;
  locationCodes: string[];
  riskGrades: RiskGrade[];
  inspectorsPerInspectee: number;
  startOn: string;
  endOn: string;
  /** the live draw (committed or drawn), if any */
  drawId: string | null;
  drawStatus: 'committed' | 'drawn' | null;
  version: number;
}

export async function listTasks(
  db: Executor,
  scope: Scope,
  f: { planId?: string | undefined; ids?: readonly string[]; year?: number | undefined },
  page: Page = { offset: 0, limit: 1000 },
): Promise<{ items: Task[] } & ListTotal> {
  let q = db
    .selectFrom('inspection_task as t')
    .innerJoin('inspection_plan as p', 'p.id', 't.plan_id')
    .where(inScope(scope, 't'));
  if (f.planId) q = q.where('t.plan_id', '=', f.planId);
  if (f.year) q = q.where('p.year', '=', f.year);
  if (f.ids) q = q.where('t.id', 'in', idsOrNone(f.ids));
  return presented(
    await ledgerPage(db, q, page, (l) =>
      l
        .leftJoin('inspection_draw as d', (j) =>
          j.onRef('d.task_id', '=', 't.id').on('d.status', '<>', 'failed'),
        )
        .selectAll('t')
        .select([
          'p.name as plan_name',
          'p.kind as plan_kind',
          'p.participant_org_ids',
          'd.id as draw_id',
          'd.status as draw_status',
        ])
        .orderBy('t.start_on')
        .orderBy('t.id'),
    ),
    (r) => {
      const bp = r.ratio_bp;
      return {
        id: r.id,
        regionCode: r.region_code,
        orgId: r.org_id,
        planId: r.plan_id,
        planName: r.plan_name,
        planKind: r.plan_kind as PlanKind,
        participantOrgIds: r.participant_org_ids,
        name: r.name,
        checklistItemIds: r.checklist_item_ids,
        mode: r.mode as 'ratio' | 'count',
        ratioPercent: {
          A: (bp.A ?? 0) / 100,
          B: (bp.B ?? 0) / 100,
          C: (bp.C ?? 0) / 100,
          D: (bp.D ?? 0) / 100,
        },
        count: r.count,
        industries: r.filter_industries,
        allIndustries: r.filter_industries.length === 0,
        locationCodes: r.filter_locations,
        riskGrades: r.filter_risk_grades as RiskGrade[],
        inspectorsPerInspectee: r.inspectors_per_inspectee,
        startOn: r.start_on,
        endOn: r.end_on,
        drawId: r.draw_id,
        drawStatus: r.draw_status as 'committed' | 'drawn' | null,
        version: r.version,
      };
    },
  );
}
