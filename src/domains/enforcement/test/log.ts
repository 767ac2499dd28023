import type { ActionRecord, CaseAction } from '../cases/schema.js';

/** One entry of a case's action log, by no one in particular: what the rules read. */
export const act = (action: CaseAction, date: string, data: ActionRecord['data'] = {}): ActionRecord => ({
  action,
  date,
  data,
  actorId: null,
});
