import type { ZodType } from 'zod';

/**
 * One column spec for both directions: export writes it, Excel edits it, import reads it back.
 * Keeping a single spec is what keeps the two formats from drifting (Decidim #3190, RULES §5).
 */
export const COLUMN_KINDS = ['text', 'int', 'decimal', 'date', 'bool', 'enum'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

/** A cell as the readers hand it over: what Excel or a CSV field can hold. */
export type CellInput = string | number | boolean | Date | null;

/** An enum cell shows the Chinese label; the row holds the code value. */
export interface EnumOption {
  readonly value: string;
  readonly label: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** The kinds that can hold a row value of type T (a custom `parse`/`format` may widen this). */
type KindFor<T> = [T] extends [boolean]
  ? 'bool'
  : [T] extends [number]
    ? 'int'
    : [T] extends [string]
      ? 'text' | 'decimal' | 'date' | 'enum'
      : ColumnKind;

interface ColumnBase<Row, K extends keyof Row & string> {
  /** Property of the row. */
  key: K;
  /** Chinese header text, e.g. '案件编号'; the importer matches columns by it, in any order. */
  header: string;
  kind: KindFor<NonNullable<Row[K]>>;
  /** Column width in Excel characters. */
  width?: number;
  /** For 'enum': the allowed values with their Chinese labels. */
  enum?: readonly EnumOption[];
  /** For 'text': the longest allowed value, in characters. */
  maxLength?: number;
  /** For 'decimal': digits after the point; the value is a canonical string with exactly this many. */
  scale?: number;
  /** Two data rows may not share a value here (e.g. 案件编号). */
  unique?: boolean;
  /** Replaces the kind's parser: cell → row value, or a Chinese error. Called for non-empty cells. */
  parse?: (cell: Exclude<CellInput, null>) => ParseResult<NonNullable<Row[K]>>;
  /**
   * Checked after parsing a non-empty cell. A Zod schema (its message is shown) or a function
   * returning a Chinese error. Validation only: a Zod transform does not change the value, so
   * what is exported imports back unchanged.
   */
  validate?: ZodType | ((value: NonNullable<Row[K]>) => string | undefined);
  /** Replaces the kind's formatting on export. */
  format?: (value: Row[K], row: Row) => CellInput;
}

/**
 * A column whose row type admits null may be optional; a non-null property must be `required`,
 * so a blank cell can never produce a row that violates its type.
 */
export type LedgerColumn<Row, K extends keyof Row & string = keyof Row & string> = ColumnBase<Row, K> &
  (null extends Row[K] ? { required?: boolean } : { required: true });

/** The columns of one ledger, in export order. */
export type LedgerColumns<Row> = readonly { [K in keyof Row & string]: LedgerColumn<Row, K> }[keyof Row &
  string][];

/** The extra column of an error report; ignored when a fixed error report is imported again. */
export const ERROR_COLUMN_HEADER = '错误说明';

/** Identity helper that makes TypeScript check each column against its key's type. */
export function defineColumns<Row>(columns: LedgerColumns<Row>): LedgerColumns<Row> {
  for (const c of columns) {
    if (c.kind === 'enum' && !c.enum?.length) throw new Error(`列“${c.header}”是枚举列,必须给出取值`);
  }
  const headers = new Set<string>();
  for (const c of columns) {
    if (headers.has(c.header)) throw new Error(`列名“${c.header}”重复`);
    headers.add(c.header);
  }
  return columns;
}

/** Loose view of a column used by the generic reader and writer code. */
export interface AnyColumn {
  key: string;
  header: string;
  kind: ColumnKind;
  width?: number;
  required?: boolean;
  enum?: readonly EnumOption[];
  maxLength?: number;
  scale?: number;
  unique?: boolean;
  parse?: (cell: Exclude<CellInput, null>) => ParseResult<unknown>;
  validate?: ZodType | ((value: unknown) => string | undefined);
  format?: (value: unknown, row: Record<string, unknown>) => CellInput;
}

/**
 * The per-key typing above exists for authors; the engine treats columns uniformly.
 * Every LedgerColumn is an AnyColumn except for its function parameter types, which are
 * narrower; the cast holds because the engine only ever passes a column its own key's value
 * (parsed by that column) and the row the value came from.
 */
export function looseColumns<Row>(columns: LedgerColumns<Row>): readonly AnyColumn[] {
  return columns as unknown as readonly AnyColumn[];
}
