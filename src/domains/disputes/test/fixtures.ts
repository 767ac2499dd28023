import type { DatabaseHandle } from '../../../platform/db/open.js';
import { DomainError } from '../../../platform/errors.js';
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

/** 'ok', or the DomainError's code@field a user would see the message for. */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return e instanceof DomainError ? `${e.code}@${e.details.field ?? ''}` : String(e);
  }
}
