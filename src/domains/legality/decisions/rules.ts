import { daysBetween, type LocalDate } from '../../../platform/calendar/index.js';
import { conflict, invalid } from '../../../platform/errors.js';
import { type ActTable, checkAct } from '../../../platform/service/act-table.js';
import {
  allowedCatalogueActions,
  allowedDecisionActions,
  type Attendee,
  type CatalogueAction,
  type CatalogueStatus,
  type DecisionAction,
  type DecisionStatus,
  type DiscussionResult,
  type Opinion,
  type RiskLevel,
  type WaivableProcedure,
} from './schema.js';
import {
  catalogueActionLabels,
  catalogueStatusLabels,
  decisionActionLabels,
  decisionStatusLabels,
  procedureLabels,
} from './labels.js';

const catalogueActionTable: ActTable<CatalogueStatus, CatalogueAction> = {
  code: 'legality.catalogue.actionNotAllowed',
  noun: '目录',
  allowed: allowedCatalogueActions,
  statusLabels: catalogueStatusLabels,
  actionLabels: catalogueActionLabels,
  plainWords: true,
};

export function checkCatalogueAction(status: CatalogueStatus, action: CatalogueAction): void {
  checkAct(catalogueActionTable, status, action, {
    message:
      action === 'publish'
        ? '决策事项目录经同级党委同意后方可向社会公布(重大行政决策程序暂行条例 第三条)'
        : undefined,
  });
}

/** 第三条第三款: once published, a catalogue changes only by adjustment, with the reason stated. */
export function checkAdjustment(catalogueStatus: CatalogueStatus, reason: string | undefined): boolean {
  if (catalogueStatus !== 'published') return false;
  if (!reason || reason.trim().length < 2)
    throw invalid(
      'legality.catalogue.adjustReason',
      '决策事项目录已公布,调整目录须说明理由(重大行政决策程序暂行条例 第三条)',
      'reason',
    );
  return true;
}

const decisionActionTable: ActTable<DecisionStatus, DecisionAction> = {
  code: 'legality.decision.actionNotAllowed',
  noun: '决策',
  allowed: allowedDecisionActions,
  statusLabels: decisionStatusLabels,
  actionLabels: decisionActionLabels,
  plainWords: true,
};

export function checkDecisionAction(status: DecisionStatus, action: DecisionAction): void {
  checkAct(decisionActionTable, status, action);
}

export interface DecisionLogEntry {
  action: DecisionAction;
  date: LocalDate;
  data: Record<string, unknown>;
}

