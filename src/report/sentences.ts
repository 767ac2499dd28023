import { type Comparison, compareYears, comparisonText } from './comparison.js';
import { formatNumber } from './number-format.js';
import { fullWidth } from './punctuation.js';
import type { ReportSentence, SentenceLink } from './report-model.js';
import type { Figure } from '../platform/metrics/types.js';
import { withQualifier } from '../domains/planning/reported-figures.js';

/**
 * Looks figures up by id. A figure with no data (null) is absent; a zero is left out of a list of
 * quantities (`q`, `c`) but can be stated where it means something ("无败诉案件") through `zero`.
 */
export class FigureBook {
  private readonly byId: Map<string, Figure>;
  private readonly before: Map<string, Figure>;
  readonly used = new Set<string>();
  /** figures printed with a comparison, and that comparison */
  readonly compared = new Map<string, Comparison>();
  /** figures the writers want compared (whether or not the previous year was given) */
  readonly asked = new Set<string>();
  /**
   * `previous`: the same figures of the year before and the day the report is written on, for
   * comparisons (`vs`); without them no comparison is printed.
   */
  constructor(
    figures: readonly Figure[],
    private readonly previous?: { figures: readonly Figure[]; today: string },
  ) {
    this.byId = new Map(figures.map((f) => [f.metricId, f]));
    this.before = new Map((previous?.figures ?? []).map((f) => [f.metricId, f]));
  }
  value(id: string): number | null {
    const f = this.byId.get(id);
    return f && f.value !== null && f.value !== 0 ? f.value : null;
  }
  figure(id: string): Figure | undefined {
    return this.byId.get(id);
  }
  all(): Figure[] {
    return [...this.byId.values()];
  }
  /**
   * "28件", "约300人", "300余人" (marks the figure as printed) or null when absent. The quantity is
   * wrapped in invisible marks naming the figure; `sentence` turns them into links (the HTML view
   * links every number to its records) and strips them from the text.
   */
  q(id: string): string | null {
    const v = this.value(id);
    const f = this.byId.get(id);
    if (v === null || !f) return null;
    this.used.add(id);
    return marked(id, `${withQualifier(f.qualifier, formatNumber(v))}${f.unit === ':1' ? '∶1' : f.unit}`);
  }
  /**
   * A stated zero: `text` (e.g. "无败诉案件") when the figure has data and is 0, else null. The
   * figure is marked as printed, so the zero is traceable like any number.
   */
  zero(id: string, text: string): string | null {
    const f = this.byId.get(id);
    if (f?.value !== 0) return null;
    this.used.add(id);
    return marked(id, text);
  }
  /**
   * The comparison with the previous year ("同比增长12.5%", "比上年提高4个百分点", "与上年持平"), or
   * null when the rule (compareYears) says nothing or the figure itself is not printed. Marked
   * like a quantity, so the HTML view links it to the previous year's records.
   */
  vs(id: string): string | null {
    this.asked.add(id);
    const f = this.byId.get(id);
    const p = this.before.get(id);
    if (!f || !p || !this.previous || this.value(id) === null) return null;
    const x = compareYears(f, p, this.previous.today);
    if (!x) return null;
    this.used.add(id);
    this.compared.set(id, x);
    return marked(`${COMPARED}${id}`, comparisonText(x));
  }
  /** the previous year's figure a comparison was made with */
  previousFigure(id: string): Figure | undefined {
    return this.before.get(id);
  }
  /** a clause "prefix + quantity + suffix", or null when the figure is absent */
  c(prefix: string, id: string, suffix = ''): string | null {
    const q = this.q(id);
    return q === null ? null : `${prefix}${q}${suffix}`;
  }
  /**
   * The clause `c` with its parts in brackets ("共聘请法律顾问49人(其中政府法律顾问12人)"), each
   * part `[prefix, id, suffix?]`; the parts are looked up first, and left out when none has data.
   */
  cWithParts(
    prefix: string,
    id: string,
    parts: readonly (readonly [string, string, string?])[],
  ): string | null {
    return this.c(prefix, id, breakdown(parts.map(([p, partId, suffix]) => this.c(p, partId, suffix))));
  }
  /**
   * `head` followed by one more figure in brackets ("开设法治培训课程39堂(其中党校12堂)"); null
   * without a head, and then the figure is not looked up.
   */
  withPart(head: string | null, prefix: string, id: string): string | null {
    return head === null ? null : `${head}${breakdown([this.c(prefix, id)])}`;
  }
  /**
   * The clause `c`, or when its figure is zero the stated zero `text` — only if the figure `when`
   * (when given) has data: "无败诉案件" is said of a year that concluded cases, not of an empty one.
   */
  cz(prefix: string, id: string, text: string, when?: string): string | null {
    const c = this.c(prefix, id);
    if (c !== null) return c;
    return when === undefined || this.value(when) !== null ? this.zero(id, text) : null;
  }
  /** the clause `c` followed by its comparison with the previous year when there is one to make */
  cv(prefix: string, id: string, suffix = ''): string | null {
    const c = this.c(prefix, id, suffix);
    if (c === null) return null;
    const v = this.vs(id);
    return v === null ? c : `${c},${v}`;
  }
}

