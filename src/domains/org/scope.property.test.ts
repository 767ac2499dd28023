import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx, type Scope } from '../../platform/context.js';
import type { DatabaseHandle } from '../../platform/db/open.js';
import { testEngines } from '../../test/db.js';
import { loadOrgNodes } from './org-store.js';
import { buildScope, narrowScope, type OrgNode, type RoleGrant } from './rules.js';
import type { DataScope } from './schema.js';
import { demoUscc, seedOrgs } from './seed.js';
import { listUsers } from './user-service.js';
import { listOrgs } from './org-store.js';

/** An oracle independent of materialised paths: walk parent pointers. */
function isUnder(parents: Map<string, string | null>, id: string, ancestor: string): boolean {
  for (let cur: string | null | undefined = id; cur; cur = parents.get(cur))
    if (cur === ancestor) return true;
  return false;
}

function allowedByOracle(
  parents: Map<string, string | null>,
  user: { id: string; orgId: string },
  grants: RoleGrant[],
  row: { orgId: string; createdBy: string | null },
): boolean {
  return grants.some((g) => {
    switch (g.dataScope) {
      case 'all':
        return true;
      case 'custom':
        return g.customOrgIds.includes(row.orgId);
      case 'org':
        return row.orgId === user.orgId;
      case 'orgAndBelow':
        return isUnder(parents, row.orgId, user.orgId);
      case 'self':
        return row.createdBy === user.id;
      default:
        return false;
    }
  });
}

/** Random trees: node i's parent is one of nodes 0..i-1. */
const treeArb = fc
  .integer({ min: 1, max: 40 })
  .chain((n) =>
    fc.tuple(
      ...Array.from({ length: n }, (_, i) =>
        i === 0 ? fc.constant(-1) : fc.integer({ min: 0, max: i - 1 }),
      ),
    ),
  );
const scopeArb = fc.constantFrom<DataScope>('all', 'custom', 'org', 'orgAndBelow', 'self');
/** One to three role grants, each a data scope and the picks of its custom orgs. */
const grantsArb = fc.array(fc.tuple(scopeArb, fc.array(fc.nat(), { maxLength: 4 })), {
  minLength: 1,
  maxLength: 3,
});

