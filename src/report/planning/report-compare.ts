import { z } from 'zod';
import type { Ctx } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { filingsChangedSince } from '../../domains/planning/data-call-store.js';
import { orgSubtree } from '../registry.js';
import { diffReports, type FigureChange, type SentenceChange } from '../version-diff.js';
import { getReport } from './report-service.js';
import { listVersions, type ReportVersion, recordWritesBetween } from './report-store.js';

export const CompareQuery = z.strictObject({
  with: z.coerce.number().int().min(1, '请选择要对比的版本').max(2147483647),
  no: z.coerce.number().int().min(1).max(2147483647).optional(),
});

export interface VersionRef {
  no: number;
  statusLabel: string;
  /** when its figures were computed */
  computedAt: string;
}

export interface ReportComparison {
  reportId: string;
  older: VersionRef;
  newer: VersionRef;
  figures: FigureChange[];
  sentences: SentenceChange[];
}

/** When a version's figures were computed: kept since comparisons exist, else its generation day (China). */
const computedAt = (v: ReportVersion): Date =>
  v.content.computedAt ? new Date(v.content.computedAt) : new Date(`${v.content.generatedAt}T00:00:00+08:00`);

const ref = (v: ReportVersion): VersionRef => ({
  no: v.no,
  statusLabel: v.statusLabel,
  computedAt: computedAt(v).toISOString(),
});

/** Entity names of a domain's records start with its key in the singular ('disputes' → dispute_…). */
const entityPrefix = (domain: string) => domain.replace(/s$/, '');

const day = (d: Date) =>
  new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);

/**
 * Two versions of a report side by side (GET /api/reports/:id/compare?with=N[&no=M], M defaulting
 * to the current version): the figures whose printed value changed and why — the filings that
 * changed, the record writes in the figure's domain, another 口径 or mapping, another 统计时点 —
 * and the sentences added, removed or changed.
 */
export async function compareReportVersions(ctx: Ctx, id: string, raw: unknown): Promise<ReportComparison> {
  const q = CompareQuery.parse(raw);
  const report = await getReport(ctx, id);
  const versions = await listVersions(ctx.db, id);
  const find = (no: number) => {
    const v = versions.find((x) => x.no === no);
    if (!v) throw notFound('report.versionNotFound', `第 ${no} 版不存在`);
    return v;
  };
  const one = find(q.with);
  const two = find(q.no ?? report.current.no);
  const [older, newer] = one.no <= two.no ? [one, two] : [two, one];
  const diff = diffReports(older.content, newer.content);
  await explain(ctx, report.orgId, older, newer, diff.figures);
  return { reportId: id, older: ref(older), newer: ref(newer), ...diff };
}

/** Fills in the detail of figures changed by filings and by records. */
async function explain(
  ctx: Ctx,
  orgId: string,
  older: ReportVersion,
  newer: ReportVersion,
  changes: FigureChange[],
): Promise<void> {
  const since = computedAt(older);
  const { orgIds } = await orgSubtree(ctx, orgId);
  const filed = changes.filter((c) => c.reason === 'filing');
  if (filed.length) {
    const rows = await filingsChangedSince(
      ctx.db,
      orgIds,
      filed.map((c) => c.metricId),
      since,
    );
    for (const c of filed) {
      const mine = rows.filter((r) => r.metric_id === c.metricId);
      c.detail = mine.length
        ? `数据填报有变化:${mine
            .map((r) => `${r.org_name}在“${r.call_title}”中填报${Number(r.value)}${r.unit}`)
            .join(';')}`
        : '数据填报有变化(填报被退回或不再采纳)';
    }
  }
  const fromRecords = changes.filter((c) => c.reason === 'records');
  if (fromRecords.length) {
    const writes = await recordWritesBetween(
      ctx.db,
      orgIds,
      [...new Set(fromRecords.map((c) => entityPrefix(c.domain)))],
      { seq: older.content.auditSeq, at: since },
      { seq: newer.content.auditSeq },
    );
    for (const c of fromRecords) {
      const w = writes.get(entityPrefix(c.domain));
      c.detail =
        w && w.count > 0
          ? `自第${older.no}版生成以来,${c.domainName}业务记录新增或修改${w.count}次(最近一次${w.latest ? day(w.latest) : ''})`
          : `业务记录有变化(${c.domainName}之外的记录或下级单位调整)`;
    }
  }
}
