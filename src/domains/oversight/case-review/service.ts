import { withOrg } from '../../org/org-store.js';
import { randomBytes } from 'node:crypto';
import { chinaDate, type Ctx } from '../../../platform/context.js';
import {
  insertAudited,
  insertOwned,
  newId,
  staleVersion,
  writeTx,
  ownedBy,
} from '../../../platform/db/tx.js';
import { canonicalJson, commitRevealSeed } from '../../../platform/draw/hash.js';
import { conflict, invalid, notFound } from '../../../platform/errors.js';
import { inScope } from '../../../platform/scope.js';
import { caseCategoryLabels, getCase, listClosedCases } from '../../enforcement/api.js';
import { authorize } from '../../org/policy.js';
import { nextEdition } from '../edition.js';
import { issuerOrg, orgInScope } from '../org-access.js';
import { raiseFindings } from '../rectification/service.js';
import { checkRubric, gradeOf, scoreTotal } from './rules.js';
import {
  runSample,
  SAMPLE_ALGORITHM,
  type SampleInput,
  type SamplePick,
  type SampleVerification,
  sampleHashes,
  verifySample,
} from './sample.js';
import {
  CreateCampaignInput,
  CreateRubricInput,
  type Grade,
  type RubricItem,
  ScoreFileInput,
} from './schema.js';

/** A new edition of a rubric (the first, or the next of the same name); earlier editions stay as they were. */
export async function createRubric(ctx: Ctx, raw: unknown) {
  authorize(ctx.actor, 'oversight:review:edit');
  const input = CreateRubricInput.parse(raw);
  checkRubric(input);
  const org = await issuerOrg(ctx, input.orgId);
  const id = newId();
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    const row = {
      ...ownedBy(id, org),
      name: input.name,
      edition: await nextEdition(trx, 'oversight_rubric', org.region_code, input.name),
      items: JSON.stringify(input.items),
      excellent_from: input.excellentFrom,
      pass_from: input.passFrom,
    };
    await insertOwned(trx, audit, ctx.actor, 'oversight_rubric', 'oversight.rubric.create', row);
  });
  return getRubric(ctx, id);
}

export async function getRubric(ctx: Ctx, id: string) {
  // a rubric is the region's reference data: readable in the region, edited as new editions
  let q = ctx.db.selectFrom('oversight_rubric').selectAll().where('id', '=', id);
  if (ctx.scope.regionCodes.length > 0) q = q.where('region_code', 'in', [...ctx.scope.regionCodes]);
  const r = await q.executeTakeFirst();
  if (!r) throw notFound('oversight.rubricNotFound', '评查标准不存在');
  return {
    id: r.id,
    name: r.name,
    edition: r.edition,
    items: r.items as RubricItem[],
    excellentFrom: r.excellent_from,
    passFrom: r.pass_from,
  };
}

export async function listRubrics(ctx: Ctx) {
  const rows = await ctx.db
    .selectFrom('oversight_rubric')
    .select('id')
    .orderBy('name')
    .orderBy('edition', 'desc')
    .execute();
  return Promise.all(rows.map((r) => getRubric(ctx, r.id)));
}

/**
 * Creates a campaign and commits to its sample frame: the closed cases of the period in the
 * caller's scope (optionally of some orgs and categories) are frozen and hashed now; the draw
 * comes later from a reveal the server fixes then (commit–reveal, as the 双随机 draw).
 */
export async function createCampaign(ctx: Ctx, raw: unknown) {
  authorize(ctx.actor, 'oversight:review:edit');
  const input = CreateCampaignInput.parse(raw);
  if (input.closedTo < input.closedFrom)
    throw invalid('oversight.periodOrder', '结案截止日期不能早于起始日期', 'closedTo');
  const rubric = await getRubric(ctx, input.rubricId);
  const org = await issuerOrg(ctx, input.orgId);
  for (const [i, id] of input.orgIds.entries()) {
    try {
      await orgInScope(ctx, id);
    } catch {
      throw invalid('oversight.badOrg', '被评查单位不存在或不在您的权限范围内', `orgIds.${i}`);
    }
  }
  const frame = await listClosedCases(ctx.db, ctx.scope, {
    from: input.closedFrom,
    to: input.closedTo,
    orgIds: input.orgIds,
    categories: input.categories,
  });
  if (frame.length === 0)
    throw invalid('oversight.emptyFrame', '所选期间和范围内没有已结案的执法案件,无法抽取案卷', 'closedFrom');
  const id = newId();
  const sample: SampleInput = {
    algorithm: SAMPLE_ALGORITHM,
    campaignId: id,
    closedFrom: input.closedFrom,
    closedTo: input.closedTo,
    perStratum: input.perStratum,
    candidates: frame.map((c) => [c.id, c.orgId, c.category]),
  };
  const { commitment } = sampleHashes(sample);
  await insertAudited(
    ctx,
    'oversight_review_campaign',
    'oversight.review.commit',
    {
      ...ownedBy(id, org),
      year: input.year,
      title: input.title,
      rubric_id: rubric.id,
      closed_from: input.closedFrom,
      closed_to: input.closedTo,
      per_stratum: input.perStratum,
      frozen_input: canonicalJson(sample),
      commitment,
      candidate_count: frame.length,
      committed_at: ctx.now(),
    },
    { commitment, candidateCount: frame.length },
  );
  return getCampaign(ctx, id);
}

