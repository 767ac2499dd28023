import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportedCatalogue } from './catalogue.js';
import { composeReport, reportSentences } from './composer.js';
import { renderReportDocx } from './docx-renderer.js';
import { renderReportHtml } from './html-renderer.js';
import type { ReportContent } from './report-model.js';
import type { Figure } from './types.js';

function fig(metricId: string, value: number): Figure {
  const c = reportedCatalogue.find((x) => x.id === metricId);
  if (!c) throw new Error(metricId);
  return {
    metricId,
    name: c.name,
    unit: c.unit,
    definition: c.definition,
    domain: c.group,
    domainName: c.groupName,
    source: 'reported',
    value,
    orgId: 'root-id',
    orgName: '开远市人民政府',
    from: '2025-01-01',
    to: '2025-12-31',
  };
}

const content: ReportContent = composeReport({
  orgId: 'root-id',
  orgName: '开远市人民政府',
  orgKind: 'government',
  year: 2025,
  figures: [
    fig('rpt.reconsideration.accepted', 28),
    fig('rpt.reconsideration.closed', 26),
    fig('rpt.reconsideration.upheld', 12),
    fig('rpt.litigation.headAppearanceRate', 100),
    fig('rpt.mediation.disputes', 2227),
    fig('rpt.mediation.resolved', 2226),
    fig('rpt.legalStudy.sessions', 6),
  ],
  narratives: {
    'part:shortcomings': '一是<基层>法治力量薄弱。',
    'part:nextYear': '持续推进。',
    'part:other': '无。',
  },
  generatedAt: '2026-02-10',
});

describe('DOCX in GB/T 9704-2012 format', () => {
  let doc = '';
  let footers: string[] = [];
  let settings = '';
  beforeAll(async () => {
    const buf = await renderReportDocx(content);
    const zip = await JSZip.loadAsync(buf);
    doc = (await zip.file('word/document.xml')?.async('string')) ?? '';
    settings = (await zip.file('word/settings.xml')?.async('string')) ?? '';
    footers = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^word\/footer\d+\.xml$/.test(n))
        .map((n) => zip.file(n)?.async('string') ?? ''),
    );
  });

  it('is A4 with margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm', () => {
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    // 1 mm = 56.69 twips, truncated
    expect(doc).toMatch(/<w:pgMar w:top="2097" w:right="1474" w:bottom="1984" w:left="1587"/);
  });

  it('lays out 22 lines of 28 characters at an exact 28.95 pt line pitch', () => {
    expect(doc).toContain('<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-848"/>');
    expect(doc).toContain('w:line="579" w:lineRule="exact"');
    // (156 mm / 28 − 16 pt) × 4096 and 225 mm / 22, recomputed
    expect(Math.round((8844 / 28 / 20 - 16) * 4096)).toBe(-848);
  });

  it('uses 2号方正小标宋简体 for the title, 3号仿宋_GB2312 for the body, 黑体 and 楷体_GB2312 for headings', () => {
    const runOf = (text: string) => {
      const i = doc.indexOf(text);
      return doc.slice(doc.lastIndexOf('<w:r>', i), i);
    };
    const title = runOf('开远市人民政府关于2025年度法治政府建设工作情况的报告');
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:sz w:val="44"/>');
    const sentence = runOf('全年受理行政复议申请28件');
    expect(sentence).toContain('w:eastAsia="仿宋_GB2312"');
    expect(sentence).toContain('<w:sz w:val="32"/>');
    expect(runOf('一、2025年度推进法治政府建设的主要举措和成效')).toContain('w:eastAsia="黑体"');
    expect(runOf('(一)预防调处化解社会矛盾纠纷')).toContain('w:eastAsia="楷体_GB2312"');
    expect(runOf('二、存在的不足和原因')).toContain('w:eastAsia="黑体"');
  });

  it('numbers pages "— 1 —" in 4号宋体, odd right and even left', () => {
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      expect(f).toContain('— ');
      expect(f).toContain(' —');
      expect(f).toMatch(/PAGE/);
      expect(f).toContain('w:eastAsia="宋体"');
      expect(f).toContain('<w:sz w:val="28"/>');
    }
    expect(footers.some((f) => f.includes('<w:jc w:val="right"/>'))).toBe(true);
    expect(footers.some((f) => f.includes('<w:jc w:val="left"/>'))).toBe(true);
  });

  it('prints every figure sentence, the staff text escaped, and the provenance appendix', () => {
    const sentences = reportSentences(content);
    expect(sentences).toContain('全年受理行政复议申请28件,办结26件(维持12件)。');
    for (const s of sentences) expect(doc).toContain(s);
    expect(doc).toContain('一是&lt;基层&gt;法治力量薄弱。');
    expect(doc).toContain('报告所引数据来源说明');
    for (const f of content.figures) expect(doc).toContain(f.definition);
    expect(doc).toContain('2227件');
    expect(doc).toContain('2025-01-01至2025-12-31');
    expect(doc).toContain('开远市人民政府及所属单位');
  });
});

describe('HTML view', () => {
  it('carries the same sentences and links each figure to its records', () => {
    const html = renderReportHtml(content);
    for (const s of reportSentences(content)) expect(html).toContain(s);
    expect(html).toContain(
      '/api/metrics/rpt.reconsideration.accepted/records?orgId=root-id&amp;from=2025-01-01&amp;to=2025-12-31',
    );
    expect(html).toContain('一是&lt;基层&gt;法治力量薄弱。');
    expect(html).toContain('<h2>三、党政主要负责人履行推进法治建设第一责任人职责情况</h2>');
    expect(renderReportHtml(content, { recordLinks: false })).not.toContain('/api/metrics/');
  });
});
