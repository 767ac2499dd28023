import type { Ctx } from '../../../platform/context.js';
import { openCase } from '../cases/service.js';
import { createReferral } from '../referrals/service.js';

/** The market team's body and the two certified officers who handle the case and report it. */
export interface ReferringTeam {
  bodyId: string;
  handlerIds: string[];
}

/**
 * A case of 销售伪劣产品 the team opens on `openedOn` and reports on `reportedOn` for transfer to
 * the police as 生产、销售伪劣产品罪 (the 专案组's written report, with one piece of evidence).
 */
export async function reportFakeGoods(
  ctx: Ctx,
  team: ReferringTeam,
  r: { partyName: string; openedOn: string; reportedOn: string; evidence: string },
) {
  const c = await openCase(ctx, {
    bodyId: team.bodyId,
    partyKind: 'organisation',
    partyName: r.partyName,
    facts: '销售伪劣产品',
    handlerIds: team.handlerIds,
    openedOn: r.openedOn,
  });
  return createReferral(ctx, {
    caseId: c.id,
    teamIds: team.handlerIds,
    suspectedCrime: '生产、销售伪劣产品罪',
    facts: '销售伪劣产品,货值金额逾 5 万元,涉嫌犯罪',
    evidence: [{ name: r.evidence }],
    reportedOn: r.reportedOn,
  });
}
