import { narrativeWriters, writtenDomains } from './narrative/index.js';
import recordDomains from './record-domains.json' with { type: 'json' };
import {
  type Narratives,
  PartKey,
  partTitles,
  type ReportContent,
  type ReportDeadlines,
  type ReportPart,
  type ReportSection,
} from './report-model.js';
import { type PlanTask, planSentences } from './next-year-plan.js';
import { fullWidth } from './punctuation.js';
import { FigureBook, sentence } from './sentences.js';
import { genericSentence, groupTemplates, leadershipGroups, themes, unprintedGroups } from './templates.js';
import type { Figure } from '../platform/metrics/types.js';

/** Org kinds that file by 3月1日 as 县级以上政府部门 (RULES.md §2.8). */
const DEPARTMENT_KINDS: ReadonlySet<string> = new Set(['department', 'agency']);

/**
 * Deadlines for the report on `year` (法治政府建设与责任落实督察工作规定): departments report by
 * 3月1日 of the next year; every report is made public by 4月1日. Governments report to the
 * upper level; the 规定 sets no day for a county, so they are held to the public date.
 */
export function reportDeadlines(year: number, orgKind: string): ReportDeadlines {
  const next = year + 1;
  return {
    submitBy: DEPARTMENT_KINDS.has(orgKind) ? `${next}-03-01` : `${next}-04-01`,
    publishBy: `${next}-04-01`,
  };
}

export interface ComposeInput {
  orgId: string;
  orgName: string;
  orgKind: string;
  year: number;
  figures: readonly Figure[];
  /** the same figures of the year before, for comparisons (see comparedMetricIds) */
  previous?: readonly Figure[] | undefined;
  /** next year's 年度工作要点 tasks of the org's subtree, for part four */
  plan?: readonly PlanTask[] | undefined;
  narratives?: Narratives;
  generatedAt: string;
}

function groupSentences(book: FigureBook, group: string, figures: readonly Figure[]) {
  const out = [];
  const writer = narrativeWriters[group] ?? (writtenDomains.has(group) ? [] : undefined);
  for (const t of writer ?? groupTemplates[group] ?? []) {
    const s = sentence(book, t);
    if (s) out.push(s);
  }
  // a domain with its own writer gets no generic list of its computed figures; what it cannot
  // count from records (typed-in exceptions, record-domains.json) is still printed as filed
  const used = new Set(out.flatMap((s) => s.metricIds));
  const ids = figures
    .filter((f) => f.domain === group && (!writer || (f.source === 'reported' && !used.has(f.metricId))))
    .map((f) => f.metricId);
  const label = figures.find((f) => f.domain === group)?.domainName ?? group;
  const rest = sentence(book, (b) => genericSentence(b, label, ids));
  if (rest) out.push(rest);
  return out;
}

const RECORD_DOMAINS: ReadonlySet<string> = new Set(recordDomains.domains);
const TYPED_IN: ReadonlySet<string> = new Set(recordDomains.typedIn.map((t) => t.metric));

/**
 * Typed-in figures the report never prints because records give the concept: a filing in a
 * domain the platform counts from records (record-domains.json) unless it is a named typed-in
 * exception, and any filing named like a figure the records count (non-zero). One concept, one figure.
 */
export function supersededByRecords(figures: readonly Figure[]): Set<string> {
  // a twin by name only when the records count something (an unused ledger leaves the filing)
  const computedNames = new Set(
    figures.filter((f) => f.source === 'computed' && f.value !== null && f.value !== 0).map((f) => f.name),
  );
  return new Set(
    figures
      .filter(
        (f) =>
          f.source === 'reported' &&
          ((RECORD_DOMAINS.has(f.domainName) && !TYPED_IN.has(f.name)) || computedNames.has(f.name)),
      )
      .map((f) => f.metricId),
  );
}

/** Builds the five-part report from the figures and the staff's narratives. Pure. */
export function composeReport(input: ComposeInput): ReportContent {
  return compose(input).content;
}

/**
 * The figures the writers compare with the previous year, given this year's figures: what a
 * caller computes for the year before (so the list cannot drift from the writers).
 */
export function comparedMetricIds(input: ComposeInput): string[] {
  return [...compose(input).book.asked];
}

function compose(input: ComposeInput): { content: ReportContent; book: FigureBook } {
  const n = input.narratives ?? {};
  const superseded = supersededByRecords(input.figures);
  const figures = input.figures.filter((f) => !unprintedGroups.has(f.domain) && !superseded.has(f.metricId));
  const book = new FigureBook(
    figures,
    input.previous ? { figures: input.previous, today: input.generatedAt } : undefined,
  );
  const themed = new Set<string>([
    ...themes.flatMap((t) => t.groups),
    ...leadershipGroups,
    ...writtenDomains,
  ]);
  const sections: ReportSection[] = themes.map((t) => {
    // groups no theme names (a new domain) are reported under the last theme rather than lost
    const groups: string[] = [...t.groups];
    if (t.key === 'leadership')
      groups.push(...new Set(figures.map((f) => f.domain).filter((d) => !themed.has(d))));
    return {
      key: t.key,
      title: t.title,
      sentences: groups.flatMap((g) => groupSentences(book, g, figures)),
      narrative: n[`section:${t.key}`] ?? '',
    };
  });
  const leadershipSentences = leadershipGroups.flatMap((g) => groupSentences(book, g, figures));
  const plan = planSentences(input.plan ?? []);
  const parts: ReportPart[] = PartKey.map((key) => ({
    key,
    title: partTitles[key],
    sections:
      key === 'achievements'
        ? sections
        : key === 'leadership' && leadershipSentences.length
          ? [{ key: 'leadershipFigures', title: '', sentences: leadershipSentences, narrative: '' }]
          : key === 'nextYear' && plan.length
            ? [{ key: 'nextYearPlan', title: '', sentences: plan, narrative: '' }]
            : [],
    narrative: n[`part:${key}`] ?? '',
    approved: false,
    approvedBy: null,
  }));
  const compared = [...book.compared.keys()]
    .map((id) => book.previousFigure(id))
    .filter((f): f is Figure => f !== undefined);
  const content: ReportContent = {
    orgId: input.orgId,
    orgName: input.orgName,
    year: input.year,
    title: `${input.orgName}关于${input.year}年度法治政府建设工作情况的报告`,
    preamble:
      n.preamble ??
      fullWidth(
        `${input.year}年,${input.orgName}坚持以习近平新时代中国特色社会主义思想为指导,深入学习贯彻习近平法治思想,认真落实《法治政府建设实施纲要(2021—2025年)》,推进法治政府建设各项工作有序开展。现将有关情况报告如下。`,
      ),
    parts,
    figures: figures.filter((f) => book.used.has(f.metricId)),
    ...(compared.length ? { previous: compared } : {}),
    deadlines: reportDeadlines(input.year, input.orgKind),
    generatedAt: input.generatedAt,
  };
  return { content, book };
}

/** Sentences of the report, in print order (for tests and the HTML view). */
export function reportSentences(c: ReportContent): string[] {
  return c.parts.flatMap((p) => p.sections.flatMap((s) => s.sentences.map((x) => x.text)));
}
