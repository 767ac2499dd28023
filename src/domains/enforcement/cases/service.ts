import { enforcementError } from '../errors.js';
import { parseInput } from '../../../platform/validation.js';
import { findDocPrefixes } from '../../org/org-store.js';
import { caseNoAbbreviation } from '../../org/rules.js';
import { listWorkCalendar, loadWorkCalendar } from '../../../platform/calendar/index.js';
import type { ListTotal, PageRequest } from '../../../platform/paging.js';
import { ALL_SCOPE, type Ctx, today } from '../../../platform/context.js';
import type { AuditInput } from '../../../platform/audit/audit.js';
import { writeTx } from '../../../platform/db/tx.js';
import type { Tx } from '../../../platform/db/types.js';
import { invalid } from '../../../platform/errors.js';
import type { FileStore } from '../../../platform/files/index.js';
import { authorize } from '../../org/policy.js';
import { projectCase } from './projection.js';
import { type CaseDetail, type CaseSummary, presentCase, presentDetail } from './present.js';
import { type CaseHead, checkLog, loadEnv, loadHandlers } from './checks.js';
import { procedureOf } from './procedures.js';
import { recordGaps } from './records.js';
import { DEFAULT_MAJOR_THRESHOLDS } from './rules.js';
import { ActionData, type ActionRecord, type CaseCategory, OnTheSpotInput, OpenCaseInput } from './schema.js';
import {
  type CaseFilter,
  findCaseRow,
  listCases,
  loadActions,
  loadThresholds,
  nextCaseSerial,
} from './store.js';
import { decisionEffects, insertCases, type PreparedCase, resolveRecordFiles } from './write.js';
import type { EnforcementBody } from '../officers/schema.js';
import { getCasePublication, insertPublications, type Publication } from '../publications/service.js';
import { findBody } from '../officers/store.js';
import { applyDecisionChange } from '../publications/withdrawal.js';

/** A new case: its head and first act, from the 立案 or 当场处罚 input. */
export type DraftAction = Omit<ActionRecord, 'data'> & { data?: ActionRecord['data'] };
/** `records` are the 全过程记录 of the opening act (立案审批表, 申请材料, 当场处罚决定书 …). */
export type CaseDraft = {
  kind: 'open' | 'onTheSpot';
  input: unknown;
  actions?: readonly DraftAction[];
  records?: ActionRecord['records'];
};

export interface CreateOptions {
  /** where the attachments of records are kept; records without a store are refused */
  files?: FileStore | null;
  /**
   * Transcribing closed cases from paper archives (historical import): 结案 is not refused for
   * records kept on paper. Every other rule still applies.
   */
  archive?: boolean;
}

/** Case-number letters by category: 开<主体>罚〔2025〕12号. */
const caseLetter = {
  license: '许',
  penalty: '罚',
  coercion: '强',
  inspection: '检',
  levy: '征',
  confirmation: '确',
  reward: '奖',
  adjudication: '裁',
  benefit: '给',
  other: '执',
} as const satisfies Record<CaseCategory, string>;

function parseDraft(draft: CaseDraft, i: number, many: boolean) {
  const place = { lead: many ? `第 ${i + 1} 件:` : undefined };
  return draft.kind === 'open'
    ? parseInput(OpenCaseInput, draft.input, place)
    : parseInput(OnTheSpotInput, draft.input, place);
}

/**
 * Opens cases (立案 or 当场处罚), optionally with later acts already taken — the path of a single
 * 立案, of historical imports and of the demo seed. The whole batch is checked by the same rules as
 * live acts, then written in one transaction with one audit entry; one bad case writes nothing.
 */
export async function createCases(
  ctx: Ctx,
  drafts: readonly CaseDraft[],
  opts: CreateOptions = {},
): Promise<string[]> {
  authorize(ctx.actor, 'enforcement:case:edit');
  const write = await prepareCases(ctx, drafts, opts);
  return writeTx(ctx.db, ctx.actor, write);
}

/** Writes prepared cases inside the caller's transaction (another domain's write can include them). */
export type CaseWriter = (trx: Tx, audit: (entry: AuditInput) => void) => Promise<string[]>;

/**
 * Checks drafts by the enforcement rules and returns the writer — no permission check: the caller
 * authorizes (createCases, or an inspection result that opens a case by 双随机 rules).
 */
