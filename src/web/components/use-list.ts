import type { TablePaginationConfig, TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface.js';
import { useCallback, useEffect, useState } from 'react';
import { api, type Query } from '../api/client.js';
import { showError } from '../api/feedback.js';
import type { Page } from '../api/types.js';

export const pageSizeOptions = [20, 50, 100, 200];

export function showTotal(total: number): string {
  return `共 ${total} 条`;
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

  const query: Query = { ...filters, sort };
  const queryKey = JSON.stringify(query);

  // biome-ignore lint/correctness/useExhaustiveDependencies: queryKey stands for query; tick forces a reload
  useEffect(() => {
    let live = true;
    setLoading(true);
    api
      .get<Page<T>>(path, { ...(JSON.parse(queryKey) as Query), page, pageSize })
      .then((answer) => {
        if (live) setData(answer);
      })
      .catch((e: unknown) => {
        if (live) showError(e);
      })
      .finally(() => {
        if (live) setLoading(false);
      });
    return () => {
      live = false;
    };
  }, [path, queryKey, page, pageSize, tick]);

  const setFilters = useCallback((next: Query) => {
    setFiltersState(next);
    setPage(1);
  }, []);
  const reload = useCallback(() => setTick((t) => t + 1), []);

  const pagination: TablePaginationConfig = {
    current: page,
    pageSize,
    total: data.total,
    showSizeChanger: true,
    pageSizeOptions,
    showTotal,
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
