import { withOrg } from '../../org/org-store.js';
import { type Selectable, sql } from 'kysely';
import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/errors.js';
import { inScope, rowInScope } from '../../../platform/scope.js';
import type { EvidenceRef } from '../rectification/schema.js';
import { getEdition, type Indicator } from './edition-service.js';
import { rankOf, ruleScore, type UnitStatus, unitStatus, unitStatusLabels } from './rules.js';
import { type AssessmentGrade, assessmentGradeLabels } from './schema.js';
import type { AssessmentRoundTable } from './tables.js';
import './tables.js';

export interface EntryView {
  indicatorId: string;
  value: number | null;
  note: string;
  evidence: EvidenceRef[];
  autoOn: string | null;
  score: number | null;
  /** the points the indicator's rule gives the filed value (a hint for the reviewer) */
  suggested: number | null;
  comment: string;
  reviewerName: string | null;
}

export interface UnitRow {
  id: string;
  roundId: string;
  orgId: string;
  orgName: string;
  regionCode: string;
  version: number;
  submittedOn: string | null;
  scoredOn: string | null;
  returnedNote: string;
  total: number | null;
  grade: AssessmentGrade | null;
  publishedOn: string | null;
  round: { id: string; title: string; year: number; fillDue: string; editionId: string };
  lines: { excellentFrom: number; goodFrom: number; passFrom: number };
  /** the leaf indicators, by id */
  indicators: Map<string, Indicator>;
  allIndicators: Indicator[];
  entries: EntryView[];
}

const num = (v: string | number | null): number | null => (v === null ? null : Number(v));

/** A unit of a round inside the caller's scope (else 404), with its edition and entries. */
export async function loadUnit(ctx: Ctx, unitId: string): Promise<UnitRow> {
  const u = await ctx.db
    .selectFrom('oversight_assessment_unit as u')
    .innerJoin('oversight_assessment_round as r', 'r.id', 'u.round_id')
    .innerJoin('org as g', 'g.id', 'u.org_id')
    .select([
      'u.id',
      'u.round_id',
      'u.org_id',
      'u.region_code',
      'u.created_by',
      'u.version',
      'u.submitted_on',
      'u.scored_on',
      'u.returned_note',
      'u.total',
      'u.grade',
      'g.name as org_name',
      'r.title',
      'r.year',
      'r.fill_due',
      'r.edition_id',
      'r.published_on',
    ])
    .where('u.id', '=', unitId)
    .executeTakeFirst();
  if (!u || !rowInScope(ctx.scope, u))
    throw notFound('oversight.assessmentUnitNotFound', '考评填报不存在或不在您的权限范围内');
  const edition = await getEdition(ctx, u.edition_id);
  const leaves = edition.indicators.filter((x) => x.leaf);
  const byId = new Map(leaves.map((x) => [x.id, x]));
  const rows = await ctx.db
    .selectFrom('oversight_assessment_entry')
    .selectAll()
    .where('unit_id', '=', unitId)
    .execute();
  const entries = rows.map((e): EntryView => {
    const x = byId.get(e.indicator_id);
    const value = num(e.value);
    return {
      indicatorId: e.indicator_id,
      value,
      note: e.note,
      evidence: (e.evidence ?? []) as EvidenceRef[],
      autoOn: e.auto_on,
      score: num(e.score),
      suggested: x?.rule ? ruleScore(x.rule, x.weight, x.target, value) : null,
      comment: e.comment,
      reviewerName: e.reviewer_name,
    };
  });
  return {
    id: u.id,
    roundId: u.round_id,
    orgId: u.org_id,
    orgName: u.org_name,
    regionCode: u.region_code,
    version: u.version,
    submittedOn: u.submitted_on,
    scoredOn: u.scored_on,
    returnedNote: u.returned_note,
    total: num(u.total),
    grade: u.grade as AssessmentGrade | null,
    publishedOn: u.published_on,
    round: { id: u.round_id, title: u.title, year: u.year, fillDue: u.fill_due, editionId: u.edition_id },
    lines: { excellentFrom: edition.excellentFrom, goodFrom: edition.goodFrom, passFrom: edition.passFrom },
    indicators: byId,
    allIndicators: edition.indicators,
    entries,
  };
}

