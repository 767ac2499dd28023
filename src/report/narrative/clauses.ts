import { z } from 'zod';
import type { FigureBook } from '../sentences.js';
import tables from './clauses.json' with { type: 'json' };

/**
 * The clause tables of the narrative writers (clauses.json): per list, its rows in print order,
 * each the words before a figure, the figure's id and, marked "vs", a comparison with the year
 * before. The wording of a list is data; the writers hold how the lists join into sentences.
 */
const Row = z.tuple([z.string(), z.string(), z.literal('vs').optional()]);
const clauseTables = z.record(z.string(), z.array(Row)).parse(tables);

/** The clauses of one table (`c`, or `cv` for a row marked "vs"), null where a figure has no data. */
export function rows(b: FigureBook, list: string): (string | null)[] {
  const table = clauseTables[list];
  if (!table) throw new Error(`叙述模板缺少子句表:${list}`);
  return table.map(([prefix, id, vs]) => (vs ? b.cv(prefix, id) : b.c(prefix, id)));
}
