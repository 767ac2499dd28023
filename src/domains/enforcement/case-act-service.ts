import { ALL_SCOPE, can, type Ctx } from '../../platform/context.js';
import { newId, staleVersion, writeTx } from '../../platform/db/tx.js';
import { forbidden, invalid, notFound } from '../../platform/errors.js';
import type { FileStore } from '../../platform/files/index.js';
import { authorize } from '../org/policy.js';
import { checkDecisionLists } from '../powers/case-hook.js';
import { type CaseHead, checkLog, loadEnv } from './case-checks.js';
import { flowOf, isDeciding } from './case-procedures.js';
import { checkNoPendingReferral } from './referral-rules.js';
import { latestReferralStatus } from './referral-store.js';
import { projectCase } from './case-projection.js';
import { type ActionRecord, type CaseCategory, RecordActionInput, RecordsInput } from './case-schema.js';
import { getCase } from './case-service.js';
import { type CaseRow, findCaseRow, loadActions } from './case-store.js';
import { publicationOf, recordRows, resolveRecordFiles } from './case-write.js';
import { findBody } from './officer-store.js';
import { insertPublications } from './publication-service.js';
import { applyDecisionChange } from './publication-withdrawal.js';

const REVIEW_ACTIONS = new Set(['passReview', 'returnReview']);

async function caseHead(ctx: Ctx, row: CaseRow): Promise<CaseHead> {
  const body = await findBody(ctx.db, ALL_SCOPE, row.body_id);
  if (!body) throw notFound('enforcement.bodyNotFound');
  return {
    procedure: row.procedure as CaseHead['procedure'],
    partyKind: row.party_kind as CaseHead['partyKind'],
    openedOn: row.opened_on,
    majorReason: row.major_reason,
    regionCode: row.region_code,
    body,
    handlerIds: row.handler_ids,
  };
}

/**
 * Appends one act to a case's log after checking it against the whole log (optimistic lock on
 * version), with its 全过程记录. A deciding act creates the decision's publication; 变更 / 撤销
 * starts its withdrawal clock (行政处罚法 第四十八条) — all in one transaction.
 */
