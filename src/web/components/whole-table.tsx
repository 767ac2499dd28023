import { Table, type TableProps } from 'antd';

/**
 * A small table of a short list shown whole, without paging (a record's lines, a report's rows, a
 * dashboard's few items).
 */
export function WholeTable<T extends object>({
  scrollX,
  ...rest
}: {
  /** the table's width before it scrolls sideways */
  scrollX?: number | 'max-content';
} & Omit<TableProps<T>, 'pagination' | 'scroll'>) {
  return (
    <Table<T>
      size="small"
      pagination={false}
      scroll={scrollX === undefined ? undefined : { x: scrollX }}
      {...rest}
    />
  );
}
