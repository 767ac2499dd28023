import { breakdown, clauses, type FigureBook, type SentenceTemplate } from '../sentences.js';

/**
 * 行政复议, 行政应诉 and 检察建议、司法建议 as a county's 司法局 writes them: one sentence per case
 * flow (received, accepted, closed with outcomes, rates), stated zeros where they carry meaning.
 */
const r = (s: string) => `disputes.reconsideration.${s}`;
const l = (s: string) => `disputes.litigation.${s}`;
const g = (s: string) => `disputes.suggestions.${s}`;

const inner = (s: string) => s.slice(1, -1);

const reconsideration = (b: FigureBook) => {
  const received = b.cv('全年共收到行政复议申请', r('received'));
  const accepted = b.c(received ? '受理' : '全年受理行政复议申请', r('accepted'));
  const outcomes = breakdown([
    b.c('维持', r('upheld')),
    b.c('驳回', r('dismissed')),
    b.c('撤销', r('revoked')),
    b.c('变更', r('changed')),
    b.c('确认违法', r('declaredUnlawful')),
    b.c('确认无效', r('declaredInvalid')),
    b.c('责令履行', r('orderedToPerform')),
    b.c('责令履行行政协议或补偿', r('agreementRemedies')),
    b.c('决定行政赔偿', r('compensation')),
    b.c('调解书结案', r('mediationDecisions')),
    b.c('终止', r('terminated')),
  ]);
  const closed = b.c('审结', r('closed'));
  const body = clauses([
    received,
    accepted,
    b.c('不予受理', r('rejected')),
    b.c('受理前申请人撤回', r('withdrawnBeforeAcceptance')),
    closed ? `${closed}${outcomes ? `,其中${inner(outcomes)}` : ''}` : outcomes ? inner(outcomes) : null,
    b.cv('纠错率', r('correctionRate')),
    b.c('调解和解结案', r('mediated')),
    b.c('调解和解率', r('mediationRate')),
    b.c('案前调解率', r('preAcceptanceMediationRate')),
  ]);
  if (!body) return null;
  const tail = clauses([
    b.c('案件平均审理', r('averageDays')),
    b.c('通过网上申请', r('online')),
    b.c('年末在办', r('pending')),
  ]);
  return tail ? `${body};${tail}` : body;
};

const litigation = (b: FigureBook) => {
  const received = b.c('全年办理行政诉讼案件', l('received'));
  const receivedVs = b.vs(l('received'));
  const levels = breakdown([
    b.c('一审', l('received.first')),
    b.c('二审', l('received.second')),
    b.c('再审', l('received.retrial')),
  ]);
  const outcomes = breakdown([
    b.c('判决驳回诉讼请求', l('outcome.dismissClaim')),
    b.c('裁定驳回起诉', l('outcome.dismissSuit')),
    b.c('原告撤诉', l('outcome.withdrawn')),
    b.c('调解结案', l('outcome.mediation')),
    b.c('判决撤销', l('outcome.revoke')),
    b.c('判决确认违法', l('outcome.confirmUnlawful')),
    b.c('判决确认无效', l('outcome.confirmInvalid')),
    b.c('判决履行', l('outcome.performance')),
    b.c('判决变更', l('outcome.change')),
    b.c('判决赔偿', l('outcome.compensation')),
  ]);
  const concluded = b.c('审结', l('concluded'));
  const lost =
    b.c('败诉', l('lost')) ?? (b.value(l('concluded')) !== null ? b.zero(l('lost'), '无败诉案件') : null);
  const body = clauses([
    received ? `${received}${levels}` : null,
    receivedVs,
    concluded ? `${concluded}${outcomes ? `,其中${inner(outcomes)}` : ''}` : null,
    lost,
    b.cv('败诉率', l('lossRate')),
  ]);
  return body;
};

const appearances = (b: FigureBook) => {
  const cases = b.c('行政机关负责人出庭应诉', l('headAppearanceCases'));
  const times = b.c(cases ? '共' : '行政机关负责人出庭应诉', l('headAppearances'));
  return clauses([
    cases,
    times,
    b.cv(cases || times ? '出庭应诉率' : '行政机关负责人出庭应诉率', l('headAppearanceRate')),
    b.c('首选行政复议与行政诉讼之比为', l('reconsiderationToLitigationRatio')),
  ]);
};

const suggestions = (b: FigureBook) => {
  const received = b.c('全年收到检察建议和司法建议', g('received'));
  if (!received) return null;
  const kinds = breakdown([
    b.c('行政公益诉讼诉前检察建议', g('received.publicInterest')),
    b.c('行政违法行为监督检察建议', g('received.administrativeViolation')),
    b.c('行政非诉执行监督检察建议', g('received.nonLitigationEnforcement')),
    b.c('民事执行活动监督检察建议', g('received.civilEnforcement')),
    b.c('民事审判监督检察建议', g('received.civilTrial')),
    b.c('社会治理检察建议', g('received.socialGovernance')),
    b.c('司法建议', g('received.judicial')),
  ]);
  return clauses([
    `${received}${kinds}`,
    b.c('已答复', g('answered')),
    b.c('其中按期答复', g('answeredOnTime')),
    b.c('按期答复率', g('onTimeRate')),
  ]);
};

export const disputesNarrative: Readonly<Record<string, readonly SentenceTemplate[]>> = {
  'disputes.reconsideration': [reconsideration],
  'disputes.litigation': [litigation, appearances],
  'disputes.suggestions': [suggestions],
};
