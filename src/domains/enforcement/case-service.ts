import { loadWorkCalendar } from '../../platform/calendar/index.js';
import { ALL_SCOPE, can, chinaDate, type Ctx } from '../../platform/context.js';
import type { AuditInput } from '../../platform/audit/audit.js';
import { newId, staleVersion, writeTx } from '../../platform/db/tx.js';
import type { Tx } from '../../platform/db/types.js';
import { forbidden, invalid, notFound } from '../../platform/errors.js';
import { authorize } from '../org/policy.js';
import { projectCase } from './case-projection.js';
import { type CaseDetail, type CaseSummary, presentCase, presentDetail } from './case-present.js';
import { type CaseHead, checkLog, loadEnv, loadHandlers } from './case-checks.js';
import { checkDecisionLists } from '../powers/case-hook.js';
import { DEFAULT_MAJOR_THRESHOLDS } from './case-rules.js';
import {
  ActionData,
  type ActionRecord,
  OnTheSpotInput,
  OpenCaseInput,
  RecordActionInput,
} from './case-schema.js';
import {
  type CaseFilter,
  findCaseRow,
  listCases,
  loadActions,
  loadThresholds,
  nextCaseSerial,
} from './case-store.js';
import type { EnforcementBody } from './officer-schema.js';
import {
  getCasePublication,
  insertPublications,
  type NewPublication,
  type Publication,
} from './publication-service.js';
import { findBody } from './officer-store.js';

const today = (ctx: Ctx) => chinaDate(ctx.now());

/** A new case: its head and first act, from the 立案 or 当场处罚 input. */
export type DraftAction = Omit<ActionRecord, 'data'> & { data?: ActionRecord['data'] };
export type CaseDraft = { kind: 'open' | 'onTheSpot'; input: unknown; actions?: readonly DraftAction[] };

function parseDraft(draft: CaseDraft, i: number, many: boolean) {
  const schema = draft.kind === 'open' ? OpenCaseInput : OnTheSpotInput;
  const parsed = schema.safeParse(draft.input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue ? issue.path.map(String).join('.') : '';
    throw invalid(
      'validation',
      `${many ? `第 ${i + 1} 件:` : ''}${field ? `${field}:` : ''}${issue?.message ?? '输入有误'}`,
      field,
    );
  }
  return parsed.data;
}

/**
 * Opens cases (立案 or 当场处罚), optionally with later acts already taken — the path of a single
 * 立案, of historical imports and of the demo seed. The whole batch is checked by the same rules as
 * live acts, then written in one transaction with one audit entry; one bad case writes nothing.
 */
export async function createCases(ctx: Ctx, drafts: readonly CaseDraft[]): Promise<string[]> {
  authorize(ctx.actor, 'enforcement:case:edit');
  const write = await prepareCases(ctx, drafts);
  return writeTx(ctx.db, ctx.actor, write);
}

/** Writes prepared cases inside the caller's transaction (another domain's write can include them). */
export type CaseWriter = (trx: Tx, audit: (entry: AuditInput) => void) => Promise<string[]>;

/**
 * Checks drafts by the enforcement rules and returns the writer — no permission check: the caller
 * authorizes (createCases, or an inspection result that opens a case by 双随机 rules).
 */
