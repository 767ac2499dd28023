/**
 * What other domains may call of the disputes domain (行政复议 · 行政应诉 · 检察建议/司法建议).
 * The information-disclosure work builds its 政府信息公开工作年度报告 from `annualDisclosureTable`.
 */
import { makeDate } from '../../platform/calendar/index.js';
import type { Ctx } from '../../platform/context.js';
import { getOrg } from '../org/org-service.js';
import { loadOrgNodes } from '../org/org-store.js';
import { authorize } from '../org/policy.js';
import type { DisclosureCases } from './disclosure-cases.js';
import { LOST_OUTCOMES } from './litigation/rules.js';
import type { LawsuitOutcome } from './litigation/schema.js';
import { suitOutcomesFiledIn } from './litigation/store.js';
import { CORRECTING_OUTCOMES } from './reconsideration/rules.js';
import type { ActKind, Outcome } from './reconsideration/schema.js';
import { reconOutcomesReceivedIn } from './reconsideration/store.js';

export { getLawsuit, searchLawsuits } from './litigation/service.js';
export { getReconsideration, searchReconsiderations } from './reconsideration/service.js';
export { getSuggestion, searchSuggestions } from './suggestions/service.js';

/** The five columns of each block of the table, in the order the 格式 prints them. */
export const DISCLOSURE_COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;
export type DisclosureColumn = (typeof DISCLOSURE_COLUMNS)[number];

export interface DisclosureCell {
  label: DisclosureColumn;
  value: number;
}

/**
 * 国务院办公厅政府信息与政务公开办公室《关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》
 * (国办公开办函〔2021〕30号) part 四 “因政府信息公开工作被申请行政复议、提起行政诉讼情况”: three
 * blocks of five columns — 行政复议; 行政诉讼 未经复议直接起诉; 行政诉讼 复议后起诉.
 */
export interface DisclosureTable {
  orgId: string;
  orgName: string;
  year: number;
  /** whose cases: only 政府信息公开 acts (the 格式's part 四), or every act */
  acts: 'infoDisclosure' | 'all';
  reconsideration: DisclosureCell[];
  litigationDirect: DisclosureCell[];
  litigationAfterReconsideration: DisclosureCell[];
}

type Bucket = Exclude<DisclosureColumn, '总计'>;

/** 复议: 维持 (and 驳回复议请求, which leaves the act standing); 纠正 = the correcting outcomes (第六十三条至第六十七条). */
export function reconBucket(
  c: { outcome: string | null; closed_on: string | null },
  yearEnd: string,
): Bucket {
  if (!c.closed_on || c.closed_on > yearEnd) return '尚未审结';
  if (c.outcome === 'uphold' || c.outcome === 'dismissRequest') return '结果维持';
  if (c.outcome && CORRECTING_OUTCOMES.includes(c.outcome as Outcome)) return '结果纠正';
  return '其他结果';
}

/** 诉讼: 判决驳回诉讼请求 keeps the act (维持); a 败诉 judgment corrects it; 裁定驳回起诉, 撤诉, 调解 are 其他. */
export function suitBucket(
  s: { outcome: string | null; concluded_on: string | null },
  yearEnd: string,
): Bucket {
  if (!s.outcome || !s.concluded_on || s.concluded_on > yearEnd) return '尚未审结';
  if (s.outcome === 'dismissClaim') return '结果维持';
  if (LOST_OUTCOMES.includes(s.outcome as LawsuitOutcome)) return '结果纠正';
  return '其他结果';
}

function cells(buckets: readonly Bucket[]): DisclosureCell[] {
  const count = (b: Bucket) => buckets.filter((x) => x === b).length;
  return DISCLOSURE_COLUMNS.map((label) => ({
    label,
    value: label === '总计' ? buckets.length : count(label),
  }));
}

/**
 * The table for an org (its subtree rolled up) and a year: cases received (复议) or filed (first
 * instance) in the year, each in the column of its result at 31 December — an appeal's result
 * when the first instance was appealed.
 */
export async function annualDisclosureTable(
  ctx: Ctx,
  input: { orgId: string; year: number; acts?: 'infoDisclosure' | 'all' },
): Promise<DisclosureTable> {
  authorize(ctx.actor, 'disputes:reconsideration:list');
  authorize(ctx.actor, 'disputes:litigation:list');
  const org = await getOrg(ctx, input.orgId);
  const nodes = await loadOrgNodes(ctx.db);
  const orgIds = nodes.filter((n) => n.path.startsWith(org.path)).map((n) => n.id);
  const from = makeDate(input.year, 1, 1);
  const to = makeDate(input.year, 12, 31);
  const acts = input.acts ?? 'infoDisclosure';
  const actKinds: readonly ActKind[] | null = acts === 'infoDisclosure' ? ['infoDisclosure'] : null;
  const cases: DisclosureCases = { orgIds, from, to, actKinds };
  const [recons, suits] = await Promise.all([
    reconOutcomesReceivedIn(ctx.db, ctx.scope, cases),
    suitOutcomesFiledIn(ctx.db, ctx.scope, cases),
  ]);
  return {
    orgId: org.id,
    orgName: org.name,
    year: input.year,
    acts,
    reconsideration: cells(recons.map((c) => reconBucket(c, to))),
    litigationDirect: cells(suits.filter((s) => !s.reconsideration_id).map((s) => suitBucket(s, to))),
    litigationAfterReconsideration: cells(
      suits.filter((s) => s.reconsideration_id).map((s) => suitBucket(s, to)),
    ),
  };
}
