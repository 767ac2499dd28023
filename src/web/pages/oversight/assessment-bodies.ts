import type { Dayjs } from 'dayjs';

/** What the 考评 forms send; assessment-bodies.test.ts checks each against the route's schema. */

export interface EditionImportValues {
  name: string;
  note?: string;
  excellentFrom: number;
  goodFrom: number;
  passFrom: number;
}
/** The edition's header travels in the query string; the file is the body. */
export function editionImportQuery(v: EditionImportValues, fileName: string) {
  return {
    name: v.name.trim(),
    ...(v.note?.trim() ? { note: v.note.trim() } : {}),
    excellentFrom: v.excellentFrom,
    goodFrom: v.goodFrom,
    passFrom: v.passFrom,
    fileName,
  };
}

export interface OpenRoundValues {
  editionId: string;
  year: number;
  title: string;
  fillDue: Dayjs;
  orgIds: string[];
}
export function openRoundBody(v: OpenRoundValues) {
  return {
    editionId: v.editionId,
    year: v.year,
    title: v.title.trim(),
    fillDue: v.fillDue.format('YYYY-MM-DD'),
    orgIds: v.orgIds,
  };
}

export interface EntryDraft {
  indicatorId: string;
  value: number | null;
  note: string;
  evidence: { sha256: string; name: string }[];
}
export function fillBody(version: number, drafts: readonly EntryDraft[]) {
  return {
    version,
    entries: drafts.map((d) => ({
      indicatorId: d.indicatorId,
      value: d.value,
      note: d.note.trim(),
      evidence: d.evidence,
    })),
  };
}

export interface ScoreDraft {
  indicatorId: string;
  score: number | null;
  comment: string;
}
export function reviewBody(
  version: number,
  drafts: readonly ScoreDraft[],
  decision: 'save' | 'finish' | 'return',
  note = '',
) {
  return {
    version,
    decision,
    note: note.trim(),
    scores: drafts
      .filter((d) => d.score !== null)
      .map((d) => ({ indicatorId: d.indicatorId, score: d.score ?? 0, comment: d.comment.trim() })),
  };
}
