import { z } from 'zod';
import { Text, Int32 } from '../../platform/validation.js';
import { type Ctx, chinaDate } from '../../platform/context.js';
import { newId, updateVersioned, writeTx } from '../../platform/db/tx.js';
import type { Tx } from '../../platform/db/types.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { type DueState, dueState } from '../../platform/clock/index.js';
import { type ComposeInput, comparedMetricIds, composeReport } from '../composer.js';
import { workplanTasksOfYear } from '../../domains/oversight/api.js';
import { computeFigures, loadRegistry, orgSubtree, rootOrgId, yearPeriod } from '../registry.js';
import { PartKey, partIsEmpty, partTitles, type ReportContent } from '../report-model.js';
import { authorize } from '../../domains/org/policy.js';
import {
  findReport,
  findReportByOrgYear,
  lastAuditSeq,
  listVersions,
  type ReportStatus,
  type ReportVersion,
} from './report-store.js';
import type { Permission } from '../../domains/permissions.js';

export const GenerateReportInput = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  orgId: z.uuid('不是有效的机构编号').optional(),
});

/** Text staff edit: 'preamble', 'part:<key>' or 'section:<themeKey>'. */
export const EditNarrativesInput = z.strictObject({
  version: Int32.min(1),
  narratives: z.record(
    z.string().regex(/^(preamble|part:[a-zA-Z]+|section:[a-zA-Z]+)$/, '段落标识无效'),
    Text(20000, { lines: true }),
  ),
});
export const ReportVersionInput = z.strictObject({ version: Int32.min(1) });
export const ApprovePartInput = z.strictObject({ version: Int32.min(1), part: z.enum(PartKey) });
export const ReturnReportInput = z.strictObject({
  version: Int32.min(1),
  reason: Text(500, { lines: true }).min(2, '请写明退回理由'),
});

/** Parts written only by staff: approving them empty would publish a hollow report. */
const NARRATIVE_PARTS: ReadonlySet<PartKey> = new Set(['shortcomings', 'nextYear', 'other']);
const PART_NUMBERS = ['一', '二', '三', '四', '五'];

export interface AnnualReport {
  id: string;
  /** 临期 / 逾期 of the public-disclosure date (4月1日) while the report is unpublished */
  dueState: DueState | null;
  orgId: string;
  regionCode: string;
  orgName: string;
  year: number;
  current: ReportVersion;
  versions: { no: number; status: ReportStatus; statusLabel: string; publishedAt: Date | null }[];
}

export async function getReport(ctx: Ctx, id: string): Promise<AnnualReport> {
  authorize(ctx.actor, 'planning:report:list');
  const r = await findReport(ctx.db, ctx.scope, id);
  if (!r) throw notFound('report.notFound', '年度报告不存在或不在您的权限范围内');
  const versions = await listVersions(ctx.db, id);
  const current = versions.at(-1);
  if (!current) throw notFound('report.notFound');
  const published = versions.some((v) => v.status === 'published');
  return {
    id,
    dueState: published ? null : dueState(current.content.deadlines.publishBy, chinaDate(ctx.now()), 30),
    orgId: r.org_id,
    regionCode: r.region_code,
    orgName: r.org_name,
    year: r.year,
    current,
    versions: versions.map((v) => ({
      no: v.no,
      status: v.status,
      statusLabel: v.statusLabel,
      publishedAt: v.publishedAt,
    })),
  };
}

export async function getReportVersion(ctx: Ctx, id: string, no?: number): Promise<ReportVersion> {
  const report = await getReport(ctx, id);
  if (no === undefined) return report.current;
  const v = (await listVersions(ctx.db, id)).find((x) => x.no === no);
  if (!v) throw notFound('report.versionNotFound', `第 ${no} 版不存在`);
  return v;
}

function narrativesOf(c: ReportContent): Record<string, string> {
  const out: Record<string, string> = { preamble: c.preamble };
  for (const p of c.parts) {
    if (p.narrative) out[`part:${p.key}`] = p.narrative;
    for (const s of p.sections) if (s.narrative) out[`section:${s.key}`] = s.narrative;
  }
  return out;
}

/**
 * The report as it would be generated now: every figure for the org's subtree and the year,
 * with the staff text of the latest saved version. Writes nothing (the CLI prints it as is).
 */
