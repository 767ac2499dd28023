import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeReport, reportSentences } from './composer.js';
import { renderReportDocx } from './docx-renderer.js';
import { renderReportHtml } from './html-renderer.js';
import type { Issuer } from './issuer.js';
import { fullWidth as fw } from './punctuation.js';
import type { ReportContent } from './report-model.js';
import type { Figure } from '../platform/metrics/types.js';
import { computedFigure } from './test-figures.js';

const fig = (metricId: string, value: number): Figure =>
  computedFigure(metricId, value, { orgId: 'root-id', orgName: '开远市人民政府', year: 2025 });

const content: ReportContent = composeReport({
  orgId: 'root-id',
  orgName: '开远市人民政府',
  orgKind: 'government',
  year: 2025,
  figures: [
    fig('disputes.reconsideration.accepted', 28),
    fig('disputes.reconsideration.closed', 26),
    fig('disputes.reconsideration.upheld', 12),
    fig('disputes.litigation.headAppearanceRate', 100),
    fig('requests.mediation.cases', 2227),
    fig('requests.mediation.succeeded', 2226),
    fig('oversight.study.sessions', 6),
  ],
  narratives: {
    'part:shortcomings': '一是<基层>法治力量薄弱, 二是(部分)单位重视不够。',
    'part:nextYear': '持续推进。',
    'part:other': '无。',
  },
  generatedAt: '2026-02-10',
});

const joint: Issuer = {
  orgId: 'root-id',
  headerNames: ['中共开远市委员会', '开远市人民政府'],
  headerSuffix: '文件',
  docCode: '开发',
  docNumber: 3,
  addressees: '红河州委、州人民政府',
  signers: ['中共开远市委员会', '开远市人民政府'],
  printedBy: '开远市人民政府办公室',
  version: 1,
};

/** The text of the document's runs, in order. */
const texts = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) =>
    (m[1] ?? '').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&'),
  );

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
    // a line grid, and body runs tightened by 0.25 pt a character (no character grid: LibreOffice
    // gave large type two grid cells a character and broke the title mid-word)
    expect(doc).toContain('<w:docGrid w:type="lines" w:linePitch="579"/>');
    expect(doc).toContain('w:line="579" w:lineRule="exact"');
    expect(doc).toContain('<w:spacing w:val="-5"/>');
    // 28 characters of 16 pt − 0.25 pt fit the 156 mm 版心; 29 do not; 225 mm / 22 lines
    expect((16 * 20 - 5) * 28).toBeLessThanOrEqual(8844);
    expect((16 * 20 - 5) * 29).toBeGreaterThan(8844);
    expect(Math.floor(((225 / 25.4) * 72 * 20) / 22)).toBe(579);
  });

  it('uses 2号方正小标宋简体 for the title, 3号仿宋_GB2312 for the body, 黑体 and 楷体_GB2312 for headings', () => {
    const runOf = (text: string) => {
      const i = doc.indexOf(text);
      return doc.slice(doc.lastIndexOf('<w:r>', i), i);
    };
    const title = runOf('开远市人民政府关于2025年度');
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:sz w:val="44"/>');
    const sentence = runOf('全年受理行政复议申请28件');
    expect(title).toContain('snapToGrid');
    expect(sentence).toContain('w:eastAsia="仿宋_GB2312"');
    expect(sentence).toContain('<w:sz w:val="32"/>');
    expect(runOf('一、2025年度推进法治政府建设的主要举措和成效')).toContain('w:eastAsia="黑体"');
    expect(runOf(fw('(一)预防调处化解社会矛盾纠纷'))).toContain('w:eastAsia="楷体_GB2312"');
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
    expect(sentences).toContain(fw('全年受理行政复议申请28件,审结26件,其中维持12件。'));
    for (const s of sentences) expect(doc).toContain(s);
    expect(doc).toContain(`一是&lt;基层&gt;${fw('法治力量薄弱,二是(部分)单位重视不够。')}`);
    expect(doc).toContain('报告所引数据来源说明');
    for (const f of content.figures) expect(doc).toContain(fw(f.definition));
    expect(doc).toContain('2227件');
    expect(doc).toContain(fw('统计期:2025年全年'));
    expect(doc).toContain('开远市人民政府及所属单位');
  });
});

