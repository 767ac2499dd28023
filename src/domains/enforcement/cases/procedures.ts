import { invalid } from '../../../platform/errors.js';
import { type ActTable, checkAct, foldActs, isActAllowed } from '../../../platform/service/act-table.js';
import {
  type ActionRecord,
  type CaseAction,
  type CaseCategory,
  type CaseStatus,
  caseActionLabels,
  caseStatusLabels,
  type Procedure,
} from './schema.js';

/**
 * The procedures of every case category. Each is an action log whose status is the log folded
 * through two tables: the acts allowed in each status, and the status each act leads to (null keeps
 * the status: an extension, a record of examination). 变更 / 撤销 of a decision (处罚法 第四十八条)
 * are allowed on every decided case; 撤销 ends it.
 */

/**
 * The stages every procedure shares: the 法制审核 gate before a decision (提交, 通过, or 退回 to the
 * handler), and what follows a decision — 送达, 执行, 结案, with 变更 / 撤销 throughout.
 */
type ReviewStatus = 'reviewing' | 'reviewPassed';
type ReviewAction = 'submitReview' | 'passReview' | 'returnReview';
type ChangeAction = 'amendDecision' | 'revokeDecision';
type EndStatus = 'closed' | 'revoked';
/** Where a decision goes from 送达 on, in every procedure but a license's. */
type CarryOutStatus = 'decided' | 'served' | 'executed' | EndStatus;
type CarryOutAction = 'serve' | 'execute' | 'close' | 'terminate' | ChangeAction;

const CHANGE = ['amendDecision', 'revokeDecision'] as const;

/** 法制审核: passed, or returned (each procedure says to which status). */
const REVIEW = { reviewing: ['passReview', 'returnReview'] } as const;
/** A closed case accepts only 变更 / 撤销 of its decision; a revoked one nothing. */
const ENDED = { closed: [...CHANGE], revoked: [] } as const;
/** 送达, then 执行 or 结案 (a decision with nothing to execute closes once served). */
const CARRY_OUT = {
  decided: ['serve', ...CHANGE],
  served: ['execute', 'close', ...CHANGE],
  executed: ['close', ...CHANGE],
  ...ENDED,
} as const;

const REVIEWED = { submitReview: 'reviewing', passReview: 'reviewPassed' } as const;
const CHANGED = { amendDecision: null, revokeDecision: 'revoked' } as const;
const CARRIED_OUT = {
  serve: 'served',
  execute: 'executed',
  close: 'closed',
  terminate: 'closed',
  ...CHANGED,
} as const;

// ——— 行政处罚 (行政处罚法): ordinary procedure, and the summary one opening with 当场处罚 ———
export type PenaltyStatus =
  | 'investigating'
  | 'notified'
  | 'hearingRequested'
  | 'heard'
  | ReviewStatus
  | CarryOutStatus;
export type PenaltyAction =
  | 'open'
  | 'investigate'
  | 'notify'
  | 'requestHearing'
  | 'holdHearing'
  | ReviewAction
  | 'extend'
  | 'decide'
  | 'onTheSpot'
  | CarryOutAction;

/** The acts allowed in each status of a penalty case: the one table the workflow follows. */
export const allowedActions = {
  investigating: ['investigate', 'notify', 'extend', 'terminate'],
  notified: ['requestHearing', 'submitReview', 'decide', 'extend', 'terminate'],
  hearingRequested: ['holdHearing', 'extend'],
  heard: ['submitReview', 'decide', 'extend', 'terminate'],
  ...REVIEW,
  reviewPassed: ['decide', 'extend'],
  ...CARRY_OUT,
  // a penalty is executed before the case closes (行政处罚法 第六章 执行)
  served: ['execute', ...CHANGE],
} as const satisfies Record<PenaltyStatus, readonly PenaltyAction[]>;

/** The status a penalty act leads to; null keeps the status (an extension changes only the clock). */
export const statusAfter = {
  open: 'investigating',
  investigate: 'investigating',
  notify: 'notified',
  requestHearing: 'hearingRequested',
  holdHearing: 'heard',
  ...REVIEWED,
  // 退回: back to investigation, to supplement evidence or correct the proposal
  returnReview: 'investigating',
  extend: null,
  decide: 'decided',
  // 处罚法 art. 52: 当场作出的决定书当场交付当事人 — decided and served at once
  onTheSpot: 'served',
  ...CARRIED_OUT,
} as const satisfies Record<PenaltyAction, PenaltyStatus | null>;

