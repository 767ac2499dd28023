import { breakdown, clauses, type FigureBook, type SentenceTemplate } from './sentences.js';

/** The chapters of 法治政府建设实施纲要(2021—2025年) that organise part one. */
export const themes = [
  {
    key: 'functions',
    title: '依法全面履行政府职能',
    groups: ['powerList', 'powers', 'functions', 'govService', 'businessEnv'],
  },
  { key: 'rules', title: '完善依法行政制度体系', groups: ['normativeDocument'] },
  {
    key: 'decisions',
    title: '坚持科学民主依法决策',
    groups: ['majorDecision', 'legalityReview', 'legalAdviser'],
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
    groups: ['reconsideration', 'litigation', 'mediation', 'petition', 'legalService'],
  },
  {
    key: 'oversight',
    title: '强化行政权力制约和监督',
    groups: [
      'disclosure',
      'enforcementSupervision',
      'deputySuggestion',
      'procuratorialRecommendation',
      'oversight',
    ],
  },
  { key: 'digital', title: '全面建设数字法治政府', groups: ['digitalGov'] },
  {
    key: 'leadership',
    title: '加强党的领导,完善法治政府建设推进机制',
    groups: ['legalEducation', 'other', 'custom'],
  },
] as const;

/** Figures of part three (第一责任人): study sessions, exams, reports on rule of law. */
export const leadershipGroups = ['legalStudy'] as const;

/** Groups whose figures are bookkeeping of the platform itself and never printed. */
export const unprintedGroups: ReadonlySet<string> = new Set(['planning']);

const r = (s: string) => `rpt.reconsideration.${s}`;
const l = (s: string) => `rpt.litigation.${s}`;

/** Hand-written sentences for the figures reports print most; other figures get the generic sentence. */
export const groupTemplates: Record<string, SentenceTemplate[]> = {
  reconsideration: [
    (b) => {
      const received = b.c('收到行政复议申请', r('received'));
      const accepted = received ? b.c('受理', r('accepted')) : b.c('受理行政复议申请', r('accepted'));
      const closedQ = b.c('办结', r('closed'));
      const detail = [
        b.c('终止', r('terminated')),
        b.c('驳回', r('dismissed')),
        b.c('维持', r('upheld')),
        b.c('撤销', r('revoked')),
        b.c('确认违法', r('declaredUnlawful')),
      ];
      const listed = detail.filter((x) => x !== null);
      const closed = closedQ
        ? `${closedQ}${breakdown(detail)}`
        : listed.length
          ? `其中${listed.join('、')}`
          : null;
      const body = clauses([
        received,
        accepted,
        b.c('不予受理', r('rejected')),
        b.c('案前自行撤回', r('withdrawnBeforeAcceptance')),
        closed,
        b.c('调解及和解结案', r('mediated')),
        b.c('案前调解率为', r('preAcceptanceMediationRate')),
        b.c('案中调解及和解率为', r('mediationRate')),
      ]);
      return body ? `全年${body}` : null;
    },
  ],
  litigation: [
    (b) => {
      const body = clauses([
        b.c('办理行政诉讼案件', l('cases')),
        b.c('审结', l('closed')),
        b.c('其中败诉', l('lost')) ??
          (b.value(l('closed')) !== null ? b.zero(l('lost'), '无败诉案件') : null),
        b.c('原告撤诉', l('withdrawn')),
        b.c('驳回起诉或诉讼请求', l('dismissed')),
      ]);
      return body ? `全年${body}` : null;
    },
    (b) =>
      clauses([
        b.c('行政机关负责人出庭应诉', l('headAppearances')),
        b.c('出庭应诉率达', l('headAppearanceRate')),
      ]),
  ],
  mediation: [
    (b) =>
      clauses([
        b.c('全年排查矛盾纠纷', 'rpt.mediation.screened'),
        b.c('调解矛盾纠纷', 'rpt.mediation.disputes'),
        b.c('调解成功', 'rpt.mediation.resolved'),
        b.c('调解成功率达', 'rpt.mediation.successRate'),
        b.c('开展行政调解', 'rpt.mediation.administrative'),
      ]),
  ],
  normativeDocument: [
    (b) =>
      clauses([
        b.c('全年制定行政规范性文件', 'legality.documents.published'),
        b.c('修改', 'legality.documents.amended'),
        b.c('废止', 'legality.documents.repealed'),
        b.c('按程序报送备案', 'legality.documents.filed'),
        b.c('清理规范性文件', 'legality.documents.cleanedUp'),
      ]),
  ],
  majorDecision: [
    (b) =>
      clauses([
        b.c('年度重大行政决策事项目录列入事项', 'legality.decisions.catalogued'),
        b.c('全年作出重大行政决策', 'legality.decisions.decided'),
        b.c('经合法性审查', 'legality.decisions.reviewed'),
      ]),
  ],
  legalityReview: [
    (b) =>
      clauses([
        b.c('合法性审查政府常务会议议题', 'legality.reviews.agendaItems'),
        b.c('审查文件', 'legality.reviews.documents'),
        b.c('审查合同', 'legality.reviews.contracts'),
      ]),
  ],
  legalAdviser: [
    (b) =>
      clauses([
        b.c('行政机关法律顾问覆盖率', 'legality.advisers.coverageRate'),
        b.c('全市共有公职律师', 'legality.advisers.governmentLawyers'),
        b.c('政府法律顾问', 'legality.advisers.governmentAdvisers'),
      ]),
  ],
  disclosure: [
    (b) =>
      clauses([
        b.c('全年主动公开政府信息', 'rpt.disclosure.proactive'),
        b.c('办理政府信息公开申请', 'rpt.disclosure.requestsHandled'),
      ]),
  ],
  deputySuggestion: [
    (b) =>
      clauses([
        b.c('全年办理人大代表建议', 'rpt.deputySuggestion.deputySuggestions'),
        b.c('政协委员提案', 'rpt.deputySuggestion.cppccProposals'),
        b.c('答复率为', 'rpt.deputySuggestion.replyRate'),
      ]),
  ],
  enforcementSupervision: [
    (b) => b.c('组织评查行政执法案卷', 'rpt.enforcementSupervision.caseFilesReviewed'),
  ],
  legalStudy: [
    (b) =>
      clauses([
        b.c('全年组织专题集体学法', 'rpt.legalStudy.sessions'),
        b.c('组织领导干部任前考法', 'rpt.legalStudy.preAppointmentExams'),
        b.c('参考', 'rpt.legalStudy.preAppointmentExamTakers'),
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
