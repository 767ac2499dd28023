import type { Scope } from '../../../platform/context.js';
import type { Executor } from '../../../platform/db/types.js';
import { inScope } from '../../../platform/scope.js';
import type { CommitteeMember } from './schema.js';
import '../core/tables.js';
import { withOrg } from '../../org/org-store.js';

function committees(db: Executor, scope: Scope) {
  return withOrg(db, 'requests_committee', 'c')
    .select([
      'c.id',
      'c.org_id',
      'g.name as org_name',
      'c.region_code',
      'c.name',
      'c.members',
      'c.term_start',
      'c.term_end',
      'c.version',
    ])
    .where(inScope(scope, 'c'));
}

const present = (r: Awaited<ReturnType<ReturnType<typeof committees>['executeTakeFirstOrThrow']>>) => ({
  id: r.id,
  orgId: r.org_id,
  orgName: r.org_name,
  regionCode: r.region_code,
  name: r.name,
  members: r.members as CommitteeMember[],
  termStart: r.term_start,
  termEnd: r.term_end,
  version: r.version,
});
export type Committee = ReturnType<typeof present>;

export async function findCommittee(db: Executor, scope: Scope, id: string): Promise<Committee | undefined> {
  const r = await committees(db, scope).where('c.id', '=', id).executeTakeFirst();
  return r ? present(r) : undefined;
}

export async function listCommittees(db: Executor, scope: Scope, orgId?: string): Promise<Committee[]> {
  let q = committees(db, scope);
  if (orgId) q = q.where('c.org_id', '=', orgId);
  return (await q.orderBy('g.name').orderBy('c.name').execute()).map(present);
}
