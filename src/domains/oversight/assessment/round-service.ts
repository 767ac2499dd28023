import { sql, type Updateable } from 'kysely';
import { chinaDate, type Ctx } from '../../../platform/context.js';
import { newId, updateVersioned, writeTx, ownedBy } from '../../../platform/db/tx.js';
import type { Database, Tx } from '../../../platform/db/types.js';
import { conflict, invalid } from '../../../platform/errors.js';
import { authorize } from '../../org/policy.js';
import { checkEvidence } from '../action-log.js';
import { issuerOrg, orgInScope } from '../org-access.js';
import { getEdition } from './edition-service.js';
import { gradeOf, mayAct, ruleScore, scoreProblem, tenths, type UnitAction, unitStatus } from './rules.js';
import { FillInput, OpenRoundInput, PublishInput, ReviewInput, SubmitInput } from './schema.js';
import { loadUnit, roundInScope, type UnitRow } from './round-read.js';
import './tables.js';

/**
 * 考评 round: the office opens it for an edition, a year and the units to assess; every unit gets
 * one entry per leaf indicator. Units fill and submit, reviewers score, the office publishes.
 */
export async function openRound(ctx: Ctx, raw: unknown) {
  authorize(ctx.actor, 'oversight:assessment:edit');
  const input = OpenRoundInput.parse(raw);
  const edition = await getEdition(ctx, input.editionId);
  const org = await issuerOrg(ctx, input.orgId);
  const today = chinaDate(ctx.now());
  if (input.fillDue < today) throw invalid('oversight.fillDuePast', '填报截止日期不能早于今天', 'fillDue');
  const units: { id: string; region_code: string }[] = [];
  for (const [i, id] of [...new Set(input.orgIds)].entries()) {
    try {
      units.push(await orgInScope(ctx, id));
    } catch {
      throw invalid('oversight.badOrg', '被考评单位不存在或不在您的权限范围内', `orgIds.${i}`);
    }
  }
  const leaves = edition.indicators.filter((x) => x.leaf);
  const id = newId();
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    const row = {
      ...ownedBy(id, org),
      edition_id: edition.id,
      year: input.year,
      title: input.title,
      opened_on: today,
      fill_due: input.fillDue,
      created_by: ctx.actor.userId,
      updated_by: ctx.actor.userId,
    };
    await trx.insertInto('oversight_assessment_round').values(row).execute();
    // a unit's rows carry its own region (a township's scope is bounded by its region code)
    for (const { id: orgId, region_code: regionCode } of units) {
      const unitId = newId();
      await trx
        .insertInto('oversight_assessment_unit')
        .values({
          id: unitId,
          round_id: id,
          region_code: regionCode,
          org_id: orgId,
          created_by: ctx.actor.userId,
          updated_by: ctx.actor.userId,
        })
        .execute();
      await trx
        .insertInto('oversight_assessment_entry')
        .values(
          leaves.map((x) => ({
            id: newId(),
            unit_id: unitId,
            region_code: regionCode,
            org_id: orgId,
            indicator_id: x.id,
          })),
        )
        .execute();
    }
    audit({
      action: 'oversight.assessmentRound.open',
      entity: 'oversight_assessment_round',
      entityId: id,
      orgId: org.id,
      regionCode: org.region_code,
      change: { after: row, units: units.map((u) => u.id) },
    });
  });
  return { id };
}

function checkAct(unit: UnitRow, action: UnitAction) {
  const status = unitStatus(unit, unit.publishedOn);
  if (!mayAct(status, action)) {
    const why = {
      filling: '该单位尚未报送',
      submitted: '该单位已报送,等待审核赋分',
      scored: '该单位已审核赋分',
      published: '考评结果已发布',
    }[status];
    throw conflict('oversight.assessmentState', `${why},不能进行此操作`);
  }
}

/**
 * The round's indicator `id`, one the unit files by hand: `field` names it in the input, `autoWhy`
 * says why one the system scores from its figures is refused.
 */
function filedIndicator(unit: UnitRow, id: string, field: string, autoWhy: string) {
  const x = unit.indicators.get(id);
  if (!x) throw invalid('oversight.indicatorUnknown', '该指标不属于本次考评', field);
  if (x.method !== 'filed') throw invalid('oversight.indicatorAuto', `指标“${x.code}”${autoWhy}`, field);
  return x;
}

/** Writes the unit's entry on one indicator (its value, note, 佐证, or score). */
async function setEntry(
  trx: Tx,
  unitId: string,
  indicatorId: string,
  set: Updateable<Database['oversight_assessment_entry']>,
) {
  await trx
    .updateTable('oversight_assessment_entry')
    .set(set)
    .where('unit_id', '=', unitId)
    .where('indicator_id', '=', indicatorId)
    .execute();
}

