import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { formatNumber } from './sentences.js';
import { GB } from './gbt9704.js';
import type { ReportContent } from './report-model.js';
import { printedName } from './templates.js';

const PART_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });
const exact = { line: GB.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

function run(text: string, f: string = GB.fonts.body, size: number = GB.bodySize) {
  return new TextRun({ text, font: font(f), size });
}

/** A body paragraph: 3号仿宋, 首行缩进二字, exact 28.95 pt; each sentence its own run. */
function body(texts: readonly string[], f: string = GB.fonts.body) {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 2 * GB.char },
    spacing: exact,
    children: texts.map((t) => run(t, f)),
  });
}

function heading(text: string, f: string) {
  return new Paragraph({ indent: { firstLine: 2 * GB.char }, spacing: exact, children: [run(text, f)] });
}

/** "2026-02-10" → "2026年2月10日" */
export function chineseDate(d: string): string {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
}

/** Numbered statutory part headings: the achievements part names the year, as the seeds do. */
export function partHeading(c: ReportContent, index: number): string {
  const p = c.parts[index];
  const title = p?.key === 'achievements' ? `${c.year}年度推进法治政府建设的${p.title}` : (p?.title ?? '');
  return `${PART_NUMBERS[index]}、${title}`;
}

function bodyChildren(c: ReportContent): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  out.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...exact, after: GB.linePitch }, // one blank line between title and body
      children: [run(c.title, GB.fonts.title, GB.titleSize)],
    }),
  );
  out.push(body([c.preamble]));
  c.parts.forEach((p, i) => {
    out.push(heading(partHeading(c, i), GB.fonts.heading1));
    let n = 0;
    for (const s of p.sections) {
      const texts = [...s.sentences.map((x) => x.text), ...(s.narrative ? [s.narrative] : [])];
      if (texts.length === 0) continue;
      if (s.title) out.push(heading(`(${PART_NUMBERS[n++]})${s.title}`, GB.fonts.heading2));
      out.push(body(texts));
    }
    for (const para of p.narrative.split(/\n+/).filter((x) => x.trim() !== '')) out.push(body([para.trim()]));
  });
  out.push(new Paragraph({ spacing: exact, children: [] }));
  for (const line of [c.orgName, chineseDate(c.generatedAt)]) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        indent: { right: 4 * GB.char },
        spacing: exact,
        children: [run(line)],
      }),
    );
  }
  out.push(...appendix(c));
  return out;
}

function cell(text: string, width: number, bold = false) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    children: [
      new Paragraph({
        children: [new TextRun({ text, bold, font: font(GB.fonts.body), size: GB.tableSize })],
      }),
    ],
  });
}

/** 附件: every printed figure with its provenance (metric, definition, scope, period, value). */
function appendix(c: ReportContent): (Paragraph | Table)[] {
  const widths = [600, 1900, 3344, 1300, 1000, 700];
  const header = ['序号', '指标', '口径', '统计范围', '统计期', '数值'];
  const rows = c.figures.map(
    (f, i) =>
      new TableRow({
        cantSplit: true,
        children: [
          String(i + 1),
          printedName(f.name),
          `${f.definition}(${f.source === 'computed' ? '平台业务数据计算' : '数据填报,经审核采纳'})`,
          `${f.orgName}及所属单位`,
          `${f.from}至${f.to}`,
          f.value === null ? '未填报' : `${formatNumber(f.value)}${f.unit === ':1' ? '∶1' : f.unit}`,
        ].map((t, j) => cell(t, widths[j] ?? 1000)),
      }),
  );
  return [
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({ spacing: exact, children: [run('附件', GB.fonts.heading1)] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exact,
      children: [run('报告所引数据来源说明', GB.fonts.title, GB.bodySize)],
    }),
    new Table({
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      rows: [
        new TableRow({ tableHeader: true, children: header.map((t, j) => cell(t, widths[j] ?? 1000, true)) }),
        ...rows,
      ],
    }),
  ];
}

/** "— 1 —" in 4号宋体: odd pages on the right, even on the left, one character in from the edge. */
function pageNumberFooter(align: 'odd' | 'even') {
  return new Footer({
    children: [
      new Paragraph({
        alignment: align === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: align === 'odd' ? { right: GB.char } : { left: GB.char },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: font(GB.fonts.pageNumber),
            size: GB.pageNumberSize,
          }),
        ],
      }),
    ],
  });
}

export function reportDocument(c: ReportContent): Document {
  return new Document({
    creator: 'fazhi',
    title: c.title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font(GB.fonts.body), size: GB.bodySize } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: GB.pageWidth, height: GB.pageHeight },
            margin: {
              top: GB.marginTop,
              bottom: GB.marginBottom,
              left: GB.marginLeft,
              right: GB.marginRight,
              header: GB.header,
              footer: GB.footer,
            },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: GB.linePitch, charSpace: GB.charSpace },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: bodyChildren(c),
      },
    ],
  });
}

/** The report as a GB/T 9704-2012 .docx. */
export async function renderReportDocx(c: ReportContent): Promise<Buffer> {
  return Packer.toBuffer(reportDocument(c));
}
