declare module '../db/types.js' {
  interface Database {
    audit_log: AuditLogTable;
  }
}

export interface AuditLogTable {
  seq: number;
  at: Date;
  actor_id: string | null;
  actor_name: string;
  org_id: string | null;
  region_code: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  change: unknown;
  prev_hash: string;
  hash: string;
}
