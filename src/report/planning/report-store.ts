import type { Scope } from '../../platform/context.js';
import type { Executor } from '../../platform/db/types.js';
import { inScope } from '../../platform/scope.js';
import type { ReportContent } from '../report-model.js';
import '../../domains/planning/tables.js';

export const ReportStatusLabels = {
  draft: '草稿',
  review: '审核中',
  approved: '已审核',
  published: '已发布',
  /** submitted, then returned: kept as submitted, a new draft follows it */
  returned: '已退回',
} as const;
export type ReportStatus = keyof typeof ReportStatusLabels;

export interface ReportVersion {
  id: string;
  reportId: string;
  no: number;
  status: ReportStatus;
  statusLabel: string;
  content: ReportContent;
  publishedAt: Date | null;
  version: number;
  updatedAt: Date;
}

export async function findReport(db: Executor, scope: Scope, id: string) {
  return db
    .selectFrom('annual_report as r')
    .innerJoin('org as o', 'o.id', 'r.org_id')
    .select(['r.id', 'r.org_id', 'r.region_code', 'r.year', 'o.name as org_name', 'o.kind as org_kind'])
    .where('r.id', '=', id)
    .where(inScope(scope, 'r'))
    .executeTakeFirst();
}

export async function findReportByOrgYear(db: Executor, orgId: string, year: number) {
  return db
    .selectFrom('annual_report')
    .select(['id'])
    .where('org_id', '=', orgId)
    .where('year', '=', year)
    .executeTakeFirst();
}

function present(r: {
  id: string;
  report_id: string;
  no: number;
  status: string;
  content: unknown;
  published_at: Date | null;
  version: number;
  updated_at: Date;
}): ReportVersion {
  const status = r.status as ReportStatus;
  const content = (typeof r.content === 'string' ? JSON.parse(r.content) : r.content) as ReportContent;
  return {
    id: r.id,
    reportId: r.report_id,
    no: r.no,
    status,
    statusLabel: ReportStatusLabels[status],
    content,
    publishedAt: r.published_at,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

const versionColumns = [
  'id',
  'report_id',
  'no',
  'status',
  'content',
  'published_at',
  'version',
  'updated_at',
] as const;

export async function listVersions(db: Executor, reportId: string): Promise<ReportVersion[]> {
  const rows = await db
    .selectFrom('annual_report_version')
    .select(versionColumns)
    .where('report_id', '=', reportId)
    .orderBy('no')
    .execute();
  return rows.map(present);
}

export async function listReports(db: Executor, scope: Scope, filter: { year?: number | undefined }) {
  let q = db
    .selectFrom('annual_report as r')
    .innerJoin('org as o', 'o.id', 'r.org_id')
    .select(['r.id', 'r.year', 'r.org_id', 'o.name as org_name'])
    .where(inScope(scope, 'r'));
  if (filter.year) q = q.where('r.year', '=', filter.year);
  const reports = await q.orderBy('r.year', 'desc').orderBy('o.tree_rank').execute();
  if (reports.length === 0) return [];
  const versions = await db
    .selectFrom('annual_report_version')
    .select(['report_id', 'no', 'status', 'updated_at'])
    .where(
      'report_id',
      'in',
      reports.map((r) => r.id),
    )
    .orderBy('no', 'desc')
    .execute();
  return reports.map((r) => {
    const latest = versions.find((v) => v.report_id === r.id);
    const status = (latest?.status ?? 'draft') as ReportStatus;
    return {
      id: r.id,
      year: r.year,
      orgId: r.org_id,
      orgName: r.org_name,
      latestNo: latest?.no ?? 0,
      status,
      statusLabel: ReportStatusLabels[status],
      updatedAt: latest?.updated_at ?? null,
    };
  });
}

/** Published versions, newest first, for the public portal (no scope: they are public). */
export async function listPublished(db: Executor) {
  const rows = await db
    .selectFrom('annual_report_version as v')
    .innerJoin('annual_report as r', 'r.id', 'v.report_id')
    .innerJoin('org as o', 'o.id', 'r.org_id')
    .select(['v.id', 'v.report_id', 'v.no', 'r.year', 'o.name as org_name', 'v.published_at'])
    .where('v.status', '=', 'published')
    .orderBy('v.published_at', 'desc')
    .execute();
  return rows;
}

export async function findPublishedVersion(
  db: Executor,
  versionId: string,
): Promise<ReportVersion | undefined> {
  const r = await db
    .selectFrom('annual_report_version')
    .select(versionColumns)
    .where('id', '=', versionId)
    .where('status', '=', 'published')
    .executeTakeFirst();
  return r ? present(r) : undefined;
}

/** The last entry of the audit chain: what a version's figures were computed after. */
export async function lastAuditSeq(db: Executor): Promise<number> {
  const r = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  return Number(r?.seq ?? 0);
}

/**
 * How many audited writes each entity prefix had in the given orgs between two versions, with the
 * latest: the record changes behind a computed figure that moved. A version keeps the audit
 * chain's last entry when it was computed (`seq`); an older version without it is bounded by its
 * computation time. `prefixes` are entity-name prefixes ('enforcement', 'dispute').
 */
export async function recordWritesBetween(
  db: Executor,
  orgIds: readonly string[],
  prefixes: readonly string[],
  after: { seq: number | undefined; at: Date },
  until: { seq: number | undefined },
): Promise<Map<string, { count: number; latest: Date | null }>> {
  const out = new Map<string, { count: number; latest: Date | null }>();
  if (orgIds.length === 0 || prefixes.length === 0) return out;
  let q = db
    .selectFrom('audit_log')
    .select(['entity', (eb) => eb.fn.countAll<string>().as('n'), (eb) => eb.fn.max('at').as('latest')])
    .where('org_id', 'in', orgIds)
    .where((eb) => eb.or(prefixes.map((p) => eb('entity', 'like', `${p}%`))));
  q = after.seq !== undefined ? q.where('seq', '>', after.seq) : q.where('at', '>', after.at);
  if (until.seq !== undefined) q = q.where('seq', '<=', until.seq);
  const rows = await q.groupBy('entity').execute();
  for (const p of prefixes) {
    const mine = rows.filter((r) => r.entity.startsWith(p));
    const latest = mine.map((r) => new Date(r.latest as unknown as string)).sort((a, b) => +b - +a)[0];
    out.set(p, { count: mine.reduce((s, r) => s + Number(r.n), 0), latest: latest ?? null });
  }
  return out;
}
