import { clauses, type FigureBook, type SentenceTemplate } from './sentences.js';

/** The chapters of 法治政府建设实施纲要(2021—2025年) that organise part one. */
export const themes = [
  {
    key: 'functions',
    title: '依法全面履行政府职能',
    groups: ['powerList', 'powers', 'oversight.organisation', 'functions', 'govService', 'businessEnv'],
  },
  { key: 'rules', title: '完善依法行政制度体系', groups: ['legality.documents', 'normativeDocument'] },
  {
    key: 'decisions',
    title: '坚持科学民主依法决策',
    groups: ['majorDecision', 'legality.reviews', 'legalityReview', 'legality.advisers', 'legalAdviser'],
  },
  {
    key: 'enforcement',
    title: '严格规范公正文明执法',
    groups: ['enforcement', 'officer', 'inspection', 'randomInspection', 'criminalReferral', 'credit'],
  },
  { key: 'emergencies', title: '依法预防处置重大突发事件', groups: ['emergency'] },
  {
    key: 'disputes',
    title: '预防调处化解社会矛盾纠纷',
    groups: [
      'disputes.reconsideration',
      'reconsideration',
      'disputes.litigation',
      'litigation',
      'requests.mediation',
      'mediation',
      'requests.petitions',
      'petition',
      'requests.legalServices',
      'legalService',
    ],
  },
  {
    key: 'oversight',
    title: '强化行政权力制约和监督',
    groups: [
      'oversight.caseReview',
      'enforcementSupervision',
      'oversight.rectification',
      'requests.disclosure',
      'disclosure',
      'requests.proposals',
      'deputySuggestion',
      'disputes.suggestions',
      'procuratorialRecommendation',
    ],
  },
  { key: 'digital', title: '全面建设数字法治政府', groups: ['digitalGov'] },
  {
    key: 'leadership',
    title: '加强党的领导,完善法治政府建设推进机制',
    groups: ['oversight.workplan', 'oversight.publicity', 'legalEducation', 'other', 'custom'],
  },
] as const;

/** Figures of part three (第一责任人): the leaders' duties, study sessions, exams, 述法. */
export const leadershipGroups = ['oversight.leaders', 'legalStudy'] as const;

/** Groups whose figures are bookkeeping of the platform itself and never printed. */
export const unprintedGroups: ReadonlySet<string> = new Set(['planning']);

/**
 * Hand-written sentences for typed-in groups reports print most; other typed-in figures get the
 * generic sentence. Domains with records are written by src/report/narrative.
 */
export const groupTemplates: Record<string, SentenceTemplate[]> = {
  majorDecision: [
    (b) =>
      clauses([
        b.c('年度重大行政决策事项目录列入事项', 'legality.decisions.catalogued'),
        b.c('全年作出重大行政决策', 'legality.decisions.decided'),
        b.c('经合法性审查', 'legality.decisions.reviewed'),
      ]),
  ],
};

/** "政务服务办件数·跨省通办" → "政务服务办件数(跨省通办)" */
export function printedName(name: string): string {
  const [base, qualifier] = name.split('·');
  return qualifier ? `${base}(${qualifier})` : name;
}

/** The generic sentence for a group's figures that no hand-written template printed. */
export function genericSentence(b: FigureBook, label: string, ids: readonly string[]): string | null {
  const parts = ids
    .filter((id) => !b.used.has(id))
    .map((id) => {
      const f = b.figure(id);
      return f ? b.c(printedName(f.name), id) : null;
    });
  const body = clauses(parts);
  return body ? `${label}方面,${body}` : null;
}
