import type { AssessmentGrade, IndicatorInput, IndicatorMethod, ScoringRule } from './schema.js';
import { unitStatusLabels } from '../labels.js';

export { unitStatusLabels };

/** Points are kept to one decimal: compare and add them in tenths, never as floats. */
export const tenths = (v: number): number => Math.round(v * 10);
const fmt = (t: number): string => String(t / 10);

export interface EditionProblem {
  /** index of the indicator in the input (its Excel row is index + header row + 1); null = the edition */
  index: number | null;
  field: string;
  message: string;
}

export interface CheckedIndicator {
  code: string;
  level: number;
  parentCode: string | null;
  title: string;
  weight: number;
  leaf: boolean;
  method: IndicatorMethod | null;
  metricId: string | null;
  rule: ScoringRule | null;
  target: number | null;
  evidence: string;
}

/** The parent of '1.2.3' is '1.2'; of '1' none. */
export function parentCode(code: string): string | null {
  const i = code.lastIndexOf('.');
  return i < 0 ? null : code.slice(0, i);
}

/**
 * An edition's indicators as a three-level tree whose points add up: the 一级 indicators to
 * 100, and each indicator's children to its own points. Scoring happens on the leaves, each
 * with a method (filed or from a registry metric) and a rule; a metric leaf or a filed leaf
 * scored by a rule needs a target. Returns every problem, or the checked indicators.
 */
export function checkEdition(input: {
  excellentFrom: number;
  goodFrom: number;
  passFrom: number;
  indicators: readonly IndicatorInput[];
}): { problems: EditionProblem[]; indicators: CheckedIndicator[] } {
  const problems: EditionProblem[] = [];
  const p = (index: number | null, field: string, message: string) =>
    problems.push({ index, field, message });
  if (!(input.passFrom < input.goodFrom && input.goodFrom < input.excellentFrom))
    p(null, 'goodFrom', '等次分数线应为:合格线 < 良好线 < 优秀线');
  if (input.excellentFrom > 100) p(null, 'excellentFrom', '优秀线不能超过 100 分');
  const byCode = new Map<string, number>();
  input.indicators.forEach((x, i) => {
    if (byCode.has(x.code)) p(i, 'code', `指标编号“${x.code}”重复`);
    else byCode.set(x.code, i);
  });
  const children = new Map<string, number[]>();
  input.indicators.forEach((x, i) => {
    const parent = parentCode(x.code);
    if (parent === null) return;
    if (!byCode.has(parent)) p(i, 'code', `指标“${x.code}”的上级指标“${parent}”不存在`);
    children.set(parent, [...(children.get(parent) ?? []), i]);
  });
  const topSum = input.indicators
    .filter((x) => parentCode(x.code) === null)
    .reduce((a, x) => a + tenths(x.weight), 0);
  if (topSum !== 1000) p(null, 'weight', `一级指标分值合计为 ${fmt(topSum)} 分,应为 100 分`);
  for (const [code, kids] of children) {
    const i = byCode.get(code);
    const parent = i === undefined ? undefined : input.indicators[i];
    if (i === undefined || !parent) continue;
    const sum = kids.reduce((a, k) => a + tenths(input.indicators[k]?.weight ?? 0), 0);
    if (sum !== tenths(parent.weight))
      p(
        i,
        'weight',
        `指标“${code} ${parent.title}”的下级指标分值合计为 ${fmt(sum)} 分,应等于其分值 ${fmt(tenths(parent.weight))} 分`,
      );
  }
  const indicators = input.indicators.map((x, i): CheckedIndicator => {
    const leaf = !children.has(x.code);
    const base = {
      code: x.code,
      level: x.code.split('.').length,
      parentCode: parentCode(x.code),
      title: x.title,
      weight: x.weight,
      leaf,
      evidence: x.evidence,
    };
    if (!leaf) {
      if (x.method || x.metricId || x.rule || (x.target ?? null) !== null)
        p(i, 'method', `指标“${x.code}”有下级指标,取数方式、评分方式和目标值只在末级指标上设置`);
      return { ...base, method: null, metricId: null, rule: null, target: null };
    }
    const method: IndicatorMethod = x.method ?? (x.metricId ? 'metric' : 'filed');
    const rule: ScoringRule = x.rule ?? (method === 'metric' ? 'atLeast' : 'review');
    const target = x.target ?? null;
    if (method === 'metric' && !x.metricId) p(i, 'metricId', `指标“${x.code}”为系统取数,请填写关联指标编号`);
    if (method === 'filed' && x.metricId)
      p(i, 'method', `指标“${x.code}”填写了关联指标,取数方式应为系统取数`);
    if (method === 'metric' && rule === 'review')
      p(i, 'rule', `指标“${x.code}”为系统取数,评分方式应为按目标值评分,不能为审核赋分`);
    if (rule !== 'review' && target === null) p(i, 'target', `指标“${x.code}”按目标值评分,请填写目标值`);
    return { ...base, method, metricId: x.metricId ?? null, rule, target };
  });
  return { problems, indicators };
}

