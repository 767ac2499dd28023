import type { Figure } from '../platform/metrics/types.js';

/** The five statutory parts (法治政府建设与责任落实督察工作规定; RULES.md §2.8). */
export const PartKey = ['achievements', 'shortcomings', 'leadership', 'nextYear', 'other'] as const;
export type PartKey = (typeof PartKey)[number];

export const partTitles = {
  achievements: '主要举措和成效',
  shortcomings: '存在的不足和原因',
  leadership: '党政主要负责人履行推进法治建设第一责任人职责情况',
  nextYear: '下一年度推进法治政府建设的主要安排',
  other: '其他需要报告的情况',
} as const satisfies Record<PartKey, string>;

/** Where a sentence prints one figure: characters [start, end) of its text. */
export interface SentenceLink {
  metricId: string;
  start: number;
  end: number;
  /** the text compares the figure with the previous year's (ReportContent.previous) */
  comparison?: boolean | undefined;
}

/** A sentence generated from figures; `metricIds` are the figures it prints. */
export interface ReportSentence {
  text: string;
  metricIds: string[];
  /** each printed number (or stated zero) and its figure, in text order; absent in versions saved before links */
  links?: SentenceLink[] | undefined;
}

export interface ReportSection {
  /** theme key (纲要 chapter) */
  key: string;
  title: string;
  sentences: ReportSentence[];
  /** what staff write about the theme, printed after the generated sentences */
  narrative: string;
}

export interface ReportPart {
  key: PartKey;
  title: string;
  sections: ReportSection[];
  /** staff text of the part (the whole part for 二、四、五) */
  narrative: string;
  approved: boolean;
  approvedBy: string | null;
}

export interface ReportDeadlines {
  /** 报送: departments by 3月1日 of the next year */
  submitBy: string;
  /** 向社会公开: by 4月1日 of the next year */
  publishBy: string;
}

export interface ReportContent {
  orgId: string;
  orgName: string;
  year: number;
  title: string;
  preamble: string;
  parts: ReportPart[];
  /** every figure the report prints, with its provenance (the appendix) */
  figures: Figure[];
  /** the previous year's figures the text compares with (absent in versions saved before comparisons) */
  previous?: Figure[] | undefined;
  deadlines: ReportDeadlines;
  generatedAt: string;
  /** the instant the figures were computed (absent in versions saved before it was kept) */
  computedAt?: string | undefined;
  /** the audit chain's last entry when the figures were computed: record changes since are later entries */
  auditSeq?: number | undefined;
}

/** Staff-edited text, by `part:<key>` or `section:<themeKey>`, and the preamble. */
export type Narratives = Readonly<Record<string, string>>;

/** A part with no generated sentence and no staff text: the draft marks it for the editor. */
export function partIsEmpty(p: ReportPart): boolean {
  return p.narrative.trim() === '' && p.sections.every((s) => s.sentences.length === 0 && s.narrative === '');
}

/** What an empty part shows in a draft (HTML and Word) instead of filler. */
export function placeholderText(key: PartKey): string {
  return key === 'nextYear'
    ? '（待填写：尚未录入下一年度法治建设工作要点，请撰写下一年度推进法治政府建设的主要安排）'
    : '（待填写）';
}
