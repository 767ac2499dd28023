import type { Ctx } from '../platform/context.js';
import { chinaDate } from '../platform/context.js';
import type { DisclosureTable } from '../domains/disputes/api.js';
import { disclosureReportRecords } from '../domains/requests/disclosure/report-service.js';
import type { AnnualRow } from '../domains/requests/disclosure/annual-table.js';
import { ANNUAL_COLUMNS } from '../domains/requests/disclosure/annual-table.js';
import { createDataCall } from './planning/data-call-service.js';
import { invalid } from '../platform/errors.js';
import { computeFigures, loadRegistry, yearPeriod } from './registry.js';
import { formatNumber } from './sentences.js';

/**
 * 政府信息公开工作年度报告 in the fixed layout of 国办公开办函〔2021〕30号: 一 总体情况 (drafted from the
 * figures, with the office's paragraph), 二 主动公开政府信息情况 (figures of the other domains'
 * records, through the metric registry; what no record holds is filed through a data call), 三
 * 收到和处理政府信息公开申请情况 (the applications), 四 行政复议、行政诉讼情况 (the disputes domain),
 * 五 and 六 as the office writes them.
 */

/** One cell of 表二: the metric behind it; null = not filed (printed 未填报). */
export interface ProactiveCell {
  metricId: string;
  value: number | null;
  source: 'computed' | 'reported';
}
export interface ProactiveBlock {
  /** 第二十条第（一）项 … */
  article: string;
  columns: readonly string[];
  rows: { label: string; cells: ProactiveCell[] }[];
}

/** The 格式's 表二, each cell a metric id: records where the platform holds them, else a data call. */
export const PROACTIVE_LAYOUT: readonly {
  article: string;
  columns: readonly string[];
  rows: readonly { label: string; metrics: readonly string[] }[];
}[] = [
  {
    article: '第二十条第（一）项',
    columns: ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
    rows: [
      {
        label: '规章',
        metrics: [
          'rpt.govDisclosure.rulesIssued',
          'rpt.govDisclosure.rulesRepealed',
          'rpt.govDisclosure.rulesInForce',
        ],
      },
      {
        label: '行政规范性文件',
        metrics: [
          'legality.documents.published',
          'legality.documents.repealed',
          'legality.documents.currentlyValid',
        ],
      },
    ],
  },
  {
    article: '第二十条第（五）项',
    columns: ['信息内容', '本年处理决定数量'],
    rows: [{ label: '行政许可', metrics: ['enforcement.publication.published.license'] }],
  },
  {
    article: '第二十条第（六）项',
    columns: ['信息内容', '本年处理决定数量'],
    rows: [
      { label: '行政处罚', metrics: ['enforcement.publication.published.penalty'] },
      { label: '行政强制', metrics: ['enforcement.publication.published.coercion'] },
    ],
  },
  {
    article: '第二十条第（八）项',
    columns: ['信息内容', '本年收费金额（单位：万元）'],
    rows: [{ label: '行政事业性收费', metrics: ['rpt.govDisclosure.feesCollected'] }],
  },
];

export const PROACTIVE_METRICS: readonly string[] = PROACTIVE_LAYOUT.flatMap((b) =>
  b.rows.flatMap((r) => r.metrics),
);

export interface DisclosureReport {
  title: string;
  orgId: string;
  orgName: string;
  year: number;
  generatedAt: string;
  /** 一、总体情况: paragraphs */
  overview: string[];
  proactive: ProactiveBlock[];
  /** 其他主动公开 (the register), by category */
  register: { label: string; entries: number; items: number }[];
  applicationColumns: typeof ANNUAL_COLUMNS;
  applications: AnnualRow[];
  /** null: the caller may not read the disputes ledgers (printed as such, never as zeros) */
  reviewLitigation: DisclosureTable | null;
  problems: string;
  otherMatters: string;
  /** figures no record holds and no data call has filed yet */
  missing: { metricId: string; name: string }[];
  text: { version: number; submittedOn: string | null; publishedOn: string | null };
}

export const PART_TITLES = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
] as const;

const n = (v: number | null | undefined) => (v === null || v === undefined ? '未填报' : formatNumber(v));

