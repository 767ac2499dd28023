import { among, clauses, led, type FigureBook, type SentenceTemplate } from '../sentences.js';
import { rows } from './clauses.js';

/**
 * 行政执法 as a county's 司法局 writes it: cases and decisions with their breakdown, penalties and
 * fines, coercive measures, legal review of major decisions, publication, revocations, officers.
 * One figure per concept: 行政处罚 decisions appear once (not again under the categories).
 */
const e = (s: string) => `enforcement.${s}`;

const decisions = (b: FigureBook) => {
  const parts = rows(b, 'enforcement.categories');
  const body = clauses([
    b.cv('受理、立案各类行政执法案件', e('cases.opened')),
    b.c('作出行政执法决定', e('cases.decided'), among(parts)),
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
  const kinds = among(rows(b, 'enforcement.penaltyKinds'), '处以');
  return clauses([
    `${decided}${procedure ? `(${procedure})` : ''}`,
    decidedVs,
    b.cv('罚没款中罚款', e('penalty.fines')),
    kinds || null,
  ]);
};

const coercion = (b: FigureBook) =>
  clauses([
    b.c('实施查封、扣押行政强制措施', e('coercion.measures')),
    b.c('对查封、扣押财物作出没收处理决定', e('coercion.confiscated')),
  ]);

const review = (b: FigureBook) =>
  led(b.c('作出重大行政执法决定', e('cases.major')), () => [
    b.c('决定前经法制审核', e('legalReview.count')),
    b.c('重大执法决定法制审核率', e('legalReview.rate')),
  ]);

const publication = (b: FigureBook) =>
  clauses([
    b.c('通过行政执法公示平台公示执法决定信息', e('publication.published')),
    b.c('执法决定公示及时率', e('publication.timelyRate')),
    b.cz(
      '执法决定被撤销或确认违法、无效',
      e('decisions.revoked'),
      '无执法决定被撤销或确认违法',
      e('cases.decided'),
    ),
  ]);

const officers = (b: FigureBook) => clauses(rows(b, 'enforcement.officers'));

const referrals = (b: FigureBook) => clauses(rows(b, 'enforcement.referrals'));

export const enforcementNarrative: SentenceTemplate[] = [
  decisions,
  penalties,
  coercion,
  review,
  publication,
  officers,
  referrals,
];
