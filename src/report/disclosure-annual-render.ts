import {
  AlignmentType,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { escapeHtml as esc } from '../platform/http/portal-page.js';
import { chineseDate, exact, font, gbDocx } from '../platform/docx/letter.js';
import { bodyParagraph, signatureParagraph } from './docx-layout.js';
import { applicationLines, type DisclosureReport, PART_TITLES, printedValue } from './disclosure-annual.js';
import { DISCLOSURE_COLUMNS, type DisclosureTable } from '../domains/disputes/api.js';
import { GB } from '../platform/docx/gbt9704.js';

/** A table as rows of printed strings: the one shape both renderers (and the test) read. */
export interface PrintedTable {
  caption: string;
  rows: string[][];
  /** rows printed as headings (bold) */
  headerRows: number;
}

export function proactiveTables(r: DisclosureReport): PrintedTable[] {
  return r.proactive.map((b) => ({
    caption: b.article,
    headerRows: 1,
    rows: [
      [...b.columns],
      ...b.rows.map((row) => [row.label, ...row.cells.map((c) => printedValue(c.value))]),
    ],
  }));
}

export function applicationTableRows(r: DisclosureReport): PrintedTable {
  const cols = r.applicationColumns;
  return {
    caption: '收到和处理政府信息公开申请情况',
    headerRows: 2,
    rows: [
      [
        '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
        '申请人情况',
        '',
        '',
        '',
        '',
        '',
        '',
      ],
      [
        '',
        '自然人',
        ...cols
          .filter((c) => c.key !== 'person' && c.key !== 'total')
          .map((c) => `法人或其他组织：${c.label}`),
        '总计',
      ],
      ...applicationLines(r.applications).map((l) => [
        l.label,
        ...cols.map((c) => (l.counts ? String(l.counts[c.key] ?? 0) : '')),
      ]),
    ],
  };
}

export function reviewLitigationTable(t: DisclosureTable | null): PrintedTable {
  const head1 = [
    '行政复议',
    '',
    '',
    '',
    '',
    '行政诉讼：未经复议直接起诉',
    '',
    '',
    '',
    '',
    '行政诉讼：复议后起诉',
    '',
    '',
    '',
    '',
  ];
  const head2 = [...DISCLOSURE_COLUMNS, ...DISCLOSURE_COLUMNS, ...DISCLOSURE_COLUMNS];
  const values = t
    ? [...t.reconsideration, ...t.litigationDirect, ...t.litigationAfterReconsideration].map((c) =>
        String(c.value),
      )
    : head2.map(() => '无权查看');
  return { caption: '政府信息公开行政复议、行政诉讼情况', headerRows: 2, rows: [head1, [...head2], values] };
}

const paragraphs = (text: string, empty: string) => {
  const ps = text
    .split(/\n+/)
    .map((x) => x.trim())
    .filter(Boolean);
  return ps.length ? ps : [empty];
};

/** The report's parts in order: text paragraphs and tables. */
function parts(r: DisclosureReport): { title: string; paragraphs: string[]; tables: PrintedTable[] }[] {
  const register = r.register.length
    ? [
        {
          caption: '其他主动公开政府信息',
          headerRows: 1,
          rows: [
            ['类别', '公开次数', '公开条数'],
            ...r.register.map((x) => [x.label, String(x.entries), String(x.items)]),
          ],
        },
      ]
    : [];
  return [
    { title: PART_TITLES[0], paragraphs: r.overview, tables: [] },
    { title: PART_TITLES[1], paragraphs: [], tables: [...proactiveTables(r), ...register] },
    { title: PART_TITLES[2], paragraphs: [], tables: [applicationTableRows(r)] },
    { title: PART_TITLES[3], paragraphs: [], tables: [reviewLitigationTable(r.reviewLitigation)] },
    { title: PART_TITLES[4], paragraphs: paragraphs(r.problems, '（待填写）'), tables: [] },
    { title: PART_TITLES[5], paragraphs: paragraphs(r.otherMatters, '无。'), tables: [] },
  ];
}

const run = (text: string, f: string = GB.fonts.body, size: number = GB.bodySize, bold = false) =>
  new TextRun({ text, font: font(f), size, bold });

function docxTable(t: PrintedTable): Table {
  const cols = Math.max(...t.rows.map((r) => r.length));
  const total = 8844; // the 版心, 156 mm
  const first = cols > 4 ? Math.round(total * 0.3) : Math.round(total / cols);
  const rest = cols > 1 ? Math.floor((total - first) / (cols - 1)) : total;
  const widths = Array.from({ length: cols }, (_, i) => (i === 0 ? first : rest));
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    rows: t.rows.map(
      (row, i) =>
        new TableRow({
          tableHeader: i < t.headerRows,
          cantSplit: true,
          children: Array.from({ length: cols }, (_, j) => row[j] ?? '').map(
            (text, j) =>
              new TableCell({
                width: { size: widths[j] ?? rest, type: WidthType.DXA },
                verticalAlign: VerticalAlign.CENTER,
                children: [
                  new Paragraph({
                    alignment: j === 0 ? AlignmentType.LEFT : AlignmentType.CENTER,
                    children: [run(text, GB.fonts.body, 21, i < t.headerRows)],
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

/** The report as .docx: GB/T 9704 page and fonts, the 格式's tables as Word tables. */
export async function renderDisclosureReportDocx(r: DisclosureReport): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...exact, after: GB.linePitch },
      children: [run(r.title, GB.fonts.title, GB.titleSize)],
    }),
  ];
  for (const p of parts(r)) {
    children.push(
      new Paragraph({
        indent: { firstLine: 2 * GB.char },
        spacing: exact,
        children: [run(p.title, GB.fonts.heading1)],
      }),
    );
    for (const text of p.paragraphs)
      children.push(new Paragraph({ ...bodyParagraph, children: [run(text)] }));
    for (const t of p.tables) {
      children.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: exact,
          children: [run(t.caption, GB.fonts.heading2)],
        }),
      );
      children.push(docxTable(t));
    }
  }
  children.push(new Paragraph({ spacing: exact, children: [] }));
  for (const line of [r.orgName, chineseDate(r.generatedAt)])
    children.push(new Paragraph({ ...signatureParagraph, children: [run(line)] }));
  return gbDocx(r.title, children);
}

const STYLE = `body{font:16px/1.8 "FangSong","仿宋_GB2312","Noto Serif CJK SC",serif;color:#1f1f1f;max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;text-align:center;font-weight:400}h2{font-size:1.15rem;font-family:"SimHei","黑体",sans-serif;font-weight:400;margin:1.5rem 0 .5rem}
p{text-indent:2em;margin:.4rem 0}table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.875rem}
th,td{border:1px solid #444;padding:.25rem .4rem;text-align:center}td:first-child,th:first-child{text-align:left}
caption{font-family:"KaiTi","楷体_GB2312",serif;padding:.25rem}.sign{text-align:right;margin-top:2rem}
.wrap{overflow-x:auto}@media print{body{max-width:none}}`;

function htmlTable(t: PrintedTable): string {
  const rows = t.rows
    .map((row, i) => {
      const tag = i < t.headerRows ? 'th' : 'td';
      return `<tr>${row.map((c) => `<${tag}>${esc(c)}</${tag}>`).join('')}</tr>`;
    })
    .join('');
  return `<div class="wrap"><table><caption>${esc(t.caption)}</caption>${rows}</table></div>`;
}

/** The report as one HTML page (for reading, printing and publishing on the site). */
export function renderDisclosureReportHtml(r: DisclosureReport): string {
  const body = parts(r)
    .map(
      (p) =>
        `<h2>${esc(p.title)}</h2>${p.paragraphs.map((x) => `<p>${esc(x)}</p>`).join('')}${p.tables.map(htmlTable).join('')}`,
    )
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(r.title)}</title><style>${STYLE}</style></head><body><h1>${esc(r.title)}</h1>${body}<p class="sign">${esc(r.orgName)}<br>${esc(chineseDate(r.generatedAt))}</p></body></html>`;
}
