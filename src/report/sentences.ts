import type { ReportSentence } from './report-model.js';
import type { Figure } from './types.js';

/** Looks figures up by id; a figure with no data or zero is "absent" so its clause is left out. */
export class FigureBook {
  private readonly byId: Map<string, Figure>;
  readonly used = new Set<string>();
  constructor(figures: readonly Figure[]) {
    this.byId = new Map(figures.map((f) => [f.metricId, f]));
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
  /** "28件" (marks the figure as printed) or null when absent */
  q(id: string): string | null {
    const v = this.value(id);
    const f = this.byId.get(id);
    if (v === null || !f) return null;
    this.used.add(id);
    return `${formatNumber(v)}${f.unit === ':1' ? '∶1' : f.unit}`;
  }
  /** a clause "prefix + quantity + suffix", or null when the figure is absent */
  c(prefix: string, id: string, suffix = ''): string | null {
    const q = this.q(id);
    return q === null ? null : `${prefix}${q}${suffix}`;
  }
}

export function formatNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(2)));
}

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

/** A sentence template: returns the text, or null when none of its figures has data. */
export type SentenceTemplate = (b: FigureBook) => string | null;

export function sentence(b: FigureBook, t: SentenceTemplate): ReportSentence | null {
  const before = new Set(b.used);
  const text = t(b);
  if (text === null) return null;
  return {
    text: text.endsWith('。') ? text : `${text}。`,
    metricIds: [...b.used].filter((id) => !before.has(id)),
  };
}