export async function composeCurrentReport(ctx: Ctx, year: number, orgId?: string) {
  const id = orgId ?? (await rootOrgId(ctx.db));
  const sub = await orgSubtree(ctx, id);
  const org = await ctx.db
    .selectFrom('org')
    .select(['region_code', 'kind'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const registry = await loadRegistry(ctx.db);
  // read before the figures: a write that lands while they are computed counts as a later change
  const auditSeq = await lastAuditSeq(ctx.db);
  const figures = await computeFigures(ctx, registry, id, yearPeriod(year));
  const existing = await findReportByOrgYear(ctx.db, id, year);
  const versions = existing ? await listVersions(ctx.db, existing.id) : [];
  const latest = versions.at(-1);
  // part four: next year's 年度工作要点 of the subtree, read through the oversight domain
  const tasks = await workplanTasksOfYear(ctx, sub.orgIds, year + 1);
  const input: ComposeInput = {
    orgId: id,
    orgName: sub.orgName,
    orgKind: org.kind,
    year,
    figures,
    plan: tasks.map((t) => ({
      title: t.title,
      leadOrg: t.leadOrgName,
      supportingOrgs: t.supportingOrgs,
      dueOn: t.dueOn,
    })),
    ...(latest ? { narratives: narrativesOf(latest.content) } : {}),
    generatedAt: chinaDate(ctx.now()),
  };
  // the previous year only for the figures the writers compare (not every figure twice)
  const compared = comparedMetricIds(input);
  const previous = compared.length
    ? await computeFigures(ctx, registry, id, yearPeriod(year - 1), compared)
    : [];
  const content: ReportContent = {
    ...composeReport({ ...input, previous }),
    computedAt: ctx.now().toISOString(),
    auditSeq,
  };
  return { orgId: id, regionCode: org.region_code, existing, latest, content };
}

/**
 * Computes every figure and composes the report. A draft is refreshed in place; a version
 * under review, approved or published is kept unchanged and a new draft version is made
 * (staff text carried over).
 */
export async function generateReport(ctx: Ctx, raw: unknown): Promise<AnnualReport> {
  authorize(ctx.actor, 'planning:report:edit');
  const input = GenerateReportInput.parse(raw);
  const { orgId, regionCode, existing, latest, content } = await composeCurrentReport(
    ctx,
    input.year,
    input.orgId,
  );
  const reportId = existing?.id ?? newId();
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    if (!existing) {
      await trx
        .insertInto('annual_report')
        .values({
          id: reportId,
          region_code: regionCode,
          org_id: orgId,
          year: input.year,
          created_by: ctx.actor.userId,
          updated_by: ctx.actor.userId,
        })
        .execute();
    }
    if (latest?.status === 'draft') {
      await updateVersion(trx, ctx, latest, { content });
    } else {
      await insertDraft(trx, ctx, { reportId, regionCode, orgId, no: (latest?.no ?? 0) + 1 }, content);
    }
    audit({
      action: 'report.generate',
      entity: 'annual_report',
      entityId: reportId,
      orgId,
      regionCode,
      change: { year: input.year, figures: content.figures.length },
    });
  });
  return getReport(ctx, reportId);
}

/** A new draft version after the last one (generation after submission, or a return). */
async function insertDraft(
  trx: Tx,
  ctx: Ctx,
  at: { reportId: string; regionCode: string; orgId: string; no: number },
  content: ReportContent,
) {
  await trx
    .insertInto('annual_report_version')
    .values({
      id: newId(),
      report_id: at.reportId,
      region_code: at.regionCode,
      org_id: at.orgId,
      no: at.no,
      status: 'draft',
      content: JSON.stringify(content),
      created_by: ctx.actor.userId,
      updated_by: ctx.actor.userId,
    })
    .execute();
}

async function updateVersion(
  trx: Tx,
  ctx: Ctx,
  v: ReportVersion,
  patch: { content?: ReportContent; status?: ReportStatus; published_at?: Date },
  version = v.version,
) {
  await updateVersioned(trx, ctx, 'annual_report_version', v.id, version, {
    ...(patch.content ? { content: JSON.stringify(patch.content) } : {}),
    ...(patch.status ? { status: patch.status } : {}),
    ...(patch.published_at ? { published_at: patch.published_at } : {}),
  });
}

interface ReportStep {
  permission: Permission;
  /** the statuses of the current version the step may be taken from */
  from: readonly ReportStatus[];
  /** what the step is called: in the refusal and in the audit entry (report.<verb>) */
  verb: string;
}

/** The annual report's workflow: each step, who may take it and from which statuses. */
const STEPS = {
  edit: { permission: 'planning:report:edit', from: ['draft'], verb: '编辑' },
  submit: { permission: 'planning:report:edit', from: ['draft'], verb: '提交审核' },
  approvePart: { permission: 'planning:report:approve', from: ['review'], verb: '审核' },
  return: { permission: 'planning:report:approve', from: ['review', 'approved'], verb: '退回修改' },
  publish: { permission: 'planning:report:publish', from: ['approved'], verb: '发布' },
} as const satisfies Record<string, ReportStep>;

/**
 * One workflow step on the current version: checks its state, applies, audits. `apply` gets a
 * copy of the version's content to change (the version as read stays as it was).
 */
