import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  Tab,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { formatNumber } from './sentences.js';
import { bodyParagraph, gbPage, signatureParagraph } from './docx-layout.js';
import { GB } from '../platform/docx/gbt9704.js';
import { chineseDate, exact, font } from '../platform/docx/letter.js';
import { fullWidth, titleLines } from './punctuation.js';
import { defaultIssuer, docNumberText, type Issuer } from './issuer.js';
import { partIsEmpty, placeholderText, type ReportContent } from './report-model.js';
import { printedName } from './templates.js';

const PART_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A run; body-size text is tightened to 28 characters a line (GB.bodyCharSpacing), no character grid needed. */
function run(text: string, f: string = GB.fonts.body, size: number = GB.bodySize) {
  return new TextRun({
    text,
    font: font(f),
    size,
    ...(size === GB.bodySize ? { characterSpacing: GB.bodyCharSpacing } : {}),
  });
}

/** A body paragraph: 3号仿宋, 首行缩进二字, exact 28.95 pt; each sentence its own run, full-width punctuation. */
function body(texts: readonly string[], f: string = GB.fonts.body) {
  return new Paragraph({ ...bodyParagraph, children: texts.map((t) => run(fullWidth(t), f)) });
}

const blankLine = () => new Paragraph({ spacing: exact, children: [] });
const RED = 'FF0000';

/**
 * 版头 (GB/T 9704-2012 §7.2): the 发文机关标志 in red 小标宋, centred (a joint issue stacks the
 * names, with 文件 beside them); the 发文字号 centred two lines below; the red rule under it.
 * Runs leave the character grid so the large type keeps its own width.
 */
function masthead(c: ReportContent, issuer: Issuer): (Paragraph | Table)[] {
  const names = issuer.headerNames.length ? issuer.headerNames : [c.orgName];
  const suffix = issuer.headerSuffix;
  const longest = Math.max(...names.map((n) => n.length)) + (names.length === 1 ? suffix.length : 0);
  // as large as the 版心 (156 mm ≈ 442 pt) allows, at most 小初 36 pt … 52 pt
  const size =
    2 *
    Math.max(
      22,
      Math.min(52, Math.floor(400 / Math.max(1, longest + (names.length > 1 ? suffix.length + 1 : 0)))),
    );
  const red = (text: string) =>
    new TextRun({ text, font: font(GB.fonts.title), size, color: RED, snapToGrid: false });
  const out: (Paragraph | Table)[] = [];
  if (names.length === 1) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 0, after: 0 },
        children: [red(`${names[0]}${suffix}`)],
      }),
    );
  } else {
    const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
    const borders = { top: none, bottom: none, left: none, right: none };
    const suffixWidth = suffix ? Math.round(((suffix.length * size) / 2) * 20 + 400) : 0;
    const width = GB.textWidth;
    out.push(
      new Table({
        width: { size: width, type: WidthType.DXA },
        columnWidths: suffix ? [width - suffixWidth, suffixWidth] : [width],
        layout: TableLayoutType.FIXED,
        borders: { ...borders, insideHorizontal: none, insideVertical: none },
        rows: [
          new TableRow({
            children: [
              new TableCell({
                borders,
                width: { size: width - suffixWidth, type: WidthType.DXA },
                children: names.map(
                  (n) =>
                    new Paragraph({
                      alignment: AlignmentType.DISTRIBUTE,
                      spacing: { before: 0, after: 0 },
                      children: [red(n)],
                    }),
                ),
              }),
              ...(suffix
                ? [
                    new TableCell({
                      borders,
                      width: { size: suffixWidth, type: WidthType.DXA },
                      verticalAlign: VerticalAlign.CENTER,
                      children: [
                        new Paragraph({
                          alignment: AlignmentType.RIGHT,
                          spacing: { before: 0, after: 0 },
                          children: [red(suffix)],
                        }),
                      ],
                    }),
                  ]
                : []),
            ],
          }),
        ],
      }),
    );
  }
  out.push(blankLine(), blankLine());
  const number = docNumberText(issuer, Number(c.generatedAt.slice(0, 4)));
  // the red rule: a bottom border as wide as the 版心, 4 mm under the 发文字号
  out.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...exact, after: GB.linePitch },
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 11 } },
      children: number ? [run(number)] : [],
    }),
  );
  return out;
}

function heading(text: string, f: string) {
  return new Paragraph({ indent: { firstLine: 2 * GB.char }, spacing: exact, children: [run(text, f)] });
}