async function bumpUnit(trx: Tx, ctx: Ctx, unit: UnitRow, version: number, set: Record<string, unknown>) {
  await updateVersioned(trx, ctx, 'oversight_assessment_unit', unit.id, version, set);
}

/** The unit files values, notes and 佐证 on its filed indicators (saved, not yet submitted). */
export async function fillUnit(ctx: Ctx, unitId: string, raw: unknown) {
  authorize(ctx.actor, 'oversight:assessment:fill');
  const input = FillInput.parse(raw);
  const unit = await loadUnit(ctx, unitId);
  checkAct(unit, 'fill');
  for (const [i, e] of input.entries.entries()) {
    filedIndicator(unit, e.indicatorId, `entries.${i}.indicatorId`, '由系统取数,无需填报');
    await checkEvidence(ctx.db, e.evidence, `entries.${i}.evidence`);
  }
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    await bumpUnit(trx, ctx, unit, input.version, {});
    for (const e of input.entries)
      await setEntry(trx, unit.id, e.indicatorId, {
        value: e.value ?? null,
        note: e.note,
        evidence: JSON.stringify(e.evidence),
      });
    audit({
      action: 'oversight.assessmentUnit.fill',
      entity: 'oversight_assessment_unit',
      entityId: unit.id,
      orgId: unit.orgId,
      regionCode: unit.regionCode,
      change: { entries: input.entries },
    });
  });
  return { ok: true };
}

/** 报送: every filed indicator answered, with 佐证 where the indicator asks for it. */
export async function submitUnit(ctx: Ctx, unitId: string, raw: unknown) {
  authorize(ctx.actor, 'oversight:assessment:fill');
  const input = SubmitInput.parse(raw);
  const unit = await loadUnit(ctx, unitId);
  checkAct(unit, 'submit');
  for (const e of unit.entries) {
    const x = unit.indicators.get(e.indicatorId);
    if (x?.method !== 'filed') continue;
    if (e.value === null && e.note === '')
      throw invalid('oversight.entryMissing', `指标“${x.code} ${x.title}”尚未填报`, `entries.${x.id}.value`);
    if (x.evidence !== '' && e.evidence.length === 0)
      throw invalid(
        'oversight.entryEvidence',
        `指标“${x.code} ${x.title}”要求上传佐证材料:${x.evidence}`,
        `entries.${x.id}.evidence`,
      );
  }
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    await bumpUnit(trx, ctx, unit, input.version, {
      submitted_on: chinaDate(ctx.now()),
      submitted_by: ctx.actor.userId,
      returned_note: '',
    });
    audit({
      action: 'oversight.assessmentUnit.submit',
      entity: 'oversight_assessment_unit',
      entityId: unit.id,
      orgId: unit.orgId,
      regionCode: unit.regionCode,
      change: { submittedOn: chinaDate(ctx.now()) },
    });
  });
  return { ok: true };
}

/**
 * 审核赋分: a reviewer scores the filed indicators (0 to the indicator's points) with comments;
 * `finish` fixes the total and grade (every leaf scored, metric leaves by their figures);
 * `return` sends the sheet back to the unit with a note.
 */
export async function reviewUnit(ctx: Ctx, unitId: string, raw: unknown) {
  authorize(ctx.actor, 'oversight:assessment:score');
  const input = ReviewInput.parse(raw);
  const unit = await loadUnit(ctx, unitId);
  checkAct(unit, input.decision === 'save' ? 'review' : input.decision);
  const scores = new Map(unit.entries.map((e) => [e.indicatorId, e.score]));
  for (const [i, s] of input.scores.entries()) {
    const x = filedIndicator(unit, s.indicatorId, `scores.${i}.indicatorId`, '由系统取数评分,不能手工赋分');
    const problem = scoreProblem(s.score, x.weight);
    if (problem) throw invalid('oversight.scoreRange', `指标“${x.code}”${problem}`, `scores.${i}.score`);
    scores.set(x.id, s.score);
  }
  if (input.decision === 'return' && input.note === '')
    throw invalid('oversight.returnNote', '退回时请写明需要补充或修改的内容', 'note');
  let total: number | null = null;
  if (input.decision === 'finish') {
    let t = 0;
    for (const x of unit.indicators.values()) {
      const s = scores.get(x.id);
      if (s === null || s === undefined)
        throw invalid(
          'oversight.scoreMissing',
          x.method === 'metric'
            ? `指标“${x.code} ${x.title}”尚未从系统取数,请先执行“自动取数”`
            : `指标“${x.code} ${x.title}”尚未赋分`,
          `scores.${x.id}`,
        );
      t += tenths(s);
    }
    total = t / 10;
  }
  const today = chinaDate(ctx.now());
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    for (const s of input.scores)
      await setEntry(trx, unit.id, s.indicatorId, {
        score: s.score,
        comment: s.comment,
        reviewer_id: ctx.actor.userId,
        reviewer_name: ctx.actor.displayName,
      });
    const set =
      input.decision === 'finish' && total !== null
        ? { scored_on: today, scored_by: ctx.actor.userId, total, grade: gradeOf(total, unit.lines) }
        : input.decision === 'return'
          ? { submitted_on: null, submitted_by: null, returned_note: input.note }
          : {};
    await bumpUnit(trx, ctx, unit, input.version, set);
    audit({
      action: `oversight.assessmentUnit.${input.decision === 'save' ? 'score' : input.decision}`,
      entity: 'oversight_assessment_unit',
      entityId: unit.id,
      orgId: unit.orgId,
      regionCode: unit.regionCode,
      change: { scores: input.scores, ...set, note: input.note },
    });
  });
  return { ok: true, total };
}