export async function recordAction(ctx: Ctx, caseId: string, raw: unknown, files?: FileStore | null) {
  const input = RecordActionInput.parse(raw);
  const review = REVIEW_ACTIONS.has(input.action) || input.action === 'submitReview';
  if (REVIEW_ACTIONS.has(input.action)) {
    if (!can(ctx.actor, 'enforcement:case:review'))
      throw forbidden('auth.forbidden', '只有法制审核人员可以作出审核意见');
  } else authorize(ctx.actor, 'enforcement:case:edit');
  const row = await findCaseRow(ctx.db, ctx.scope, caseId);
  if (!row) throw notFound('enforcement.caseNotFound', '案件不存在或不在您的权限范围内');
  if (row.version !== input.version) throw staleVersion();
  const log: ActionRecord[] = await loadActions(ctx.db, caseId);
  const env = await loadEnv(ctx, row.handler_ids);
  const head = await caseHead(ctx, row);
  const next: ActionRecord = {
    action: input.action,
    date: input.date,
    data: input.data,
    actorId: ctx.actor.userId,
    ...(input.records ? { records: input.records } : {}),
  };
  const full = [...log, next];
  checkLog(head, full, env, review ? 'action' : 'handlerIds', log.length);
  // 裁量权基准 and 包容审慎清单 (src/domains/powers): a fine outside the range needs its reason
  await checkDecisionLists(ctx, {
    ...head,
    powerItemId: row.power_item_id,
    action: next.action,
    data: next.data,
  });
  if (isDeciding(next.action) && flowOf(head.procedure) === 'penalty')
    checkNoPendingReferral(await latestReferralStatus(ctx.db, caseId));
  const sizes = await resolveRecordFiles(ctx.db, files, input.records ?? []);
  const projection = projectCase(head, full, env.calendar, env.thresholds(row.region_code));
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    const res = await trx
      .updateTable('enforcement_case')
      .set((eb) => ({
        ...projection,
        updated_by: ctx.actor.userId,
        updated_at: ctx.now(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', caseId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw staleVersion();
    await trx
      .insertInto('enforcement_case_action')
      .values({
        id: newId(),
        case_id: caseId,
        region_code: row.region_code,
        org_id: row.org_id,
        seq: full.length,
        action: next.action,
        occurred_on: next.date,
        data: JSON.stringify(next.data),
        actor_id: ctx.actor.userId,
        actor_name: ctx.actor.displayName,
      })
      .execute();
    const records = recordRows(
      caseId,
      { regionCode: row.region_code, orgId: row.org_id },
      full.length,
      next.records,
      sizes,
      ctx.actor.userId,
      false,
    );
    if (records.length > 0) await trx.insertInto('enforcement_case_record').values(records).execute();
    if (isDeciding(next.action)) {
      const party = await trx
        .selectFrom('enforcement_case as c')
        .leftJoin('power_item as p', 'p.id', 'c.power_item_id')
        .select([
          'c.party_id_number',
          'c.party_uscc',
          'c.party_minor',
          'c.party_address',
          'c.private_names',
          'p.law_name',
          'p.article',
        ])
        .where('c.id', '=', caseId)
        .executeTakeFirstOrThrow();
      const partyInput = {
        partyName: row.party_name,
        partyIdNumber: party.party_id_number ?? undefined,
        partyUscc: party.party_uscc ?? undefined,
        partyMinor: party.party_minor,
        partyAddress: party.party_address ?? undefined,
        privateNames: party.private_names,
        facts: row.facts,
      };
      const basis = party.law_name && party.article ? `《${party.law_name}》${party.article}` : null;
      await insertPublications(
        trx,
        [publicationOf(caseId, head, row.category as CaseCategory, row.case_no, partyInput, next, basis)],
        env.calendar,
        ctx.actor.userId,
      );
    }
    let publication: string | null = null;
    if (next.action === 'amendDecision' || next.action === 'revokeDecision') {
      publication = await applyDecisionChange(
        trx,
        caseId,
        {
          kind: next.action === 'amendDecision' ? 'amend' : 'revoke',
          date: next.date,
          reason: next.data.reason ?? '',
        },
        env.calendar,
        ctx.actor.userId,
      );
    }
    audit({
      action: `enforcement.case.${input.action}`,
      entity: 'enforcement_case',
      entityId: caseId,
      orgId: row.org_id,
      regionCode: row.region_code,
      change: {
        action: input.action,
        date: input.date,
        data: input.data,
        status: projection.status,
        ...(records.length > 0 ? { records: records.map((r) => ({ sha256: r.sha256, name: r.name })) } : {}),
        ...(publication ? { publication } : {}),
      },
    });
  });
  return getCase({ ...ctx, scope: ALL_SCOPE }, caseId);
}

/** 补录: adds 全过程记录 to an earlier act of a case (audited; the act itself is unchanged). */
export async function addRecords(
  ctx: Ctx,
  caseId: string,
  seq: number,
  raw: unknown,
  files?: FileStore | null,
) {
  authorize(ctx.actor, 'enforcement:case:edit');
  const parsed = RecordsInput.min(1, '请至少添加一份记录').safeParse(
    raw && typeof raw === 'object' && 'records' in raw ? raw.records : undefined,
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid('validation', `records:${issue?.message ?? '输入有误'}`, 'records');
  }
  const row = await findCaseRow(ctx.db, ctx.scope, caseId);
  if (!row) throw notFound('enforcement.caseNotFound', '案件不存在或不在您的权限范围内');
  if (!Number.isInteger(seq) || seq < 1 || seq > row.action_count)
    throw notFound('enforcement.actionNotFound', `本案没有第 ${seq} 个办理环节`);
  const sizes = await resolveRecordFiles(ctx.db, files, parsed.data);
  const rows = recordRows(
    caseId,
    { regionCode: row.region_code, orgId: row.org_id },
    seq,
    parsed.data,
    sizes,
    ctx.actor.userId,
    true,
  );
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    await trx.insertInto('enforcement_case_record').values(rows).execute();
    audit({
      action: 'enforcement.case.addRecords',
      entity: 'enforcement_case',
      entityId: caseId,
      orgId: row.org_id,
      regionCode: row.region_code,
      change: { seq, records: rows.map((r) => ({ sha256: r.sha256, kind: r.kind, name: r.name })) },
    });
  });
  return getCase({ ...ctx, scope: ALL_SCOPE }, caseId);
}
