import { type DueState, dueState } from '../../../platform/clock/index.js';
import { invalid } from '../../../platform/errors.js';
import type { RectificationAction, RectificationActionRecord, RectificationStatus } from './schema.js';

/** 厅字〔2019〕28号 第二十六条: 督察发现的问题应当督促整改 — what may follow each status. */
export const ALLOWED_ACTIONS = {
  open: ['plan', 'progress', 'complete', 'extend'],
  rectifying: ['plan', 'progress', 'complete', 'extend'],
  reported: ['return', 'close'],
  closed: [],
} as const satisfies Record<RectificationStatus, readonly RectificationAction[]>;

/** Actions only the issuing office takes (销号, 退回, 延期); the others are the owner's. */
export const OFFICE_ACTIONS: ReadonlySet<RectificationAction> = new Set(['return', 'extend', 'close']);

/** Days before the due date an open item shows 临期 (the office's working practice; no statute sets it). */
export const DUE_SOON_DAYS = 7;

export interface RectificationState {
  status: RectificationStatus;
  measure: string;
  dueOn: string;
  evidenceCount: number;
  closedOn: string | null;
}

/** The status, current measure, due date and evidence count, derived from the log alone. */
export function deriveRectification(actions: readonly RectificationActionRecord[]): RectificationState {
  let s: RectificationState = { status: 'open', measure: '', dueOn: '', evidenceCount: 0, closedOn: null };
  for (const a of actions) {
    s = { ...s, evidenceCount: s.evidenceCount + a.evidence.length };
    if (a.data.measure) s.measure = a.data.measure;
    if (a.data.dueOn) s.dueOn = a.data.dueOn;
    switch (a.action) {
      case 'raise':
        s.status = 'open';
        break;
      case 'plan':
      case 'progress':
      case 'return':
        s.status = 'rectifying';
        break;
      case 'complete':
        s.status = 'reported';
        break;
      case 'close':
        s.status = 'closed';
        s.closedOn = a.occurredOn;
        break;
      case 'extend':
        break;
    }
  }
  return s;
}

/**
 * Checks an action against the state: allowed from the status, 销号 only with evidence on file,
 * 报整改完成 with evidence, an extension to a later date. Throws a DomainError naming the field.
 */
export function checkRectificationAction(
  state: RectificationState,
  act: {
    action: RectificationAction;
    measure?: string | undefined;
    dueOn?: string | undefined;
    evidence: readonly unknown[];
  },
): void {
  const allowed: readonly RectificationAction[] = ALLOWED_ACTIONS[state.status];
  if (!allowed.includes(act.action))
    throw invalid('oversight.actionNotAllowed', '该整改事项当前状态下不能进行此操作', 'action');
  if (act.action === 'plan' && !act.measure)
    throw invalid('oversight.measureRequired', '请填写整改措施', 'measure');
  if (act.action === 'complete' && state.evidenceCount + act.evidence.length === 0)
    throw invalid('oversight.evidenceRequired', '报整改完成须上传整改佐证材料', 'evidence');
  if (act.action === 'close' && state.evidenceCount + act.evidence.length === 0)
    throw invalid('oversight.closeWithoutEvidence', '没有整改佐证材料,不能销号', 'evidence');
  if (act.action === 'extend') {
    if (!act.dueOn) throw invalid('oversight.dueRequired', '请填写延长后的整改期限', 'dueOn');
    if (act.dueOn <= state.dueOn)
      throw invalid('oversight.dueNotLater', '延长后的整改期限应晚于原期限', 'dueOn');
  }
}

/** 临期 / 逾期 of an item: a closed item is never late. */
export function rectificationDue(
  state: Pick<RectificationState, 'status' | 'dueOn'>,
  today: string,
): DueState {
  if (state.status === 'closed') return 'normal';
  return dueState(state.dueOn, today, DUE_SOON_DAYS);
}
