import { among, clauses, type FigureBook, groups, type SentenceTemplate } from '../sentences.js';
import { rows } from './clauses.js';

/**
 * 合法性审查, 规范性文件 and 法律顾问 as a county's 司法局 writes them: documents made, filed and
 * cleaned up; reviews by kind with opinions and their adoption; advisers and what they did.
 */
const l = (s: string) => `legality.${s}`;

const documents = (b: FigureBook) =>
  groups([
    clauses([
      b.c('全年起草行政规范性文件', l('documents.drafted')),
      b.c('制定公布', l('documents.published')),
      b.c('经合法性审核', l('reviews.normativeDocuments')),
    ]),
    clauses([
      b.c('按程序报送备案', l('documents.filed')),
      b.c('报备率', l('documents.filingRate')),
      b.c('报备及时率', l('documents.filingOnTimeRate')),
    ]),
    clauses([b.c('备案审查办结', l('documents.filingReviewed')), b.c('纠正撤销', l('documents.corrected'))]),
  ]);

const cleanup = (b: FigureBook) => {
  const campaigns = b.c('开展规范性文件清理', l('documents.cleanupCampaigns'));
  const cleaned = b.c('清理规范性文件', l('documents.cleanedUp'));
  const parts = [b.c('修改', l('documents.amended')), b.c('废止', l('documents.repealed'))];
  return clauses([
    campaigns,
    cleaned ? `${cleaned}${among(parts)}` : among(parts, '') || null,
    b.c('目前现行有效规范性文件', l('documents.currentlyValid')),
  ]);
};

const reviews = (b: FigureBook) => {
  const received = b.c('全年办理合法性审查', l('reviews.received'));
  if (!received) return null;
  const kinds = rows(b, 'legality.reviews.kinds');
  const opinions = b.c('提出审查意见', l('opinions.items'));
  return clauses([
    `${received}${among(kinds, ',其中审查')}`,
    b.c('办结', l('reviews.concluded')),
    b.c('按期办结率', l('reviews.onTimeRate')),
    b.c('平均用时', l('reviews.averageWorkdays')),
    b.withPart(opinions, '会议议题', l('opinions.agendaItems')),
    b.c('审查意见采纳率', l('opinions.adoptionRate')),
  ]);
};

const advisers = (b: FigureBook) => {
  const team = clauses([
    b.c('行政机关法律顾问覆盖率达', l('advisers.coverageRate')),
    b.cWithParts('共聘请法律顾问', l('advisers.advisers'), [
      ['其中政府法律顾问', l('advisers.governmentAdvisers')],
    ]),
    b.c('公职律师', l('advisers.governmentLawyers')),
    b.c('分设专业组', l('advisers.teams')),
  ]);
  const work = clauses(rows(b, 'legality.advisers.work'));
  return groups([team, work ? `法律顾问全年${work}` : null]);
};

export const legalityDocumentsNarrative: SentenceTemplate[] = [documents, cleanup];
export const legalityReviewsNarrative: SentenceTemplate[] = [reviews];
export const legalityAdvisersNarrative: SentenceTemplate[] = [advisers];