export async function prepareCases(
  ctx: Ctx,
  drafts: readonly CaseDraft[],
  opts: CreateOptions = {},
): Promise<CaseWriter> {
  const parsed = drafts.map((d, i) => ({ draft: d, input: parseDraft(d, i, drafts.length > 1) }));
  const env = await loadEnv(ctx, [...new Set(parsed.flatMap((p) => p.input.handlerIds))]);
  env.archive = opts.archive ?? false;
  const sizes = await resolveRecordFiles(
    ctx.db,
    opts.files,
    drafts.flatMap((d) => [...(d.records ?? []), ...(d.actions ?? []).flatMap((a) => a.records ?? [])]),
  );
  const itemIds = [...new Set(parsed.flatMap((p) => (p.input.powerItemId ? [p.input.powerItemId] : [])))];
  const items = new Map(
    itemIds.length === 0
      ? []
      : (
          await ctx.db
            .selectFrom('power_item')
            .select(['id', 'org_id', 'status', 'law_name', 'article'])
            .where('id', 'in', itemIds)
            .execute()
        ).map((r) => [r.id, r]),
  );
  const bodies = new Map<string, EnforcementBody>();
  const prefixes = new Map<string, string | null>();
  const serials = new Map<string, number>();
  const cases: PreparedCase[] = [];
  for (const [i, { draft, input }] of parsed.entries()) {
    let body = bodies.get(input.bodyId);
    if (!body) {
      body = await findBody(ctx.db, ctx.scope, input.bodyId);
      if (!body) throw enforcementError('enforcement.bodyNotFound');
      bodies.set(input.bodyId, body);
      if (!prefixes.has(body.orgId))
        prefixes.set(body.orgId, (await findDocPrefixes(ctx.db, [body.orgId])).get(body.orgId) ?? null);
    }
    const summary = 'sanction' in input;
    const category: CaseCategory = 'category' in input ? (input.category ?? 'penalty') : 'penalty';
    const procedure = summary ? 'summary' : procedureOf(category);
    const records = draft.records ? { records: draft.records } : {};
    const first: ActionRecord = summary
      ? {
          action: 'onTheSpot',
          date: input.decidedOn,
          data: { sanction: input.sanction, ...(input.decisionNo ? { decisionNo: input.decisionNo } : {}) },
          actorId: ctx.actor.userId,
          ...records,
        }
      : {
          action: procedure === 'license' ? 'apply' : 'open',
          date: input.openedOn,
          data: {},
          actorId: ctx.actor.userId,
          ...records,
        };
    const log: ActionRecord[] = [
      first,
      ...(draft.actions ?? []).map(
        (a): ActionRecord => ({
          action: a.action,
          date: a.date,
          actorId: a.actorId,
          data: ActionData.parse(a.data ?? {}),
          ...(a.records ? { records: a.records } : {}),
        }),
      ),
    ];
    const head: CaseHead = {
      procedure,
      partyKind: input.partyKind,
      openedOn: first.date,
      majorReason: 'majorReason' in input ? (input.majorReason ?? null) : null,
      regionCode: body.regionCode,
      body,
      handlerIds: input.handlerIds,
    };
    try {
      checkLog(head, log, env);
    } catch (e) {
      if (drafts.length > 1 && e instanceof Error) e.message = `第 ${i + 1} 件:${e.message}`;
      throw e;
    }
    if (input.powerItemId) {
      const item = items.get(input.powerItemId);
      if (!item || item.org_id !== body.orgId || item.status !== 'active') {
        throw invalid('enforcement.powerItemMismatch', '所选权责事项不属于本执法主体或已取消', 'powerItemId');
      }
    }
    const year = Number(first.date.slice(0, 4));
    const key = `${body.orgId}/${year}`;
    const serial = serials.get(key) ?? (await nextCaseSerial(ctx.db, body.orgId, year));
    serials.set(key, serial + 1);
    const short = prefixes.get(body.orgId) ?? caseNoAbbreviation(body.name);
    cases.push({
      head,
      category,
      log,
      input,
      caseNo: `${short}${summary ? '简' : caseLetter[category]}〔${year}〕${serial}号`,
      projection: projectCase(head, log, env.calendar, env.thresholds(body.regionCode)),
    });
  }
  const actorIds = [...new Set(cases.flatMap((c) => c.log.flatMap((a) => (a.actorId ? [a.actorId] : []))))];
  const names = new Map<string | null, string>([[ctx.actor.userId, ctx.actor.displayName]]);
  if (actorIds.length > 0) {
    for (const u of await ctx.db
      .selectFrom('app_user')
      .select(['id', 'display_name'])
      .where('id', 'in', actorIds)
      .execute())
      names.set(u.id, u.display_name);
  }
  return async (trx, audit) => {
    const ids = await insertCases(trx, cases, ctx, names, sizes);
    // a decision creates its 公示 record in the same transaction (国办发〔2018〕118号); a decision
    // already changed or revoked in the draft has its publication withheld (第四十八条)
    const effects = cases.map((c, i) => {
      const item = c.input.powerItemId ? items.get(c.input.powerItemId) : undefined;
      return decisionEffects(
        {
          caseId: ids[i] ?? '',
          head: c.head,
          category: c.category,
          caseNo: c.caseNo,
          party: c.input,
          basis: item ? `《${item.law_name}》${item.article}` : null,
        },
        c.log,
      );
    });
    await insertPublications(
      trx,
      effects.flatMap((e) => (e.publication ? [e.publication] : [])),
      env.calendar,
      ctx.actor.userId,
    );
    for (const [i, e] of effects.entries())
      if (e.change) await applyDecisionChange(trx, ids[i] ?? '', e.change, env.calendar, ctx.actor.userId);
    const only = cases[0];
    if (cases.length === 1 && only) {
      audit({
        action: 'enforcement.case.open',
        entity: 'enforcement_case',
        entityId: ids[0] ?? null,
        orgId: only.head.body.orgId,
        regionCode: only.head.regionCode,
        change: { caseNo: only.caseNo, actions: only.log.map((a) => a.action) },
      });
    } else {
      audit({
        action: 'enforcement.case.bulkCreate',
        entity: 'enforcement_case',
        change: { count: cases.length, actions: cases.reduce((s, c) => s + c.log.length, 0) },
      });
    }
    return ids;
  };
}

