import {
  AlignmentType,
  Document,
  type FileChild,
  type IParagraphOptions,
  LineRuleType,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import { GB } from './gbt9704.js';

/**
 * The pieces of a one-section GB/T 9704 letter or 文书 (答复书, 告知书, 复议决定书): runs in the
 * standard fonts, lines at the fixed pitch, and the document on the standard page.
 */

/** "2026-02-10" → "2026年2月10日" */
export function chineseDate(d: string): string {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
}

/** One font for every script slot, so Word never substitutes another for the Chinese. */
export const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });
/** 22 lines a page: every line at the fixed pitch, no space between paragraphs. */
export const exact = { line: GB.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
export const run = (text: string, f: string = GB.fonts.body, size: number = GB.bodySize) =>
  new TextRun({ text, font: font(f), size });
/** Paragraphs of one run of body text at the fixed pitch, aligned and indented as `layout` says. */
const paragraphOf =
  (layout: Pick<IParagraphOptions, 'alignment' | 'indent'>) =>
  (text: string): Paragraph =>
    new Paragraph({ ...layout, spacing: exact, children: [run(text)] });
/** A body paragraph: justified, its first line indented two characters. */
export const bodyParagraph = paragraphOf({
  alignment: AlignmentType.JUSTIFIED,
  indent: { firstLine: 2 * GB.char },
});
/** The issuer or the date under the text: set right, four characters in from the margin. */
export const signatureLine = paragraphOf({ alignment: AlignmentType.RIGHT, indent: { right: 4 * GB.char } });

/**
 * The .docx of one section on the A4 page and margins of GB/T 9704, body text 仿宋 3号 by default;
 * `headerFooter` also sets the header and footer distances.
 */
export function gbDocx(
  title: string,
  children: readonly FileChild[],
  opts: { headerFooter?: boolean } = {},
): Promise<Buffer> {
  const doc = new Document({
    creator: 'fazhi',
    title,
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
              ...(opts.headerFooter ? { header: GB.header, footer: GB.footer } : {}),
            },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
