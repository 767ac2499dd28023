import type { Executor } from '../../platform/db/types.js';
import { loadOrgNodes } from './org-store.js';
import type { OrgNode } from './rules.js';

/**
 * Short-lived caches on the request path: the org tree (scope building) and the resolved identity
 * of a session — on the embedded engine used as it is (auth-service `resolveSession`), on a server
 * only with a read guard that checks it still stands in the request's first round trip
 * (`resolveSessionForRead`). Any write to orgs, users, roles or sessions in this process clears
 * both at once. Other servers sharing one PostgreSQL see an org change within TTL_MS.
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
  const hit = keptIdentity<T>(key);
  if (hit !== undefined) return hit;
  const value = await load();
  if (value === null) forgetIdentity(key);
  else keepIdentity(key, value);
  return value;
}

/** An identity kept in the last TTL_MS under `key`, or undefined. */
export function keptIdentity<T>(key: string): T | undefined {
  const hit = identities.get(key);
  return hit && Date.now() - hit.at < TTL_MS ? (hit.value as T) : undefined;
}

export function keepIdentity(key: string, value: unknown): void {
  if (identities.size >= MAX_IDENTITIES) identities.clear();
  identities.set(key, { at: Date.now(), value });
}

export function forgetIdentity(key: string): void {
  identities.delete(key);
}

/** Called by every service that changes orgs, users, roles or sessions. */
export function invalidateAuthCaches(): void {
  tree = null;
  identities.clear();
}
