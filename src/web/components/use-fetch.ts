import { useCallback, useEffect, useState } from 'react';
import { api, type Query } from '../api/client.js';
import { showError } from '../api/feedback.js';

/** GET once (and again on reload()); errors are shown as a toast. */
export function useFetch<T>(path: string | null, query?: Query) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);
  const queryKey = JSON.stringify(query ?? {});

  // biome-ignore lint/correctness/useExhaustiveDependencies: queryKey stands for query; tick forces a reload
  useEffect(() => {
    if (!path) return;
    return readWhileMounted(() => api.get<T>(path, JSON.parse(queryKey) as Query), setData, setLoading);
  }, [path, queryKey, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, loading, reload };
}

/**
 * An effect's read: loading while `load` runs, then its answer (a failure as a toast), unless the
 * effect was cleaned up meanwhile (another path or query asked since): returns that cleanup.
 */
export function readWhileMounted<T>(
  load: () => Promise<T>,
  setData: (answer: T) => void,
  setLoading: (loading: boolean) => void,
): () => void {
  let live = true;
  setLoading(true);
  load()
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
}