interface RankLine {
  unitId: string;
  orgId: string;
  orgName: string;
  total: number | null;
  grade: AssessmentGrade | null;
  gradeLabel: string | null;
  rank: number | null;
}

async function ranking(ctx: Ctx, roundId: string): Promise<RankLine[]> {
  const rows = await withOrg(ctx.db, 'oversight_assessment_unit', 'u')
    .select(['u.id', 'u.org_id', 'g.name', 'u.total', 'u.grade'])
    .where('u.round_id', '=', roundId)
    .orderBy('g.sort')
    .orderBy('g.name')
    .execute();
  return rankOf(
    rows.map((r) => ({
      unitId: r.id,
      orgId: r.org_id,
      orgName: r.name,
      total: num(r.total),
      grade: r.grade as AssessmentGrade | null,
      gradeLabel: r.grade ? assessmentGradeLabels[r.grade as AssessmentGrade] : null,
    })),
  );
}

/** A unit's sheet: indicators with its answers, scores and comments; the ranking once published. */
export async function getUnitSheet(ctx: Ctx, unitId: string) {
  const u = await loadUnit(ctx, unitId);
  const status = unitStatus(u, u.publishedOn);
  const entries = new Map(u.entries.map((e) => [e.indicatorId, e]));
  const published = u.publishedOn !== null;
  // before publication a unit sees its answers; scores and comments once the office publishes
  const office = ctx.scope.all;
  const rows = u.allIndicators.map((x) => {
    const e = entries.get(x.id);
    const showScore = office || published;
    return {
      ...x,
      entry: e ? { ...e, score: showScore ? e.score : null, comment: showScore ? e.comment : '' } : null,
    };
  });
  const ranks = published || office ? await ranking(ctx, u.roundId) : [];
  return {
    id: u.id,
    version: u.version,
    orgId: u.orgId,
    orgName: u.orgName,
    round: u.round,
    status,
    statusLabel: unitStatusLabels[status],
    submittedOn: u.submittedOn,
    scoredOn: u.scoredOn,
    returnedNote: u.returnedNote,
    total: office || published ? u.total : null,
    grade: office || published ? u.grade : null,
    gradeLabel: (office || published) && u.grade ? assessmentGradeLabels[u.grade] : null,
    rank: ranks.find((r) => r.unitId === u.id)?.rank ?? null,
    lines: u.lines,
    publishedOn: u.publishedOn,
    indicators: rows,
    ranking: ranks,
  };
}

export async function listRounds(ctx: Ctx, f: { year?: number | undefined }) {
  let q = ctx.db
    .selectFrom('oversight_assessment_round as r')
    .innerJoin('oversight_assessment_edition as e', 'e.id', 'r.edition_id')
    .select([
      'r.id',
      'r.title',
      'r.year',
      'r.opened_on',
      'r.fill_due',
      'r.published_on',
      'r.version',
      'e.name as edition_name',
      'e.edition',
      sql<number>`(select count(*)::int from oversight_assessment_unit u where u.round_id = r.id)`.as(
        'units',
      ),
      sql<number>`(select count(*)::int from oversight_assessment_unit u where u.round_id = r.id and u.submitted_on is not null)`.as(
        'submitted',
      ),
      sql<number>`(select count(*)::int from oversight_assessment_unit u where u.round_id = r.id and u.scored_on is not null)`.as(
        'scored',
      ),
    ])
    .where(inScope(ctx.scope, 'r'))
    .orderBy('r.year', 'desc')
    .orderBy('r.opened_on', 'desc');
  if (f.year) q = q.where('r.year', '=', f.year);
  return (await q.execute()).map((r) => ({
    ...roundHead(r),
    editionName: `${r.edition_name}(第 ${r.edition} 版)`,
    units: r.units,
    submitted: r.submitted,
    scored: r.scored,
  }));
}

