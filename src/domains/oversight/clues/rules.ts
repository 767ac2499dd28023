import type { PendingPublication, SupervisionFacts } from '../../enforcement/api.js';
import type { ClueAction, ClueRule, ClueStatus } from './schema.js';

/** What a rule finds: the case it is about and a sentence for the 线索 ledger. */
export interface RuleHit {
  rule: ClueRule;
  caseId: string;
  caseNo: string;
  orgId: string;
  regionCode: string;
  description: string;
}

const hit = (
  rule: ClueRule,
  f: { id: string; caseNo: string; orgId: string; regionCode: string },
  description: string,
): RuleHit => ({
  rule,
  caseId: f.id,
  caseNo: f.caseNo,
  orgId: f.orgId,
  regionCode: f.regionCode,
  description,
});

/** 行政处罚法 第六十条 (and the deadlines of each procedure): an agency's own time limit passed. */
export function overdueCase(f: SupervisionFacts, today: string): RuleHit | null {
  if (!f.nextDueOn || f.nextDueOn >= today) return null;
  return hit('overdueCase', f, `案件 ${f.caseNo} 已超过办理期限(应于 ${f.nextDueOn} 前完成)`);
}

/** 行政处罚法 第五十八条: a 重大执法决定 decided without 法制审核. */
export function unreviewedMajorDecision(f: SupervisionFacts): RuleHit | null {
  if (!f.isMajor || !f.decidedOn || f.reviewed) return null;
  return hit('unreviewedMajorDecision', f, `重大执法决定 ${f.caseNo} 未经法制审核即作出决定(${f.decidedOn})`);
}

/** 国办发〔2022〕27号: a fine outside the 裁量权基准 range — the stated reason is for supervision to weigh. */
export function fineOutsideDiscretion(f: SupervisionFacts): RuleHit | null {
  if (!f.discretionDeparted) return null;
  return hit('fineOutsideDiscretion', f, `案件 ${f.caseNo} 的罚款超出裁量权基准范围,需审查其说明的理由`);
}

/** 行政处罚法 第四十七条: a decided case with no 全过程记录 on file at all. */
export function missingRecords(f: SupervisionFacts): RuleHit | null {
  if (!f.decidedOn || f.recordCount > 0) return null;
  return hit('missingRecords', f, `案件 ${f.caseNo} 已作出决定,但没有任何执法全过程记录`);
}

/** 行政处罚法 第四十二条: enforcement by officers holding a valid 执法证 only. */
export function uncertifiedHandler(f: SupervisionFacts): RuleHit | null {
  if (f.uncertifiedHandlers.length === 0) return null;
  return hit(
    'uncertifiedHandler',
    f,
    `案件 ${f.caseNo} 的承办人员 ${f.uncertifiedHandlers.join('、')} 在立案之日没有有效的行政执法证`,
  );
}

/** 国办发〔2018〕118号: decisions published within 7 working days; a pending one past its due date. */
export function overduePublication(p: PendingPublication, today: string): RuleHit | null {
  if (p.dueOn >= today) return null;
  return hit(
    'overduePublication',
    { id: p.caseId, caseNo: p.caseNo, orgId: p.orgId, regionCode: p.regionCode },
    `案件 ${p.caseNo} 的执法决定未按期公示(应于 ${p.dueOn} 前公示)`,
  );
}

/** Every rule over one case's facts, in a fixed order. */
export function caseRuleHits(f: SupervisionFacts, today: string): RuleHit[] {
  return [
    overdueCase(f, today),
    unreviewedMajorDecision(f),
    fineOutsideDiscretion(f),
    missingRecords(f),
    uncertifiedHandler(f),
  ].filter((h): h is RuleHit => h !== null);
}

/** A clue is registered (new), assigned, answered by the org, then closed by the office. */
export const CLUE_ALLOWED = {
  new: ['assign', 'close'],
  assigned: ['answer', 'assign'],
  answered: ['close', 'assign'],
  closed: [],
} as const satisfies Record<ClueStatus, readonly ClueAction[]>;

export function deriveClueStatus(actions: readonly { action: string }[]): ClueStatus {
  let s: ClueStatus = 'new';
  for (const a of actions) {
    if (a.action === 'assign') s = 'assigned';
    else if (a.action === 'answer') s = 'answered';
    else if (a.action === 'close') s = 'closed';
  }
  return s;
}