/** Numbered statutory part headings: the achievements part names the year, as the seeds do. */
export function partHeading(c: ReportContent, index: number): string {
  const p = c.parts[index];
  const title = p?.key === 'achievements' ? `${c.year}年度推进法治政府建设的${p.title}` : (p?.title ?? '');
  return `${PART_NUMBERS[index]}、${title}`;
}

function bodyChildren(c: ReportContent, issuer: Issuer): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [...masthead(c, issuer)];
  // 标题: 2号小标宋, centred, broken between words (回行时词意完整), each line its own run
  const lines = titleLines(fullWidth(c.title), GB.titleCharsPerLine);
  out.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: {
        before: 0,
        after: GB.linePitch,
        line: Math.round(GB.linePitch * 1.25),
        lineRule: LineRuleType.EXACT,
      },
      children: lines.map(
        (l, i) =>
          new TextRun({
            text: l,
            font: font(GB.fonts.title),
            size: GB.titleSize,
            snapToGrid: false,
            ...(i > 0 ? { break: 1 } : {}),
          }),
      ),
    }),
  );
  if (issuer.addressees)
    out.push(
      new Paragraph({
        spacing: exact,
        children: [run(`${fullWidth(issuer.addressees).replace(/[:\uFF1A]$/, '')}\uFF1A`)],
      }),
    );
  out.push(body([c.preamble]));
  c.parts.forEach((p, i) => {
    out.push(heading(partHeading(c, i), GB.fonts.heading1));
    let n = 0;
    for (const s of p.sections) {
      const texts = [...s.sentences.map((x) => x.text), ...(s.narrative ? [s.narrative] : [])];
      if (texts.length === 0) continue;
      if (s.title) out.push(heading(`\uFF08${PART_NUMBERS[n++]}\uFF09${s.title}`, GB.fonts.heading2));
      out.push(body(texts));
    }
    for (const para of p.narrative.split(/\n+/).filter((x) => x.trim() !== '')) out.push(body([para.trim()]));
    // a draft marks an empty part for the editor; approval refuses it, so no issued report has one
    if (partIsEmpty(p)) out.push(body([placeholderText(p.key)]));
  });
  out.push(blankLine());
  const signers = issuer.signers.length
    ? issuer.signers
    : issuer.headerNames.length
      ? issuer.headerNames
      : [c.orgName];
  for (const line of [...signers, chineseDate(c.generatedAt)]) {
    out.push(new Paragraph({ ...signatureParagraph, children: [run(line)] }));
  }
  return out;
}

/** A table cell in 5号仿宋 off the character grid, with narrow margins, so numbers keep their width. */
function cell(text: string, width: number, opts: { bold?: boolean; center?: boolean } = {}) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 57, right: 57, top: 20, bottom: 20 },
    children: [
      new Paragraph({
        alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [
          new TextRun({
            text,
            bold: opts.bold ?? false,
            font: font(GB.fonts.body),
            size: GB.tableSize,
            snapToGrid: false,
          }),
        ],
      }),
    ],
  });
}

/** "2025-01-01"–"2025-12-31" → "2025年"; other periods as dates. */
function periodText(from: string, to: string): string {
  const y = from.slice(0, 4);
  return from === `${y}-01-01` && to === `${y}-12-31` ? `${y}年` : `${from}至${to}`;
}

/** A figure's value as the table prints it, e.g. "338.21万元" (never split: the column is wide enough). */
export function valueText(f: { value: number | null; unit: string }): string {
  return f.value === null ? '未填报' : `${formatNumber(f.value)}${f.unit === ':1' ? '∶1' : f.unit}`;
}

/** The 统计范围 and 统计期 of the figures, said once above the table when all share them. */
function scopeLine(c: ReportContent): string | null {
  const first = c.figures[0];
  if (!first) return null;
  const same = c.figures.every((f) => f.orgId === first.orgId && f.from === first.from && f.to === first.to);
  return same
    ? `统计范围：${first.orgName}及所属单位；统计期：${periodText(first.from, first.to)}${periodText(first.from, first.to).endsWith('年') ? '全年' : ''}`
    : null;
}

/**
 * 附件: every printed figure with its provenance, in its own section (a new page without the
 * character grid, so the table lays out the same in Word, WPS and LibreOffice); fixed columns
 * that add up to the 版心, the value column wide enough for the longest number with its unit. The
 * scope and period are said once above the table when every figure shares them.
 */
