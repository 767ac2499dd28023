import type { Db } from '../platform/db/types.js';

/**
 * The first demo account of each role, in role-code order: the demo's named account (fzsh)
 * before the numbered ones made alongside it (fzsh01, …), whose passwords the demo never tells.
 * Read from the seeded database, so a role added to the demo is covered by whoever walks them.
 */
export async function firstUserOfEachRole(
  db: Db,
): Promise<{ code: string; role: string; username: string }[]> {
  const rows = await db
    .selectFrom('app_user as u')
    .innerJoin('user_role as ur', 'ur.user_id', 'u.id')
    .innerJoin('role as r', 'r.id', 'ur.role_id')
    .select(['u.username', 'r.code', 'r.name as role'])
    .orderBy('r.code')
    .orderBy('u.created_at')
    .orderBy('u.username')
    .execute();
  // a Map built from the rows would keep the last account of each role: keep the first
  const first = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!first.has(r.code)) first.set(r.code, r);
  return [...first.values()];
}
