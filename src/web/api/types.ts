/** Shapes answered by the HTTP API (see docs: the foundation API contract). */
import type { DataScope } from '../../domains/org/schema.js';

/** the server's own type, imported type-only: the bundle carries no zod */
export type { DataScope };

export interface Me {
  id: string;
  username: string;
  displayName: string;
  orgId: string;
  orgName: string;
  regionCode: string;
  roles: { code: string; name: string }[];
  permissions: string[];
  dataScope: DataScope;
}

export interface MeAnswer {
  user: Me;
  csrfToken: string;
}

export interface ModuleMeta {
  key: string;
  title: string;
  path: string;
}

export interface ScopeOrg {
  id: string;
  name: string;
  shortName: string | null;
  parentId: string | null;
  kind: string;
  depth: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  /** exact; at least `total` (counted up to a cap); or the database's estimate */
  totalKind?: 'exact' | 'atLeast' | 'estimate';
}

export interface Org {
  id: string;
  regionCode: string;
  regionName: string | null;
  parentId: string | null;
  parentName: string | null;
  path: string;
  depth: number;
  name: string;
  shortName: string | null;
  docPrefix: string | null;
  kind: string;
  kindLabel: string;
  uscc: string | null;
  sort: number;
  active: boolean;
  version: number;
  updatedAt: string;
}

export interface OrgTreeNode {
  id: string;
  name: string;
  kind: string;
  children: OrgTreeNode[];
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  phone: string | null;
  orgId: string;
  orgName: string;
  roles: { id: string; code: string; name: string }[];
  active: boolean;
  lockedUntil: string | null;
  version: number;
  updatedAt: string;
}

export interface Role {
  id: string;
  code: string;
  name: string;
  permissions: string[];
  dataScope: DataScope;
  customOrgIds: string[];
  builtin: boolean;
  version: number;
}

export interface PermissionMeta {
  code: string;
  name: string;
  group: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorName: string;
  orgName: string | null;
  action: string;
  actionLabel?: string;
  entity: string;
  entityLabel?: string;
  entityId: string | null;
  change: unknown;
  hash: string;
}

export interface AuditVerify {
  ok: boolean;
  checked: number;
  firstBroken?: { seq: number; reason: string };
}

export interface CalendarYearSummary {
  year: number;
  source: 'package' | 'override';
  sourceNote: string | null;
  holidays: number;
  workdays: number;
}

export interface CalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

export interface CalendarYear {
  year: number;
  covered: boolean;
  source: string | null;
  days: CalendarDay[];
}

export interface CalendarAdd {
  date: string;
  result: string;
}
