import {
  among,
  breakdown,
  clauses,
  led,
  type FigureBook,
  groups,
  type SentenceTemplate,
} from '../sentences.js';
import { rows } from './clauses.js';

/**
 * 政府信息公开, 信访, 矛盾纠纷调解, 公共法律服务 and 人大代表建议、政协委员提案 as a county's
 * 司法局 writes them, one sentence per line of work.
 */
const q = (s: string) => `requests.${s}`;

const disclosure = (b: FigureBook) => {
  const proactive = b.c('全年主动公开政府信息', q('disclosure.proactive'));
  const kinds = rows(b, 'requests.disclosure.proactiveKinds');
  const received = b.cv(
    proactive ? '收到政府信息公开申请' : '全年收到政府信息公开申请',
    q('disclosure.received'),
  );
  const answers = rows(b, 'requests.disclosure.answers');
  const handled = b.c('办结', q('disclosure.handled'));
  return clauses([
    proactive ? `${proactive}${among(kinds)}` : null,
    received,
    handled ? `${handled}${breakdown(answers)}` : among(answers, '') || null,
    b.c('延期答复', q('disclosure.extended')),
    b.c('按期答复率', q('disclosure.onTimeRate')),
  ]);
};

const petitions = (b: FigureBook) => {
  const received = b.c('全年登记信访事项', q('petitions.received'));
  if (!received) return null;
  const channels = breakdown([
    b.c('来访', q('petitions.visits')),
    b.c('12345热线转办', q('petitions.hotline')),
  ]);
  return groups([
    clauses([`${received}${channels}`, ...rows(b, 'requests.petitions.handling')]),
    clauses([
      ...rows(b, 'requests.petitions.backlog'),
      b.zero(q('petitions.majorIncidents'), '未发生影响安全稳定的重大事件'),
    ]),
  ]);
};

const receptions = (b: FigureBook) =>
  led(
    b.withPart(
      b.c('领导干部接访', q('petitions.receptions')),
      '其中主要领导',
      q('petitions.receptions.principal'),
    ),
    () => rows(b, 'requests.petitions.receptions'),
  );

const mediation = (b: FigureBook) => {
  const cases = b.c('调解矛盾纠纷', q('mediation.cases'));
  const kinds = breakdown([
    b.c('人民调解', q('mediation.cases.people')),
    b.c('行政调解', q('mediation.cases.administrative')),
    b.c('诉前调解', q('mediation.cases.preLitigation')),
  ]);
  const body = clauses([
    b.c('全年排查矛盾纠纷', q('mediation.screened')),
    cases ? `${cases}${kinds}` : null,
    ...rows(b, 'requests.mediation.results'),
  ]);
  return groups([b.c('全域共有人民调解委员会', q('mediation.committees')), body]);
};

const legalServices = (b: FigureBook) =>
  groups([
    clauses([
      b.c('全年受理法律援助申请', q('legalServices.legalAid.received')),
      b.cWithParts('给予法律援助', q('legalServices.legalAid.approved'), [
        ['其中刑事法律援助', q('legalServices.legalAid.criminal')],
      ]),
      b.c('结案', q('legalServices.legalAid.closed')),
      b.c('按期指派', q('legalServices.legalAid.onTime')),
    ]),
    b.c('提供法律咨询', q('legalServices.consultations')),
    clauses(rows(b, 'requests.legalServices.villageAdvisers')),
  ]);

const proposals = (b: FigureBook) => {
  const npc = b.c('全年承办人大代表建议', q('proposals.npc'));
  const cppcc = b.c(npc ? '政协委员提案' : '全年承办政协委员提案', q('proposals.cppcc'));
  const grades = [b.c('A类', q('proposals.gradeA')), b.c('B类', q('proposals.gradeB'))];
  const body = clauses([
    among([npc, cppcc], '') || null,
    b.c('已答复', q('proposals.answered'), among(grades, ',办理结果')),
    ...rows(b, 'requests.proposals.answers'),
  ]);
  const npcOversight = clauses([
    b.c('配合人大开展执法检查', q('proposals.oversight.lawInspection')),
    b.c('专题调研', q('proposals.oversight.research')),
    b.c('接受人大工作评议部门', q('proposals.oversight.evaluation')),
  ]);
  return groups([body, npcOversight]);
};

export const disclosureNarrative: SentenceTemplate[] = [disclosure];
export const petitionsNarrative: SentenceTemplate[] = [petitions, receptions];
export const mediationNarrative: SentenceTemplate[] = [mediation];
export const legalServicesNarrative: SentenceTemplate[] = [legalServices];
export const proposalsNarrative: SentenceTemplate[] = [proposals];