/** What every view of a round shows of it. */
function roundHead(
  r: Pick<
    Selectable<AssessmentRoundTable>,
    'id' | 'title' | 'year' | 'opened_on' | 'fill_due' | 'published_on' | 'version'
  >,
) {
  return {
    id: r.id,
    title: r.title,
    year: r.year,
    openedOn: r.opened_on,
    fillDue: r.fill_due,
    publishedOn: r.published_on,
    version: r.version,
  };
}

/** A round's row, if the caller's scope holds it (else 考评不存在). */
export async function roundInScope(ctx: Ctx, id: string) {
  const r = await ctx.db
    .selectFrom('oversight_assessment_round')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r || !rowInScope(ctx.scope, r)) throw notFound('oversight.roundNotFound', '考评不存在');
  return r;
}

export async function getRound(ctx: Ctx, id: string) {
  const r = await roundInScope(ctx, id);
  const edition = await getEdition(ctx, r.edition_id);
  const units = await ctx.db
    .selectFrom('oversight_assessment_unit')
    .select(['id', 'submitted_on', 'scored_on'])
    .where('round_id', '=', id)
    .execute();
  const status = new Map(
    units.map((u) => [
      u.id,
      unitStatus({ submittedOn: u.submitted_on, scoredOn: u.scored_on }, r.published_on),
    ]),
  );
  return {
    ...roundHead(r),
    edition: {
      id: edition.id,
      name: edition.name,
      edition: edition.edition,
      indicatorCount: edition.indicatorCount,
    },
    units: (await ranking(ctx, id)).map((u) => {
      const s = status.get(u.unitId) ?? 'filling';
      return { ...u, status: s, statusLabel: unitStatusLabels[s] };
    }),
  };
}

/** Units of open rounds by status (the home queues 待填报 / 待赋分), oldest deadline first. */
export async function listUnits(
  ctx: Ctx,
  f: { status?: UnitStatus | undefined; roundId?: string | undefined },
  page: { offset: number; limit: number },
) {
  let q = ctx.db
    .selectFrom('oversight_assessment_unit as u')
    .innerJoin('oversight_assessment_round as r', 'r.id', 'u.round_id')
    .innerJoin('org as g', 'g.id', 'u.org_id')
    .where(inScope(ctx.scope, 'u'));
  if (f.roundId) q = q.where('u.round_id', '=', f.roundId);
  if (f.status === 'filling') q = q.where('u.submitted_on', 'is', null).where('u.scored_on', 'is', null);
  if (f.status === 'submitted')
    q = q.where('u.submitted_on', 'is not', null).where('u.scored_on', 'is', null);
  if (f.status === 'scored') q = q.where('u.scored_on', 'is not', null).where('r.published_on', 'is', null);
  if (f.status === 'published') q = q.where('r.published_on', 'is not', null);
  const total = await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select([
      'u.id',
      'u.org_id',
      'g.name as org_name',
      'u.submitted_on',
      'u.scored_on',
      'u.total',
      'u.returned_note',
      'r.id as round_id',
      'r.title',
      'r.year',
      'r.fill_due',
      'r.published_on',
    ])
    .orderBy('r.fill_due')
    .orderBy('g.sort')
    .orderBy('u.id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return {
    total: total.n,
    items: rows.map((r) => {
      const s = unitStatus({ submittedOn: r.submitted_on, scoredOn: r.scored_on }, r.published_on);
      return {
        id: r.id,
        orgId: r.org_id,
        orgName: r.org_name,
        roundId: r.round_id,
        roundTitle: r.title,
        year: r.year,
        fillDue: r.fill_due,
        status: s,
        statusLabel: unitStatusLabels[s],
        returnedNote: r.returned_note,
        total: ctx.scope.all || r.published_on ? num(r.total) : null,
      };
    }),
  };
}
