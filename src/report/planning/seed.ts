import type { Ctx } from '../../platform/context.js';
import { PartKey } from '../report-model.js';
import {
  changeDataCallStatus,
  getDataCall,
  createDataCall,
  getSubmission,
  reviewSubmission,
  saveFigures,
  submitSubmission,
} from './data-call-service.js';
import {
  approvePart,
  editNarratives,
  generateReport,
  publishReport,
  submitReport,
} from './report-service.js';
import type { SeedOptions } from '../../domains/demo-seed.js';

/** Who files a demo figure: a department by short name, or 'townships' (split over the seven). */
type Filer = string;

/**
 * Demo figures of the year that no platform record can give (record-domains.json): figures owned
 * by other systems — 重大行政决策 目录, 政务服务, 安全生产, 营商环境 — in the magnitude 开远市 reported
 * for 2023 (seed 003). Figures the ledgers count (复议, 应诉, 调解, 公开, 建议提案, 学法 …) are never
 * filed: the report prints those from records. Counts filed by townships are split over them, so
 * the county figure is a roll-up.
 */
const demoFigures: readonly { metricId: string; value: number; filer: Filer }[] = [
  { metricId: 'rpt.govService.m07', value: 41260, filer: '市政府办' },
  { metricId: 'rpt.emergency.m10', value: 2310, filer: 'townships' },
  { metricId: 'rpt.emergency.m11', value: 1486, filer: 'townships' },
  { metricId: 'rpt.emergency.m12', value: 1479, filer: 'townships' },
  { metricId: 'rpt.businessEnv.m08', value: 139, filer: '市政府办' },
];

export function split(total: number, n: number): number[] {
  const base = Math.floor(total / n);
  return Array.from({ length: n }, (_, i) => base + (i < total - base * n ? 1 : 0));
}

const at = (ctx: Ctx, instant: string): Ctx => ({ ...ctx, now: () => new Date(instant) });

const narratives = {
  'part:shortcomings':
    '一是法治建设发展不够平衡,部分乡镇(街道)法治工作力量薄弱;二是行政执法规范化水平有待提升,案卷评查中仍发现文书制作不规范等问题;三是运用法治思维和法治方式解决问题的能力还需加强。',
  'part:nextYear':
    '一是深入学习贯彻习近平法治思想,压紧压实法治建设第一责任人职责;二是持续深化行政执法“三项制度”,提升执法质量;三是做好行政复议体制改革后续工作,发挥行政复议化解行政争议主渠道作用。',
  'part:other': '无其他需要报告的情况。',
};

/**
 * The supervising office (司法局, home of 依法治市办) collects the year's figures through a data
 * call in January, then compiles, approves and publishes the report in March. A call for this
 * year's first half is left open so units have something to fill.
 */
export async function seedPlanning(ctx: Ctx, opts: SeedOptions): Promise<void> {
  const orgs = await ctx.db.selectFrom('org').select(['id', 'short_name', 'kind', 'parent_id']).execute();
  const root = orgs.find((o) => o.parent_id === null);
  const office = orgs.find((o) => o.short_name === '司法局');
  if (!root || !office) return;
  const townships = orgs.filter((o) => o.kind === 'township' || o.kind === 'subdistrict').map((o) => o.id);
  const byShort = (s: string) => orgs.find((o) => o.short_name === s)?.id;

  const shares = new Map<string, Map<string, number>>(); // org → metric → value
  const add = (orgId: string, metricId: string, v: number) => {
    const m = shares.get(orgId) ?? new Map<string, number>();
    m.set(metricId, v);
    shares.set(orgId, m);
  };
  for (const f of demoFigures) {
    if (f.filer === 'townships') {
      for (const [i, v] of split(f.value, townships.length).entries())
        add(townships[i] ?? root.id, f.metricId, v);
    } else add(byShort(f.filer) ?? root.id, f.metricId, f.value);
  }

  // events happen on their usual days, but never after today
  const day = (md: string) => {
    const d = `${opts.year + 1}-${md}`;
    return at(ctx, `${d < opts.today ? d : opts.today}T02:00:00Z`);
  };
  const january = day('01-10');
  const call = await createDataCall(january, {
    orgId: office.id,
    title: `${opts.year}年度法治政府建设数据填报`,
    periodFrom: `${opts.year}-01-01`,
    periodTo: `${opts.year}-12-31`,
    deadline: `${opts.year + 1}-01-31`,
    targetOrgIds: [...shares.keys()],
    items: [...new Set(demoFigures.map((f) => f.metricId))].map((metricId) => ({ metricId })),
  });
  await changeDataCallStatus(january, call.id, 'open', { version: call.version });
  for (const sub of call.submissions) {
    const mine = shares.get(sub.orgId) ?? new Map<string, number>();
    let form = await getSubmission(january, sub.id);
    const figures = form.lines
      .filter((l) => !l.readOnly)
      .map((l) => ({
        itemId: l.id,
        value: mine.get(l.metricId) ?? 0,
        unit: l.unit,
        evidenceText: `${l.name}台账(${opts.year}年度)`,
      }));
    form = await saveFigures(january, sub.id, { version: form.version, figures });
    form = await submitSubmission(january, sub.id, { version: form.version });
    await reviewSubmission(day('02-05'), sub.id, 'accept', { version: form.version });
  }
  const { version } = await getDataCall(january, call.id);
  await changeDataCallStatus(day('02-06'), call.id, 'close', { version });
  opts.log(`  数据填报:${call.submissions.length} 个单位已填报并采纳`);

  const march = day('03-20');
  let r = await generateReport(march, { year: opts.year, orgId: root.id });
  r = await editNarratives(march, r.id, { version: r.current.version, narratives });
  r = await submitReport(march, r.id, { version: r.current.version });
  if (`${opts.year + 1}-03-20` <= opts.today) {
    for (const part of PartKey) r = await approvePart(march, r.id, { version: r.current.version, part });
    r = await publishReport(march, r.id, { version: r.current.version });
  }
  opts.log(`  年度报告:${opts.year}年度报告${r.current.status === 'published' ? '已发布' : '审核中'}`);

  // this year's half-year call, still open (deadline ten days ahead of today)
  const due = new Date(`${opts.today}T00:00:00Z`);
  due.setUTCDate(due.getUTCDate() + 10);
  const current = await createDataCall(ctx, {
    orgId: office.id,
    title: `${opts.year + 1}年上半年法治政府建设数据填报`,
    periodFrom: `${opts.year + 1}-01-01`,
    periodTo: `${opts.year + 1}-06-30`,
    deadline: due.toISOString().slice(0, 10),
    targetOrgIds: [byShort('司法局'), byShort('市场监管局'), ...townships].filter(
      (x): x is string => x !== undefined,
    ),
    items: [
      { metricId: 'rpt.govService.m07' },
      { metricId: 'rpt.emergency.m10' },
      { metricId: 'planning.submissions.accepted' },
    ],
  });
  await changeDataCallStatus(ctx, current.id, 'open', { version: current.version });
}
