import type { Ctx } from '../../platform/context.js';
import { invalid } from '../../platform/errors.js';
import { type CaseDraft, type CaseWriter, prepareCases } from '../enforcement/cases/service.js';
import { type InspectionResult, inspectionResults } from './rules.js';
import './tables.js';

/** One recorded result that may open a case. */
export interface ResultRow {
  targetId: string;
  result: InspectionResult;
  note?: string | undefined;
  inspectedOn: string;
}

/** The cases a batch of results opens: which target gets which new case, and the writer. */
export interface ProblemCases {
  targetIds: string[];
  write: CaseWriter | null;
}

const RULE =
  '《中华人民共和国行政处罚法》第四十二条:行政处罚应当由具有行政执法资格的执法人员实施,执法人员不得少于两人';

/**
 * 双随机 results in a 发现问题 category open a 立案 in the inspecting org, handled by the inspectors
 * the draw assigned (through their 行政执法人员 records). Targets that already have a case keep it.
 * Checked by the enforcement rules now; written by the caller inside its own transaction.
 */
export async function prepareProblemCases(
  ctx: Ctx,
  taskOrgId: string,
  rows: readonly ResultRow[],
): Promise<ProblemCases> {
  const problems = rows.filter((r) => inspectionResults[r.result].problem);
  if (problems.length === 0) return { targetIds: [], write: null };
  const targets = new Map(
    (
      await ctx.db
        .selectFrom('inspection_target as g')
        .innerJoin('inspection_inspectee as e', 'e.id', 'g.inspectee_id')
        .innerJoin('inspection_task as t', 't.id', 'g.task_id')
        .select(['g.id', 'g.inspector_ids', 'g.case_id', 'e.name', 'e.kind', 'e.uscc', 't.name as task_name'])
        .where(
          'g.id',
          'in',
          problems.map((r) => r.targetId),
        )
        .execute()
    ).map((t) => [t.id, t]),
  );
  const inspectorIds = [...new Set([...targets.values()].flatMap((t) => t.inspector_ids))];
  const inspectors = new Map(
    inspectorIds.length === 0
      ? []
      : (
          await ctx.db
            .selectFrom('inspection_inspector as i')
            .leftJoin('enforcement_officer as o', 'o.id', 'i.officer_id')
            .leftJoin('enforcement_body as b', 'b.id', 'o.body_id')
            .select(['i.id', 'i.name', 'i.officer_id', 'o.body_id', 'b.org_id as body_org_id'])
            .where('i.id', 'in', inspectorIds)
            .execute()
        ).map((i) => [i.id, i]),
  );
  const drafts: CaseDraft[] = [];
  const targetIds: string[] = [];
  for (const r of problems) {
    const t = targets.get(r.targetId);
    if (!t || t.case_id) continue; // unknown ids are refused by the result write; a linked case stays
    const where = problems.length > 1 ? `第 ${rows.indexOf(r) + 1} 行:` : '';
    const team = t.inspector_ids.map((id) => inspectors.get(id));
    for (const [k, i] of team.entries()) {
      if (!i?.officer_id || !i.body_id)
        throw invalid(
          'inspection.inspectorNotOfficer',
          `${where}检查人员${i?.name ?? t.inspector_ids[k] ?? ''}未关联行政执法人员,发现问题不能立案(${RULE})`,
          'result',
        );
    }
    const own = team.find((i) => i?.body_org_id === taskOrgId) ?? team[0];
    if (!own?.body_id)
      throw invalid('inspection.noBody', `${where}抽查机关没有执法主体,发现问题不能立案`, 'result');
    drafts.push({
      kind: 'open',
      input: {
        bodyId: own.body_id,
        partyKind: t.kind === 'enterprise' ? 'organisation' : 'person',
        partyName: t.name,
        ...(t.uscc ? { partyUscc: t.uscc } : {}),
        facts: `“双随机、一公开”抽查(${t.task_name})发现问题:${inspectionResults[r.result].label}${r.note ? `。${r.note}` : ''}`,
        handlerIds: team.map((i) => i?.officer_id ?? ''),
        openedOn: r.inspectedOn,
      },
    });
    targetIds.push(r.targetId);
  }
  if (drafts.length === 0) return { targetIds: [], write: null };
  return { targetIds, write: await prepareCases(ctx, drafts) };
}
