import { conflict } from '../../platform/errors.js';

/** A ledger's status table and the words its refusals use. */
export interface ActionTable<S extends string, A extends string> {
  /** the error code of a refused act, e.g. 'legality.document.actionNotAllowed' */
  code: string;
  /** what the record is called in the message, e.g. '文件' */
  noun: string;
  allowed: Record<S, readonly A[]>;
  statusLabels: Record<S, string>;
  actionLabels: Record<A, string>;
}

/**
 * The status table's rule, one for every ledger: an act the record's status does not allow is a
 * 409 on `action`, saying “<noun><status>,不能<act>” unless the caller states the reason itself.
 */
export function checkAllowedAction<S extends string, A extends string>(
  table: ActionTable<S, A>,
  status: S,
  action: A,
  message?: string,
): void {
  const allowed: readonly A[] = table.allowed[status];
  if (!allowed.includes(action))
    throw conflict(
      table.code,
      message ?? `${table.noun}${table.statusLabels[status]},不能${table.actionLabels[action]}`,
      { field: 'action' },
    );
}
