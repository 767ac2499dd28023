import type { TablePaginationConfig, TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface.js';
import { createElement, type ReactNode, useCallback, useEffect, useState } from 'react';
import { api, type Query } from '../api/client.js';
import type { Page } from '../api/types.js';
import { readWhileMounted } from './use-fetch.js';

export const pageSizeOptions = [20, 50, 100, 200];

export function showTotal(total: number): string {
  return `共 ${total} 条`;
}

const grouped = (n: number) => n.toLocaleString('zh-CN');

/**
 * A ledger's total as the server gave it: exact ("共 1,234 条"), counted up to a cap
 * ("共 10,000+ 条") or estimated by the database ("约 1,000,000 条"); the last two offer 精确计数.
 */
export function totalLabel(total: number, kind: Page<unknown>['totalKind'], onExact?: () => void): ReactNode {
  if (!kind || kind === 'exact') return `共 ${grouped(total)} 条`;
  const text = kind === 'atLeast' ? `共 ${grouped(total)}+ 条` : `约 ${grouped(total)} 条`;
  if (!onExact) return text;
  return createElement(
    'span',
    null,
    `${text} `,
    createElement(
      'a',
      {
        onClick: (e: { preventDefault: () => void }) => {
          e.preventDefault();
          onExact();
        },
        title: '统计准确条数(数据量大时较慢)',
      },
      '精确计数',
    ),
  );
}

export interface ListState<T> {
  /** filters + sort, as sent to the list; the export button sends the same */
  query: Query;
  filters: Query;
  setFilters: (filters: Query) => void;
  reload: () => void;
  tableProps: Pick<TableProps<T>, 'dataSource' | 'loading' | 'pagination' | 'onChange'>;
}

function sortParam<T>(sorter: SorterResult<T> | SorterResult<T>[]): string | undefined {
  const first = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!first?.order) return undefined;
  const key = first.columnKey ?? first.field;
  const field = Array.isArray(key) ? key.join('.') : key;
  if (field === undefined || field === null) return undefined;
  return first.order === 'descend' ? `-${String(field)}` : String(field);
}

/**
 * A server-paged, server-sorted ledger list (`{ items, total }`): page, page size, sort and
 * filters live here; changing a filter goes back to page 1.
 */
export function useList<T>(path: string, initial: { filters?: Query; sort?: string } = {}): ListState<T> {
  const [filters, setFiltersState] = useState<Query>(initial.filters ?? {});
  const [sort, setSort] = useState<string | undefined>(initial.sort);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [data, setData] = useState<Page<T>>({ items: [], total: 0 });
  const [loading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);
  /** the user asked for the exact total of the current filters (精确计数) */
  const [exactTotal, setExactTotal] = useState(false);

  const query: Query = { ...filters, sort };
  const queryKey = JSON.stringify(query);

  // biome-ignore lint/correctness/useExhaustiveDependencies: queryKey stands for query; tick forces a reload
  useEffect(() => {
    return readWhileMounted(
      () =>
        api.get<Page<T>>(path, {
          ...(JSON.parse(queryKey) as Query),
          page,
          pageSize,
          ...(exactTotal ? { exactTotal: 'true' } : {}),
        }),
      setData,
      setLoading,
    );
  }, [path, queryKey, page, pageSize, tick, exactTotal]);

  const setFilters = useCallback((next: Query) => {
    setFiltersState(next);
    setPage(1);
    setExactTotal(false);
  }, []);
  const reload = useCallback(() => setTick((t) => t + 1), []);

  const pagination: TablePaginationConfig = {
    current: page,
    pageSize,
    total: data.total,
    showSizeChanger: true,
    pageSizeOptions,
    showTotal: (total) => totalLabel(total, data.totalKind, () => setExactTotal(true)),
    size: 'small',
  };

  return {
    query,
    filters,
    setFilters,
    reload,
    tableProps: {
      dataSource: data.items,
      loading,
      pagination,
      onChange(p, _f, sorter) {
        const nextSize = p.pageSize ?? pageSize;
        setPage(nextSize !== pageSize ? 1 : (p.current ?? 1));
        setPageSize(nextSize);
        setSort(sortParam(sorter) ?? initial.sort);
      },
    },
  };
}

/**
 * Column sorter that orders the rows on screen; the list also sends `sort` to the server, so
 * where the server sorts, pages and rows agree.
 */
export function textSorter<T>(get: (row: T) => string | number | null | undefined) {
  return (a: T, b: T): number => {
    const x = get(a);
    const y = get(b);
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x ?? '').localeCompare(String(y ?? ''), 'zh-CN');
  };
}
