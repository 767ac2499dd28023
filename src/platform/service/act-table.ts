import { conflict, type DomainError } from '../errors.js';

/**
 * A workflow's status → acts table and the words its refusals use. Every ledger with an action
 * log follows one (案件, 移送, 复议, 申请 and 信访, 合法性审查, 规范性文件, …): an act the record's
 * status does not allow is refused with a 409 on `action`.
 */
export interface ActTable<S extends string, A extends string> {
  /** the error code of a refused act, e.g. 'enforcement.referral.actionNotAllowed' */
  code: string;
  /** what the record is called in the message (移送案件, 复议案件, 文件, …) */
  noun: string;
  /** the acts each status allows; a status not listed allows none */
  allowed: Readonly<Partial<Record<S, readonly A[]>>>;
  statusLabels: Readonly<Record<S, string>>;
  actionLabels: Readonly<Record<A, string>>;
  /**
   * The refusal names the status as a state in plain words, “文件已发布,不能撤回”, where the
   * labels read as such; by default it quotes both, “移送案件处于“已移送”状态,不能“受理””.
   */
  plainWords?: true;
}

export function isActAllowed<S extends string, A extends string>(
  table: ActTable<S, A>,
  status: S,
  action: A,
): boolean {
  const allowed: readonly A[] | undefined = table.allowed[status];
  return allowed?.includes(action) ?? false;
}

/** How a refusal may be worded otherwise: the record named `noun`, or the caller's whole `message`. */
export interface RefusalWords {
  noun?: string;
  message?: string | undefined;
}

/** The 409 for an act the status does not allow, in the table's words. */
export function actRefused<S extends string, A extends string>(
  table: ActTable<S, A>,
  status: S,
  action: A,
  words: RefusalWords = {},
): DomainError {
  const noun = words.noun ?? table.noun;
  const s = table.statusLabels[status];
  const a = table.actionLabels[action];
  const message =
    words.message ?? (table.plainWords ? `${noun}${s},不能${a}` : `${noun}处于“${s}”状态,不能“${a}”`);
  return conflict(table.code, message, { field: 'action' });
}

/** Throws the table's refusal unless its status allows the act. */
export function checkAct<S extends string, A extends string>(
  table: ActTable<S, A>,
  status: S,
  action: A,
  words?: RefusalWords,
): void {
  if (!isActAllowed(table, status, action)) throw actRefused(table, status, action, words);
}

/**
 * A record's status: the acts after its opening one folded through the table from `initial`,
 * each checked as it comes (an illegal log throws the refusal of its first illegal act).
 */
export function foldActs<S extends string, A extends string>(
  table: ActTable<S, A>,
  initial: S,
  acts: readonly { action: A }[],
  after: (status: S, action: A) => S,
  words?: RefusalWords,
): S {
  let status = initial;
  for (const a of acts) {
    checkAct(table, status, a.action, words);
    status = after(status, a.action);
  }
  return status;
}
