import { convertMillimetersToTwip } from 'docx';

/**
 * GB/T 9704-2012 党政机关公文格式, as numbers the DOCX renderer and its test share.
 * Sizes in half-points (docx `size`), lengths in twips unless named otherwise.
 */
export const GB = {
  /** A4 210 × 297 mm */
  pageWidth: 11906,
  pageHeight: 16838,
  /** 天头 37 mm, 订口 (left) 28 mm; the 版心 is 156 × 225 mm, so right 26 mm and bottom 35 mm */
  marginTop: convertMillimetersToTwip(37),
  marginBottom: convertMillimetersToTwip(35),
  marginLeft: convertMillimetersToTwip(28),
  marginRight: convertMillimetersToTwip(26),
  /** 页码 7 mm below the 版心 */
  footer: convertMillimetersToTwip(28),
  header: convertMillimetersToTwip(15),
  /** 22 lines per page: 225 mm / 22 ≈ 28.95 pt */
  linePitch: 579,
  linesPerPage: 22,
  charsPerLine: 28,
  /** 28 characters of 3号 in 156 mm: (8844 / 28 twips − 16 pt) × 4096 ≈ −848 (a character grid's charSpace) */
  charSpace: -848,
  /** the same as run character spacing in twips: 16 pt − 0.25 pt = 15.75 pt a character, 28 in 441 pt */
  bodyCharSpacing: -5,
  titleSize: 44, // 2号 22 pt
  bodySize: 32, // 3号 16 pt
  pageNumberSize: 28, // 4号 14 pt
  tableSize: 21, // 5号 10.5 pt, for the provenance table
  /** the 版心's width, 156 mm */
  textWidth: 8844,
  /** 2号 (22 pt) characters in 156 mm (≈ 442 pt), one kept free for the centring */
  titleCharsPerLine: 19,
  /** 序号, 指标, 口径, 统计范围, 统计期, 数值: fixed widths adding up to the 版心 */
  appendixColumns: [620, 1800, 2884, 1240, 1000, 1300] as const,
  /** 序号, 指标, 口径, 数值 when the scope and period are said once above the table */
  appendixColumnsShared: [620, 2300, 4324, 1600] as const,
  /** one character of 3号, for 首行缩进二字 and 页码空一字 */
  char: 320,
  fonts: {
    title: '方正小标宋简体',
    body: '仿宋_GB2312',
    heading1: '黑体',
    heading2: '楷体_GB2312',
    pageNumber: '宋体',
  },
} as const;