async function step(
  ctx: Ctx,
  id: string,
  { permission, from, verb }: ReportStep,
  version: number,
  apply: (content: ReportContent) => {
    content?: ReportContent;
    status?: ReportStatus;
    published_at?: Date;
    /** the content of a new draft version made after this one in the same write */
    nextDraft?: ReportContent;
  },
  change: Record<string, unknown> = {},
): Promise<AnnualReport> {
  authorize(ctx.actor, permission);
  const report = await getReport(ctx, id);
  const v = report.current;
  if (!from.includes(v.status))
    throw conflict('report.badState', `报告第 ${v.no} 版当前为“${v.statusLabel}”,不能${verb}`);
  const { nextDraft, ...patch } = apply(structuredClone(v.content));
  await writeTx(ctx.db, ctx.actor, async (trx, audit) => {
    await updateVersion(trx, ctx, v, patch, version);
    if (nextDraft) {
      const at = { reportId: id, regionCode: report.regionCode, orgId: report.orgId, no: v.no + 1 };
      await insertDraft(trx, ctx, at, nextDraft);
    }
    audit({
      action: `report.${verb}`,
      entity: 'annual_report',
      entityId: id,
      orgId: report.orgId,
      change: {
        no: v.no,
        ...change,
        ...(patch.status ? { status: patch.status } : {}),
        ...(nextDraft ? { draft: v.no + 1 } : {}),
      },
    });
  });
  return getReport(ctx, id);
}

export async function editNarratives(ctx: Ctx, id: string, raw: unknown): Promise<AnnualReport> {
  const input = EditNarrativesInput.parse(raw);
  return step(
    ctx,
    id,
    STEPS.edit,
    input.version,
    (c) => {
      for (const [key, text] of Object.entries(input.narratives)) {
        if (key === 'preamble') c.preamble = text;
        else if (key.startsWith('part:')) {
          const part = c.parts.find((p) => p.key === key.slice(5));
          if (!part) throw invalid('report.badNarrative', `报告没有“${key}”部分`, `narratives.${key}`);
          part.narrative = text;
        } else {
          const section = c.parts.flatMap((p) => p.sections).find((s) => s.key === key.slice(8));
          if (!section) throw invalid('report.badNarrative', `报告没有“${key}”小节`, `narratives.${key}`);
          section.narrative = text;
        }
      }
      return { content: c };
    },
    { keys: Object.keys(input.narratives) },
  );
}

export async function submitReport(ctx: Ctx, id: string, raw: unknown): Promise<AnnualReport> {
  const { version } = ReportVersionInput.parse(raw);
  return step(ctx, id, STEPS.submit, version, () => ({ status: 'review' }));
}

/** Approves one part; when all five are approved the version is approved. */
export async function approvePart(ctx: Ctx, id: string, raw: unknown): Promise<AnnualReport> {
  const input = ApprovePartInput.parse(raw);
  return step(
    ctx,
    id,
    STEPS.approvePart,
    input.version,
    (c) => {
      const part = c.parts.find((p) => p.key === input.part);
      if (!part) throw invalid('report.badPart', '报告缺少该部分', 'part');
      // part four may be drafted from next year's 工作要点; the others need the office's text
      if (NARRATIVE_PARTS.has(part.key) && partIsEmpty(part)) {
        throw invalid('report.emptyPart', `“${part.title}”尚未撰写,不能审核通过`, 'part');
      }
      part.approved = true;
      part.approvedBy = ctx.actor.displayName;
      return { content: c, ...(c.parts.every((p) => p.approved) ? { status: 'approved' as const } : {}) };
    },
    { part: input.part },
  );
}

export async function returnReport(ctx: Ctx, id: string, raw: unknown): Promise<AnnualReport> {
  const input = ReturnReportInput.parse(raw);
  return step(
    ctx,
    id,
    STEPS.return,
    input.version,
    (c) => {
      // the version as submitted stays as it was (版本对比 compares the new draft with it)
      for (const p of c.parts) {
        p.approved = false;
        p.approvedBy = null;
      }
      return { status: 'returned', nextDraft: c };
    },
    { reason: input.reason },
  );
}

/** Publishing needs every part approved; a published version never changes again. */
export async function publishReport(ctx: Ctx, id: string, raw: unknown): Promise<AnnualReport> {
  const { version } = ReportVersionInput.parse(raw);
  const report = await getReport(ctx, id);
  const pending = report.current.content.parts
    .map((p, i) => (p.approved ? null : `${PART_NUMBERS[i]}、${partTitles[p.key]}`))
    .filter(Boolean);
  if (pending.length > 0 && ['draft', 'review', 'approved'].includes(report.current.status)) {
    authorize(ctx.actor, 'planning:report:publish');
    throw invalid('report.partsUnapproved', `以下部分尚未审核通过,不能发布:${pending.join(';')}`, 'parts');
  }
  return step(ctx, id, STEPS.publish, version, () => ({
    status: 'published',
    published_at: ctx.now(),
  }));
}
