import { sql } from 'kysely';

/**
 * `count(*) over ()`: the total of a filtered list in the same query as its page, so a list
 * costs one round trip (on the embedded engine queries run one at a time).
 */
export const totalOver = () => sql<number>`count(*) over ()`.as('total_count');

/**
 * The total from a page read with `totalOver()`; an empty page past the end falls back to a
 * separate count.
 */
export async function pageTotal(
  rows: readonly { total_count: number }[],
  offset: number,
  count: () => Promise<number>,
): Promise<number> {
  const first = rows[0];
  if (first) return Number(first.total_count);
  return offset === 0 ? 0 : count();
}
