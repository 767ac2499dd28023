import type { Insertable } from 'kysely';
import type { Database, Tx } from '../db/types.js';

/**
 * Inserts many rows of one table `size` at a time inside the caller's transaction: one statement
 * per batch keeps each under PostgreSQL's 65,535 bind parameters.
 */
export async function insertInBatches<T extends keyof Database & string>(
  trx: Tx,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  size: number,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size)
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + size))
      .execute();
}
