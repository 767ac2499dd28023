import type { CreatedAt } from '../db/types.js';

declare module '../db/types.js' {
  interface Database {
    stored_file: StoredFileTable;
  }
}

/** migrations/0001_platform.sql: one row per distinct content, keyed by its SHA-256. */
export interface StoredFileTable {
  sha256: string;
  size: number;
  mime: string;
  /** The name of the first upload of these bytes; records that reference a file keep their own. */
  original_name: string;
  created_by: string | null;
  created_at: CreatedAt;
}