export async function openCase(
  ctx: Ctx,
  raw: unknown,
  opts: CreateOptions = {},
  records?: CaseDraft['records'],
) {
  const [id] = await createCases(ctx, [{ kind: 'open', input: raw, ...(records ? { records } : {}) }], opts);
  return getCase({ ...ctx, scope: ALL_SCOPE }, id ?? '');
}

export async function decideOnTheSpot(
  ctx: Ctx,
  raw: unknown,
  opts: CreateOptions = {},
  records?: CaseDraft['records'],
) {
  const [id] = await createCases(
    ctx,
    [{ kind: 'onTheSpot', input: raw, ...(records ? { records } : {}) }],
    opts,
  );
  return getCase({ ...ctx, scope: ALL_SCOPE }, id ?? '');
}

export async function searchCases(
  ctx: Ctx,
  filter: CaseFilter,
  page: PageRequest,
): Promise<{ items: CaseSummary[] } & ListTotal> {
  authorize(ctx.actor, 'enforcement:case:list');
  const t = today(ctx);
  const [{ rows, total, totalKind }, calendar] = await Promise.all([
    listCases(ctx.db, ctx.scope, filter, t, page),
    listWorkCalendar(ctx.db),
  ]);
  return { items: rows.map((r) => presentCase(r, t, calendar)), total, totalKind };
}

export async function getCase(
  ctx: Ctx,
  id: string,
): Promise<CaseDetail & { recordGaps: ReturnType<typeof recordGaps>; publication: Publication | null }> {
  authorize(ctx.actor, 'enforcement:case:list');
  const row = await findCaseRow(ctx.db, ctx.scope, id);
  if (!row) throw enforcementError('enforcement.caseNotFound');
  const [actions, handlers, calendar, thresholds] = await Promise.all([
    loadActions(ctx.db, id),
    loadHandlers(ctx, row.handler_ids),
    loadWorkCalendar(ctx.db),
    loadThresholds(ctx.db, row.region_code, DEFAULT_MAJOR_THRESHOLDS),
  ]);
  const people = row.handler_ids.map((hid) => {
    const h = handlers.get(hid);
    return { id: hid, name: h?.name ?? '', certificateNumber: h?.certificates[0]?.number ?? null };
  });
  return {
    ...presentDetail(row, actions, people, calendar, thresholds, today(ctx)),
    recordGaps: recordGaps(row.procedure as CaseHead['procedure'], actions),
    publication: await getCasePublication(ctx, id),
  };
}
