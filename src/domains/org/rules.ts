import type { Scope } from '../../platform/context.js';
import type { DataScope } from './schema.js';

/** A node of the org tree as the scope rules need it. */
export interface OrgNode {
  id: string;
  path: string; // '/rootId/…/id/'
  regionCode: string;
}

export interface RoleGrant {
  dataScope: DataScope;
  customOrgIds: readonly string[];
}

/** Ids of `orgId` and every org below it, by materialised path (kept per tree: `treeIndex`). */
export function subtreeIds(orgs: readonly OrgNode[], orgId: string): readonly string[] {
  const { subtrees } = treeIndex(orgs);
  let ids = subtrees.get(orgId);
  if (!ids) {
    const self = orgs.find((o) => o.id === orgId);
    ids = self ? orgs.filter((o) => o.path.startsWith(self.path)).map((o) => o.id) : [];
    subtrees.set(orgId, ids);
  }
  return ids;
}

/**
 * Each org's region, every region of the tree, and the subtrees and narrowed scopes asked for so
 * far, kept per tree (a changed tree is a new array): the scope is built on every request, and a
 * province's tree holds thousands of orgs (a search of the list per org made the scope cost
 * quadratic in the tree's size: 290 ms a request at 5,300 orgs, `npm run bench -- --province`;
 * the org switcher's subtree, read afresh on every request, was then a quarter of a county page's
 * time in the server).
 */
interface TreeIndex {
  regionOf: Map<string, string>;
  allRegions: readonly string[];
  subtrees: Map<string, readonly string[]>;
  narrowed: WeakMap<Scope, Map<string, Scope | null>>;
}
const treeIndexes = new WeakMap<readonly OrgNode[], TreeIndex>();
function treeIndex(orgs: readonly OrgNode[]): TreeIndex {
  let index = treeIndexes.get(orgs);
  if (!index) {
    const regionOf = new Map(orgs.map((o) => [o.id, o.regionCode]));
    index = {
      regionOf,
      allRegions: [...new Set(regionOf.values())].sort(),
      subtrees: new Map(),
      narrowed: new WeakMap(),
    };
    treeIndexes.set(orgs, index);
  }
  return index;
}

/** The regions of some orgs of the tree, sorted, read from the tree's id → region map. */
function regionsIn(orgs: readonly OrgNode[], ids: Iterable<string>): string[] {
  const { regionOf } = treeIndex(orgs);
  const set = new Set<string>();
  for (const id of ids) {
    const r = regionOf.get(id);
    if (r) set.add(r);
  }
  return [...set].sort();
}

/**
 * RuoYi's five data scopes, united over a user's roles: any `all` wins; `custom` adds the
 * chosen orgs; `org` the user's org; `orgAndBelow` its subtree; `self` the user's own records.
 */
export function buildScope(
  user: { id: string; orgId: string },
  grants: readonly RoleGrant[],
  orgs: readonly OrgNode[],
): Scope {
  const { allRegions } = treeIndex(orgs);
  if (grants.some((g) => g.dataScope === 'all')) {
    return { all: true, orgIds: [], selfUserId: null, regionCodes: [...allRegions], everyRegion: true };
  }
  const ids = new Set<string>();
  let self = false;
  for (const g of grants) {
    if (g.dataScope === 'custom') for (const id of g.customOrgIds) ids.add(id);
    else if (g.dataScope === 'org') ids.add(user.orgId);
    else if (g.dataScope === 'orgAndBelow') for (const id of subtreeIds(orgs, user.orgId)) ids.add(id);
    else if (g.dataScope === 'self') self = true;
  }
  return {
    all: false,
    orgIds: [...ids].sort(),
    selfUserId: self ? user.id : null,
    regionCodes: regionsIn(orgs, self ? [...ids, user.orgId] : ids),
  };
}

/** The org switcher narrows a scope to one org's subtree; outside the scope it narrows to nothing. */
export function narrowScope(scope: Scope, orgs: readonly OrgNode[], orgId: string): Scope | null {
  // a kept identity's scope is one object for the seconds it is kept: its narrowings are kept with it
  const { narrowed } = treeIndex(orgs);
  let byOrg = narrowed.get(scope);
  if (!byOrg) {
    byOrg = new Map();
    narrowed.set(scope, byOrg);
  }
  if (byOrg.has(orgId)) return byOrg.get(orgId) ?? null;
  const result = narrowOnce(scope, orgs, orgId);
  byOrg.set(orgId, result);
  return result;
}

function narrowOnce(scope: Scope, orgs: readonly OrgNode[], orgId: string): Scope | null {
  const sub = subtreeIds(orgs, orgId);
  // the chosen org itself must be inside the scope: an ancestor is not a way in
  if (sub.length === 0 || !(scope.all || scope.orgIds.includes(orgId))) return null;
  const held = scope.all ? null : new Set(scope.orgIds);
  const allowed = held ? sub.filter((id) => held.has(id)) : sub;
  if (allowed.length === 0) return null;
  return { all: false, orgIds: allowed, selfUserId: null, regionCodes: regionsIn(orgs, allowed) };
}

/** Orgs visible in a scope (the org rows themselves are scoped by their own id). */
export function orgVisible(scope: Scope, org: OrgNode): boolean {
  if (scope.regionCodes.length > 0 && !scope.regionCodes.includes(org.regionCode)) return false;
  return scope.all || scope.orgIds.includes(org.id);
}

/** The usual abbreviations of department names in 文书编号 (市场监督管理局 → 市监, 住房和城乡建设局 → 住建). */
const ABBREVIATIONS: readonly [RegExp, string][] = [
  [/市场监督管理/, '市监'],
  [/生态环境/, '环'],
  [/自然资源/, '自然资'],
  [/交通运输/, '交'],
  [/卫生健康/, '卫健'],
  [/应急管理/, '应急'],
  [/农业农村/, '农'],
  [/住房和城乡建设/, '住建'],
  [/文化和旅游|文化旅游/, '文旅'],
  [/综合行政执法/, '综执'],
  [/林业和草原/, '林草'],
  [/人力资源和社会保障/, '人社'],
  [/教育体育/, '教体'],
  [/医疗保障/, '医保'],
];

/**
 * A 文书编号 prefix derived from a name, for an org whose record has no 文书编号前缀 yet:
 * 市场监督管理局 → 市监. The org record's own prefix (set in 机构管理) always wins, since the
 * place part differs between counties and is never written in code.
 */
export function caseNoAbbreviation(orgName: string): string {
  let short = orgName;
  for (const [re, abbr] of ABBREVIATIONS) short = short.replace(re, abbr);
  return short.replace(/(局|大队|执法队|支队|队)$/, '');
}