/** Figures of the registry for one org's subtree and period, computed by the caller (the report layer). */
export type FigureSource = (
  orgId: string,
  metricIds: readonly string[],
  period: { from: string; to: string },
) => Promise<Map<string, number | null>>;

/**
 * 自动取数: the metric-bound indicators of every unit not yet scored take the unit's figure for
 * the round's year and the points their rule gives it. A figure with no data scores nothing.
 */
export async function applyFigures(ctx: Ctx, roundId: string, figures: FigureSource) {
  authorize(ctx.actor, 'oversight:assessment:score');
  const round = await roundInScope(ctx, roundId);
  if (round.published_on) throw conflict('oversight.assessmentState', '考评结果已发布,不能再取数');
  const edition = await getEdition(ctx, round.edition_id);
  const bound = edition.indicators.filter((x) => x.leaf && x.method === 'metric' && x.metricId);
  const metricIds = [...new Set(bound.map((x) => x.metricId ?? ''))];
  const units = await ctx.db
    .selectFrom('oversight_assessment_unit')
    .select(['id', 'org_id'])
    .where('round_id', '=', roundId)
    .where('scored_on', 'is', null)
    .execute();
  const period = { from: `${round.year}-01-01`, to: `${round.year}-12-31` };
  const values: { unitId: string; indicatorId: string; value: number | null; score: number }[] = [];
  for (const u of units) {
    const got =
      metricIds.length > 0 ? await figures(u.org_id, metricIds, period) : new Map<string, number | null>();
    for (const x of bound) {
      const value = got.get(x.metricId ?? '') ?? null;
      values.push({
        unitId: u.id,
        indicatorId: x.id,
        value,
        score: ruleScore(x.rule ?? 'atLeast', x.weight, x.target, value) ?? 0,
      });
    }
  }
  const today = chinaDate(ctx.now());
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    for (const v of values)
      await setEntry(trx, v.unitId, v.indicatorId, {
        value: v.value,
        score: v.score,
        auto_on: today,
        comment: v.value === null ? '系统无此项数据' : '',
      });
    audit({
      action: 'oversight.assessmentRound.figures',
      entity: 'oversight_assessment_round',
      entityId: round.id,
      orgId: round.org_id,
      regionCode: round.region_code,
      change: { units: units.length, indicators: bound.length, on: today },
    });
  });
  return { units: units.length, indicators: bound.length };
}

/** 发布结果: once every unit is scored, units see their score, the ranking and the comments. */
export async function publishRound(ctx: Ctx, roundId: string, raw: unknown) {
  authorize(ctx.actor, 'oversight:assessment:edit');
  const input = PublishInput.parse(raw);
  const round = await roundInScope(ctx, roundId);
  if (round.published_on) throw conflict('oversight.assessmentState', '考评结果已发布');
  const pending = await ctx.db
    .selectFrom('oversight_assessment_unit')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('round_id', '=', roundId)
    .where('scored_on', 'is', null)
    .executeTakeFirstOrThrow();
  if (pending.n > 0)
    throw conflict('oversight.roundUnscored', `还有 ${pending.n} 个单位尚未审核赋分,不能发布结果`);
  const today = chinaDate(ctx.now());
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    await updateVersioned(trx, ctx, 'oversight_assessment_round', roundId, input.version, {
      published_on: today,
    });
    audit({
      action: 'oversight.assessmentRound.publish',
      entity: 'oversight_assessment_round',
      entityId: round.id,
      orgId: round.org_id,
      regionCode: round.region_code,
      change: { publishedOn: today },
    });
  });
  return { ok: true };
}
