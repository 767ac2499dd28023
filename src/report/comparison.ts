import { formatNumber } from './number-format.js';
import type { Figure } from '../platform/metrics/types.js';

/**
 * A figure compared with the same figure of the previous year, as official prose writes it: a
 * rate "比上年提高4个百分点", a count "同比增长12.5%", unchanged "与上年持平" — never "↑4%".
 */
export type Comparison =
  | { kind: 'points'; change: number }
  | { kind: 'percent'; change: number }
  | { kind: 'same' };

/** The fields of a figure the rule reads. */
export type ComparedFigure = Pick<Figure, 'value' | 'unit' | 'source' | 'kind' | 'qualifier' | 'to'>;

/** Below this many, a percentage change says more about chance than about the work (2 → 4 is "+100%"). */
export const MIN_COUNT_BASE = 10;

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Whether and how `current` compares with `previous` (the year before). Nothing is said when:
 * either value is missing; the two come from different sources (records vs. a filing) or units;
 * either was filed with 约/余/以上/以内 (an approximate value compares to nothing exactly); the
 * current year is not over on `today` (a part year against a whole one); the figure is neither a
 * count nor a percentage (days, ratios); a count's previous value is below MIN_COUNT_BASE or both
 * are zero; or a count's change rounds to 0.0% without being nil.
 */
export function compareYears(
  current: ComparedFigure,
  previous: ComparedFigure,
  today: string,
): Comparison | null {
  const [c, p] = [current.value, previous.value];
  if (c === null || p === null) return null;
  if (current.source !== previous.source || current.unit !== previous.unit) return null;
  if (current.qualifier || previous.qualifier) return null;
  if (today <= current.to) return null;
  if (current.unit === '%') {
    const points = round1(c - p);
    return points === 0 ? { kind: 'same' } : { kind: 'points', change: points };
  }
  if (current.kind === 'ratio' || current.kind === 'rate') return null;
  if (p < MIN_COUNT_BASE) return null;
  if (c === p) return { kind: 'same' };
  const percent = round1(((c - p) / p) * 100);
  return percent === 0 ? null : { kind: 'percent', change: percent };
}

/** The words of a comparison (GB/T 15834 punctuation is applied with the sentence). */
export function comparisonText(x: Comparison): string {
  if (x.kind === 'same') return '与上年持平';
  const n = formatNumber(Math.abs(x.change));
  if (x.kind === 'points') return `比上年${x.change > 0 ? '提高' : '下降'}${n}个百分点`;
  return `同比${x.change > 0 ? '增长' : '下降'}${n}%`;
}
