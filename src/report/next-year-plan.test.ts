import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { composeReport } from './composer.js';
import { renderReportDocx } from './docx-renderer.js';
import { renderReportHtml } from './html-renderer.js';
import { dueText, type PlanTask, planSentences } from './next-year-plan.js';
import { fullWidth as fw } from './punctuation.js';

const task = (title: string, leadOrg: string, dueOn: string, supportingOrgs = ''): PlanTask => ({
  title,
  leadOrg,
  dueOn,
  supportingOrgs,
});

describe('part four from next year’s 年度工作要点', () => {
  it.each([
    ['2026-12-31', '2026年底前'],
    ['2026-06-30', '2026年6月30日前'],
    ['2026-01-05', '2026年1月5日前'],
  ])('完成时限 %s reads %s', (day, text) => expect(dueText(day)).toBe(text));

  it('writes one sentence per lead unit, its tasks grouped by 完成时限 and 配合单位', () => {
    const s = planSentences([
      task('深化行政执法体制改革。', '县司法局', '2026-12-31', '各乡镇(街道)'),
      task('开展行政规范性文件清理', '县司法局', '2026-06-30'),
      task('推进“互联网+监管”', '县市场监管局', '2026-12-31'),
      task('完善行政执法案卷评查制度', '县司法局', '2026-12-31', '各乡镇(街道)'),
    ]);
    expect(s.map((x) => x.text)).toEqual([
      fw(
        '县司法局牵头开展行政规范性文件清理,2026年6月30日前完成;深化行政执法体制改革、完善行政执法案卷评查制度,2026年底前完成,各乡镇(街道)配合。',
      ),
      fw('县市场监管局牵头推进“互联网+监管”,2026年底前完成。'),
    ]);
    // no figure is printed: nothing to link
    expect(s.every((x) => x.metricIds.length === 0 && x.links?.length === 0)).toBe(true);
    expect(planSentences([])).toEqual([]);
  });

  const base = {
    orgId: 'o',
    orgName: '某县人民政府',
    orgKind: 'government',
    year: 2025,
    figures: [],
    generatedAt: '2026-02-10',
  };

  it('drafts part four from the tasks, followed by the office’s own text', () => {
    const c = composeReport({
      ...base,
      plan: [task('深化行政执法体制改革', '县司法局', '2026-12-31')],
      narratives: { 'part:nextYear': '同时,持续抓好法治督察。' },
    });
    const part = c.parts.find((p) => p.key === 'nextYear');
    expect(part?.title).toBe('下一年度推进法治政府建设的主要安排');
    expect(part?.sections[0]?.sentences.map((x) => x.text)).toEqual([
      fw('县司法局牵头深化行政执法体制改革,2026年底前完成。'),
    ]);
    expect(part?.narrative).toBe('同时,持续抓好法治督察。');
    const html = renderReportHtml(c);
    expect(html).toContain('县司法局牵头深化行政执法体制改革');
    expect(html.indexOf('县司法局牵头')).toBeLessThan(html.indexOf('同时'));
    expect(html).not.toContain('待填写：尚未录入');
  });

  it('without tasks prints the office’s text, or a 待填写 mark for the editor — never filler', async () => {
    const written = composeReport({ ...base, narratives: { 'part:nextYear': '一是加强法治督察。' } });
    expect(written.parts[3]?.sections).toEqual([]);
    expect(renderReportHtml(written)).toContain('<p>一是加强法治督察。</p>');

    const empty = composeReport(base);
    expect(empty.parts[3]?.sections).toEqual([]);
    expect(empty.parts[3]?.narrative).toBe('');
    const html = renderReportHtml(empty);
    expect(html).toContain(
      '<p class="todo">（待填写：尚未录入下一年度法治建设工作要点，请撰写下一年度推进法治政府建设的主要安排）</p>',
    );
    expect(html).toContain('<h2>二、存在的不足和原因</h2><p class="todo">（待填写）</p>');
    const zip = await JSZip.loadAsync(await renderReportDocx(empty));
    const doc = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(doc).toContain('（待填写：尚未录入下一年度法治建设工作要点');
  });
});
