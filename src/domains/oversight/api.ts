/**
 * What other parts may call of the oversight domain. The annual report drafts its part four
 * (下一年度推进法治政府建设的主要安排) from next year's 年度工作要点 through `workplanTasksOfYear`.
 */
import { withOrg } from '../org/org-store.js';
import type { Ctx } from '../../platform/context.js';
import { inScope } from '../../platform/scope.js';
import './tables.js';

export interface WorkplanTaskSummary {
  id: string;
  title: string;
  /** the lead unit: the org the task is assigned to */
  leadOrgId: string;
  leadOrgName: string;
  /** 配合单位 as entered ('' when none) */
  supportingOrgs: string;
  /** 下达日期 and 完成时限, 'YYYY-MM-DD' */
  issuedOn: string;
  dueOn: string;
}

/**
 * The 年度工作要点 tasks of `year` for the given orgs (an org's subtree) inside the caller's scope:
 * tasks issued (下达) in that year, and tasks issued earlier whose 完成时限 falls in it — what the
 * plan asks of that year. Ordered by 完成时限, then lead unit and title. The caller authorizes
 * (the annual report reads it as part of generating the report).
 */
export async function workplanTasksOfYear(
  ctx: Ctx,
  orgIds: readonly string[],
  year: number,
): Promise<WorkplanTaskSummary[]> {
  if (orgIds.length === 0) return [];
  const [from, to] = [`${year}-01-01`, `${year}-12-31`];
  const rows = await withOrg(ctx.db, 'oversight_workplan_task', 'e')
    .select([
      'e.id',
      'e.title',
      'e.org_id',
      'g.name as org_name',
      'e.supporting_orgs',
      'e.held_on',
      'e.due_on',
    ])
    .where(inScope(ctx.scope, 'e'))
    .where('e.org_id', 'in', orgIds)
    .where((eb) =>
      eb.or([
        eb.and([eb('e.held_on', '>=', from), eb('e.held_on', '<=', to)]),
        eb.and([eb('e.held_on', '<', from), eb('e.due_on', '>=', from), eb('e.due_on', '<=', to)]),
      ]),
    )
    .orderBy('e.due_on')
    .orderBy('g.tree_rank')
    .orderBy('e.title')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    leadOrgId: r.org_id,
    leadOrgName: r.org_name,
    supportingOrgs: r.supporting_orgs,
    issuedOn: String(r.held_on),
    dueOn: String(r.due_on),
  }));
}
