import { breakdown, clauses, type FigureBook, type SentenceTemplate } from '../sentences.js';

/**
 * 合法性审查, 规范性文件 and 法律顾问 as a county's 司法局 writes them: documents made, filed and
 * cleaned up; reviews by kind with opinions and their adoption; advisers and what they did.
 */
const l = (s: string) => `legality.${s}`;

const documents = (b: FigureBook) => {
  const made = clauses([
    b.c('全年起草行政规范性文件', l('documents.drafted')),
    b.c('制定公布', l('documents.published')),
    b.c('经合法性审核', l('reviews.normativeDocuments')),
  ]);
  const filed = clauses([
    b.c('按程序报送备案', l('documents.filed')),
    b.c('报备率', l('documents.filingRate')),
    b.c('报备及时率', l('documents.filingOnTimeRate')),
  ]);
  const review = clauses([
    b.c('备案审查办结', l('documents.filingReviewed')),
    b.c('纠正撤销', l('documents.corrected')),
  ]);
  return made || filed || review ? [made, filed, review].filter(Boolean).join(';') : null;
};

const cleanup = (b: FigureBook) => {
  const campaigns = b.c('开展规范性文件清理', l('documents.cleanupCampaigns'));
  const cleaned = b.c('清理规范性文件', l('documents.cleanedUp'));
  const parts = breakdown([b.c('修改', l('documents.amended')), b.c('废止', l('documents.repealed'))]);
  return clauses([
    campaigns,
    cleaned ? `${cleaned}${parts ? `,其中${parts.slice(1, -1)}` : ''}` : parts ? parts.slice(1, -1) : null,
    b.c('目前现行有效规范性文件', l('documents.currentlyValid')),
  ]);
};

const reviews = (b: FigureBook) => {
  const received = b.c('全年办理合法性审查', l('reviews.received'));
  if (!received) return null;
  const kinds = breakdown([
    b.c('重大行政决策', l('reviews.majorDecisions')),
    b.c('政府会议议题', l('reviews.agendaItems')),
    b.c('文件', l('reviews.documents')),
    b.c('合同', l('reviews.contracts')),
    b.c('权责清单调整事项', l('reviews.powersListItems')),
  ]);
  const opinions = b.c('提出审查意见', l('opinions.items'));
  return clauses([
    `${received}${kinds ? `,其中审查${kinds.slice(1, -1)}` : ''}`,
    b.c('办结', l('reviews.concluded')),
    b.c('按期办结率', l('reviews.onTimeRate')),
    b.c('平均用时', l('reviews.averageWorkdays')),
    opinions ? `${opinions}${breakdown([b.c('会议议题', l('opinions.agendaItems'))])}` : null,
    b.c('审查意见采纳率', l('opinions.adoptionRate')),
  ]);
};

const advisers = (b: FigureBook) => {
  const team = clauses([
    b.c('行政机关法律顾问覆盖率达', l('advisers.coverageRate')),
    b.c(
      '共聘请法律顾问',
      l('advisers.advisers'),
      breakdown([b.c('其中政府法律顾问', l('advisers.governmentAdvisers'))]),
    ),
    b.c('公职律师', l('advisers.governmentLawyers')),
    b.c('分设专业组', l('advisers.teams')),
  ]);
  const work = clauses([
    b.c('出具法律意见', l('advisers.opinions')),
    b.c('为重大行政决策提供法律意见', l('advisers.decisionOpinions')),
    b.c('审查规范性文件提出意见', l('advisers.documentOpinions')),
    b.c('审查合同', l('advisers.contracts')),
    b.c('审查其他文件', l('advisers.otherDocuments')),
    b.c('代理行政诉讼案件', l('advisers.litigation')),
    b.c('代理民事案件', l('advisers.civilCases')),
    b.c('办理非诉讼法律事务', l('advisers.nonLitigation')),
    b.c('开展法治讲座', l('advisers.trainings')),
  ]);
  if (!team && !work) return null;
  return [team, work ? `法律顾问全年${work}` : null].filter(Boolean).join(';');
};

export const legalityDocumentsNarrative: SentenceTemplate[] = [documents, cleanup];
export const legalityReviewsNarrative: SentenceTemplate[] = [reviews];
export const legalityAdvisersNarrative: SentenceTemplate[] = [advisers];
