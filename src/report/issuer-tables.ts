import type { ColumnType } from 'kysely';

declare module '../platform/db/types.js' {
  interface Database {
    report_issuer: ReportIssuerTable;
  }
}

export interface ReportIssuerTable {
  org_id: string;
  region_code: string;
  header_names: string[];
  header_suffix: string;
  doc_code: string;
  doc_number: number | null;
  addressees: string;
  signers: string[];
  printed_by: ColumnType<string, string | undefined, string>;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  version: number;
}
