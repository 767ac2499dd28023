import { enforcementError } from '../errors.js';
import { calendarFromJson } from '../../../platform/calendar/index.js';
import { can, chinaDate, ALL_SCOPE, type Ctx } from '../../../platform/context.js';
import { atVersion, newId, staleVersion, writeTx } from '../../../platform/db/tx.js';
import { forbidden, invalid, notFound } from '../../../platform/errors.js';
import type { FileStore } from '../../../platform/files/index.js';
import { authorize } from '../../org/policy.js';
import { checkDecisionLists } from '../../powers/case-hook.js';
import { findActCase, writeAct } from './act-store.js';
import { type CaseHead, checkLog, type Env, handlerMap } from './checks.js';
import { presentDetail } from './present.js';
import { flowOf, isDeciding } from './procedures.js';
import { projectCase } from './projection.js';
import { recordGaps } from './records.js';
import { DEFAULT_MAJOR_THRESHOLDS } from './rules.js';
import { type ActionRecord, type CaseCategory, RecordActionInput, RecordsInput } from './schema.js';
import { getCase } from './service.js';
import { type CaseRow, findCaseRow, type StoredRecord, thresholdsOf } from './store.js';
import { decisionEffects, recordRows, resolveRecordFiles, verifyRecordFiles } from './write.js';
import { presentBody } from '../officers/store.js';
import { presentPublication, publicationRow } from '../publications/service.js';
import { changeEffect } from '../publications/withdrawal.js';
import { checkNoPendingReferral } from '../referrals/rules.js';

const REVIEW_ACTIONS = new Set(['passReview', 'returnReview']);

/**
 * Appends one act to a case's log after checking it against the whole log (optimistic lock on
 * version), with its 全过程记录. A deciding act creates the decision's publication; 变更 / 撤销
 * starts its withdrawal clock (行政处罚法 第四十八条) — all in one transaction.
 *
 * One read (findActCase: the case, its log and everything the checks need), the checks in memory,
 * one write transaction (writeAct: one statement, then the audit entry), and the answer built from
 * what is in memory — six statements in all (enforcement/cases/act-queries.test.ts counts them).
 */
