import { insertInBatches } from '../../../platform/service/batches.js';
import type { Ctx } from '../../../platform/context.js';
import { newId } from '../../../platform/db/tx.js';
import type { Executor, Tx } from '../../../platform/db/types.js';
import { DomainError, invalid } from '../../../platform/errors.js';
import type { FileStore } from '../../../platform/files/index.js';
import type { CaseHead } from './checks.js';
import type { CaseProjection } from './projection.js';
import type { ActionRecord, CaseCategory } from './schema.js';
import { isDeciding } from './procedures.js';
import type { NewPublication } from '../publications/service.js';
import type { DecisionChange } from '../publications/withdrawal.js';
import '../tables.js';
import '../../../platform/files/tables.js';

export interface PartyInput {
  powerItemId?: string | undefined;
  partyName: string;
  partyIdNumber?: string | undefined;
  partyUscc?: string | undefined;
  partyMinor?: boolean | undefined;
  partyAddress?: string | undefined;
  privateNames?: readonly string[] | undefined;
  facts: string;
  handlerIds: string[];
}

/** The 公示 source of a decided case (masked by publicationContent, never here). */
export function publicationOf(
  caseId: string,
  head: CaseHead,
  category: CaseCategory,
  caseNo: string,
  input: Omit<PartyInput, 'handlerIds' | 'powerItemId'>,
  decided: ActionRecord,
  basis: string | null,
): NewPublication {
  return {
    caseId,
    regionCode: head.regionCode,
    caseOpenedOn: head.openedOn,
    orgId: head.body.orgId,
    partyMinor: input.partyMinor ?? false,
    category,
    source: {
      caseNo,
      decisionNo: decided.data.decisionNo ?? null,
      orgName: head.body.name,
      partyKind: head.partyKind,
      partyName: input.partyName,
      partyUscc: input.partyUscc ?? null,
      partyIdNumber: input.partyIdNumber ?? null,
      partyAddress: input.partyAddress ?? null,
      privateNames: input.privateNames ?? [],
      facts: input.facts,
      basis,
      penalties: decided.data.sanction?.penalties ?? [],
      amount: decided.data.sanction?.amount ?? decided.data.amount ?? null,
      decidedOn: decided.date,
    },
  };
}

/**
 * The 公示 side effects of acts on a case — one rule for a live act and for a case written with
 * its log (createCases): a deciding act creates the decision's publication (国办发〔2018〕118号);
 * the last 变更 / 撤销 withdraws or withholds it (行政处罚法 第四十八条, decisionChangeQuery).
 */
export function decisionEffects(
  c: {
    caseId: string;
    head: CaseHead;
    category: CaseCategory;
    caseNo: string;
    party: Omit<PartyInput, 'handlerIds' | 'powerItemId'>;
    basis: string | null;
  },
  acts: readonly ActionRecord[],
): { publication: NewPublication | null; change: DecisionChange | null } {
  const decided = acts.find((a) => isDeciding(a.action));
  const changed = [...acts]
    .reverse()
    .find((a) => a.action === 'amendDecision' || a.action === 'revokeDecision');
  return {
    publication: decided
      ? publicationOf(c.caseId, c.head, c.category, c.caseNo, c.party, decided, c.basis)
      : null,
    change: changed
      ? {
          kind: changed.action === 'amendDecision' ? 'amend' : 'revoke',
          date: changed.date,
          reason: changed.data.reason ?? '',
        }
      : null,
  };
}

export interface PreparedCase {
  head: CaseHead;
  category: CaseCategory;
  log: ActionRecord[];
  input: PartyInput;
  caseNo: string;
  projection: CaseProjection;
}

/**
 * The sizes of the attachments records cite, after checking each distinct file once: an unknown
 * hash, or bytes that no longer match their hash (swapped, damaged, missing), is refused.
 */
export async function resolveRecordFiles(
  db: Executor,
  store: FileStore | null | undefined,
  records: readonly { sha256: string; name: string }[],
): Promise<Map<string, number>> {
  if (records.length === 0) return new Map();
  if (!store) throw filesUnavailable();
  const rows = await db
    .selectFrom('stored_file')
    .select(['sha256', 'size'])
    .where('sha256', 'in', [...new Set(records.map((r) => r.sha256))])
    .execute();
  return verifyRecordFiles(store, records, rows);
}

