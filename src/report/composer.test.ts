import { describe, expect, it } from 'vitest';
import { reportedCatalogue } from '../domains/planning/catalogue.js';
import { composeReport, reportDeadlines, reportSentences } from './composer.js';
import { fullWidth } from './punctuation.js';
import type { Figure } from '../platform/metrics/types.js';
import { computedFigure } from './test-figures.js';

const rec = (metricId: string, value: number | null): Figure =>
  computedFigure(metricId, value, { orgId: 'o', orgName: '开远市人民政府', year: 2025 });

function fig(metricId: string, value: number | null): Figure {
  const c = reportedCatalogue.find((x) => x.id === metricId);
  const computed = metricId.startsWith('planning.');
  if (!c && !computed) throw new Error(`unknown ${metricId}`);
  return {
    metricId,
    name: c?.name ?? '采纳的数据填报份数',
    unit: c?.unit ?? '份',
    definition: c?.definition ?? '测试',
    domain: c?.group ?? 'planning',
    domainName: c?.groupName ?? '指标与年度报告',
    source: computed ? 'computed' : 'reported',
    value,
    orgId: 'o',
    orgName: '开远市人民政府',
    from: '2025-01-01',
    to: '2025-12-31',
  };
}

const idOf = (name: string) => reportedCatalogue.find((x) => x.name === name)?.id ?? name;

const compose = (figures: Figure[]) =>
  composeReport({
    orgId: 'o',
    orgName: '开远市人民政府',
    orgKind: 'government',
    year: 2025,
    figures,
    generatedAt: '2026-02-10',
  });

const rc = (s: string) => `disputes.reconsideration.${s}`;

describe('composeReport', () => {
  it('writes the reconsideration sentence the way the reports do', () => {
    const c = compose([
      rec(rc('accepted'), 28),
      rec(rc('closed'), 26),
      rec(rc('terminated'), 5),
      rec(rc('dismissed'), 4),
      rec(rc('upheld'), 12),
      rec(rc('revoked'), 2),
      rec(rc('declaredUnlawful'), 3),
      rec(rc('correctionRate'), 19.2),
    ]);
    expect(reportSentences(c)).toContain(
      fullWidth(
        '全年受理行政复议申请28件,审结26件,其中维持12件、驳回4件、撤销2件、确认违法3件、终止5件,纠错率19.2%。',
      ),
    );
    const disputes = c.parts[0]?.sections.find((s) => s.key === 'disputes');
    expect(disputes?.title).toBe('预防调处化解社会矛盾纠纷');
    expect(disputes?.sentences[0]?.metricIds).toHaveLength(8);
  });

  it('leaves out zero and missing parts gracefully', () => {
    const c = compose([
      rec(rc('received'), 18),
      rec(rc('closed'), 15),
      rec(rc('upheld'), 0),
      rec(rc('revoked'), null),
      rec(rc('mediated'), 2),
    ]);
    expect(reportSentences(c)).toContain(fullWidth('全年共收到行政复议申请18件,审结15件,调解和解结案2件。'));
    // a figure that is zero or unfiled is not printed, so it is not in the appendix either
    expect(c.figures.map((f) => f.metricId).sort()).toEqual(
      [rc('closed'), rc('mediated'), rc('received')].sort(),
    );
  });

  it('prints no typed-in figure beside the records of the same concept', () => {
    const c = compose([
      rec(rc('received'), 2),
      fig('rpt.reconsideration.received', 21),
      fig('rpt.litigation.cases', 24),
      rec('disputes.litigation.received', 1),
    ]);
    const text = reportSentences(c).join('');
    expect(text).toContain('收到行政复议申请2件');
    expect(text).not.toContain('21件');
    expect(text).not.toContain('24件');
    expect(c.figures.every((f) => f.source === 'computed')).toBe(true);
  });

  it('prints figures without a hand-written template in a generic sentence of their theme', () => {
    const c = compose([
      fig(idOf('政务服务办件数·跨省通办'), 82212),
      fig(idOf('政务服务办件数·一件事一次办'), 13265),
    ]);
    const functions = c.parts[0]?.sections.find((s) => s.key === 'functions');
    expect(functions?.sentences[0]?.text).toBe(
      fullWidth('政务服务方面,政务服务办件数(跨省通办)82212件,政务服务办件数(一件事一次办)13265件。'),
    );
  });

  it('never prints the platform’s own bookkeeping figures', () => {
    const c = compose([fig('planning.submissions.accepted', 4)]);
    expect(reportSentences(c)).toEqual([]);
    expect(c.figures).toEqual([]);
  });

  it('has the five statutory parts in order, study figures under part three, staff text kept', () => {
    const c = composeReport({
      orgId: 'o',
      orgName: '开远市人民政府',
      orgKind: 'government',
      year: 2025,
      figures: [rec('oversight.study.sessions', 6), rec('oversight.leaders.meetings', 2)],
      narratives: { 'part:shortcomings': '一是法治督察力量不足。', preamble: '2025年,我市……' },
      generatedAt: '2026-02-10',
    });
    expect(c.parts.map((p) => p.title)).toEqual([
      '主要举措和成效',
      '存在的不足和原因',
      '党政主要负责人履行推进法治建设第一责任人职责情况',
      '下一年度推进法治政府建设的主要安排',
      '其他需要报告的情况',
    ]);
    expect(c.parts[2]?.sections[0]?.sentences.map((x) => x.text)).toEqual([
      '党政主要负责人主持召开专题会议研究法治建设2次。',
      '全年开展集体学法6次。',
    ]);
    expect(c.parts[1]?.narrative).toBe('一是法治督察力量不足。');
    expect(c.preamble).toBe('2025年,我市……');
    expect(c.title).toBe('开远市人民政府关于2025年度法治政府建设工作情况的报告');
  });

  it.each([
    [2025, 'department', '2026-03-01', '2026-04-01'],
    [2025, 'government', '2026-04-01', '2026-04-01'],
    [2027, 'agency', '2028-03-01', '2028-04-01'],
  ])('deadlines for %i (%s): report by %s, publish by %s', (year, kind, submitBy, publishBy) => {
    expect(reportDeadlines(year, kind)).toEqual({ submitBy, publishBy });
  });
});
