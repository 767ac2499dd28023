import type { Generated } from 'kysely';

declare module '../../platform/db/types.js' {
  interface Database {
    region: RegionTable;
    org: OrgTable;
    app_user: AppUserTable;
    role: RoleTable;
    user_role: UserRoleTable;
    session: SessionTable;
    api_token: ApiTokenTable;
  }
}

export interface RegionTable {
  code: string;
  name: string;
  level: number;
  parent_code: string | null;
}

interface Versioned {
  created_by: string | null;
  created_at: Generated<Date>;
  updated_by: string | null;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface OrgTable extends Versioned {
  id: string;
  region_code: string;
  parent_id: string | null;
  path: string;
  depth: number;
  name: string;
  short_name: string | null;
  doc_prefix: string | null;
  kind: string;
  uscc: string | null;
  sort: Generated<number>;
  /** place in the tree read depth-first, siblings by sort, name, id (kept by a trigger, migration 0270) */
  tree_rank: Generated<number>;
  active: Generated<boolean>;
  /** 机构职能 (migration 0073; edited through org/staffing.ts) */
  admin_staffing: Generated<number>;
  public_staffing: Generated<number>;
  seconded_staffing: Generated<number>;
  legal_staff: Generated<number>;
  sanding_status: Generated<string>;
  sanding_issued_on: string | null;
}

export interface AppUserTable extends Versioned {
  id: string;
  region_code: string;
  org_id: string;
  username: string;
  display_name: string;
  phone: string | null;
  password_hash: string;
  active: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  password_changed_at: Generated<Date>;
}

export interface RoleTable extends Versioned {
  id: string;
  code: string;
  name: string;
  permissions: string[];
  data_scope: string;
  custom_org_ids: string[];
  builtin: Generated<boolean>;
}

export interface UserRoleTable {
  user_id: string;
  role_id: string;
}

export interface SessionTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  expires_at: Date;
  last_seen_at: Generated<Date>;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: Generated<Date>;
  last_used_at: Date | null;
  revoked_at: Date | null;
}
