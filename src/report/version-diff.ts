import type { Figure } from '../platform/metrics/types.js';
import type { ReportContent } from './report-model.js';

/** Why a printed figure differs between two versions of a report. */
export type ChangeReason =
  /** the figure's 口径 or its mapping changed: another metric, source (填报 ↔ 记录), name, unit or definition */
  | 'mapping'
  /** a stock or rate taken on another day (the year was not over when the older version was made) */
  | 'asOf'
  /** a filed figure (数据填报) changed */
  | 'filing'
  /** the records it is counted from changed */
  | 'records'
  /** printed in one version only */
  | 'printed';

export interface FigureChange {
  metricId: string;
  name: string;
  unit: string;
  domain: string;
  domainName: string;
  /** null: not printed in that version */
  old: number | null;
  new: number | null;
  oldSource: Figure['source'] | null;
  newSource: Figure['source'] | null;
  reason: ChangeReason;
  /** what the reason rests on, in words (filled in by the service for filings and records) */
  detail: string;
}

export interface SentenceChange {
  kind: 'added' | 'removed' | 'changed';
  /** where: the part's title and the section's (empty for a part's own text) */
  part: string;
  section: string;
  old: string | null;
  new: string | null;
}

export interface ReportDiff {
  figures: FigureChange[];
  sentences: SentenceChange[];
}

/** The paragraphs of a report by place: generated sentences, then the staff text, in print order. */
function paragraphs(c: ReportContent): Map<string, { part: string; section: string; texts: string[] }> {
  const out = new Map<string, { part: string; section: string; texts: string[] }>();
  out.set('preamble', { part: '前言', section: '', texts: [c.preamble] });
  for (const p of c.parts) {
    for (const s of p.sections)
      out.set(`${p.key}/${s.key}`, {
        part: p.title,
        section: s.title,
        texts: [...s.sentences.map((x) => x.text), ...splitText(s.narrative)],
      });
    out.set(`${p.key}/`, { part: p.title, section: '', texts: splitText(p.narrative) });
  }
  return out;
}

const splitText = (t: string) =>
  t
    .split(/\n+/)
    .map((x) => x.trim())
    .filter((x) => x !== '');

/**
 * A sentence-level diff: the longest common subsequence of the two lists stays; between two kept
 * sentences, removed and added ones are paired in order as changed, the rest are added or removed.
 */
export function diffSentences(a: readonly string[], b: readonly string[]) {
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      (lcs[i] as number[])[j] =
        a[i] === b[j]
          ? ((lcs[i + 1] as number[])[j + 1] as number) + 1
          : Math.max((lcs[i + 1] as number[])[j] as number, (lcs[i] as number[])[j + 1] as number);
  const out: { kind: SentenceChange['kind']; old: string | null; new: string | null }[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    const k = Math.min(removed.length, added.length);
    for (let x = 0; x < k; x++) out.push({ kind: 'changed', old: removed[x] ?? null, new: added[x] ?? null });
    for (const r of removed.slice(k)) out.push({ kind: 'removed', old: r, new: null });
    for (const s of added.slice(k)) out.push({ kind: 'added', old: null, new: s });
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flush();
      i++;
      j++;
    } else if (
      j >= m ||
      (i < n && ((lcs[i + 1] as number[])[j] as number) >= ((lcs[i] as number[])[j + 1] as number))
    )
      removed.push(a[i++] as string);
    else added.push(b[j++] as string);
  }
  flush();
  return out;
}

/** Why a figure printed in both versions differs, from the two figures alone (null: not yet known). */
function ownReason(a: Figure, b: Figure): ChangeReason | null {
  if (a.source !== b.source || a.unit !== b.unit || a.definition !== b.definition || a.name !== b.name)
    return 'mapping';
  if ((a.asOf ?? a.to) !== (b.asOf ?? b.to)) return 'asOf';
  return null;
}

const change = (a: Figure | undefined, b: Figure | undefined, reason: ChangeReason, detail: string) => {
  const f = (b ?? a) as Figure; // one of the two is always there
  return {
    metricId: f.metricId,
    name: f.name,
    unit: f.unit,
    domain: f.domain,
    domainName: f.domainName,
    old: a ? a.value : null,
    new: b ? b.value : null,
    oldSource: a?.source ?? null,
    newSource: b?.source ?? null,
    reason,
    detail,
  };
};

/**
 * What changed from `older` to `newer`: figures whose printed value changed (or that are printed in
 * one version only) and sentences added, removed or changed. A concept printed from a filing in one
 * version and from records in the other (same name) is one change of mapping. Pure; the service
 * fills in the detail of filings and records.
 */
export function diffReports(older: ReportContent, newer: ReportContent): ReportDiff {
  const a = new Map(older.figures.map((f) => [f.metricId, f]));
  const b = new Map(newer.figures.map((f) => [f.metricId, f]));
  const figures: FigureChange[] = [];
  const paired = new Set<string>();
  for (const [id, nf] of b) {
    const of = a.get(id);
    if (of) {
      if (of.value === nf.value && ownReason(of, nf) !== 'mapping') continue;
      const own = ownReason(of, nf);
      figures.push(
        change(
          of,
          nf,
          own ?? (nf.source === 'reported' ? 'filing' : 'records'),
          own === 'asOf'
            ? `统计时点由${of.asOf ?? of.to}变为${nf.asOf ?? nf.to}`
            : own === 'mapping'
              ? '指标口径或对应关系调整'
              : '',
        ),
      );
      continue;
    }
    const twin = older.figures.find((f) => f.name === nf.name && !b.has(f.metricId));
    if (twin) {
      paired.add(twin.metricId);
      figures.push(
        change(
          twin,
          nf,
          'mapping',
          twin.source !== nf.source
            ? `由${twin.source === 'reported' ? '数据填报' : '业务记录计算'}改为${nf.source === 'reported' ? '数据填报' : '业务记录计算'}`
            : '指标口径或对应关系调整',
        ),
      );
    } else figures.push(change(undefined, nf, 'printed', '本版新列入报告'));
  }
  for (const [id, of] of a)
    if (!b.has(id) && !paired.has(id)) figures.push(change(of, undefined, 'printed', '本版不再列入报告'));

  const pa = paragraphs(older);
  const pb = paragraphs(newer);
  const sentences: SentenceChange[] = [];
  for (const key of new Set([...pa.keys(), ...pb.keys()])) {
    const x = pa.get(key);
    const y = pb.get(key);
    const where = (y ?? x) as { part: string; section: string }; // the key came from one of them
    for (const d of diffSentences(x?.texts ?? [], y?.texts ?? []))
      sentences.push({ ...d, part: where.part, section: where.section });
  }
  return { figures, sentences };
}
