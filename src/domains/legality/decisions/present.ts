import type { TimelineEntry } from '../action-log.js';
import { reviewPassed } from '../review/rules.js';
import type { Conclusion } from '../review/schema.js';
import { conclusionLabels } from '../review/labels.js';
import { archiveChecklist, type DecisionProjection, missingProcedures } from './rules.js';
import {
  allowedDecisionActions,
  type CatalogueStatus,
  type DecisionAction,
  type DecisionCategory,
  type DecisionStatus,
  type RiskLevel,
  type WaivableProcedure,
} from './schema.js';
import {
  catalogueStatusLabels,
  decisionActionLabels,
  decisionCategoryLabels,
  decisionStatusLabels,
  procedureLabels,
  riskLevelLabels,
} from './labels.js';
import type { CatalogueRow, DecisionRow } from './store.js';

export interface DecisionSummary {
  id: string;
  orgId: string;
  orgName: string;
  catalogueId: string;
  year: number;
  title: string;
  category: DecisionCategory;
  categoryLabel: string;
  undertakingOrg: string;
  listedOn: string;
  status: DecisionStatus;
  statusLabel: string;
  /** 执行中 / 已归档 / 已后评估, after publication */
  stageNote: string;
  commentFrom: string | null;
  commentTo: string | null;
  expertOn: string | null;
  riskOn: string | null;
  riskLevelLabel: string | null;
  reviewConclusionLabel: string | null;
  decidedOn: string | null;
  publishedOn: string | null;
  archivedOn: string | null;
  version: number;
}

export function presentDecision(d: DecisionRow): DecisionSummary {
  const status = d.status as DecisionStatus;
  const notes = [
    d.executing_from ? '执行中' : '',
    d.archived_on ? '已归档' : '',
    d.evaluation_count > 0 ? '已后评估' : '',
  ].filter(Boolean);
  return {
    id: d.id,
    orgId: d.org_id,
    orgName: d.org_name,
    catalogueId: d.catalogue_id,
    year: d.year,
    title: d.title,
    category: d.category as DecisionCategory,
    categoryLabel: decisionCategoryLabels[d.category as DecisionCategory],
    undertakingOrg: d.undertaking_org,
    listedOn: d.listed_on,
    status,
    statusLabel: decisionStatusLabels[status],
    stageNote: notes.join('、'),
    commentFrom: d.comment_from,
    commentTo: d.comment_to,
    expertOn: d.expert_on,
    riskOn: d.risk_on,
    riskLevelLabel: d.risk_level ? riskLevelLabels[d.risk_level as RiskLevel] : null,
    reviewConclusionLabel: d.review_conclusion ? conclusionLabels[d.review_conclusion as Conclusion] : null,
    decidedOn: d.decided_on,
    publishedOn: d.published_on,
    archivedOn: d.archived_on,
    version: d.version,
  };
}

export interface DecisionDetail extends DecisionSummary {
  /** the five procedures and the steps after them, each done or what is missing */
  procedures: { step: string; done: boolean; note: string }[];
  missing: string[];
  archiveChecklist: string[];
  reviewId: string | null;
  timeline: TimelineEntry[];
  allowedActions: { action: DecisionAction; label: string }[];
}

export function presentDecisionDetail(
  d: DecisionRow,
  p: DecisionProjection,
  log: { action: DecisionAction; date: string; data: Record<string, unknown>; actorName: string }[],
): DecisionDetail {
  const waived = (k: WaivableProcedure) => (p.waived[k] !== undefined ? `不适用:${p.waived[k]}` : '未履行');
  const discussion = [...log].reverse().find((e) => e.action === 'discuss');
  const dissent = Array.isArray(discussion?.data.dissent) ? (discussion.data.dissent as string[]) : [];
  const procedures = [
    {
      step: procedureLabels.publicComment,
      done: p.commentTo !== null || p.waived.publicComment !== undefined,
      note: p.commentTo
        ? `${p.commentFrom} 至 ${p.commentTo},收到意见 ${p.commentCount} 条${p.hearingOn ? `;${p.hearingOn} 举行听证` : ''}`
        : waived('publicComment'),
    },
    {
      step: procedureLabels.expertReview,
      done: p.expertOn !== null || p.waived.expertReview !== undefined,
      note: p.expertOn ? `${p.expertOn} 论证` : waived('expertReview'),
    },
    {
      step: procedureLabels.riskAssessment,
      done: p.riskOn !== null || p.waived.riskAssessment !== undefined,
      note: p.riskOn
        ? `${p.riskOn} 评估,${p.riskLevel ? riskLevelLabels[p.riskLevel] : ''}`
        : waived('riskAssessment'),
    },
    {
      step: procedureLabels.legalityReview,
      done: reviewPassed(d.review_conclusion),
      note: d.review_conclusion
        ? `${conclusionLabels[d.review_conclusion as Conclusion]}(${d.review_concluded_on})`
        : d.review_id
          ? '审查中'
          : '未报送',
    },
    {
      step: procedureLabels.discussion,
      done: p.decidedOn !== null,
      note: p.discussedOn
        ? `${p.discussedOn} ${p.meeting}${dissent.length ? `;不同意见:${dissent.join('、')}` : ''}`
        : '未讨论',
    },
    { step: '公布', done: p.publishedOn !== null, note: p.publishedOn ?? '未公布' },
    { step: '归档', done: p.archivedOn !== null, note: p.archivedOn ?? '未归档' },
    {
      step: '执行',
      done: p.executingFrom !== null,
      note: p.executingFrom ? `${p.executingFrom} 起` : '未执行',
    },
    {
      step: '后评估',
      done: p.evaluationCount > 0,
      note: p.evaluatedOn ? `${p.evaluationCount} 次,最近 ${p.evaluatedOn}` : '未评估',
    },
  ];
  const status = d.status as DecisionStatus;
  return {
    ...presentDecision(d),
    procedures,
    missing:
      status === 'preparing'
        ? [...missingProcedures(p), ...(reviewPassed(d.review_conclusion) ? [] : ['合法性审查'])]
        : [],
    archiveChecklist: archiveChecklist(p),
    reviewId: d.review_id,
    timeline: log.map((e) => ({
      action: e.action,
      actionLabel: decisionActionLabels[e.action] ?? e.action,
      date: e.date,
      actorName: e.actorName,
      data: e.data,
    })),
    allowedActions: (allowedDecisionActions[status] as readonly DecisionAction[])
      .filter((a) => !(a === 'archive' && p.archivedOn) && !(a === 'execute' && p.executingFrom))
      .map((a) => ({ action: a, label: decisionActionLabels[a] })),
  };
}

export function presentCatalogue(c: CatalogueRow & { item_count?: string | number | null }) {
  const status = c.status as CatalogueStatus;
  return {
    id: c.id,
    orgId: c.org_id,
    orgName: c.org_name,
    year: c.year,
    status,
    statusLabel: catalogueStatusLabels[status],
    agreedOn: c.agreed_on,
    agreedBy: c.agreed_by,
    publishedOn: c.published_on,
    channel: c.channel,
    adjustmentCount: c.adjustment_count,
    itemCount: c.item_count === undefined || c.item_count === null ? null : Number(c.item_count),
    version: c.version,
  };
}
export type CatalogueSummary = ReturnType<typeof presentCatalogue>;
