import type { Ctx } from '../../platform/context.js';
import { generateUscc } from '../../platform/ids/index.js';
import { drawTask } from './draw-service.js';
import { createPlan, createTask } from './plan-service.js';
import { createChecklistItem, createInspectee } from './registry-service.js';
import { listTargets, type Target } from './result-service.js';

/**
 * A department's 2025 食品经营 spot check drawn over every inspectee it names (enterprises of
 * risk grade C in the demo region): the checklist item, the inspectees, the plan and task, the
 * draw; answers the drawn targets. The department's inspectors must already be registered.
 */
export async function drawFoodCheck(
  ctx: Ctx,
  orgId: string,
  o: { inspectees: string[]; usccFrom: number; industry: string; plan: string; task: string },
): Promise<Target[]> {
  const item = await createChecklistItem(ctx, {
    orgId,
    matter: '食品经营许可情况的检查',
    legalBasis: '《食品安全法》第一百一十条',
    method: '现场检查',
    defaultRatioPercent: 5,
  });
  for (const [i, name] of o.inspectees.entries())
    await createInspectee(ctx, {
      orgId,
      kind: 'enterprise',
      name,
      uscc: generateUscc(o.usccFrom + i, { regionCode: '532502' }),
      industry: o.industry,
      locationCode: '532502001',
      riskGrade: 'C',
    });
  const plan = await createPlan(ctx, { year: 2025, name: o.plan, kind: 'department', leadOrgId: orgId });
  const task = await createTask(ctx, {
    planId: plan.id,
    name: o.task,
    checklistItemIds: [item.id],
    allIndustries: true,
    mode: 'count',
    count: o.inspectees.length,
    startOn: '2025-04-01',
    endOn: '2025-06-30',
  });
  const drawn = await drawTask(ctx, task.id);
  return (await listTargets(ctx, { drawId: drawn.id })).items;
}
