import { defineColumns, type LedgerColumns } from './columns.js';

/** A cell of an export-only sheet: text, a count, or a 'YYYY-MM-DD' date. */
export type ViewCell = string | number | null;
export type ViewRow = Record<string, ViewCell>;

/**
 * An export-only column: the sheet's header, kind and width, and how its cell is read from the
 * record as the screen shows it (labels, not codes). One list, so a column cannot be added to the
 * sheet without its value, nor a value computed for a column the sheet does not have.
 */
export interface ViewColumn<Src> {
  header: string;
  kind: 'text' | 'int' | 'date';
  width?: number;
  /** A value the record always has (the sheet's drop-downs and an import treat blanks by it). */
  required?: boolean;
  value: (src: Src) => ViewCell;
}

/** The ledger columns and rows an export writes, from view columns and the records they read. */
export function viewLedger<Src>(
  columns: readonly ViewColumn<Src>[],
  records: AsyncIterable<Src> | Iterable<Src>,
): { columns: LedgerColumns<ViewRow>; rows: AsyncIterable<ViewRow> } {
  const keyed = columns.map((c, i) => ({ ...c, key: `c${i}` }));
  const ledger = defineColumns<ViewRow>(
    keyed.map(({ key, header, kind, width, required }) => ({
      key,
      header,
      kind,
      ...(width !== undefined ? { width } : {}),
      ...(required !== undefined ? { required } : {}),
    })),
  );
  async function* rows(): AsyncIterable<ViewRow> {
    for await (const src of records) {
      const row: ViewRow = {};
      for (const c of keyed) row[c.key] = c.value(src);
      yield row;
    }
  }
  return { columns: ledger, rows: rows() };
}
