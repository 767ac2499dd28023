import type { Actor } from '../../platform/context.js';
import type { Executor, Tx } from '../../platform/db/types.js';
import { newId } from '../../platform/db/tx.js';
import { invalid } from '../../platform/errors.js';
import { findStoredFile } from '../../platform/files/index.js';
import type { EvidenceRef } from './rectification/schema.js';
import './tables.js';

/** One entry of the append-only log of a rectification item or a clue. */
export interface LoggedAction {
  id: string;
  seq: number;
  action: string;
  occurredOn: string;
  data: Record<string, unknown>;
  evidence: EvidenceRef[];
  actorName: string;
}

/** Every cited file must have been uploaded (POST /api/files) before it is cited. */
export async function checkEvidence(db: Executor, evidence: readonly EvidenceRef[], field = 'evidence') {
  for (const [i, e] of evidence.entries()) {
    if (!(await findStoredFile(db, e.sha256)))
      throw invalid('oversight.evidenceMissing', `佐证材料“${e.name}”尚未上传`, `${field}.${i}.sha256`);
  }
}

export async function appendAction(
  trx: Tx,
  actor: Actor,
  a: {
    entity: 'rectification' | 'clue';
    entityId: string;
    regionCode: string;
    orgId: string;
    seq: number;
    action: string;
    occurredOn: string;
    data: Record<string, unknown>;
    evidence?: readonly EvidenceRef[];
  },
): Promise<void> {
  const id = newId();
  await trx
    .insertInto('oversight_action')
    .values({
      id,
      entity: a.entity,
      entity_id: a.entityId,
      region_code: a.regionCode,
      org_id: a.orgId,
      seq: a.seq,
      action: a.action,
      occurred_on: a.occurredOn,
      data: JSON.stringify(a.data),
      actor_id: actor.userId,
      actor_name: actor.displayName,
    })
    .execute();
  for (const e of a.evidence ?? []) {
    await trx
      .insertInto('oversight_evidence')
      .values({
        id: newId(),
        action_id: id,
        region_code: a.regionCode,
        org_id: a.orgId,
        sha256: e.sha256,
        name: e.name,
      })
      .execute();
  }
}

export async function loadActions(
  db: Executor,
  entity: 'rectification' | 'clue',
  entityId: string,
): Promise<LoggedAction[]> {
  const rows = await db
    .selectFrom('oversight_action')
    .select(['id', 'seq', 'action', 'occurred_on', 'data', 'actor_name'])
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy('seq')
    .execute();
  const ev =
    rows.length === 0
      ? []
      : await db
          .selectFrom('oversight_evidence')
          .select(['action_id', 'sha256', 'name'])
          .where(
            'action_id',
            'in',
            rows.map((r) => r.id),
          )
          .execute();
  return rows.map((r) => ({
    id: r.id,
    seq: r.seq,
    action: r.action,
    occurredOn: r.occurred_on,
    data: r.data,
    evidence: ev.filter((e) => e.action_id === r.id).map((e) => ({ sha256: e.sha256, name: e.name })),
    actorName: r.actor_name,
  }));
}
