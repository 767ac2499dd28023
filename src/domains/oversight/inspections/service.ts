import { withOrg } from '../../org/org-store.js';
import { sql } from 'kysely';
import { chinaDate, type Ctx } from '../../../platform/context.js';
import { insertAudited, insertOwned, newId, writeTx, ownedBy } from '../../../platform/db/tx.js';
import { invalid, notFound } from '../../../platform/errors.js';
import { inScope } from '../../../platform/scope.js';
import { authorize } from '../../org/policy.js';
import { issuerOrg, orgInScope } from '../org-access.js';
import { raiseFindings } from '../rectification/service.js';
import { CreateInspectionPlanInput, RecordVisitInput } from './schema.js';

/** 督察计划 (厅字〔2019〕28号 第十九条: 督察应当制定工作方案, 明确督察对象、内容和时间). */
export async function createInspectionPlan(ctx: Ctx, raw: unknown) {
  authorize(ctx.actor, 'oversight:inspection:edit');
  const input = CreateInspectionPlanInput.parse(raw);
  if (input.periodTo < input.periodFrom)
    throw invalid('oversight.periodOrder', '督察结束日期不能早于开始日期', 'periodTo');
  const issuer = await issuerOrg(ctx, input.issuerOrgId);
  const subjects = [...new Set(input.subjectOrgIds)];
  for (const [i, id] of subjects.entries()) {
    try {
      await orgInScope(ctx, id);
    } catch {
      throw invalid('oversight.badSubject', '被督察单位不存在或不在您的权限范围内', `subjectOrgIds.${i}`);
    }
  }
  const id = newId();
  await insertAudited(ctx, 'oversight_inspection_plan', 'oversight.inspection.plan', {
    ...ownedBy(id, issuer),
    year: input.year,
    title: input.title,
    topics: input.topics,
    subject_org_ids: subjects.sort(),
    period_from: input.periodFrom,
    period_to: input.periodTo,
  });
  return getInspectionPlan(ctx, id);
}

export async function getInspectionPlan(ctx: Ctx, id: string) {
  const plan = await withOrg(ctx.db, 'oversight_inspection_plan', 'p')
    .select([
      'p.id',
      'p.org_id',
      'g.name as org_name',
      'p.region_code',
      'p.year',
      'p.title',
      'p.topics',
      'p.subject_org_ids',
      'p.period_from',
      'p.period_to',
    ])
    .where(inScope(ctx.scope, 'p'))
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!plan) throw notFound('oversight.planNotFound', '督察计划不存在或不在您的权限范围内');
  const visits = await withOrg(ctx.db, 'oversight_inspection_visit', 'v')
    .select(['v.id', 'v.org_id', 'g.name as org_name', 'v.visited_on', 'v.inspectors', 'v.summary'])
    .where('v.plan_id', '=', id)
    .orderBy('v.visited_on')
    .execute();
  return {
    id: plan.id,
    orgId: plan.org_id,
    orgName: plan.org_name,
    year: plan.year,
    title: plan.title,
    topics: plan.topics,
    subjectOrgIds: plan.subject_org_ids,
    periodFrom: plan.period_from,
    periodTo: plan.period_to,
    visits: visits.map((v) => ({
      id: v.id,
      orgId: v.org_id,
      orgName: v.org_name,
      visitedOn: v.visited_on,
      inspectors: v.inspectors,
      summary: v.summary,
    })),
  };
}

export async function listInspectionPlans(ctx: Ctx, f: { year?: number | undefined }) {
  authorize(ctx.actor, 'oversight:rectification:list');
  let q = withOrg(ctx.db, 'oversight_inspection_plan', 'p')
    .select([
      'p.id',
      'p.year',
      'p.title',
      'p.topics',
      'p.period_from',
      'p.period_to',
      'g.name as org_name',
      sql<number>`cardinality(p.subject_org_ids)`.as('subject_count'),
    ])
    .where(inScope(ctx.scope, 'p'));
  if (f.year) q = q.where('p.year', '=', f.year);
  const rows = await q.orderBy('p.period_from', 'desc').execute();
  return rows.map((p) => ({
    id: p.id,
    year: p.year,
    title: p.title,
    topics: p.topics,
    periodFrom: p.period_from,
    periodTo: p.period_to,
    orgName: p.org_name,
    subjectCount: Number(p.subject_count),
  }));
}

/**
 * A 督察 visit to one subject org of the plan, with the problems found: each becomes an item of
 * the 整改 ledger owned by the visited org, in the same transaction.
 */
export async function recordInspectionVisit(ctx: Ctx, raw: unknown) {
  authorize(ctx.actor, 'oversight:inspection:edit');
  const input = RecordVisitInput.parse(raw);
  const plan = await getInspectionPlan(ctx, input.planId);
  if (!plan.subjectOrgIds.includes(input.orgId))
    throw invalid('oversight.notSubject', '该单位不是本督察计划的被督察单位', 'orgId');
  if (input.visitedOn < plan.periodFrom || input.visitedOn > plan.periodTo)
    throw invalid('oversight.visitOutsidePeriod', '督察日期不在计划的督察期间内', 'visitedOn');
  if (input.visitedOn > chinaDate(ctx.now()))
    throw invalid('oversight.futureDate', '督察日期不能晚于今天', 'visitedOn');
  const subject = await orgInScope(ctx, input.orgId);
  const id = newId();
  const rectificationIds = await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    await insertOwned(trx, audit, ctx.actor, 'oversight_inspection_visit', 'oversight.inspection.visit', {
      id,
      plan_id: plan.id,
      region_code: subject.region_code,
      org_id: subject.id,
      visited_on: input.visitedOn,
      inspectors: input.inspectors,
      summary: input.summary,
    });
    return raiseFindings(
      trx,
      ctx.actor,
      audit,
      input.findings,
      {
        regionCode: subject.region_code,
        orgId: subject.id,
        issuerOrgId: plan.orgId,
        source: 'inspection',
        sourceId: id,
        sourceLabel: `${plan.title}(${input.visitedOn})`,
        foundOn: input.visitedOn,
      },
      '督察日期',
    );
  });
  return { id, rectificationIds };
}
