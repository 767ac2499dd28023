import type { Ctx } from '../../../platform/context.js';
import type { EvidenceRef } from '../rectification/schema.js';
import { oversightMetrics } from '../metrics.js';
import { createEdition, type MetricCatalogue } from './edition-service.js';
import { getUnitSheet } from './round-read.js';
import {
  applyFigures,
  fillUnit,
  type FigureSource,
  openRound,
  publishRound,
  reviewUnit,
  submitUnit,
} from './round-service.js';
import { getRound } from './round-read.js';
import type { IndicatorInput } from './schema.js';

/** The demo's indicator system: the national 示范指标体系's first-level areas, a few indicators each. */
const AREAS: [string, number, [string, number, Partial<IndicatorInput>?][]][] = [
  [
    '政府职能依法全面履行',
    15,
    [
      ['权责清单动态调整并向社会公布', 5, { evidence: '权责清单调整文件或公布网址' }],
      ['“证照分离”改革和涉企经营许可事项清单落实', 5],
      ['政务服务事项网上可办', 5],
    ],
  ],
  [
    '依法行政制度体系完善',
    10,
    [
      ['行政规范性文件合法性审核', 5, { evidence: '合法性审核意见书' }],
      ['规范性文件备案审查', 5],
    ],
  ],
  [
    '重大行政决策科学民主合法',
    10,
    [
      ['重大行政决策事项目录公布', 5],
      ['重大行政决策合法性审查', 5, { evidence: '合法性审查意见' }],
    ],
  ],
  [
    '行政执法严格规范公正文明',
    25,
    [
      ['行政执法“三项制度”落实', 10, { evidence: '执法公示截图或全过程记录台账' }],
      ['行政执法人员培训', 5, { rule: 'proportional', target: 40 }],
      [
        '案卷评查问题整改销号率',
        10,
        { metricId: 'oversight.rectifications.closedRate', rule: 'proportional', target: 100 },
      ],
    ],
  ],
  [
    '行政权力制约和监督',
    15,
    [
      ['逾期未整改问题', 5, { metricId: 'oversight.rectifications.overdue', rule: 'atMost', target: 0 }],
      ['政务公开和政府信息公开', 10],
    ],
  ],
  [
    '法治政府建设组织保障',
    25,
    [
      [
        '理论学习中心组和常务会议会前学法',
        10,
        { metricId: 'oversight.study.sessions', rule: 'atLeast', target: 2 },
      ],
      ['主要负责人履行第一责任人职责', 10, { evidence: '年度述法报告' }],
      ['法治政府建设年度报告按时公开', 5],
    ],
  ],
];

function demoIndicators(withEvidence: boolean): IndicatorInput[] {
  const out: IndicatorInput[] = [];
  AREAS.forEach(([title, weight, leaves], i) => {
    out.push({ code: `${i + 1}`, title, weight, evidence: '' });
    leaves.forEach(([t, w, extra], j) => {
      out.push({
        code: `${i + 1}.${j + 1}`,
        title: t,
        weight: w,
        ...extra,
        evidence: withEvidence ? (extra?.evidence ?? '') : '',
      });
    });
  });
  return out;
}

/** This domain's own figures for an org's subtree (the demo runs below the report layer). */
function ownFigures(ctx: Ctx): FigureSource {
  return async (orgId, ids, period) => {
    const root = await ctx.db
      .selectFrom('org')
      .select('path')
      .where('id', '=', orgId)
      .executeTakeFirstOrThrow();
    const orgIds = (
      await ctx.db.selectFrom('org').select('id').where('path', 'like', `${root.path}%`).execute()
    ).map((o) => o.id);
    const out = new Map<string, number | null>();
    for (const id of ids) {
      const def = oversightMetrics.find((m) => m.id === id);
      const q = { scope: ctx.scope, orgId, orgIds, from: period.from, to: period.to, today: period.to };
      out.set(id, def ? (await def.compute(ctx.db, q)).value : null);
    }
    return out;
  };
}

/**
 * One 考评 round for the demo year, scored and published: the departments and townships file,
 * the office takes the metric-bound indicators from the records, scores the rest and publishes.
 */
export async function seedAssessment(
  ctx: Ctx,
  opts: {
    year: number;
    today: string;
    /** the 依法治县办 (in the 司法局) that issues the system and runs the round */
    officeId: string;
    unitIds: string[];
    random: () => number;
    evidence: (name: string) => Promise<EvidenceRef[]>;
    withEvidence: boolean;
    log: (msg: string) => void;
  },
): Promise<void> {
  const metrics: MetricCatalogue = (id) => {
    const m = oversightMetrics.find((d) => d.id === id);
    return m ? { name: m.name, unit: m.unit } : undefined;
  };
  const edition = await createEdition(
    ctx,
    {
      orgId: opts.officeId,
      name: '法治政府建设考评指标体系',
      note: '参照市县法治政府建设示范指标体系制定',
      excellentFrom: 90,
      goodFrom: 80,
      passFrom: 60,
      indicators: demoIndicators(opts.withEvidence),
    },
    metrics,
  );
  // the round runs in the first weeks after the year it assesses
  const at = (day: string) => {
    const d = `${opts.year + 1}-${day}` < opts.today ? `${opts.year + 1}-${day}` : opts.today;
    return { ...ctx, now: () => new Date(`${d}T02:00:00Z`) };
  };
  const { id: roundId } = await openRound(at('01-05'), {
    orgId: opts.officeId,
    editionId: edition.id,
    year: opts.year,
    title: `${opts.year}年度法治政府建设考评`,
    fillDue: `${opts.year + 1}-01-31`,
    orgIds: opts.unitIds,
  });
  const round = await getRound(ctx, roundId);
  const r = opts.random;
  for (const u of round.units) {
    const sheet = await getUnitSheet(ctx, u.unitId);
    const entries = [];
    for (const x of sheet.indicators) {
      if (!x.leaf || x.method !== 'filed') continue;
      entries.push({
        indicatorId: x.id,
        value: x.rule === 'proportional' ? Math.round((x.target ?? 0) * (0.6 + r() * 0.5)) : null,
        note: x.rule === 'proportional' ? '人均学时(按培训台账)' : '已按要求落实,详见佐证材料',
        evidence: x.evidence ? await opts.evidence(`${u.orgName}-${x.title}`) : [],
      });
    }
    await fillUnit(at('01-20'), u.unitId, { version: sheet.version, entries });
    await submitUnit(at('01-25'), u.unitId, { version: sheet.version + 1 });
  }
  await applyFigures(at('02-01'), roundId, ownFigures(ctx));
  for (const u of round.units) {
    const sheet = await getUnitSheet(ctx, u.unitId);
    const scores = sheet.indicators
      .filter((x) => x.leaf && x.method === 'filed')
      .map((x) => {
        const suggested = x.entry?.suggested;
        const score = suggested ?? Math.round(x.weight * (0.7 + r() * 0.3) * 2) / 2;
        return { indicatorId: x.id, score, comment: score < x.weight ? '佐证材料不够完整' : '' };
      });
    await reviewUnit(at('02-10'), u.unitId, { version: sheet.version, decision: 'finish', scores });
  }
  await publishRound(at('02-20'), roundId, { version: round.version });
  opts.log(`考评:${opts.year}年度,被考评单位 ${round.units.length} 个,已赋分并发布`);
}