export interface DecisionProjection {
  status: DecisionStatus;
  commentFrom: LocalDate | null;
  commentTo: LocalDate | null;
  commentCount: number;
  hearingOn: LocalDate | null;
  expertOn: LocalDate | null;
  riskOn: LocalDate | null;
  riskLevel: RiskLevel | null;
  waived: Partial<Record<WaivableProcedure, string>>;
  reviewIds: string[];
  discussedOn: LocalDate | null;
  meeting: string;
  result: DiscussionResult | null;
  decidedOn: LocalDate | null;
  publishedOn: LocalDate | null;
  archivedOn: LocalDate | null;
  executingFrom: LocalDate | null;
  evaluatedOn: LocalDate | null;
  evaluationCount: number;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Where a decision stands, read from its action log alone (nothing stores a status by hand). */
export function projectDecision(log: readonly DecisionLogEntry[]): DecisionProjection {
  const p: DecisionProjection = {
    status: 'preparing',
    commentFrom: null,
    commentTo: null,
    commentCount: 0,
    hearingOn: null,
    expertOn: null,
    riskOn: null,
    riskLevel: null,
    waived: {},
    reviewIds: [],
    discussedOn: null,
    meeting: '',
    result: null,
    decidedOn: null,
    publishedOn: null,
    archivedOn: null,
    executingFrom: null,
    evaluatedOn: null,
    evaluationCount: 0,
  };
  for (const e of log) {
    const d = e.data;
    switch (e.action) {
      case 'list':
        p.status = 'preparing';
        break;
      case 'publicComment':
        p.commentFrom = str(d.commentFrom) || e.date;
        p.commentTo = str(d.commentTo) || e.date;
        p.commentCount = typeof d.commentCount === 'number' ? d.commentCount : 0;
        delete p.waived.publicComment;
        break;
      case 'hearing':
        p.hearingOn = e.date;
        break;
      case 'expertReview':
        p.expertOn = e.date;
        delete p.waived.expertReview;
        break;
      case 'riskAssessment':
        p.riskOn = e.date;
        p.riskLevel = (str(d.riskLevel) || null) as RiskLevel | null;
        delete p.waived.riskAssessment;
        break;
      case 'waive':
        p.waived[d.procedure as WaivableProcedure] = str(d.reason);
        break;
      case 'submitReview':
        p.reviewIds.push(str(d.reviewId));
        break;
      case 'discuss': {
        p.discussedOn = e.date;
        p.meeting = str(d.meeting);
        p.result = d.result as DiscussionResult;
        if (p.result === 'approved') {
          p.status = 'decided';
          p.decidedOn = e.date;
        } else if (p.result === 'rejected') p.status = 'rejected';
        break;
      }
      case 'publish':
        p.status = 'published';
        p.publishedOn = e.date;
        break;
      case 'archive':
        p.archivedOn = e.date;
        break;
      case 'execute':
        p.executingFrom = e.date;
        break;
      case 'evaluate':
        p.evaluatedOn = e.date;
        p.evaluationCount += 1;
        break;
      case 'withdraw':
        p.status = 'withdrawn';
        break;
    }
  }
  return p;
}

/** 第十五条: 征求意见期限一般不少于30日;因情况紧急等原因需要缩短期限的,公开征求意见时应当予以说明. */
export const DECISION_COMMENT_MIN_DAYS = 30;
export function checkDecisionComment(from: LocalDate, to: LocalDate, reason: string | undefined): number {
  if (to < from) throw invalid('legality.decision.commentDates', '征求意见截止日不能早于开始日', 'commentTo');
  const days = daysBetween(from, to) + 1;
  if (days < DECISION_COMMENT_MIN_DAYS && (!reason || reason.trim().length < 2))
    throw invalid(
      'legality.decision.commentTooShort',
      `公开征求意见期限一般不少于 ${DECISION_COMMENT_MIN_DAYS} 日(重大行政决策程序暂行条例 第十五条),本次仅 ${days} 日;缩短期限须说明理由`,
      'reason',
    );
  return days;
}

/** 第十九条、第二十条: 专家论证 names the experts consulted. */
export function checkExperts(experts: readonly string[] | undefined): void {
  if (!experts || experts.length === 0)
    throw invalid(
      'legality.decision.expertsRequired',
      '请填写参加论证的专家(重大行政决策程序暂行条例 第十九条、第二十条)',
      'experts',
    );
}

/**
 * 第二十四条: 风险评估结果应当作为决策的重要依据;认为风险不可控的,在采取调整决策草案等措施确保风险
 * 可控后,可以作出决策 — a high risk is recorded with the measures that control it.
 */
export function checkRisk(level: RiskLevel | undefined, mitigation: string | undefined): void {
  if (!level) throw invalid('legality.decision.riskLevelRequired', '请选择风险等级', 'riskLevel');
  if (level === 'high' && (!mitigation || mitigation.trim().length < 2))
    throw invalid(
      'legality.decision.mitigationRequired',
      '评估为高风险的,须说明确保风险可控的措施后方可作出决策(重大行政决策程序暂行条例 第二十四条)',
      'mitigation',
    );
}

/**
 * 第十四条 (涉及社会公众切身利益), 第十九条 (专业性、技术性较强), 第二十二条 (可能对社会稳定等造成不利
 * 影响): a procedure whose condition does not apply is marked so, with the reason.
 */
export function checkWaiver(procedure: WaivableProcedure | undefined, reason: string | undefined): void {
  if (!procedure) throw invalid('legality.decision.procedureRequired', '请选择不适用的程序', 'procedure');
  if (!reason || reason.trim().length < 2)
    throw invalid(
      'legality.decision.waiveReason',
      `未履行${procedureLabels[procedure]}程序的,须说明不适用的理由(重大行政决策程序暂行条例 第十四条、第十九条、第二十二条)`,
      'reason',
    );
}

/**
 * 第二十六条: 未经合法性审查或者经审查不合法的,不得提交决策机关讨论; 第二十九条: the materials for
 * discussion include the results of public participation, expert review and risk assessment, so
 * each of them is done or marked not applicable first.
 */
export function checkReadyForDiscussion(p: DecisionProjection, reviewPassed: boolean): void {
  if (!reviewPassed)
    throw conflict(
      'legality.decision.reviewRequired',
      '未经合法性审查或者经审查不合法的决策草案,不得提交集体讨论(重大行政决策程序暂行条例 第二十六条)',
      { field: 'action' },
    );
  const missing = missingProcedures(p);
  if (missing.length > 0)
    throw conflict(
      'legality.decision.proceduresMissing',
      `尚未履行或说明不适用的程序:${missing.join('、')}(重大行政决策程序暂行条例 第二十九条)`,
      { field: 'action' },
    );
}

/** The procedures before discussion that are neither done nor marked not applicable. */
export function missingProcedures(p: DecisionProjection): string[] {
  const out: string[] = [];
  if (!p.commentTo && p.waived.publicComment === undefined) out.push(procedureLabels.publicComment);
  if (!p.expertOn && p.waived.expertReview === undefined) out.push(procedureLabels.expertReview);
  if (!p.riskOn && p.waived.riskAssessment === undefined) out.push(procedureLabels.riskAssessment);
  return out;
}

export interface DiscussionRecord {
  dissent: string[];
  majority: 'agree' | 'disagree' | 'tie';
  present: number;
}

/**
 * 第三十条: 集体讨论 at a 常务会议 or 全体会议; 行政首长在集体讨论的基础上作出决定 — the head is present
 * and speaks last; a decision against the majority states its reason; dissent is recorded.
 */
export function checkDiscussion(
  attendance: readonly Attendee[] | undefined,
  opinions: readonly Opinion[] | undefined,
  result: DiscussionResult | undefined,
  reason: string | undefined,
): DiscussionRecord {
  if (!attendance || attendance.length === 0)
    throw invalid('legality.decision.attendanceRequired', '请填写出席和缺席人员', 'attendance');
  const head = attendance.find((a) => a.role === 'head' && a.present);
  if (!head)
    throw invalid(
      'legality.decision.headAbsent',
      '集体讨论应由行政首长主持并作出决定,出席人员中须有行政首长(重大行政决策程序暂行条例 第三十条)',
      'attendance',
    );
  if (!opinions || opinions.length === 0)
    throw invalid('legality.decision.opinionsRequired', '请逐一记录与会人员的意见', 'opinions');
  const present = new Set(attendance.filter((a) => a.present).map((a) => a.name));
  const stranger = opinions.find((o) => !present.has(o.speaker));
  if (stranger)
    throw invalid('legality.decision.speakerAbsent', `发言人“${stranger.speaker}”不在出席人员中`, 'opinions');
  if (opinions.at(-1)?.speaker !== head.name)
    throw invalid(
      'legality.decision.headLast',
      '行政首长应当最后发表意见(重大行政决策程序暂行条例 第三十条)',
      'opinions',
    );
  if (!result) throw invalid('legality.decision.resultRequired', '请选择讨论结果', 'result');
  const members = opinions.filter((o) => o.speaker !== head.name);
  const agree = members.filter((o) => o.stance === 'agree').length;
  const disagree = members.filter((o) => o.stance === 'disagree').length;
  const majority = agree > disagree ? 'agree' : disagree > agree ? 'disagree' : 'tie';
  const departs =
    (result === 'approved' && majority === 'disagree') || (result === 'rejected' && majority === 'agree');
  if (departs && (!reason || reason.trim().length < 2))
    throw invalid(
      'legality.decision.departureReason',
      '行政首长拟作出的决定与会议组成人员多数人的意见不一致的,应当在会上说明理由(重大行政决策程序暂行条例 第三十条)',
      'reason',
    );
  return {
    dissent: opinions.filter((o) => o.stance === 'disagree').map((o) => o.speaker),
    majority,
    present: present.size,
  };
}

/** 第三十二条: published through the gazette or website, with how public opinions were adopted. */
export function checkDecisionPublication(
  p: DecisionProjection,
  channel: string | undefined,
  adoptionNote: string | undefined,
): void {
  if (!channel || channel.trim().length < 2)
    throw invalid('legality.decision.channelRequired', '请填写公布渠道(政府公报、政府网站等)', 'channel');
  if (p.commentTo && (!adoptionNote || adoptionNote.trim().length < 2))
    throw invalid(
      'legality.decision.adoptionNoteRequired',
      '公布决策时应当对社会公众普遍关心或者专业性、技术性较强的问题作出解释,说明公众意见采纳情况(重大行政决策程序暂行条例 第三十二条)',
      'adoptionNote',
    );
}

/** 第三十三条: the materials of every procedure the decision ran, filed in one archive. */
export function archiveChecklist(p: DecisionProjection): string[] {
  return [
    '决策草案及起草说明',
    ...(p.commentTo ? ['公众意见及采纳情况'] : []),
    ...(p.hearingOn ? ['听证笔录'] : []),
    ...(p.expertOn ? ['专家论证意见'] : []),
    ...(p.riskOn ? ['风险评估报告'] : []),
    ...(Object.keys(p.waived).length > 0 ? ['程序不适用说明'] : []),
    '合法性审查意见',
    '集体讨论记录',
    ...(p.publishedOn ? ['决策文件及公布材料'] : []),
  ];
}

/** The archive is refused while any item of the checklist is missing (第三十三条). */
export function checkArchive(p: DecisionProjection, provided: readonly string[] | undefined): void {
  const have = new Set(provided ?? []);
  const missing = archiveChecklist(p).filter((m) => !have.has(m));
  if (missing.length > 0)
    throw invalid(
      'legality.decision.archiveIncomplete',
      `归档材料不齐全,缺少:${missing.join('、')}(重大行政决策程序暂行条例 第三十三条)`,
      'archived',
    );
}

/** 第三十五条、第三十六条: 后评估 follows execution, for a stated trigger. */
export function checkEvaluation(p: DecisionProjection, trigger: string | undefined): void {
  if (!p.executingFrom)
    throw conflict('legality.decision.notExecuting', '决策尚未组织执行,不能开展后评估', { field: 'action' });
  if (!trigger)
    throw invalid(
      'legality.decision.triggerRequired',
      '请选择开展后评估的情形(重大行政决策程序暂行条例 第三十六条)',
      'trigger',
    );
}
