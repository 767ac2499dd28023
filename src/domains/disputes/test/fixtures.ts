import type { DatabaseHandle } from '../../../platform/db/open.js';
import '../../org/tables.js';

export { ctxAt, NOW, TODAY, userCtx, withOrgs } from '../../enforcement/test/fixtures.js';

/** The id of a demo org by (part of) its name. */
export async function orgId(h: DatabaseHandle, name: string): Promise<string> {
  const r = await h.db
    .selectFrom('org')
    .select('id')
    .where('name', 'like', `%${name}%`)
    .orderBy('depth')
    .executeTakeFirstOrThrow();
  return r.id;
}