// ——— 行政许可 (行政许可法 第二十九条至第四十四条) ———
export type LicenseStatus =
  | 'applied'
  | 'correcting'
  | 'examining'
  | ReviewStatus
  | 'decided'
  | 'served'
  | EndStatus;
export type LicenseAction =
  | 'apply'
  | 'accept'
  | 'rejectApplication'
  | 'requestCorrection'
  | 'correct'
  | 'examine'
  | 'holdHearing'
  | 'expertReview'
  | 'extend'
  | ReviewAction
  | 'grant'
  | 'refuse'
  | 'issue'
  | 'close'
  | ChangeAction;

export const licenseActions = {
  // 许可法 art. 32: 受理, 不予受理, or 一次告知补正
  applied: ['accept', 'rejectApplication', 'requestCorrection'],
  correcting: ['correct', 'rejectApplication'],
  // art. 34–36 审查; art. 45 听证、专家评审 (time not counted); art. 42 延长
  examining: ['examine', 'holdHearing', 'expertReview', 'extend', 'submitReview', 'grant', 'refuse'],
  ...REVIEW,
  reviewPassed: ['grant', 'refuse', 'extend'],
  // art. 44: 送达决定、颁发证件
  decided: ['issue', ...CHANGE],
  served: ['close', ...CHANGE],
  ...ENDED,
} as const satisfies Record<LicenseStatus, readonly LicenseAction[]>;

export const licenseAfter = {
  apply: 'applied',
  accept: 'examining',
  rejectApplication: 'closed',
  requestCorrection: 'correcting',
  correct: 'applied',
  examine: null,
  holdHearing: null,
  expertReview: null,
  extend: null,
  ...REVIEWED,
  returnReview: 'examining',
  grant: 'decided',
  refuse: 'decided',
  issue: 'served',
  close: 'closed',
  ...CHANGED,
} as const satisfies Record<LicenseAction, LicenseStatus | null>;

// ——— 行政强制措施 (行政强制法 第十八条至第二十八条) ———
export type CoercionStatus = 'investigating' | 'seized' | ReviewStatus | CarryOutStatus;
export type CoercionAction =
  | 'open'
  | 'investigate'
  | 'seize'
  | 'extendSeizure'
  | 'testSeized'
  | ReviewAction
  | 'dispose'
  | CarryOutAction;

export const coercionActions = {
  investigating: ['investigate', 'seize', 'terminate'],
  // art. 25 延长; art. 27 处理决定 (没收、销毁、解除)
  // art. 25(3) 检测、检验、检疫或者技术鉴定: not counted in the seizure period
  seized: ['investigate', 'extendSeizure', 'testSeized', 'submitReview', 'dispose'],
  ...REVIEW,
  reviewPassed: ['dispose'],
  ...CARRY_OUT,
} as const satisfies Record<CoercionStatus, readonly CoercionAction[]>;

export const coercionAfter = {
  open: 'investigating',
  investigate: null,
  seize: 'seized',
  extendSeizure: null,
  testSeized: null,
  ...REVIEWED,
  returnReview: 'seized',
  dispose: 'decided',
  ...CARRIED_OUT,
} as const satisfies Record<CoercionAction, CoercionStatus | null>;

// ——— every other category: 立案/启动 → 调查/审查 → 告知 → [法制审核] → 决定 → 送达 → 执行 → 结案 ———
export type GenericStatus = 'investigating' | 'notified' | ReviewStatus | CarryOutStatus;
export type GenericAction = 'open' | 'investigate' | 'notify' | ReviewAction | 'decide' | CarryOutAction;

export const genericActions = {
  investigating: ['investigate', 'notify', 'submitReview', 'decide', 'terminate'],
  notified: ['submitReview', 'decide', 'terminate'],
  ...REVIEW,
  reviewPassed: ['decide'],
  ...CARRY_OUT,
} as const satisfies Record<GenericStatus, readonly GenericAction[]>;

export const genericAfter = {
  open: 'investigating',
  investigate: 'investigating',
  notify: 'notified',
  ...REVIEWED,
  returnReview: 'investigating',
  decide: 'decided',
  ...CARRIED_OUT,
} as const satisfies Record<GenericAction, GenericStatus | null>;

interface Flow {
  opening: readonly CaseAction[];
  allowed: Readonly<Record<string, readonly CaseAction[]>>;
  after: Readonly<Partial<Record<CaseAction, CaseStatus | null>>>;
}