/** The points a rule gives a value; null when a reviewer judges it or there is no value yet. */
export function ruleScore(
  rule: ScoringRule,
  weight: number,
  target: number | null,
  value: number | null,
): number | null {
  if (rule === 'review' || value === null || target === null) return null;
  if (rule === 'atLeast') return value >= target ? weight : 0;
  if (rule === 'atMost') return value <= target ? weight : 0;
  if (target === 0) return weight;
  return Math.floor(tenths(weight) * Math.min(1, value / target)) / 10;
}

/** A reviewer's score on a leaf: 0 to its points, one decimal. */
export function scoreProblem(score: number, weight: number): string | undefined {
  if (score < 0 || tenths(score) > tenths(weight)) return `得分应在 0 至 ${weight} 分之间`;
  return undefined;
}

export function gradeOf(
  total: number,
  lines: { excellentFrom: number; goodFrom: number; passFrom: number },
): AssessmentGrade {
  const t = tenths(total);
  if (t >= tenths(lines.excellentFrom)) return 'excellent';
  if (t >= tenths(lines.goodFrom)) return 'good';
  if (t >= tenths(lines.passFrom)) return 'pass';
  return 'fail';
}

/** Standard competition ranking (1, 2, 2, 4) by total, highest first; unscored units have no rank. */
export function rankOf<T extends { total: number | null }>(
  units: readonly T[],
): (T & { rank: number | null })[] {
  const scored = units.filter((u) => u.total !== null).sort((a, b) => (b.total ?? 0) - (a.total ?? 0));
  const rank = new Map<T, number>();
  scored.forEach((u, i) => {
    const prev = scored[i - 1];
    rank.set(u, prev && tenths(prev.total ?? 0) === tenths(u.total ?? 0) ? (rank.get(prev) ?? i + 1) : i + 1);
  });
  return [...scored, ...units.filter((u) => u.total === null)].map((u) => ({
    ...u,
    rank: rank.get(u) ?? null,
  }));
}

/** A unit's place in a round, derived from its dates and the round's publication. */
export type UnitStatus = keyof typeof unitStatusLabels;

export function unitStatus(
  u: { submittedOn: string | null; scoredOn: string | null },
  publishedOn: string | null,
): UnitStatus {
  if (u.scoredOn) return publishedOn ? 'published' : 'scored';
  return u.submittedOn ? 'submitted' : 'filling';
}

export type UnitAction = 'fill' | 'submit' | 'review' | 'finish' | 'return';
/** What may be done to a unit in each status: the unit fills and submits, a reviewer scores. */
export const UNIT_ACTIONS = {
  filling: ['fill', 'submit'],
  submitted: ['review', 'finish', 'return'],
  scored: [],
  published: [],
} as const satisfies Record<UnitStatus, readonly UnitAction[]>;

export function mayAct(status: UnitStatus, action: UnitAction): boolean {
  return (UNIT_ACTIONS[status] as readonly UnitAction[]).includes(action);
}
