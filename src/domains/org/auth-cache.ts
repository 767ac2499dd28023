import type { Executor } from '../../platform/db/types.js';
import { loadOrgNodes } from './org-store.js';
import type { OrgNode } from './rules.js';

/**
 * Short-lived caches on the request path: the org tree (scope building) and, on the embedded
 * engine only, the resolved identity of a session (auth-service `resolveSession`). Any write to
 * orgs, users, roles or sessions in this process clears both at once. Other servers sharing one
 * PostgreSQL see an org change within TTL_MS; sessions there are read on every request.
 */
export const TTL_MS = 5000;
const MAX_IDENTITIES = 10_000;

let tree: { at: number; db: Executor; nodes: OrgNode[] } | null = null;
const identities = new Map<string, { at: number; value: unknown }>();

export async function orgTree(db: Executor): Promise<OrgNode[]> {
  if (tree && tree.db === db && Date.now() - tree.at < TTL_MS) return tree.nodes;
  const nodes = await loadOrgNodes(db);
  tree = { at: Date.now(), db, nodes };
  return nodes;
}

export async function cachedIdentity<T>(key: string, load: () => Promise<T | null>): Promise<T | null> {
  const hit = identities.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value as T;
  const value = await load();
  if (value === null) {
    identities.delete(key);
    return null;
  }
  if (identities.size >= MAX_IDENTITIES) identities.clear();
  identities.set(key, { at: Date.now(), value });
  return value;
}

export function forgetIdentity(key: string): void {
  identities.delete(key);
}

/** Called by every service that changes orgs, users, roles or sessions. */
export function invalidateAuthCaches(): void {
  tree = null;
  identities.clear();
}
