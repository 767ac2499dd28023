import type { Executor } from '../../../platform/db/types.js';
import type { ItemKind } from '../core/spec.js';
import '../core/tables.js';

/**
 * The online items that carry a lookup secret, by receipt number (receipt numbers run per region,
 * so one number may exist in two regions; the secret tells them apart). No name or contact.
 */
export async function findOnlineByReceipt(db: Executor, kind: ItemKind, receiptNo: string) {
  return db
    .selectFrom('requests_item as i')
    .innerJoin('org as o', 'o.id', 'i.org_id')
    .select([
      'i.id',
      'i.secret_hash',
      'i.receipt_no',
      'i.status',
      'i.outcome',
      'i.received_on',
      'i.due_on',
      'i.due_provisional',
      'i.answered_on',
      'i.closed_on',
      'i.extended',
      'o.name as org_name',
    ])
    .where('i.kind', '=', kind)
    .where('i.receipt_no', '=', receiptNo)
    .where('i.secret_hash', 'is not', null)
    .limit(5)
    .execute();
}
export type OnlineRow = Awaited<ReturnType<typeof findOnlineByReceipt>>[number];
