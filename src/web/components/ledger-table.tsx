import { Button, Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import type { ListState } from './use-list.js';

/**
 * A ledger's table: small, a row per record keyed by `id` (unless `rowKey` says otherwise), its
 * rows, loading, paging and sorting those of the server-paged list (useList).
 */
export function LedgerTable<T extends object>({
  list,
  scrollX,
  ...rest
}: {
  list: ListState<T>;
  /** the table's width before it scrolls sideways */
  scrollX?: number | 'max-content';
} & Omit<TableProps<T>, 'scroll' | keyof ListState<T>['tableProps']>) {
  return (
    <Table<T>
      rowKey="id"
      size="small"
      scroll={scrollX === undefined ? undefined : { x: scrollX }}
      {...rest}
      {...list.tableProps}
    />
  );
}

/** A ledger cell that opens the row's record (its drawer or page): the cell's text as a link. */
export function OpenLink({ text, onOpen }: { text: ReactNode; onOpen: () => void }) {
  return (
    <Button type="link" size="small" style={{ padding: 0 }} onClick={onOpen}>
      {text}
    </Button>
  );
}
