import fs from 'node:fs';
import type { Command } from 'commander';
import { withDatabase } from './db.js';
import { listOrgs } from '../domains/org/org-store.js';
import { composeCurrentReport } from '../report/planning/report-service.js';
import { ALL_SCOPE, type Ctx, systemCtx } from '../platform/context.js';
import type { Db } from '../platform/db/types.js';
import { notFound } from '../platform/errors.js';
import { renderReportDocx } from '../report/docx-renderer.js';
import { readIssuer } from '../report/issuer.js';
import { computeFigures, loadRegistry, rootOrgId, yearPeriod } from '../report/registry.js';
import { formatNumber } from '../report/sentences.js';
import type { Figure } from '../platform/metrics/types.js';

/**
 * An org named on the command line: its id, 统一社会信用代码, exact name, or a region code (the
 * highest org of that region, e.g. a county code → that county's 人民政府). Omitted = the deployment's root.
 */
export async function resolveOrgCode(db: Db, code?: string): Promise<string> {
  if (!code) return rootOrgId(db);
  const { items } = await listOrgs(db, ALL_SCOPE, {});
  const hit =
    items.find((o) => o.id === code || o.uscc === code || o.name === code) ??
    items.filter((o) => o.regionCode === code).sort((a, b) => a.depth - b.depth)[0];
  if (!hit)
    throw notFound('org.notFound', `找不到机构“${code}”(可用机构编号、统一社会信用代码、全称或行政区划代码)`);
  return hit.id;
}

/** Every registry figure for an org's subtree and a year (`fazhi metrics`). */
export async function metricsForYear(ctx: Ctx, year: number, orgCode?: string): Promise<Figure[]> {
  const orgId = await resolveOrgCode(ctx.db, orgCode);
  return computeFigures(ctx, await loadRegistry(ctx.db), orgId, yearPeriod(year));
}

/** A plain-text table: id, name, value with unit ("未填报" when there is no data). */
export function formatFigures(figures: readonly Figure[]): string {
  return figures
    .map(
      (f) =>
        `${f.metricId}\t${f.name}\t${f.value === null ? '未填报' : `${formatNumber(f.value)}${f.unit}`}\t${f.source === 'computed' ? '计算' : '填报'}`,
    )
    .join('\n');
}

/** `fazhi report docx`: writes the report of the year as a GB/T 9704 .docx; returns its title. */
export async function writeReportDocx(
  ctx: Ctx,
  opts: { year: number; orgCode?: string | undefined; out: string },
): Promise<string> {
  const orgId = await resolveOrgCode(ctx.db, opts.orgCode);
  const { content } = await composeCurrentReport(ctx, opts.year, orgId);
  fs.writeFileSync(
    opts.out,
    await renderReportDocx(content, await readIssuer(ctx.db, orgId, content.orgName)),
  );
  return content.title;
}

const yearOf = (s: string) => Number.parseInt(s, 10);

/** `fazhi metrics` and `fazhi report docx`; the lead wires this into src/cli/main.ts. */
export function registerReportCommands(program: Command): void {
  program
    .command('metrics')
    .description('计算指标(本级及下级汇总)')
    .requiredOption('--year <year>', '年度', yearOf)
    .option('--org <code>', '机构:编号、统一社会信用代码、全称或行政区划代码(默认根机构)')
    .option('--json', '以 JSON 输出')
    .action(async (o: { year: number; org?: string; json?: boolean }) => {
      await withDatabase(async (h) => {
        const figures = await metricsForYear(systemCtx(h.db), o.year, o.org);
        process.stdout.write(`${o.json ? JSON.stringify(figures, null, 2) : formatFigures(figures)}\n`);
      });
    });
  const report = program.command('report').description('法治政府建设年度报告');
  report
    .command('docx')
    .description('生成年度报告 Word 文档(GB/T 9704-2012 公文格式)')
    .requiredOption('--year <year>', '报告年度', yearOf)
    .option('--org <code>', '机构(默认根机构)')
    .requiredOption('--out <file>', '输出文件')
    .action(async (o: { year: number; org?: string; out: string }) => {
      await withDatabase(async (h) => {
        const title = await writeReportDocx(systemCtx(h.db), { year: o.year, orgCode: o.org, out: o.out });
        process.stderr.write(`已生成《${title}》:${o.out}\n`);
      });
    });
}