export { formatNumber };

const present = (xs: readonly (string | null)[]) => xs.filter((x): x is string => x !== null);

/** Clauses joined with ","; the parenthesised breakdown is omitted when all its parts are zero. */
export function clauses(xs: readonly (string | null)[]): string | null {
  const p = present(xs);
  return p.length ? p.join(',') : null;
}

export function breakdown(xs: readonly (string | null)[]): string {
  const p = present(xs);
  return p.length ? `(${p.join('、')})` : '';
}

/** The parts that have data after a lead (",其中维持3件、撤销1件"), or '' when none has. */
export function among(xs: readonly (string | null)[], lead = ',其中'): string {
  const p = present(xs);
  return p.length ? `${lead}${p.join('、')}` : '';
}

/**
 * A sentence said only when its lead clause has data: the lead and then the `rest` of its
 * clauses, which are not looked up without a lead.
 */
export function led(lead: string | null, rest: () => readonly (string | null)[]): string | null {
  return lead === null ? null : clauses([lead, ...rest()]);
}

/** Groups of clauses joined with ";", those without data left out; null when none has data. */
export function groups(xs: readonly (string | null)[]): string | null {
  const p = present(xs);
  return p.length ? p.join(';') : null;
}

/** A sentence template: returns the text, or null when none of its figures has data. */
export type SentenceTemplate = (b: FigureBook) => string | null;

const OPEN = '\uE000';
const MID = '\uE001';
const CLOSE = '\uE002';
/** before a figure id in a mark: the marked text is a comparison with the previous year */
const COMPARED = '~';
const marked = (id: string, text: string) => `${OPEN}${id}${MID}${text}${CLOSE}`;

/** Strips the marks `q` and `zero` put around each quantity: the plain text and where each figure is printed. */
export function unmark(raw: string): { text: string; links: SentenceLink[] } {
  const links: SentenceLink[] = [];
  let text = '';
  let i = 0;
  while (i < raw.length) {
    const open = raw.indexOf(OPEN, i);
    if (open < 0) {
      text += raw.slice(i);
      break;
    }
    const mid = raw.indexOf(MID, open);
    const close = raw.indexOf(CLOSE, mid);
    text += raw.slice(i, open);
    const shown = raw.slice(mid + 1, close);
    const id = raw.slice(open + 1, mid);
    links.push({
      ...(id.startsWith(COMPARED)
        ? { metricId: id.slice(COMPARED.length), comparison: true }
        : { metricId: id }),
      start: text.length,
      end: text.length + shown.length,
    });
    text += shown;
    i = close + 1;
  }
  return { text, links };
}

export function sentence(b: FigureBook, t: SentenceTemplate): ReportSentence | null {
  const before = new Set(b.used);
  const raw = t(b);
  if (raw === null) return null;
  // full-width punctuation (GB/T 15834) before the marks are read, so the links point into the final text
  const { text, links } = unmark(fullWidth(raw.endsWith('。') ? raw : `${raw}。`));
  return {
    text,
    metricIds: [...b.used].filter((id) => !before.has(id)),
    links,
  };
}