export async function prepareCases(ctx: Ctx, drafts: readonly CaseDraft[]): Promise<CaseWriter> {
  const parsed = drafts.map((d, i) => ({ draft: d, input: parseDraft(d, i, drafts.length > 1) }));
  const env = await loadEnv(ctx, [...new Set(parsed.flatMap((p) => p.input.handlerIds))]);
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
  const serials = new Map<string, number>();
  const cases: Parameters<typeof insertCases>[1] = [];
  for (const [i, { draft, input }] of parsed.entries()) {
    let body = bodies.get(input.bodyId);
    if (!body) {
      body = await findBody(ctx.db, ctx.scope, input.bodyId);
      if (!body) throw notFound('enforcement.bodyNotFound', '执法主体不存在或不在您的权限范围内');
      bodies.set(input.bodyId, body);
    }
    const summary = 'sanction' in input;
    const first: ActionRecord = summary
      ? {
          action: 'onTheSpot',
          date: input.decidedOn,
          data: { sanction: input.sanction, ...(input.decisionNo ? { decisionNo: input.decisionNo } : {}) },
          actorId: ctx.actor.userId,
        }
      : { action: 'open', date: input.openedOn, data: {}, actorId: ctx.actor.userId };
    const log: ActionRecord[] = [
      first,
      ...(draft.actions ?? []).map(
        (a): ActionRecord => ({
          action: a.action,
          date: a.date,
          actorId: a.actorId,
          data: ActionData.parse(a.data ?? {}),
        }),
      ),
    ];
    const head: CaseHead = {
      procedure: summary ? 'summary' : 'ordinary',
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
    const short = body.name.replace(/^开远市/, '').replace(/(局|大队|执法队)$/, '');
    cases.push({
      head,
      log,
      input,
      caseNo: `开${short}${summary ? '简' : '罚'}〔${year}〕${serial}号`,
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
    const ids = await insertCases(trx, cases, ctx, names);
    // a decision creates its 公示 record in the same transaction (国办发〔2018〕118号)
    await insertPublications(
      trx,
      cases.flatMap((c, i) => {
        const decided = c.log.find((a) => a.action === 'decide' || a.action === 'onTheSpot');
        const item = c.input.powerItemId ? items.get(c.input.powerItemId) : undefined;
        if (!decided) return [];
        return [
          publicationOf(
            ids[i] ?? '',
            c.head,
            c.caseNo,
            c.input,
            decided,
            item ? `《${item.law_name}》${item.article}` : null,
          ),
        ];
      }),
      env.calendar,
      ctx.actor.userId,
    );
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

/** The 公示 source of a decided case (masked by publicationContent, never here). */
function publicationOf(
  caseId: string,
  head: CaseHead,
  caseNo: string,
  input: {
    partyName: string;
    partyIdNumber?: string | undefined;
    partyUscc?: string | undefined;
    partyMinor?: boolean | undefined;
    facts: string;
  },
  decided: ActionRecord,
  basis: string | null,
): NewPublication {
  return {
    caseId,
    regionCode: head.regionCode,
    orgId: head.body.orgId,
    partyMinor: input.partyMinor ?? false,
    source: {
      caseNo,
      decisionNo: decided.data.decisionNo ?? null,
      orgName: head.body.name,
      partyKind: head.partyKind,
      partyName: input.partyName,
      partyUscc: input.partyUscc ?? null,
      partyIdNumber: input.partyIdNumber ?? null,
      facts: input.facts,
      basis,
      penalties: decided.data.sanction?.penalties ?? [],
      amount: decided.data.sanction?.amount ?? null,
      decidedOn: decided.date,
    },
  };
}

async function insertCases(
  trx: Parameters<Parameters<typeof writeTx>[2]>[0],
  cases: {
    head: CaseHead;
    log: ActionRecord[];
    input: {
      powerItemId?: string | undefined;
      partyName: string;
      partyIdNumber?: string | undefined;
      partyUscc?: string | undefined;
      partyMinor?: boolean | undefined;
      facts: string;
      handlerIds: string[];
    };
    caseNo: string;
    projection: ReturnType<typeof projectCase>;
  }[],
  ctx: Ctx,
  names: ReadonlyMap<string | null, string>,
): Promise<string[]> {
  const rows = cases.map((c) => ({
    id: newId(),
    region_code: c.head.regionCode,
    org_id: c.head.body.orgId,
    body_id: c.head.body.id,
    power_item_id: c.input.powerItemId ?? null,
    case_no: c.caseNo,
    category: 'penalty',
    procedure: c.head.procedure,
    party_kind: c.head.partyKind,
    party_name: c.input.partyName,
    party_id_number: c.input.partyIdNumber ?? null,
    party_uscc: c.input.partyUscc ?? null,
    party_minor: c.input.partyMinor ?? false,
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
      org_id: c.head.body.orgId,
      seq: seq + 1,
      action: a.action,
      occurred_on: a.date,
      data: JSON.stringify(a.data),
      actor_id: a.actorId,
      actor_name: names.get(a.actorId) ?? '',
    })),
  );
  for (let i = 0; i < rows.length; i += 300)
    await trx
      .insertInto('enforcement_case')
      .values(rows.slice(i, i + 300))
      .execute();
  for (let i = 0; i < actions.length; i += 1000)
    await trx
      .insertInto('enforcement_case_action')
      .values(actions.slice(i, i + 1000))
      .execute();
  return rows.map((r) => r.id);
}

export async function openCase(ctx: Ctx, raw: unknown) {
  const [id] = await createCases(ctx, [{ kind: 'open', input: raw }]);
  return getCase({ ...ctx, scope: ALL_SCOPE }, id ?? '');
}

export async function decideOnTheSpot(ctx: Ctx, raw: unknown) {
  const [id] = await createCases(ctx, [{ kind: 'onTheSpot', input: raw }]);
  return getCase({ ...ctx, scope: ALL_SCOPE }, id ?? '');
}

export async function searchCases(
  ctx: Ctx,
  filter: CaseFilter,
  page: { offset: number; limit: number },
): Promise<{ items: CaseSummary[]; total: number }> {
  authorize(ctx.actor, 'enforcement:case:list');
  const t = today(ctx);
  const { rows, total } = await listCases(ctx.db, ctx.scope, filter, t, page);
  return { items: rows.map((r) => presentCase(r, t)), total };
}

export async function getCase(
  ctx: Ctx,
  id: string,
): Promise<CaseDetail & { publication: Publication | null }> {
  authorize(ctx.actor, 'enforcement:case:list');
  const row = await findCaseRow(ctx.db, ctx.scope, id);
  if (!row) throw notFound('enforcement.caseNotFound', '案件不存在或不在您的权限范围内');
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
    publication: await getCasePublication(ctx, id),
  };
}

const REVIEW_ACTIONS = new Set(['passReview', 'returnReview']);

/** Appends one act to a case's log after checking it against the whole log (optimistic lock on version). */
export async function recordAction(ctx: Ctx, caseId: string, raw: unknown) {
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
  const body = await findBody(ctx.db, ALL_SCOPE, row.body_id);
  if (!body) throw notFound('enforcement.bodyNotFound');
  const head: CaseHead = {
    procedure: row.procedure as CaseHead['procedure'],
    partyKind: row.party_kind as CaseHead['partyKind'],
    openedOn: row.opened_on,
    majorReason: row.major_reason,
    regionCode: row.region_code,
    body,
    handlerIds: row.handler_ids,
  };
  const next: ActionRecord = {
    action: input.action,
    date: input.date,
    data: input.data,
    actorId: ctx.actor.userId,
  };
  const full = [...log, next];
  checkLog(head, full, env, review ? 'action' : 'handlerIds');
  await checkDecisionLists(ctx, {
    ...head,
    powerItemId: row.power_item_id,
    action: next.action,
    data: next.data,
  });
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
    if (next.action === 'decide') {
      const party = await trx
        .selectFrom('enforcement_case as c')
        .leftJoin('power_item as p', 'p.id', 'c.power_item_id')
        .select(['c.party_id_number', 'c.party_uscc', 'c.party_minor', 'p.law_name', 'p.article'])
        .where('c.id', '=', caseId)
        .executeTakeFirstOrThrow();
      const partyInput = {
        partyName: row.party_name,
        partyIdNumber: party.party_id_number ?? undefined,
        partyUscc: party.party_uscc ?? undefined,
        partyMinor: party.party_minor,
        facts: row.facts,
      };
      const basis = party.law_name && party.article ? `《${party.law_name}》${party.article}` : null;
      await insertPublications(
        trx,
        [publicationOf(caseId, head, row.case_no, partyInput, next, basis)],
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
      change: { action: input.action, date: input.date, data: input.data, status: projection.status },
    });
  });
  return getCase({ ...ctx, scope: ALL_SCOPE }, caseId);
}