/** A tree from `treeArb` (ids, parent links, nodes with paths), a user in it and their grants. */
function randomTree(
  parentIdx: number[],
  rawGrants: [DataScope, number[]][],
  userPick: number,
  regionOf: (i: number) => string,
) {
  const ids = parentIdx.map((_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
  const parents = new Map(
    ids.map((id, i) => [id, (parentIdx[i] ?? -1) >= 0 ? (ids[parentIdx[i] ?? 0] ?? null) : null]),
  );
  const pathOf = (id: string): string => {
    const p = parents.get(id);
    return p ? `${pathOf(p)}${id}/` : `/${id}/`;
  };
  const nodes: OrgNode[] = ids.map((id, i) => ({ id, path: pathOf(id), regionCode: regionOf(i) }));
  const user = { id: 'u1', orgId: ids[userPick % ids.length] ?? '' };
  const grants: RoleGrant[] = rawGrants.map(([dataScope, picks]) => ({
    dataScope,
    customOrgIds: picks.map((p) => ids[p % ids.length] ?? ''),
  }));
  return { ids, parents, nodes, user, grants };
}

describe('buildScope over random org trees (pure)', () => {
  it('grants exactly what the parent-walking oracle grants', () => {
    fc.assert(
      fc.property(treeArb, grantsArb, fc.nat(), (parentIdx, rawGrants, userPick) => {
        const { ids, parents, nodes, user, grants } = randomTree(
          parentIdx,
          rawGrants,
          userPick,
          () => '532502',
        );
        const scope = buildScope(user, grants, nodes);
        for (const orgId of ids) {
          for (const createdBy of [null, 'u1', 'u2']) {
            const expected = allowedByOracle(parents, user, grants, { orgId, createdBy });
            const got =
              scope.all ||
              scope.orgIds.includes(orgId) ||
              (scope.selfUserId !== null && createdBy === scope.selfUserId);
            if (got !== expected) return false;
          }
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});

describe('narrowScope (the org switcher) over random org trees (pure)', () => {
  it("narrows to the chosen org's subtree within the scope, the same when asked again or of a re-read tree", () => {
    fc.assert(
      fc.property(treeArb, grantsArb, fc.nat(), fc.nat(), (parentIdx, rawGrants, userPick, orgPick) => {
        const { ids, parents, nodes, user, grants } = randomTree(
          parentIdx,
          rawGrants,
          userPick,
          (i) => `5325${i % 3}`,
        );
        const scope = buildScope(user, grants, nodes);
        const chosen = ids[orgPick % ids.length] ?? '';
        const held = (id: string) => scope.all || scope.orgIds.includes(id);
        const expected = held(chosen)
          ? ids.filter((id) => isUnder(parents, id, chosen) && held(id)).sort()
          : [];
        const answers = [
          narrowScope(scope, nodes, chosen),
          narrowScope(scope, nodes, chosen),
          narrowScope(scope, [...nodes], chosen),
        ];
        return answers.every((a) =>
          expected.length === 0
            ? a === null
            : a !== null &&
              JSON.stringify([...a.orgIds].sort()) === JSON.stringify(expected) &&
              JSON.stringify(a.regionCodes) ===
                JSON.stringify(
                  [...new Set(expected.map((id) => nodes.find((n) => n.id === id)?.regionCode))].sort(),
                ),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe.each(testEngines())('scoped queries on $name (property)', (engine) => {
  let h: DatabaseHandle;
  let nodes: OrgNode[];
  let parents: Map<string, string | null>;
  let users: { id: string; org_id: string; created_by: string | null }[];

  beforeAll(async () => {
    h = await engine.open();
    await seedOrgs(systemCtx(h.db), 'Passw0rd-demo', demoUscc);
    nodes = await loadOrgNodes(h.db);
    const rows = await h.db.selectFrom('org').select(['id', 'parent_id']).execute();
    parents = new Map(rows.map((r) => [r.id, r.parent_id]));
    users = await h.db.selectFrom('app_user').select(['id', 'org_id', 'created_by']).execute();
  });
  afterAll(() => h.close());

  it('no user reads a user record or an org outside their scope', async () => {
    const orgIds = nodes.map((n) => n.id);
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.array(fc.tuple(scopeArb, fc.array(fc.nat(), { maxLength: 3 })), { minLength: 1, maxLength: 2 }),
        async (pick, rawGrants) => {
          const actorUser = users[pick % users.length];
          if (!actorUser) return true;
          const user = { id: actorUser.id, orgId: actorUser.org_id };
          const grants: RoleGrant[] = rawGrants.map(([dataScope, picks]) => ({
            dataScope,
            customOrgIds: picks.map((p) => orgIds[p % orgIds.length] ?? ''),
          }));
          const scope: Scope = buildScope(user, grants, nodes);
          const ctx = { ...systemCtx(h.db), scope };
          const seen = await listUsers(ctx, {}, { offset: 0, limit: 1000 });
          for (const u of seen.items) {
            const row = users.find((x) => x.id === u.id);
            if (
              !row ||
              !allowedByOracle(parents, user, grants, { orgId: row.org_id, createdBy: row.created_by })
            )
              return false;
          }
          // and nothing in scope is missing
          const expected = users.filter((r) =>
            allowedByOracle(parents, user, grants, { orgId: r.org_id, createdBy: r.created_by }),
          );
          if (expected.length !== seen.total) return false;
          const visibleOrgs = await listOrgs(h.db, scope, {});
          return visibleOrgs.items.every(
            (o) => grants.some((g) => g.dataScope === 'all') || scope.orgIds.includes(o.id),
          );
        },
      ),
      { numRuns: 40 },
    );
    expect(users.length).toBeGreaterThan(3);
  });
});
