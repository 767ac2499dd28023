import { breakdown, clauses, type FigureBook, type SentenceTemplate } from '../sentences.js';

/**
 * 行政执法 as a county's 司法局 writes it: cases and decisions with their breakdown, penalties and
 * fines, coercive measures, legal review of major decisions, publication, revocations, officers.
 * One figure per concept: 行政处罚 decisions appear once (not again under the categories).
 */
const e = (s: string) => `enforcement.${s}`;

const decisions = (b: FigureBook) => {
  const parts = breakdown([
    b.c('行政许可', e('cases.category.license')),
    b.c('行政强制', e('cases.category.coercion')),
    b.c('行政检查', e('cases.category.inspection')),
    b.c('行政征收', e('cases.category.levy')),
    b.c('行政确认', e('cases.category.confirmation')),
    b.c('行政给付', e('cases.category.benefit')),
    b.c('行政奖励', e('cases.category.reward')),
    b.c('行政裁决', e('cases.category.adjudication')),
    b.c('其他', e('cases.category.other')),
  ]);
  const body = clauses([
    b.cv('受理、立案各类行政执法案件', e('cases.opened')),
    b.c('作出行政执法决定', e('cases.decided'), parts ? `,其中${parts.slice(1, -1)}` : ''),
  ]);
  return body ? `全年共${body}` : null;
};

const penalties = (b: FigureBook) => {
  const decided = b.c('作出行政处罚决定', e('penalty.decided'));
  const decidedVs = b.vs(e('penalty.decided'));
  if (!decided) return null;
  const procedure = clauses([
    b.c('适用简易程序', e('cases.procedure.summary')),
    b.c('适用普通程序', e('cases.procedure.ordinary')),
  ]);
  const kinds = [
    b.c('警告', e('penalty.kind.warning')),
    b.c('通报批评', e('penalty.kind.circulate')),
    b.c('没收违法所得、没收非法财物', e('penalty.kind.confiscate')),
    b.c('暂扣许可证件', e('penalty.kind.suspendLicense')),
    b.c('降低资质等级', e('penalty.kind.lowerQualification')),
    b.c('吊销许可证件', e('penalty.kind.revokeLicense')),
    b.c('限制开展生产经营活动', e('penalty.kind.restrictActivity')),
    b.c('责令停产停业', e('penalty.kind.suspendBusiness')),
    b.c('责令关闭', e('penalty.kind.closeDown')),
    b.c('限制从业', e('penalty.kind.restrictEmployment')),
    b.c('行政拘留', e('penalty.kind.detention')),
  ].filter((x) => x !== null);
  return clauses([
    `${decided}${procedure ? `(${procedure})` : ''}`,
    decidedVs,
    b.cv('罚没款中罚款', e('penalty.fines')),
    kinds.length ? `处以${kinds.join('、')}` : null,
  ]);
};

const coercion = (b: FigureBook) =>
  clauses([
    b.c('实施查封、扣押行政强制措施', e('coercion.measures')),
    b.c('对查封、扣押财物作出没收处理决定', e('coercion.confiscated')),
  ]);

const review = (b: FigureBook) => {
  const major = b.c('作出重大行政执法决定', e('cases.major'));
  if (!major) return null;
  return clauses([
    major,
    b.c('决定前经法制审核', e('legalReview.count')),
    b.c('重大执法决定法制审核率', e('legalReview.rate')),
  ]);
};

const publication = (b: FigureBook) =>
  clauses([
    b.c('通过行政执法公示平台公示执法决定信息', e('publication.published')),
    b.c('执法决定公示及时率', e('publication.timelyRate')),
    b.c('执法决定被撤销或确认违法、无效', e('decisions.revoked')) ??
      (b.value(e('cases.decided')) !== null
        ? b.zero(e('decisions.revoked'), '无执法决定被撤销或确认违法')
        : null),
  ]);

const officers = (b: FigureBook) =>
  clauses([
    b.c('全域共有行政执法主体', e('bodies')),
    b.c('在岗行政执法人员', e('officers.inPost')),
    b.c('其中持有效行政执法证件', e('officers.certified')),
    b.cv('持证率', e('officers.certifiedRate')),
    b.c('全年核发执法证件', e('certificates.issued')),
  ]);

const referrals = (b: FigureBook) =>
  clauses([
    b.c('向公安机关移送涉嫌犯罪案件', e('referral.referred')),
    b.c('公安机关立案', e('referral.filed')),
    b.c('不予立案', e('referral.declined')),
    b.c('移送及时率', e('referral.timelyRate')),
  ]);

export const enforcementNarrative: SentenceTemplate[] = [
  decisions,
  penalties,
  coercion,
  review,
  publication,
  officers,
  referrals,
];
