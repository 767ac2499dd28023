import { Drawer, Spin } from 'antd';
import { type ReactNode, useState } from 'react';
import { useFetch } from './use-fetch.js';

/**
 * The record a ledger opened (GET `${base}/${id}`). While the next one loads, the previous answer
 * is not shown as if it were the one asked for: `record` is undefined until the ids agree.
 */
export function useRecord<T extends { id: string }>(base: string, id: string | null) {
  const { data, loading, reload } = useFetch<T>(id ? `${base}/${id}` : null);
  const record = data && data.id === id ? data : undefined;
  return { record, loading, reload };
}

/** The record a ledger has open (none at first unless `initial`), read as `useRecord` reads it. */
export function useOpenRecord<T extends { id: string }>(base: string, initial: string | null = null) {
  const [id, setId] = useState(initial);
  return { base, id, open: setId, close: () => setId(null), ...useRecord<T>(base, id) };
}

/** What a ledger hands the drawer of a record it opened: its id (null: closed), close, and a change made there. */
export interface OpenedRecordProps {
  id: string | null;
  onClose: () => void;
  onChanged: () => void;
}

/** A record's drawer: a spinner until the record has come, then `children(record)`. */
export function RecordDrawer<T>({
  open,
  record,
  loading,
  onClose,
  width,
  title,
  children,
}: {
  open: boolean;
  record: T | undefined;
  loading: boolean;
  onClose: () => void;
  width: number;
  title: ReactNode;
  children: (record: T) => ReactNode;
}) {
  return (
    <Drawer open={open} onClose={onClose} width={width} title={title}>
      {loading && !record && <Spin />}
      {record && children(record)}
    </Drawer>
  );
}
