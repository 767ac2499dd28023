import { withOrg } from '../../org/org-store.js';
import { type Selectable, sql } from 'kysely';
import { chinaDate, type Ctx } from '../../../platform/context.js';
import {
  insertAudited,
  insertOwned,
  newId,
  updateVersioned,
  writeTx,
  ownedBy,
} from '../../../platform/db/tx.js';
import { invalid, notFound } from '../../../platform/errors.js';
import { inScope } from '../../../platform/scope.js';
import { listPendingPublications, listSupervisionFacts } from '../../enforcement/api.js';
import { authorize } from '../../org/policy.js';
import { appendAction, loadActions } from '../action-log.js';
import type { ClueTable } from '../tables.js';
import { issuerOrg, orgInScope } from '../org-access.js';
import { raiseFindings, raiseRectification } from '../rectification/service.js';
import { CLUE_ALLOWED, caseRuleHits, deriveClueStatus, overduePublication, type RuleHit } from './rules.js';
import {
  ClueActInput,
  type ClueRule,
  type ClueSource,
  type ClueStatus,
  CreateTipOffInput,
  IssueOpinionInput,
  type OpinionKind,
} from './schema.js';

/**
 * Runs every clue rule over the enforcement records in the caller's scope (read through the
 * enforcement api) and registers each new hit once: a rule and a case make one clue, ever.
 */
export async function scanClues(ctx: Ctx): Promise<{ found: number; added: number }> {
  authorize(ctx.actor, 'oversight:clue:edit');
  const today = chinaDate(ctx.now());
  const [facts, pubs] = await Promise.all([
    listSupervisionFacts(ctx.db, ctx.scope),
    listPendingPublications(ctx.db, ctx.scope),
  ]);
  const hits: RuleHit[] = [
    ...facts.flatMap((f) => caseRuleHits(f, today)),
    ...pubs.map((p) => overduePublication(p, today)).filter((h): h is RuleHit => h !== null),
  ];
  if (hits.length === 0) return { found: 0, added: 0 };
  return writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    let added = 0;
    for (const h of hits) {
      const res = await trx
        .insertInto('oversight_clue')
        .values({
          id: newId(),
          region_code: h.regionCode,
          org_id: h.orgId,
          source: 'rule',
          rule: h.rule,
          case_id: h.caseId,
          case_no: h.caseNo,
          description: h.description,
          found_on: today,
          status: 'new',
          created_by: ctx.actor.userId,
          updated_by: ctx.actor.userId,
        })
        .onConflict((oc) => oc.columns(['rule', 'case_id']).where('rule', 'is not', null).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (res) added++;
    }
    audit({
      action: 'oversight.clue.scan',
      entity: 'oversight_clue',
      entityId: null,
      orgId: ctx.actor.orgId,
      regionCode: ctx.actor.regionCode,
      change: { found: hits.length, added },
    });
    return { found: hits.length, added };
  });
}

/** A 举报 registered as a clue about an org. */
export async function createTipOff(ctx: Ctx, raw: unknown) {
  authorize(ctx.actor, 'oversight:clue:edit');
  const input = CreateTipOffInput.parse(raw);
  if (input.receivedOn > chinaDate(ctx.now()))
    throw invalid('oversight.futureDate', '收到日期不能晚于今天', 'receivedOn');
  const org = await orgInScope(ctx, input.orgId);
  const id = newId();
  await insertAudited(ctx, 'oversight_clue', 'oversight.clue.tipOff', {
    ...ownedBy(id, org),
    source: 'tipOff',
    rule: null,
    description: input.description,
    found_on: input.receivedOn,
    status: 'new',
  });
  return getClue(ctx, id);
}

export async function getClue(ctx: Ctx, id: string) {
  authorize(ctx.actor, 'oversight:rectification:list');
  const c = await withOrg(ctx.db, 'oversight_clue', 'c')
    .selectAll('c')
    .select('g.name as org_name')
    .where(inScope(ctx.scope, 'c'))
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!c) throw notFound('oversight.clueNotFound', '问题线索不存在或不在您的权限范围内');
  const actions = await loadActions(ctx.db, 'clue', id);
  return { ...presentClue(c), actions };
}

function presentClue(c: Selectable<ClueTable> & { org_name: string }) {
  return {
    id: c.id,
    orgId: c.org_id,
    orgName: c.org_name,
    source: c.source as ClueSource,
    rule: c.rule as ClueRule | null,
    caseId: c.case_id,
    caseNo: c.case_no,
    description: c.description,
    foundOn: c.found_on,
    status: c.status as ClueStatus,
    assignee: c.assignee,
    closedOn: c.closed_on,
    version: c.version,
  };
}

