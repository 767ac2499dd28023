import { useMemo } from 'react';
import type { OrgTreeNode, ScopeOrg } from '../api/types.js';
import { useFetch } from './use-fetch.js';

export interface TreeOption {
  value: string;
  title: string;
  key: string;
  children: TreeOption[];
}

/** The flat, tree-ordered scope list as TreeSelect data; orgs whose parent is out of scope are roots. */
export function scopeTreeData(orgs: ScopeOrg[]): TreeOption[] {
  const byId = new Map<string, TreeOption>();
  for (const org of orgs) byId.set(org.id, { value: org.id, key: org.id, title: org.name, children: [] });
  const roots: TreeOption[] = [];
  for (const org of orgs) {
    const node = byId.get(org.id);
    if (!node) continue;
    const parent = org.parentId ? byId.get(org.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** /api/orgs/tree as TreeSelect / Tree data. */
export function nestedTreeData(nodes: OrgTreeNode[]): TreeOption[] {
  return nodes.map((n) => ({
    value: n.id,
    key: n.id,
    title: n.name,
    children: nestedTreeData(n.children ?? []),
  }));
}

/** The org tree within the user's scope (narrowed by the switcher), as TreeSelect data. */
export function useOrgTree(): { treeData: TreeOption[]; loading: boolean; reload: () => void } {
  const { data, loading, reload } = useFetch<OrgTreeNode[]>('/api/orgs/tree');
  const treeData = useMemo(() => nestedTreeData(data ?? []), [data]);
  return { treeData, loading, reload };
}
