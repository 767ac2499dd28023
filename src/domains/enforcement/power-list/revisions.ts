import { type PowerChange, powerChangeLabels } from './schema.js';

/**
 * A versioned list's revision as both revision tables store it (`power_item_revision` and the
 * four lists' `powers_revision`, read as `r` with the changing user as `u`): one vocabulary.
 */
export const revisionColumns = [
  'r.revision',
  'r.change',
  'r.reason',
  'r.snapshot',
  'r.changed_by',
  'u.display_name',
  'r.changed_at',
] as const;

/** What a revision shows before who made it: its number, the kind of change and why. */
export function presentRevisionChange(r: {
  revision: number;
  change: string;
  reason: string;
  snapshot: unknown;
}) {
  const change = r.change as PowerChange;
  return {
    revision: r.revision,
    change,
    changeLabel: powerChangeLabels[change],
    reason: r.reason,
    snapshot: r.snapshot,
  };
}