/** The four procedure tables by flow (ordinary and summary penalty cases share one). */
export const flows = {
  penalty: { opening: ['open', 'onTheSpot'], allowed: allowedActions, after: statusAfter },
  license: { opening: ['apply'], allowed: licenseActions, after: licenseAfter },
  coercion: { opening: ['open'], allowed: coercionActions, after: coercionAfter },
  generic: { opening: ['open'], allowed: genericActions, after: genericAfter },
} as const satisfies Record<string, Flow>;
export type FlowName = keyof typeof flows;

export function flowOf(procedure: Procedure): FlowName {
  return procedure === 'ordinary' || procedure === 'summary' ? 'penalty' : procedure;
}

/** The procedure a category follows (a penalty case is ordinary unless decided on the spot). */
export function procedureOf(category: CaseCategory): Procedure {
  if (category === 'penalty') return 'ordinary';
  if (category === 'license' || category === 'coercion') return category;
  return 'generic';
}

/** The acts that decide a case: the 法制审核 gate and the handlers' certificates apply to them. */
export const DECIDING_ACTIONS = [
  'decide',
  'onTheSpot',
  'grant',
  'refuse',
  'dispose',
] as const satisfies readonly CaseAction[];
export const isDeciding = (a: CaseAction) => (DECIDING_ACTIONS as readonly CaseAction[]).includes(a);

/** Acts labelled differently outside a penalty case. */
const genericLabels: Partial<Record<CaseAction, string>> = {
  open: '立案(启动)',
  investigate: '调查、审查',
  notify: '告知(陈述申辩权利)',
  decide: '作出决定',
  serve: '送达决定书',
  terminate: '终止办理(撤销立案)',
};

/** Each flow's table with the words its refusals use: “案件处于“调查取证”状态,不能“送达决定书””. */
const caseActs = {
  penalty: actTable(flows.penalty.allowed, caseActionLabels),
  license: actTable(flows.license.allowed, { ...caseActionLabels, ...genericLabels }),
  coercion: actTable(flows.coercion.allowed, { ...caseActionLabels, ...genericLabels }),
  generic: actTable(flows.generic.allowed, { ...caseActionLabels, ...genericLabels }),
} satisfies Record<FlowName, ActTable<CaseStatus, CaseAction>>;

function actTable(
  allowed: Flow['allowed'],
  actionLabels: Record<CaseAction, string>,
): ActTable<CaseStatus, CaseAction> {
  return {
    code: 'enforcement.actionNotAllowed',
    noun: '案件',
    allowed,
    statusLabels: caseStatusLabels,
    actionLabels,
  };
}

/** An act's name under a procedure (outside a penalty case some read otherwise: genericLabels). */
export function actionLabel(procedure: Procedure, action: CaseAction): string {
  return caseActs[flowOf(procedure)].actionLabels[action];
}

export function allowedIn(procedure: Procedure, status: CaseStatus): readonly CaseAction[] {
  return caseActs[flowOf(procedure)].allowed[status] ?? [];
}

export function isAllowed(
  status: CaseStatus,
  action: CaseAction,
  procedure: Procedure = 'ordinary',
): boolean {
  return isActAllowed(caseActs[flowOf(procedure)], status, action);
}

/** The 409 for an act the case's status does not allow under its procedure. */
export function checkCaseAct(
  status: CaseStatus,
  action: CaseAction,
  procedure: Procedure = 'ordinary',
): void {
  checkAct(caseActs[flowOf(procedure)], status, action);
}

/** The status of a case is its action log folded through its procedure's table; an illegal log throws. */
export function deriveStatus(
  actions: readonly Pick<ActionRecord, 'action'>[],
  procedure: Procedure = 'ordinary',
): CaseStatus {
  const flow: Flow = flows[flowOf(procedure)];
  const [first, ...rest] = actions;
  if (!first || !flow.opening.includes(first.action)) {
    throw invalid(
      'enforcement.caseNotOpened',
      flowOf(procedure) === 'license'
        ? '许可案件须以申请开始'
        : flowOf(procedure) === 'penalty'
          ? '案件须以立案或当场处罚开始'
          : '案件须以立案(启动)开始',
      'action',
    );
  }
  return foldActs(
    caseActs[flowOf(procedure)],
    flow.after[first.action] ?? 'investigating',
    rest,
    (status, action) => flow.after[action] ?? status,
  );
}