async function campaignRow(ctx: Ctx, id: string) {
  const c = await ctx.db
    .selectFrom('oversight_review_campaign as c')
    .selectAll('c')
    .where(inScope(ctx.scope, 'c'))
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!c) throw notFound('oversight.campaignNotFound', '评查活动不存在或不在您的权限范围内');
  return c;
}

/** The reveal: the server fixes the instant and 32 random bytes now, then draws from the seed. */
export async function drawCampaign(ctx: Ctx, id: string) {
  authorize(ctx.actor, 'oversight:review:edit');
  const c = await campaignRow(ctx, id);
  if (c.seed) throw conflict('oversight.alreadyDrawn', '该评查活动已抽取案卷,不能重新抽取');
  const input = JSON.parse(c.frozen_input) as SampleInput;
  const reveal = { drawnAt: ctx.now().toISOString(), serverRandom: randomBytes(32).toString('hex') };
  const seed = commitRevealSeed(c.commitment, reveal);
  const { picks, resultHash } = runSample(input, seed);
  const orgOf = new Map(input.candidates.map((x) => [x[0], x[1]]));
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    const res = await trx
      .updateTable('oversight_review_campaign')
      .set({
        reveal: JSON.stringify(reveal),
        seed,
        result_hash: resultHash,
        drawn_at: ctx.now(),
        updated_by: ctx.actor.userId,
        updated_at: ctx.now(),
        version: c.version + 1,
      })
      .where('id', '=', id)
      .where('seed', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1)
      throw conflict('oversight.alreadyDrawn', '该评查活动已抽取案卷,不能重新抽取');
    if (picks.length > 0)
      await trx
        .insertInto('oversight_review_file')
        .values(
          picks.map(([caseId, stratum], i) => ({
            id: newId(),
            campaign_id: id,
            region_code: c.region_code,
            org_id: orgOf.get(caseId) ?? c.org_id,
            case_id: caseId,
            seq: i + 1,
            stratum,
          })),
        )
        .execute();
    audit({
      action: 'oversight.review.draw',
      entity: 'oversight_review_campaign',
      entityId: id,
      orgId: c.org_id,
      regionCode: c.region_code,
      change: { reveal, seed, resultHash, drawn: picks.length },
    });
  });
  return getCampaign(ctx, id);
}

export async function verifyCampaignSample(ctx: Ctx, id: string): Promise<SampleVerification> {
  const c = await campaignRow(ctx, id);
  const files = await ctx.db
    .selectFrom('oversight_review_file')
    .select(['case_id', 'stratum'])
    .where('campaign_id', '=', id)
    .orderBy('seq')
    .execute();
  return verifySample({
    frozenInput: c.frozen_input,
    commitment: c.commitment,
    reveal: c.reveal,
    seed: c.seed,
    resultHash: c.result_hash,
    picks: files.map((f): SamplePick => [f.case_id, f.stratum]),
  });
}

export async function getCampaign(ctx: Ctx, id: string) {
  authorize(ctx.actor, 'oversight:rectification:list');
  const c = await campaignRow(ctx, id);
  const rubric = await getRubric(ctx, c.rubric_id);
  const files = await withOrg(ctx.db, 'oversight_review_file', 'f')
    .select([
      'f.id',
      'f.case_id',
      'f.org_id',
      'g.name as org_name',
      'f.seq',
      'f.stratum',
      'f.total',
      'f.grade',
      'f.reviewer_name',
      'f.scored_on',
      'f.version',
    ])
    .where('f.campaign_id', '=', id)
    .where(inScope(ctx.scope, 'f'))
    .orderBy('f.seq')
    .execute();
  return {
    id: c.id,
    year: c.year,
    title: c.title,
    rubric,
    closedFrom: c.closed_from,
    closedTo: c.closed_to,
    perStratum: c.per_stratum,
    commitment: c.commitment,
    candidateCount: c.candidate_count,
    committedAt: c.committed_at,
    reveal: c.reveal,
    seed: c.seed,
    resultHash: c.result_hash,
    drawnAt: c.drawn_at,
    files: files.map((f) => ({
      id: f.id,
      caseId: f.case_id,
      orgId: f.org_id,
      orgName: f.org_name,
      seq: f.seq,
      category: caseCategoryLabels[f.stratum.split('|')[1] as keyof typeof caseCategoryLabels] ?? '',
      total: f.total === null ? null : Number(f.total),
      grade: f.grade as Grade | null,
      reviewerName: f.reviewer_name,
      scoredOn: f.scored_on,
      version: f.version,
    })),
  };
}

