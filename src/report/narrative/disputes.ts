import { among, breakdown, clauses, type FigureBook, groups, type SentenceTemplate } from '../sentences.js';
import { rows } from './clauses.js';

/**
 * 行政复议, 行政应诉 and 检察建议、司法建议 as a county's 司法局 writes them: one sentence per case
 * flow (received, accepted, closed with outcomes, rates), stated zeros where they carry meaning.
 */
const r = (s: string) => `disputes.reconsideration.${s}`;
const l = (s: string) => `disputes.litigation.${s}`;
const g = (s: string) => `disputes.suggestions.${s}`;

const reconsideration = (b: FigureBook) => {
  const received = b.cv('全年共收到行政复议申请', r('received'));
  const accepted = b.c(received ? '受理' : '全年受理行政复议申请', r('accepted'));
  const outcomes = rows(b, 'disputes.reconsideration.outcomes');
  const closed = b.c('审结', r('closed'));
  const body = clauses([
    received,
    accepted,
    b.c('不予受理', r('rejected')),
    b.c('受理前申请人撤回', r('withdrawnBeforeAcceptance')),
    closed ? `${closed}${among(outcomes)}` : among(outcomes, '') || null,
    ...rows(b, 'disputes.reconsideration.rates'),
  ]);
  if (!body) return null;
  const tail = clauses([
    b.c('案件平均审理', r('averageDays')),
    b.c('通过网上申请', r('online')),
    b.c('年末在办', r('pending')),
  ]);
  return groups([body, tail]);
};

const litigation = (b: FigureBook) => {
  const received = b.c('全年办理行政诉讼案件', l('received'));
  const receivedVs = b.vs(l('received'));
  const levels = breakdown([
    b.c('一审', l('received.first')),
    b.c('二审', l('received.second')),
    b.c('再审', l('received.retrial')),
  ]);
  const outcomes = rows(b, 'disputes.litigation.outcomes');
  const concluded = b.c('审结', l('concluded'));
  return clauses([
    received ? `${received}${levels}` : null,
    receivedVs,
    concluded ? `${concluded}${among(outcomes)}` : null,
    b.cz('败诉', l('lost'), '无败诉案件', l('concluded')),
    b.cv('败诉率', l('lossRate')),
  ]);
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
  const kinds = breakdown(rows(b, 'disputes.suggestions.kinds'));
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
