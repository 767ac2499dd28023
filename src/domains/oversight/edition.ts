import type { Tx } from '../../platform/db/types.js';
import './assessment/tables.js';
import './tables.js';

/**
 * The next edition number of a region's named, versioned standard (考评指标体系, 评查标准): one
 * more than its last, read inside the transaction that writes the new edition.
 */
export async function nextEdition(
  trx: Tx,
  table: 'oversight_assessment_edition' | 'oversight_rubric',
  regionCode: string,
  name: string,
): Promise<number> {
  const last = await trx
    .selectFrom(table)
    .select((eb) => eb.fn.max('edition').as('e'))
    .where('region_code', '=', regionCode)
    .where('name', '=', name)
    .executeTakeFirst();
  return Number(last?.e ?? 0) + 1;
}
