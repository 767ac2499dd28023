/** Shapes answered by the HTTP API (see docs: the foundation API contract). */
import type { DataScope, Org as ServerOrg } from '../../domains/org/schema.js';
import type { Role } from '../../domains/org/role-service.js';
import type { User as ServerUser } from '../../domains/org/user-service.js';

/** the server's own types, imported type-only: the bundle carries no zod */
export type { DataScope };

/** A server record as its JSON answer carries it: each instant (a Date) as an ISO string. */
export type Wire<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};

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

/** The org ledger's row (GET /api/orgs). */
export type Org = Wire<ServerOrg>;

export interface OrgTreeNode {
  id: string;
  name: string;
  kind: string;
  children: OrgTreeNode[];
}

/** The user ledger's row (GET /api/users). */
export type User = Wire<ServerUser>;

export type { Role };

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
