import { breakdown, clauses, type FigureBook, type SentenceTemplate } from '../sentences.js';

/**
 * 政府信息公开, 信访, 矛盾纠纷调解, 公共法律服务 and 人大代表建议、政协委员提案 as a county's
 * 司法局 writes them, one sentence per line of work.
 */
const q = (s: string) => `requests.${s}`;
const inner = (s: string) => s.slice(1, -1);

const disclosure = (b: FigureBook) => {
  const proactive = b.c('全年主动公开政府信息', q('disclosure.proactive'));
  const kinds = breakdown([
    b.c('重要会议信息', q('disclosure.proactive.meeting')),
    b.c('政策解读', q('disclosure.proactive.interpretation')),
    b.c('回应社会热点', q('disclosure.proactive.hotspot')),
    b.c('征求意见公告', q('disclosure.proactive.consultation')),
  ]);
  const received = b.cv(
    proactive ? '收到政府信息公开申请' : '全年收到政府信息公开申请',
    q('disclosure.received'),
  );
  const answers = breakdown([
    b.c('予以公开', q('disclosure.disclosed')),
    b.c('部分公开', q('disclosure.partial')),
    b.c('不予公开', q('disclosure.withheld')),
    b.c('无法提供', q('disclosure.unable')),
    b.c('不予处理', q('disclosure.declined')),
  ]);
  const handled = b.c('办结', q('disclosure.handled'));
  return clauses([
    proactive ? `${proactive}${kinds ? `,其中${inner(kinds)}` : ''}` : null,
    received,
    handled ? `${handled}${answers}` : answers ? inner(answers) : null,
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
  const main = clauses([
    `${received}${channels}`,
    b.c('受理', q('petitions.accepted')),
    b.c('办结', q('petitions.concluded')),
    b.c('其中按期办结', q('petitions.onTime')),
    b.c('延期办理', q('petitions.extended')),
    b.c('化解', q('petitions.resolved')),
    b.c('一次性化解率', q('petitions.firstTimeResolvedRate')),
    b.c('信访人满意率', q('petitions.satisfactionRate')),
  ]);
  const more = clauses([
    b.c('办理信访复查', q('petitions.reviews')),
    b.c('复核', q('petitions.rechecks')),
    b.c('排查信访积案', q('petitions.backlog')),
    b.c('化解积案', q('petitions.backlogResolved')),
    b.c('重复信访', q('petitions.repeat')),
    b.c('越级上访', q('petitions.escalated')),
    b.zero(q('petitions.majorIncidents'), '未发生影响安全稳定的重大事件'),
  ]);
  return more ? `${main};${more}` : main;
};

const receptions = (b: FigureBook) => {
  const batches = b.c('领导干部接访', q('petitions.receptions'));
  if (!batches) return null;
  return clauses([
    `${batches}${breakdown([b.c('其中主要领导', q('petitions.receptions.principal'))])}`,
    b.c('接待群众', q('petitions.receptionPersons')),
    b.c('参与接访领导', q('petitions.receptionLeaders')),
    b.c('接访化解信访事项', q('petitions.receptionResolved')),
    b.c('持续跟进', q('petitions.receptionFollowUp')),
  ]);
};

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
    b.c('调解成功', q('mediation.succeeded')),
    b.c('调解成功率', q('mediation.successRate')),
    b.c('涉及金额', q('mediation.amount')),
    b.c('访调对接调解', q('mediation.fromPetitions')),
    b.c('司法确认调解协议', q('mediation.confirmed')),
    b.c('调解协议履行', q('mediation.performed')),
  ]);
  const committees = b.c('全域共有人民调解委员会', q('mediation.committees'));
  if (!body) return committees;
  return committees ? `${committees};${body}` : body;
};

const legalServices = (b: FigureBook) => {
  const aid = clauses([
    b.c('全年受理法律援助申请', q('legalServices.legalAid.received')),
    b.c(
      '给予法律援助',
      q('legalServices.legalAid.approved'),
      breakdown([b.c('其中刑事法律援助', q('legalServices.legalAid.criminal'))]),
    ),
    b.c('结案', q('legalServices.legalAid.closed')),
    b.c('按期指派', q('legalServices.legalAid.onTime')),
  ]);
  const consult = b.c('提供法律咨询', q('legalServices.consultations'));
  const village = clauses([
    b.c('配备法律顾问的村(社区)', q('legalServices.villagesCovered')),
    b.c('村(社区)法律顾问', q('legalServices.advisers')),
    b.c('全年出具法律意见', q('legalServices.adviser.opinion')),
    b.c('开展法治宣传活动', q('legalServices.adviser.publicity')),
    b.c('举办法治讲座', q('legalServices.adviser.lecture')),
    b.c('参与调解纠纷', q('legalServices.adviser.mediation')),
    b.c('处理群体性纠纷', q('legalServices.adviser.groupDispute')),
    b.c('协助修改村规民约', q('legalServices.adviser.villageRules')),
    b.c('草拟法律文书', q('legalServices.adviser.document')),
    b.c('代理诉讼', q('legalServices.adviser.litigation')),
    b.c('解答法律咨询', q('legalServices.consultations.villageAdviser')),
  ]);
  const parts = [aid, consult, village].filter(Boolean);
  return parts.length ? parts.join(';') : null;
};

const proposals = (b: FigureBook) => {
  const npc = b.c('全年承办人大代表建议', q('proposals.npc'));
  const cppcc = b.c(npc ? '政协委员提案' : '全年承办政协委员提案', q('proposals.cppcc'));
  const handled = [npc, cppcc].filter(Boolean).join('、');
  const grades = breakdown([b.c('A类', q('proposals.gradeA')), b.c('B类', q('proposals.gradeB'))]);
  const body = clauses([
    handled || null,
    b.c('已答复', q('proposals.answered'), grades ? `,办理结果${inner(grades)}` : ''),
    b.c('答复率', q('proposals.answerRate')),
    b.c('按期答复率', q('proposals.onTimeRate')),
    b.c('经同意延期答复', q('proposals.extended')),
    b.c('退回交办机关', q('proposals.returned')),
    b.c('代表委员满意率', q('proposals.satisfactionRate')),
  ]);
  const npcOversight = clauses([
    b.c('配合人大开展执法检查', q('proposals.oversight.lawInspection')),
    b.c('专题调研', q('proposals.oversight.research')),
    b.c('接受人大工作评议部门', q('proposals.oversight.evaluation')),
  ]);
  const parts = [body, npcOversight].filter(Boolean);
  return parts.length ? parts.join(';') : null;
};

export const disclosureNarrative: SentenceTemplate[] = [disclosure];
export const petitionsNarrative: SentenceTemplate[] = [petitions, receptions];
export const mediationNarrative: SentenceTemplate[] = [mediation];
export const legalServicesNarrative: SentenceTemplate[] = [legalServices];
export const proposalsNarrative: SentenceTemplate[] = [proposals];