describe('GB/T 9704 公文 layout', () => {
  let doc = '';
  let single = '';
  beforeAll(async () => {
    const xml = async (buf: Buffer) =>
      (await (await JSZip.loadAsync(buf)).file('word/document.xml')?.async('string')) ?? '';
    doc = await xml(await renderReportDocx(content, joint));
    single = await xml(await renderReportDocx(content));
  });

  it('prints the 红头 in red 小标宋, centred; a joint issue stacks the two bodies beside 文件', () => {
    const head = single.slice(0, single.indexOf('开远市人民政府文件') + 20);
    expect(head).toContain('<w:color w:val="FF0000"/>');
    expect(head).toContain('<w:jc w:val="center"/>');
    expect(texts(doc).slice(0, 3)).toEqual(['中共开远市委员会', '开远市人民政府', '文件']);
    expect(doc.slice(0, doc.indexOf('>文件<'))).toContain('<w:jc w:val="distribute"/>');
  });

  it('prints the 文号 over a red rule, then the title in two lines broken between words, then the 主送机关', () => {
    const t = texts(doc);
    const at = t.indexOf('开发〔2026〕3号');
    expect(at).toBeGreaterThan(0);
    expect(t.slice(at + 1, at + 4)).toEqual([
      '开远市人民政府关于2025年度',
      '法治政府建设工作情况的报告',
      fw('红河州委、州人民政府:'),
    ]);
    expect(doc).toMatch(/<w:bottom w:val="single" w:color="FF0000"/);
    expect(doc).toContain('<w:br/>');
    // 署名: both bodies, then the date
    expect(t.slice(t.indexOf('2026年2月10日') - 2, t.indexOf('2026年2月10日') + 1)).toEqual([
      '中共开远市委员会',
      '开远市人民政府',
      '2026年2月10日',
    ]);
    // without settings: the org's own name, no 文号, no 主送机关
    expect(texts(single)[0]).toBe('开远市人民政府文件');
    expect(single).not.toContain('〔');
  });

  it('ends with the 版记: 印发机关 and 印发日期 between two rules; none without a 印发机关', () => {
    const t = texts(doc);
    expect(t.slice(-2)).toEqual(['开远市人民政府办公室', '2026年2月10日印发']);
    const last = doc.slice(doc.lastIndexOf('<w:p>'));
    expect(last).toContain('<w:tab/>');
    expect(last).toMatch(/<w:top w:val="single"/);
    expect(last).toMatch(/<w:bottom w:val="single"/);
    expect(single).not.toContain('印发<');
  });

  it('uses full-width punctuation in the text (GB/T 15834)', () => {
    const body = texts(doc).join('');
    expect(body.match(/.{0,12}[,;()?!].{0,12}/g)).toBeNull();
    expect(body).toContain('二是\uFF08部分\uFF09单位');
  });

  it('puts the appendix in a section of its own with a fixed table as wide as the 版心', () => {
    expect(doc.match(/<w:sectPr/g)).toHaveLength(2);
    expect(doc).not.toContain('w:type="page"');
    expect(doc).toContain('<w:tblLayout w:type="fixed"/>');
    const grid = doc.slice(doc.lastIndexOf('<w:tblGrid>'), doc.lastIndexOf('</w:tblGrid>'));
    const widths = [...grid.matchAll(/w:w="(\d+)"/g)].map((m) => Number(m[1]));
    expect(widths.reduce((a, b) => a + b, 0)).toBe(8844);
  });
});

describe('HTML view', () => {
  it('carries the same sentences and links each figure to its records', () => {
    const html = renderReportHtml(content);
    const plain = html.replace(/<[^>]+>/g, '');
    for (const s of reportSentences(content))
      expect(plain).toContain(s.replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    // the number itself is the link to its records
    expect(html).toContain(
      '<a class="fig" href="/api/metrics/disputes.reconsideration.accepted/records?orgId=root-id&amp;from=2025-01-01&amp;to=2025-12-31" title="行政复议申请受理数">28件</a>',
    );
    const links = html.match(/<a class="fig"/g) ?? [];
    expect(links).toHaveLength(content.figures.length);
    expect(html).toContain('一是&lt;基层&gt;法治力量薄弱');
    expect(html).toContain('<h2>三、党政主要负责人履行推进法治建设第一责任人职责情况</h2>');
    expect(renderReportHtml(content, { recordLinks: false })).not.toContain('/api/metrics/');
  });
});
