import type { AuditInput } from '../../platform/audit/audit.js';

/** A written row, as the audit names it: its id and where it sits in the org tree. */
interface OrgRow {
  id: string;
  org_id: string;
  region_code: string;
}

/**
 * The audit of a write of one row or of a batch (an import, a seed): one row gets its own entry
 * (its id, org and region), a batch one entry with what it counted, not thousands.
 */
export function auditOneOrBatch<R extends OrgRow>(
  audit: (entry: AuditInput) => void,
  entity: string,
  rows: readonly R[],
  one: { action: string; change: (row: R) => unknown },
  batch: { action: string; change: unknown },
): void {
  const [first] = rows;
  if (rows.length === 1 && first)
    audit({
      action: one.action,
      entity,
      entityId: first.id,
      orgId: first.org_id,
      regionCode: first.region_code,
      change: one.change(first),
    });
  else audit({ action: batch.action, entity, change: batch.change });
}