function overviewParagraphs(r: Omit<DisclosureReport, 'overview'>, note: string): string[] {
  const cell = (label: string, i = 0) =>
    r.proactive.flatMap((b) => b.rows).find((x) => x.label === label)?.cells[i]?.value ?? null;
  const row = (key: string) => r.applications.find((a) => a.key === key)?.counts.total ?? 0;
  const registered = r.register.reduce((s, x) => s + x.items, 0);
  const out = [
    `${r.year}年，${r.orgName}认真贯彻落实《中华人民共和国政府信息公开条例》，依法做好主动公开、依申请公开和政府信息管理等工作。现将本年度政府信息公开工作情况报告如下。`,
    `（一）主动公开。本年制发行政规范性文件${n(cell('行政规范性文件'))}件，废止${n(cell('行政规范性文件', 1))}件，现行有效${n(cell('行政规范性文件', 2))}件；公开行政许可决定${n(cell('行政许可'))}件、行政处罚决定${n(cell('行政处罚'))}件、行政强制决定${n(cell('行政强制'))}件${
      registered > 0
        ? `；另主动公开${r.register.map((x) => `${x.label}${formatNumber(x.items)}条`).join('、')}`
        : ''
    }。`,
    `（二）依申请公开。本年新收政府信息公开申请${formatNumber(row('new'))}件，上年结转${formatNumber(row('carriedIn'))}件；办理完结${formatNumber(row('handled'))}件，其中予以公开${formatNumber(row('disclosed'))}件、部分公开${formatNumber(row('partial'))}件；结转下年度继续办理${formatNumber(row('carriedOut'))}件。`,
  ];
  const rl = r.reviewLitigation;
  if (rl) {
    const total = (cells: DisclosureTable['reconsideration']) =>
      cells.find((c) => c.label === '总计')?.value ?? 0;
    out.push(
      `（三）复议诉讼。因政府信息公开工作被申请行政复议${formatNumber(total(rl.reconsideration))}件，被提起行政诉讼${formatNumber(total(rl.litigationDirect) + total(rl.litigationAfterReconsideration))}件。`,
    );
  }
  for (const p of note.split(/\n+/).map((x) => x.trim())) if (p) out.push(p);
  return out;
}

/** The report of an org (its subtree) on a year, from the records. */
export async function composeDisclosureReport(
  ctx: Ctx,
  orgId: string,
  year: number,
): Promise<DisclosureReport> {
  const records = await disclosureReportRecords(ctx, orgId, year);
  const registry = await loadRegistry(ctx.db);
  const figures = await computeFigures(ctx, registry, records.orgId, yearPeriod(year), PROACTIVE_METRICS);
  const byId = new Map(figures.map((f) => [f.metricId, f]));
  const proactive: ProactiveBlock[] = PROACTIVE_LAYOUT.map((b) => ({
    article: b.article,
    columns: b.columns,
    rows: b.rows.map((r) => ({
      label: r.label,
      cells: r.metrics.map((id) => ({
        metricId: id,
        value: byId.get(id)?.value ?? null,
        source: byId.get(id)?.source ?? 'reported',
      })),
    })),
  }));
  const missing = figures
    .filter((f) => f.value === null)
    .map((f) => ({ metricId: f.metricId, name: f.name }));
  const base = {
    title: `${records.orgName}${year}年政府信息公开工作年度报告`,
    orgId: records.orgId,
    orgName: records.orgName,
    year,
    generatedAt: chinaDate(ctx.now()),
    proactive,
    register: records.register.map(({ label, entries, items }) => ({ label, entries, items })),
    applicationColumns: ANNUAL_COLUMNS,
    applications: records.applications.applications,
    reviewLitigation: records.reviewLitigation,
    problems: records.text.problems,
    otherMatters: records.text.otherMatters,
    missing,
    text: {
      version: records.text.version,
      submittedOn: records.text.submittedOn,
      publishedOn: records.text.publishedOn,
    },
  };
  return { ...base, overview: overviewParagraphs(base, records.text.overviewNote) };
}

/** 表三's rows as the 格式 prints them: group headings (（三）不予公开 …) on their own line. */
export function applicationLines(
  rows: readonly AnnualRow[],
): { label: string; counts: Record<string, number> | null; key: string | null }[] {
  const out: { label: string; counts: Record<string, number> | null; key: string | null }[] = [];
  for (const r of rows) {
    if (r.key === 'disclosed') out.push({ label: '三、本年度办理结果', counts: null, key: null });
    const m = /^(（[一二三四五六七]）\S+) (.+)$/.exec(r.label);
    if (m?.[1] && m[2]) {
      out.push({ label: m[1], counts: null, key: null });
      out.push({ label: m[2], counts: r.counts, key: r.key });
    } else out.push({ label: r.label, counts: r.counts, key: r.key });
  }
  return out;
}

export const printedValue = n;

/**
 * Asks the org for the figures no record holds (规章, 行政事业性收费 …) through the data-call
 * machinery: a draft data call for the year, to the org itself, with the missing metrics.
 */
export async function requestMissingFigures(
  ctx: Ctx,
  input: { orgId: string; year: number; deadline: string },
): Promise<{ dataCallId: string; metricIds: string[] }> {
  const report = await composeDisclosureReport(ctx, input.orgId, input.year);
  const metricIds = report.missing.map((m) => m.metricId).filter((id) => id.startsWith('rpt.'));
  if (metricIds.length === 0)
    throw invalid(
      'requests.disclosureReport.nothingMissing',
      '表中数据均已有业务记录或已填报,无需发起数据填报',
    );
  const call = await createDataCall(ctx, {
    orgId: report.orgId,
    title: `${input.year}年政府信息公开工作年度报告数据填报`,
    periodFrom: `${input.year}-01-01`,
    periodTo: `${input.year}-12-31`,
    deadline: input.deadline,
    targetOrgIds: [report.orgId],
    items: metricIds.map((metricId) => ({ metricId })),
  });
  return { dataCallId: call.id, metricIds };
}
