import { among, clauses, type FigureBook, type SentenceTemplate } from '../sentences.js';
import { rows } from './clauses.js';

/** 权责清单 and the 包容审慎 lists: the lists as registered, and how often cases applied them. */
const p = (s: string) => `powers.${s}`;

const lists = (b: FigureBook) => clauses(rows(b, 'powers.lists'));

const applied = (b: FigureBook) => {
  const all = b.c('办理适用包容审慎监管清单的案件', p('leniency.applied'));
  if (!all) return null;
  return `${all}${among([
    b.c('不予处罚', p('leniency.applied.noPenalty')),
    b.c('从轻处罚', p('leniency.applied.lighterPenalty')),
    b.c('减轻处罚', p('leniency.applied.reducedPenalty')),
  ])}`;
};

export const powersNarrative: SentenceTemplate[] = [lists, applied];
