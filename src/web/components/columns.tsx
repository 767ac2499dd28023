import type { TableColumnType } from 'antd';
import type { ReactNode } from 'react';
import { OpenLink } from './ledger-table.js';
import { formatInstant } from './ledger.js';
import { textSorter } from './use-list.js';

/**
 * A ledger's column whose cell opens the row's record (its drawer or page): the cell's text as a
 * link. `key` is the dataIndex unless given (it is what the server sorts by).
 */
export function openColumn<T extends { id: string }>(
  column: {
    title: string;
    dataIndex: keyof T & string;
    key?: string;
    width?: number;
    ellipsis?: boolean;
    sorter?: boolean;
  },
  onOpen: (id: string) => void,
): TableColumnType<T> {
  return {
    key: column.dataIndex,
    ...column,
    render: (text: ReactNode, row) => <OpenLink text={text} onOpen={() => onOpen(row.id)} />,
  };
}

/** 更新时间: when the row last changed, in the browser's zone, sorted in the browser. */
export function updatedAtColumn<T extends { updatedAt: string }>(): TableColumnType<T> {
  return {
    title: '更新时间',
    dataIndex: 'updatedAt',
    key: 'updatedAt',
    sorter: textSorter((row: T) => row.updatedAt),
    render: (t: string) => formatInstant(t),
  };
}