export async function listClues(
  ctx: Ctx,
  f: {
    status?: ClueStatus | undefined;
    rule?: ClueRule | undefined;
    source?: ClueSource | undefined;
    orgId?: string | undefined;
  },
  page: { offset: number; limit: number },
) {
  authorize(ctx.actor, 'oversight:rectification:list');
  let q = withOrg(ctx.db, 'oversight_clue', 'c').where(inScope(ctx.scope, 'c'));
  if (f.status) q = q.where('c.status', '=', f.status);
  if (f.rule) q = q.where('c.rule', '=', f.rule);
  if (f.source) q = q.where('c.source', '=', f.source);
  if (f.orgId) q = q.where('c.org_id', '=', f.orgId);
  const [rows, count] = await Promise.all([
    q
      .selectAll('c')
      .select('g.name as org_name')
      .orderBy('c.found_on', 'desc')
      .orderBy('c.id')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(presentClue), total: Number(count.n) };
}

/**
 * 交办 (office), 答复 (the org, oversight:clue:answer), 办结 (office): status from the log.
 * Closing with confirmed problems raises their 整改 items in the same transaction.
 */
export async function actOnClue(ctx: Ctx, id: string, raw: unknown) {
  const input = ClueActInput.parse(raw);
  authorize(ctx.actor, input.action === 'answer' ? 'oversight:clue:answer' : 'oversight:clue:edit');
  const clue = await getClue(ctx, id);
  const allowed: readonly string[] = CLUE_ALLOWED[clue.status];
  if (!allowed.includes(input.action))
    throw invalid('oversight.actionNotAllowed', '该线索当前状态下不能进行此操作', 'action');
  if (input.action === 'assign' && !input.assignee)
    throw invalid('oversight.assigneeRequired', '请填写承办人或承办单位', 'assignee');
  if (input.action === 'answer' && !input.answer)
    throw invalid('oversight.answerRequired', '请填写答复内容', 'answer');
  if (input.action === 'close' && !input.conclusion)
    throw invalid('oversight.conclusionRequired', '请填写办结意见', 'conclusion');
  const today = chinaDate(ctx.now());
  const issuer = input.findings.length > 0 ? await issuerOrg(ctx, input.issuerOrgId) : null;
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    const actions = await loadActions(trx, 'clue', id);
    const seq = actions.length + 1;
    const status = deriveClueStatus([...actions, { action: input.action }]);
    await updateVersioned(trx, ctx, 'oversight_clue', id, input.version, {
      status,
      ...(input.action === 'assign' ? { assignee: input.assignee ?? null } : {}),
      closed_on: status === 'closed' ? today : null,
      action_count: seq,
    });
    const data = {
      ...(input.assignee ? { assignee: input.assignee } : {}),
      ...(input.answer ? { answer: input.answer } : {}),
      ...(input.conclusion ? { conclusion: input.conclusion } : {}),
    };
    const regionCode = (
      await trx
        .selectFrom('oversight_clue')
        .select('region_code')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).region_code;
    await appendAction(trx, ctx.actor, {
      entity: 'clue',
      entityId: id,
      regionCode,
      orgId: clue.orgId,
      seq,
      action: input.action,
      occurredOn: today,
      data,
    });
    audit({
      action: `oversight.clue.${input.action}`,
      entity: 'oversight_clue',
      entityId: id,
      orgId: clue.orgId,
      regionCode,
      change: { seq, status, ...data },
    });
    if (input.action === 'close' && issuer) {
      await raiseFindings(
        trx,
        ctx.actor,
        audit,
        input.findings,
        {
          regionCode,
          orgId: clue.orgId,
          issuerOrgId: issuer.id,
          source: 'clue',
          sourceId: id,
          sourceLabel: `问题线索:${clue.caseNo ?? clue.description.slice(0, 20)}`,
          foundOn: today,
        },
        '今天',
      );
    }
  });
  return getClue(ctx, id);
}

/** 行政执法监督意见书 / 建议书 to an org: each problem it names is one 整改 item due with the document. */
export async function issueOpinion(ctx: Ctx, raw: unknown) {
  authorize(ctx.actor, 'oversight:clue:edit');
  const input = IssueOpinionInput.parse(raw);
  if (input.dueOn < input.issuedOn)
    throw invalid('oversight.dueBeforeFound', '答复期限不能早于制发日期', 'dueOn');
  if (input.issuedOn > chinaDate(ctx.now()))
    throw invalid('oversight.futureDate', '制发日期不能晚于今天', 'issuedOn');
  const issuer = await issuerOrg(ctx, input.issuerOrgId);
  const org = await orgInScope(ctx, input.orgId);
  const id = newId();
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    const row = {
      ...ownedBy(id, org),
      issuer_org_id: issuer.id,
      kind: input.kind,
      doc_no: input.docNo,
      issued_on: input.issuedOn,
      due_on: input.dueOn,
      content: input.content,
    };
    await insertOwned(trx, audit, ctx.actor, 'oversight_opinion', 'oversight.opinion.issue', row);
    for (const problem of input.problems) {
      await raiseRectification(trx, ctx.actor, audit, {
        regionCode: org.region_code,
        orgId: org.id,
        issuerOrgId: issuer.id,
        source: 'opinion',
        sourceId: id,
        sourceLabel: input.docNo,
        problem,
        foundOn: input.issuedOn,
        dueOn: input.dueOn,
      });
    }
  });
  return id;
}

export async function listOpinions(ctx: Ctx, f: { year?: number | undefined }) {
  authorize(ctx.actor, 'oversight:rectification:list');
  let q = withOrg(ctx.db, 'oversight_opinion', 'o')
    .select((eb) => [
      'o.id',
      'o.kind',
      'o.doc_no',
      'o.issued_on',
      'o.due_on',
      'o.content',
      'g.name as org_name',
      eb
        .selectFrom('oversight_rectification as r')
        .select(sql<number>`count(*) filter (where r.status <> 'closed')`.as('n'))
        .whereRef('r.source_id', '=', 'o.id')
        .as('open_items'),
    ])
    .where(inScope(ctx.scope, 'o'));
  if (f.year) q = q.where(sql<boolean>`extract(year from o.issued_on) = ${f.year}`);
  const rows = await q.orderBy('o.issued_on', 'desc').execute();
  return rows.map((o) => ({
    id: o.id,
    kind: o.kind as OpinionKind,
    docNo: o.doc_no,
    issuedOn: o.issued_on,
    dueOn: o.due_on,
    content: o.content,
    orgName: o.org_name,
    openItems: Number(o.open_items ?? 0),
  }));
}
