import { AlignmentType } from 'docx';
import { GB } from '../platform/docx/gbt9704.js';
import { exact } from '../platform/docx/letter.js';

/**
 * The GB/T 9704-2012 layout both printed reports share (the annual report and the 政务公开 annual
 * report) beyond a letter's fonts and line pitch (platform/docx/letter.ts): the paragraph kinds and
 * the page. Each renderer keeps its own runs (the annual report tightens body text to 28
 * characters a line).
 */

/** 正文: justified, 首行缩进二字. */
export const bodyParagraph = {
  alignment: AlignmentType.JUSTIFIED,
  indent: { firstLine: 2 * GB.char },
  spacing: exact,
} as const;

/** 发文机关署名 and 成文日期: right-aligned, 右空四字 (§7.3.5). */
export const signatureParagraph = {
  alignment: AlignmentType.RIGHT,
  indent: { right: 4 * GB.char },
  spacing: exact,
} as const;

/** The A4 page and its 版心 margins. */
export const gbPage = {
  size: { width: GB.pageWidth, height: GB.pageHeight },
  margin: { top: GB.marginTop, bottom: GB.marginBottom, left: GB.marginLeft, right: GB.marginRight },
} as const;
