import { clauses, type FigureBook, type SentenceTemplate } from '../sentences.js';

/** 权责清单 and the 包容审慎 lists: the lists as registered, and how often cases applied them. */
const p = (s: string) => `powers.${s}`;

const lists = (b: FigureBook) =>
  clauses([
    b.c('梳理公布权责事项', 'enforcement.powerItems'),
    b.c('涉及单位', 'enforcement.powerItems.orgs'),
    b.c('行政许可事项清单事项', p('licenseItems')),
    b.c('包容审慎监管“四张清单”事项', p('leniency.items')),
  ]);

const applied = (b: FigureBook) => {
  const all = b.c('办理适用包容审慎监管清单的案件', p('leniency.applied'));
  if (!all) return null;
  const parts = [
    b.c('不予处罚', p('leniency.applied.noPenalty')),
    b.c('从轻处罚', p('leniency.applied.lighterPenalty')),
    b.c('减轻处罚', p('leniency.applied.reducedPenalty')),
  ].filter((x) => x !== null);
  return parts.length ? `${all},其中${parts.join('、')}` : all;
};

export const powersNarrative: SentenceTemplate[] = [lists, applied];
