import type { PublicationContent } from './rules.js';

/** The decisions the portal shows by kind (国办发〔2018〕118号: 行政许可、行政处罚 are published). */
export const PortalKind = ['penalty', 'license'] as const;
export type PortalKind = (typeof PortalKind)[number];
export const portalKindLabels = { penalty: '行政处罚', license: '行政许可' } as const satisfies Record<
  PortalKind,
  string
>;

/** The label of a case category as the public reads it; categories beyond 许可/处罚 are 其他执法决定. */
export function decisionKindLabel(category: string): string {
  return category === 'penalty' || category === 'license' ? portalKindLabels[category] : '其他执法决定';
}

/**
 * A 1-character term cannot use either index (trigrams need 3 characters, bigrams 2): it is
 * answered by LIKE over the newest this-many published items only, which bounds the scan.
 */
export const SINGLE_CHAR_SCAN = 5000;
export const SINGLE_CHAR_NOTICE = `单字检索只在最新的 ${SINGLE_CHAR_SCAN} 条公示信息中查找,请输入两个字及以上的关键词以查全`;
/** Terms beyond this many are ignored: each is one more index probe. */
export const MAX_TERMS = 5;

export type SearchTerm =
  /** ≥ 3 characters: substring LIKE served by the pg_trgm GIN index */
  | { kind: 'trigram'; pattern: string }
  /** exactly 2 characters: the bigram tsvector GIN index (pg_trgm cannot serve them) */
  | { kind: 'bigram'; tsquery: string }
  /** 1 character: LIKE over the newest SINGLE_CHAR_SCAN items */
  | { kind: 'single'; pattern: string };

/** LIKE pattern matching the term anywhere, with %, _ and \ taken literally. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A tsquery literal of one lexeme taken as-is (quotes and backslashes escaped). */
export function tsqueryLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * The user's search text as index-friendly terms, all of which must match: split on white
 * space, lower-cased as the indexed text is, duplicates and terms past MAX_TERMS dropped.
 * Lengths count characters (code points), not UTF-16 units.
 */
export function searchTerms(q: string | undefined): SearchTerm[] {
  if (!q) return [];
  const words = [...new Set(q.toLowerCase().split(/\s+/).filter(Boolean))].slice(0, MAX_TERMS);
  return words.map((w): SearchTerm => {
    const n = [...w].length;
    if (n >= 3) return { kind: 'trigram', pattern: likePattern(w) };
    if (n === 2) return { kind: 'bigram', tsquery: tsqueryLexeme(w) };
    return { kind: 'single', pattern: likePattern(w) };
  });
}

/** Whether only the newest SINGLE_CHAR_SCAN items are searched (every term is a single character). */
export function singleCharOnly(terms: readonly SearchTerm[]): boolean {
  return terms.length > 0 && terms.every((t) => t.kind === 'single');
}

/** One published decision as the public sees it: its masked content and the record's own fields. */
export interface PortalPublication extends PublicationContent {
  id: string;
  kind: string;
  kindLabel: string;
  orgId: string;
  /** null while pending (a staff preview) */
  publishedOn: string | null;
}

export function portalPublication(
  row: { id: string; category: string; org_id: string; published_on: string | null },
  content: PublicationContent,
): PortalPublication {
  return {
    id: row.id,
    kind: row.category,
    kindLabel: decisionKindLabel(row.category),
    caseNo: content.caseNo,
    decisionNo: content.decisionNo,
    orgId: row.org_id,
    orgName: content.orgName,
    partyName: content.partyName,
    partyUscc: content.partyUscc,
    facts: content.facts,
    basis: content.basis,
    penalties: content.penalties ?? [],
    amount: content.amount,
    decidedOn: content.decidedOn,
    publishedOn: row.published_on,
  };
}

const yuan = (n: number) => `${n.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`;

/**
 * The labelled fields of the detail page, the staff preview and the JSON alike: one list, so the
 * three cannot show different things. Fields without a value are left out, not shown empty.
 */
export function publicationFields(p: PortalPublication): { label: string; value: string }[] {
  const penalty = p.kind !== 'license';
  const fields: [string, string | null][] = [
    ['行政相对人', p.partyName],
    ['统一社会信用代码', p.partyUscc],
    ['决定类别', p.kindLabel],
    ['案件编号', p.caseNo],
    ['决定书文号', p.decisionNo],
    [penalty ? '违法事实' : '许可内容', p.facts],
    [penalty ? '处罚依据' : '许可依据', p.basis],
    ['处罚种类', p.penalties.length > 0 ? p.penalties.join('、') : null],
    ['罚款金额', p.amount !== null && p.amount > 0 ? yuan(p.amount) : null],
    ['执法机关', p.orgName],
    ['决定日期', p.decidedOn],
    ['公示日期', p.publishedOn ?? '待公示'],
  ];
  return fields
    .filter((f): f is [string, string] => f[1] !== null && f[1] !== '')
    .map(([label, value]) => ({
      label,
      value,
    }));
}