const filesUnavailable = () =>
  new DomainError('files.unavailable', '本服务未配置附件存储目录,不能登记全过程记录', 'unavailable');

/** resolveRecordFiles on the stored_file rows already read (a case act reads them with the case). */
export async function verifyRecordFiles(
  store: FileStore | null | undefined,
  records: readonly { sha256: string; name: string }[],
  stored: readonly { sha256: string; size: number | string }[],
): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  if (records.length === 0) return sizes;
  if (!store) throw filesUnavailable();
  const hashes = [...new Set(records.map((r) => r.sha256))];
  for (const r of stored) sizes.set(r.sha256, Number(r.size));
  for (const r of records) {
    if (!sizes.has(r.sha256))
      throw invalid('enforcement.recordUnknown', `记录“${r.name}”的附件不存在,请先上传`, 'records');
  }
  for (const h of hashes) {
    if ((await store.verify(h)) !== 'ok') {
      const name = records.find((r) => r.sha256 === h)?.name ?? h;
      throw invalid(
        'enforcement.recordCorrupt',
        `记录“${name}”的附件已损坏、丢失或被替换(内容与 SHA-256 摘要不符),不能作为全过程记录`,
        'records',
      );
    }
  }
  return sizes;
}

/** Record rows of acts; `late` marks a 补录 added after the act. */
export function recordRows(
  caseId: string,
  head: { regionCode: string; orgId: string; openedOn: string },
  seq: number,
  records: ActionRecord['records'],
  sizes: ReadonlyMap<string, number>,
  actorId: string | null,
  late: boolean,
) {
  return (records ?? []).map((r) => ({
    id: newId(),
    case_id: caseId,
    region_code: head.regionCode,
    case_opened_on: head.openedOn,
    org_id: head.orgId,
    seq,
    sha256: r.sha256,
    kind: r.kind,
    name: r.name,
    size: sizes.get(r.sha256) ?? r.size ?? 0,
    added_by: actorId,
    late,
  }));
}

export async function insertCases(
  trx: Tx,
  cases: readonly PreparedCase[],
  ctx: Ctx,
  names: ReadonlyMap<string | null, string>,
  sizes: ReadonlyMap<string, number>,
): Promise<string[]> {
  const rows = cases.map((c) => ({
    id: newId(),
    region_code: c.head.regionCode,
    org_id: c.head.body.orgId,
    body_id: c.head.body.id,
    power_item_id: c.input.powerItemId ?? null,
    case_no: c.caseNo,
    category: c.category,
    procedure: c.head.procedure,
    party_kind: c.head.partyKind,
    party_name: c.input.partyName,
    party_id_number: c.input.partyIdNumber ?? null,
    party_uscc: c.input.partyUscc ?? null,
    party_minor: c.input.partyMinor ?? false,
    party_address: c.head.partyKind === 'person' ? (c.input.partyAddress ?? null) : null,
    private_names: [...(c.input.privateNames ?? [])],
    facts: c.input.facts,
    handler_ids: c.input.handlerIds,
    major_reason: c.head.majorReason,
    opened_on: c.head.openedOn,
    ...c.projection,
    created_by: ctx.actor.userId,
    updated_by: ctx.actor.userId,
  }));
  const actions = cases.flatMap((c, i) =>
    c.log.map((a, seq) => ({
      id: newId(),
      case_id: rows[i]?.id ?? '',
      region_code: c.head.regionCode,
      case_opened_on: c.head.openedOn,
      org_id: c.head.body.orgId,
      seq: seq + 1,
      action: a.action,
      occurred_on: a.date,
      data: JSON.stringify(a.data),
      actor_id: a.actorId,
      actor_name: names.get(a.actorId) ?? '',
    })),
  );
  const records = cases.flatMap((c, i) =>
    c.log.flatMap((a, seq) =>
      recordRows(
        rows[i]?.id ?? '',
        { regionCode: c.head.regionCode, orgId: c.head.body.orgId, openedOn: c.head.openedOn },
        seq + 1,
        a.records,
        sizes,
        ctx.actor.userId,
        false,
      ),
    ),
  );
  await insertInBatches(trx, 'enforcement_case', rows, 300);
  await insertInBatches(trx, 'enforcement_case_action', actions, 1000);
  await insertInBatches(trx, 'enforcement_case_record', records, 1000);
  return rows.map((r) => r.id);
}