function appendix(c: ReportContent): (Paragraph | Table)[] {
  const shared = scopeLine(c);
  const widths = shared ? GB.appendixColumnsShared : GB.appendixColumns;
  const header = shared
    ? ['序号', '指标', '口径', '数值']
    : ['序号', '指标', '口径', '统计范围', '统计期', '数值'];
  const rows = c.figures.map((f, i) => {
    const definition = fullWidth(
      `${f.definition}(${f.source === 'computed' ? '平台业务数据计算' : '数据填报,经审核采纳'})`,
    );
    const texts = shared
      ? [String(i + 1), fullWidth(printedName(f.name)), definition, valueText(f)]
      : [
          String(i + 1),
          fullWidth(printedName(f.name)),
          definition,
          `${f.orgName}及所属单位`,
          periodText(f.from, f.to),
          valueText(f),
        ];
    return new TableRow({
      cantSplit: true,
      children: texts.map((t, j) => cell(t, widths[j] ?? 1000, { center: j === 0 || j >= (shared ? 3 : 4) })),
    });
  });
  return [
    new Paragraph({ children: [run('附件', GB.fonts.heading1)] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 120 },
      children: [run('报告所引数据来源说明', GB.fonts.title, GB.bodySize)],
    }),
    ...(shared
      ? [
          new Paragraph({
            spacing: { before: 0, after: 120 },
            children: [
              new TextRun({ text: shared, font: font(GB.fonts.body), size: GB.tableSize, snapToGrid: false }),
            ],
          }),
        ]
      : []),
    new Table({
      width: { size: GB.textWidth, type: WidthType.DXA },
      columnWidths: [...widths],
      layout: TableLayoutType.FIXED,
      rows: [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: header.map((t, j) => cell(t, widths[j] ?? 1000, { bold: true, center: true })),
        }),
        ...rows,
      ],
    }),
  ];
}

/**
 * 版记 (GB/T 9704-2012 §7.4.3), last in the document: the 印发机关 one character in from the left
 * and the 印发日期 one character in from the right ("2026年2月10日印发"), in 4号仿宋, between the
 * thick first and last rules of the 版记. Nothing when the org has not named its 印发机关.
 */
function imprint(c: ReportContent, issuer: Issuer): Paragraph[] {
  if (!issuer.printedBy) return [];
  const rule = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 };
  const size = GB.pageNumberSize;
  const text = (children: (string | Tab)[]) =>
    new TextRun({ children, font: font(GB.fonts.body), size, snapToGrid: false });
  return [
    blankLine(),
    new Paragraph({
      spacing: { before: 0, after: 0 },
      indent: { left: GB.char, right: GB.char },
      border: { top: rule, bottom: rule },
      tabStops: [{ type: TabStopType.RIGHT, position: GB.textWidth - 2 * GB.char }],
      children: [text([fullWidth(issuer.printedBy)]), text([new Tab(), `${chineseDate(c.generatedAt)}印发`])],
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

export function reportDocument(c: ReportContent, issuer?: Issuer): Document {
  const who: Issuer = issuer ?? defaultIssuer(c.orgId, c.orgName);
  const page = { ...gbPage, margin: { ...gbPage.margin, header: GB.header, footer: GB.footer } };
  const footers = { default: pageNumberFooter('odd'), even: pageNumberFooter('even') };
  return new Document({
    creator: 'fazhi',
    title: c.title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font(GB.fonts.body), size: GB.bodySize } } } },
    sections: [
      {
        properties: {
          page,
          // a line grid only: a character grid lays out differently in Word, WPS and LibreOffice
          // (LibreOffice gave large type two cells a character and split words), so the 28
          // characters a line come from the runs' character spacing instead
          grid: { type: DocumentGridType.LINES, linePitch: GB.linePitch },
        },
        footers,
        children: [...bodyChildren(c, who), ...(c.figures.length ? [] : imprint(c, who))],
      },
      ...(c.figures.length
        ? // the page numbers carry on from the body's footers
          [
            {
              properties: { type: SectionType.NEXT_PAGE, page },
              children: [...appendix(c), ...imprint(c, who)],
            },
          ]
        : []),
    ],
  });
}

/** The report as a GB/T 9704-2012 .docx, with the issuing org's 版头 when it has set one. */
export async function renderReportDocx(c: ReportContent, issuer?: Issuer): Promise<Buffer> {
  return Packer.toBuffer(reportDocument(c, issuer));
}
