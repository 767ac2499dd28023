import { among, breakdown, clauses, led, type FigureBook, type SentenceTemplate } from '../sentences.js';
import { rows } from './clauses.js';

/**
 * 执法监督 (案卷评查, 督察, 问题整改), 学法述法 and 第一责任人 duties, 普法 and training, the year's
 * work plan and 机构职能 as a county's 司法局 writes them.
 */
const o = (s: string) => `oversight.${s}`;

const caseReview = (b: FigureBook) => {
  const files = b.c('组织评查行政执法案卷', o('review.files'));
  if (!files) return null;
  const failed = b.cz('评查出不合格案卷', o('review.failed'), '未发现不合格案卷');
  return clauses([
    files,
    b.c('涉及被评查单位', o('review.orgs')),
    b.cWithParts('抽调评查人员', o('review.reviewers'), [['来自', o('review.reviewerOrgs'), '单位']]),
    failed,
  ]);
};

const supervision = (b: FigureBook) => clauses(rows(b, 'oversight.supervision'));

const rectification = (b: FigureBook) =>
  led(b.c('交办整改问题', o('rectifications.raised')), () => [
    b.c('已整改销号', o('rectifications.closed')),
    b.c('整改销号率', o('rectifications.closedRate')),
    b.cz('逾期未整改', o('rectifications.overdue'), '无逾期未整改问题'),
  ]);

/** Part three: the principal leaders' duties (meetings, instructions) and 学法、考法、述法. */
const leaders = (b: FigureBook) => clauses(rows(b, 'oversight.leaders'));

const study = (b: FigureBook) => {
  const central = b.c('组织理论学习中心组学法', o('study.centralGroup'));
  return clauses([
    b.c('全年开展集体学法', o('study.sessions')),
    b.withPart(central, '参加', o('study.centralGroup.attendees')),
    b.c('党委(党组)集体学法', o('study.partyGroup')),
    b.c('举办法治讲座', o('study.lectures')),
  ]);
};

const exams = (b: FigureBook) => {
  const sessions = b.c('组织领导干部任前考法', o('exams'));
  return clauses([b.withPart(sessions, '', o('exams.candidates')), ...rows(b, 'oversight.exams')]);
};

const dutyReports = (b: FigureBook) => {
  const onSite = b.c('组织', o('dutyReports.onSite'));
  const parts = breakdown([
    b.c('乡镇(街道)', o('dutyReports.onSite.townships')),
    b.c('部门', o('dutyReports.onSite.departments')),
  ]);
  return clauses([
    onSite ? `${onSite}${parts}单位主要负责人现场述法` : null,
    b.c('书面述法', o('dutyReports.written')),
  ]);
};

const publicity = (b: FigureBook) => {
  const messages = among(
    [b.c('微博', o('publicity.messages.weibo')), b.c('微信', o('publicity.messages.wechat'))],
    '通过',
  );
  return clauses([
    ...rows(b, 'oversight.publicity.campaigns'),
    messages ? `${messages}推送普法信息` : null,
    b.c('发送普法短信', o('publicity.messages.sms')),
    b.c('发布以案释法案例', o('publicity.caseExplanations')),
  ]);
};

const training = (b: FigureBook) => {
  const courses = b.c('开设法治培训课程', o('training.courses'));
  return clauses([
    b.withPart(courses, '其中党校', o('training.courses.partySchool')),
    b.c('累计', o('training.hours')),
  ]);
};

const workplan = (b: FigureBook) =>
  led(b.c('年度法治建设工作要点明确任务', o('workplan.tasks')), () => [b.c('已完成', o('workplan.done'))]);

const organisation = (b: FigureBook) => {
  const sanding = among(
    [b.c('部门', o('org.sanding.departments')), b.c('乡镇(街道)', o('org.sanding.townships'))],
    '已印发“三定”方案的',
  );
  const teams = b.c('组建乡镇综合行政执法队', o('org.townshipTeams'));
  const transfers = clauses([
    b.cWithParts('向乡镇(街道)划转行政许可事项', o('transfers.license'), [
      ['首批', o('transfers.license.batch1')],
      ['第二批', o('transfers.license.batch2')],
    ]),
    ...rows(b, 'oversight.transfers'),
  ]);
  return clauses([
    sanding || null,
    b.c('配备法制工作人员', o('org.legalStaff')),
    b.withPart(teams, '每支事业编制', o('org.townshipTeams.staffingEach')),
    b.c('下沉乡镇编制', o('org.secondedStaffing')),
    transfers,
    b.c('划转编制', o('transfers.staffing')),
    b.c('转隶人员', o('transfers.staff')),
  ]);
};

export const caseReviewNarrative: SentenceTemplate[] = [caseReview, supervision];
export const rectificationNarrative: SentenceTemplate[] = [rectification];
export const leadersNarrative: SentenceTemplate[] = [leaders, study, exams, dutyReports];
export const publicityNarrative: SentenceTemplate[] = [publicity, training];
export const workplanNarrative: SentenceTemplate[] = [workplan];
export const organisationNarrative: SentenceTemplate[] = [organisation];
