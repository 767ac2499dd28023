import { Button, Tag } from 'antd';
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

/** A column of a text the row may not have yet (a 文号, a 结论 …): — until it has. */
export function optionalColumn<T>(column: {
  title: string;
  dataIndex: keyof T & string;
  key: string;
  width: number;
  sorter?: boolean;
}): TableColumnType<T> {
  return { ...column, render: (text: string | null) => text ?? '—' };
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

/** 状态: the row's status label in the colour its status has on this ledger. */
export function statusColumn<S extends string, T extends { status: S; statusLabel: string }>(
  colors: Record<S, string>,
  width: number,
): TableColumnType<T> {
  return {
    title: '状态',
    key: 'status',
    width,
    render: (_: unknown, row: T) => <Tag color={colors[row.status]}>{row.statusLabel}</Tag>,
  };
}

/** 操作: the row's 编辑 link, for a user who may edit; `pinned` keeps it at the right on a wide screen. */
export function editColumn<T>(
  onEdit: (row: T) => void,
  o: { pinned?: boolean; width?: number } = {},
): TableColumnType<T> {
  return {
    title: '操作',
    key: 'actions',
    fixed: o.pinned ? 'right' : undefined,
    width: o.width,
    render: (_: unknown, row: T) => (
      <Button type="link" size="small" onClick={() => onEdit(row)}>
        编辑
      </Button>
    ),
  };
}