export async function recordAction(ctx: Ctx, caseId: string, raw: unknown, files?: FileStore | null) {
  const input = RecordActionInput.parse(raw);
  const review = REVIEW_ACTIONS.has(input.action) || input.action === 'submitReview';
  if (REVIEW_ACTIONS.has(input.action)) {
    if (!can(ctx.actor, 'enforcement:case:review'))
      throw forbidden('auth.forbidden', '只有法制审核人员可以作出审核意见');
  } else authorize(ctx.actor, 'enforcement:case:edit');
  const found = await findActCase(ctx.db, ctx.scope, caseId, {
    lists: input.action === 'decide' || input.action === 'terminate',
    leniencyItemId: input.data.leniencyItemId,
    hashes: [...new Set((input.records ?? []).map((r) => r.sha256))],
  });
  const row = atVersion(found, input.version, () => enforcementError('enforcement.caseNotFound'));
  if (!row.body) throw enforcementError('enforcement.bodyNotFound');
  const calendar = calendarFromJson(row.calendar);
  const thresholds = thresholdsOf(row.thresholds, DEFAULT_MAJOR_THRESHOLDS);
  const handlers = handlerMap(row.handlers);
  const env: Env = {
    today: chinaDate(ctx.now()),
    calendar,
    thresholds: (code) => (code === row.region_code ? thresholds : DEFAULT_MAJOR_THRESHOLDS),
    reviewers: new Set(row.reviewers),
    handlers,
    archive: false,
  };
  const head: CaseHead = {
    procedure: row.procedure as CaseHead['procedure'],
    partyKind: row.party_kind as CaseHead['partyKind'],
    openedOn: row.opened_on,
    majorReason: row.major_reason,
    regionCode: row.region_code,
    body: presentBody(row.body),
    handlerIds: row.handler_ids,
  };
  const bySeq = new Map<number, StoredRecord[]>();
  for (const r of row.records)
    bySeq.set(r.seq, [
      ...(bySeq.get(r.seq) ?? []),
      { sha256: r.sha256, kind: r.kind, name: r.name, size: Number(r.size), late: r.late },
    ]);
  const log = row.log.map((a) => ({ ...a, records: bySeq.get(a.seq) ?? [] }));
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
  checkDecisionLists(row.lists, { powerItemId: row.power_item_id, action: next.action, data: next.data });
  if (isDeciding(next.action) && flowOf(head.procedure) === 'penalty')
    checkNoPendingReferral(row.referral_status);
  const sizes = await verifyRecordFiles(files, input.records ?? [], row.files);
  const projection = projectCase(head, full, calendar, thresholds);
  const effects = decisionEffects(
    {
      caseId,
      head,
      category: row.category as CaseCategory,
      caseNo: row.case_no,
      party: {
        partyName: row.party_name,
        partyIdNumber: row.party_id_number ?? undefined,
        partyUscc: row.party_uscc ?? undefined,
        partyMinor: row.party_minor,
        partyAddress: row.party_address ?? undefined,
        privateNames: row.private_names,
        facts: row.facts,
      },
      basis: row.law_name && row.article ? `《${row.law_name}》${row.article}` : null,
    },
    [next],
  );
  const records = recordRows(
    caseId,
    { regionCode: row.region_code, orgId: row.org_id, openedOn: row.opened_on },
    full.length,
    next.records,
    sizes,
    ctx.actor.userId,
    false,
  );
  const written = await writeTx(
    ctx.db,
    ctx.actor,
    async (trx, audit) => {
      let out: Awaited<ReturnType<typeof writeAct>>;
      try {
        out = await writeAct(trx, {
          caseId,
          version: input.version,
          projection,
          actorId: ctx.actor.userId,
          now: ctx.now(),
          action: {
            id: newId(),
            case_id: caseId,
            region_code: row.region_code,
            case_opened_on: row.opened_on,
            org_id: row.org_id,
            seq: full.length,
            action: next.action,
            occurred_on: next.date,
            data: JSON.stringify(next.data),
            actor_id: ctx.actor.userId,
            actor_name: ctx.actor.displayName,
          },
          records,
          publication: effects.publication
            ? publicationRow(effects.publication, calendar, ctx.actor.userId)
            : null,
          change: effects.change ? { change: effects.change, calendar } : null,
        });
      } catch (e) {
        // a concurrent act took this seq (or created the publication) first: the same stale version
        if ((e as { code?: string }).code === '23505') throw staleVersion();
        throw e;
      }
      if (!out) throw staleVersion();
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
          ...(records.length > 0
            ? { records: records.map((r) => ({ sha256: r.sha256, name: r.name })) }
            : {}),
          ...(effects.change ? { publication: changeEffect(out.publication) } : {}),
        },
      });
      return out;
    },
    undefined,
    { auditLockHeld: true },
  );
  // the answer from memory: the row as written, the log with this act, the publication as written
  authorize(ctx.actor, 'enforcement:case:list');
  const after: CaseRow = {
    ...row,
    status: projection.status,
    decided_on: projection.decided_on,
    closed_on: projection.closed_on,
    penalties: projection.penalties,
    amount: projection.amount === null ? null : String(projection.amount),
    is_major: projection.is_major,
    reviewed: projection.reviewed,
    next_due_kind: projection.next_due_kind,
    next_due_on: projection.next_due_on,
    action_count: projection.action_count,
    version: row.version + 1,
  };
  const actions = [
    ...log,
    {
      ...next,
      seq: full.length,
      actorName: ctx.actor.displayName,
      // as loadActions orders them: one act's records were added together, so by id
      records: [...records]
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map((r) => ({ sha256: r.sha256, kind: r.kind, name: r.name, size: r.size, late: r.late })),
    },
  ];
  const people = row.handler_ids.map((hid) => {
    const h = handlers.get(hid);
    return { id: hid, name: h?.name ?? '', certificateNumber: h?.certificates[0]?.number ?? null };
  });
  const publication = written.publication ?? row.publication;
  return {
    ...presentDetail(after, actions, people, calendar, thresholds, env.today),
    recordGaps: recordGaps(head.procedure, actions),
    publication: publication ? presentPublication(publication, env.today, calendar) : null,
  };
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
  if (!row) throw enforcementError('enforcement.caseNotFound');
  if (!Number.isInteger(seq) || seq < 1 || seq > row.action_count)
    throw notFound('enforcement.actionNotFound', `本案没有第 ${seq} 个办理环节`);
  const sizes = await resolveRecordFiles(ctx.db, files, parsed.data);
  const rows = recordRows(
    caseId,
    { regionCode: row.region_code, orgId: row.org_id, openedOn: row.opened_on },
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