export async function listCampaigns(ctx: Ctx, f: { year?: number | undefined }) {
  authorize(ctx.actor, 'oversight:rectification:list');
  let q = ctx.db
    .selectFrom('oversight_review_campaign as c')
    .select((eb) => [
      'c.id',
      'c.year',
      'c.title',
      'c.closed_from',
      'c.closed_to',
      'c.candidate_count',
      'c.drawn_at',
      eb
        .selectFrom('oversight_review_file as f')
        .select((e2) => e2.fn.countAll<number>().as('n'))
        .whereRef('f.campaign_id', '=', 'c.id')
        .as('drawn'),
      eb
        .selectFrom('oversight_review_file as f')
        .select((e2) => e2.fn.countAll<number>().as('n'))
        .whereRef('f.campaign_id', '=', 'c.id')
        .where('f.grade', 'is not', null)
        .as('scored'),
    ])
    .where(inScope(ctx.scope, 'c'));
  if (f.year) q = q.where('c.year', '=', f.year);
  const rows = await q.orderBy('c.closed_to', 'desc').execute();
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    title: r.title,
    closedFrom: r.closed_from,
    closedTo: r.closed_to,
    candidateCount: r.candidate_count,
    drawnAt: r.drawn_at,
    drawnCount: Number(r.drawn ?? 0),
    scoredCount: Number(r.scored ?? 0),
  }));
}

/** The scoring page: the file's rubric beside the case file itself (read through enforcement's api). */
export async function getReviewFile(ctx: Ctx, fileId: string) {
  authorize(ctx.actor, 'oversight:rectification:list');
  const f = await ctx.db
    .selectFrom('oversight_review_file as f')
    .selectAll('f')
    .where(inScope({ ...ctx.scope, selfUserId: null }, 'f'))
    .where('f.id', '=', fileId)
    .executeTakeFirst();
  if (!f) throw notFound('oversight.fileNotFound', '评查案卷不存在或不在您的权限范围内');
  const campaign = await campaignRow(ctx, f.campaign_id);
  const rubric = await getRubric(ctx, campaign.rubric_id);
  const caseFile = await getCase(ctx, f.case_id);
  const findings = await ctx.db
    .selectFrom('oversight_rectification')
    .select(['id', 'problem', 'due_on', 'status'])
    .where('source', '=', 'caseReview')
    .where('source_id', '=', f.id)
    .orderBy('found_on')
    .execute();
  return {
    id: f.id,
    campaignId: f.campaign_id,
    campaignTitle: campaign.title,
    seq: f.seq,
    rubric,
    scores: f.scores,
    total: f.total === null ? null : Number(f.total),
    grade: f.grade as Grade | null,
    comment: f.comment,
    reviewerName: f.reviewer_name,
    scoredOn: f.scored_on,
    version: f.version,
    caseFile,
    findings: findings.map((x) => ({ id: x.id, problem: x.problem, dueOn: x.due_on, status: x.status })),
  };
}

/**
 * Scores a file on the campaign's rubric edition: each item within its range, all items scored;
 * the total and grade follow; each finding becomes a 整改 item of the case's org. One transaction.
 */
export async function scoreReviewFile(ctx: Ctx, fileId: string, raw: unknown) {
  authorize(ctx.actor, 'oversight:review:score');
  const input = ScoreFileInput.parse(raw);
  const file = await getReviewFile(ctx, fileId);
  const total = scoreTotal(file.rubric.items, input.scores);
  const grade = gradeOf(total, file.rubric);
  const today = chinaDate(ctx.now());
  const reviewedOn = input.reviewedOn ?? today;
  if (reviewedOn > today) throw invalid('oversight.futureDate', '评查日期不能晚于今天', 'reviewedOn');
  const campaign = await campaignRow(ctx, file.campaignId);
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    const res = await trx
      .updateTable('oversight_review_file')
      .set((eb) => ({
        scores: JSON.stringify(input.scores),
        total: String(total),
        grade,
        comment: input.comment,
        reviewer_id: ctx.actor.userId,
        reviewer_name: ctx.actor.displayName,
        scored_on: reviewedOn,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', fileId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw staleVersion();
    audit({
      action: 'oversight.review.score',
      entity: 'oversight_review_file',
      entityId: fileId,
      orgId: file.caseFile.orgId,
      regionCode: campaign.region_code,
      change: { scores: input.scores, total, grade },
    });
    await raiseFindings(
      trx,
      ctx.actor,
      audit,
      input.findings,
      {
        regionCode: campaign.region_code,
        orgId: file.caseFile.orgId,
        issuerOrgId: campaign.org_id,
        source: 'caseReview',
        sourceId: fileId,
        sourceLabel: `${campaign.title}:${file.caseFile.caseNo}`,
        foundOn: reviewedOn,
      },
      '评查日期',
    );
  });
  return getReviewFile(ctx, fileId);
}
