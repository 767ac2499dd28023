import { Table, type TableProps } from 'antd';

/**
 * A small table of rows read whole (a `useFetch` of an array), paged in the browser: its rows and
 * its loading state those of the read.
 */
export function FetchedTable<T extends object>({
  fetched,
  scrollX,
  ...rest
}: {
  fetched: { data: readonly T[] | undefined; loading: boolean };
  /** the table's width before it scrolls sideways */
  scrollX?: number | 'max-content';
} & Omit<TableProps<T>, 'dataSource' | 'loading' | 'scroll'>) {
  return (
    <Table<T>
      size="small"
      dataSource={fetched.data ?? []}
      loading={fetched.loading}
      scroll={scrollX === undefined ? undefined : { x: scrollX }}
      {...rest}
    />
  );
}
