import { type Ctx, systemCtx } from '../../platform/context.js';
import { generateUscc } from '../../platform/ids/index.js';
import type { TestEngine } from '../../test/db.js';
import { seedOrgs } from '../org/seed.js';
import { drawTask } from './draw-service.js';
import { createPlan, createTask } from './plan-service.js';
import type { RiskGrade } from './draw-input.js';
import { createChecklistItem, createInspectee } from './registry-service.js';
import { listTargets, type Target } from './result-service.js';

/** The demo region's USCC number `n`, as the inspection tests' orgs and inspectees carry them. */
export const regionUscc = (n: number) => generateUscc(n, { regionCode: '532502' });

/**
 * A fresh database of `engine` holding the demo org tree, and the system's context over it at
 * `now`: what the inspection service tests start from.
 */
export async function openWithOrgs(engine: TestEngine, now: Date) {
  const h = await engine.open();
  const ctx = systemCtx(h.db, () => now);
  const orgs = await seedOrgs(ctx, 'Passw0rd1', regionUscc);
  return { h, ctx, orgs };
}

/** A 食品经营 checklist item of an org, as its service and its route take it. */
export const foodChecklistItem = (orgId: string | undefined, matter = '食品经营许可情况的检查') => ({
  orgId,
  matter,
  legalBasis: '《食品安全法》第一百一十条',
  method: '现场检查',
  defaultRatioPercent: 5,
});

/** `count` 餐饮服务 enterprises of the demo region as the batch import takes them, USCCs from `usccFrom`. */
export function restaurantRows(count: number, usccFrom: number, grade: (i: number) => RiskGrade) {
  return Array.from({ length: count }, (_, i) => ({
    kind: 'enterprise',
    name: `企业${i}`,
    uscc: regionUscc(usccFrom + i),
    industry: '餐饮服务',
    locationCode: '532502001',
    riskGrade: grade(i),
  }));
}

/**
 * `count` inspectors of an org as its service and its route take them: `${name}0`, `${name}1`…
 * holding certificates `${certificate}0`, `${certificate}1`… valid until `validUntil`.
 */
export function inspectorInputs(
  orgId: string | undefined,
  count: number,
  o: { name: string; certificate: string; validUntil: string; fields?: string[] },
) {
  return Array.from({ length: count }, (_, i) => ({
    orgId,
    name: `${o.name}${i}`,
    certificateNumber: `${o.certificate}${i}`,
    certificateValidUntil: o.validUntil,
    ...(o.fields ? { fields: o.fields } : {}),
  }));
}

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
  const item = await createChecklistItem(ctx, foodChecklistItem(orgId));
  for (const [i, name] of o.inspectees.entries())
    await createInspectee(ctx, {
      orgId,
      kind: 'enterprise',
      name,
      uscc: regionUscc(o.usccFrom + i),
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
