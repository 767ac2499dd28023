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
    let live = true;
    setLoading(true);
    api
      .get<T>(path, JSON.parse(queryKey) as Query)
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
  }, [path, queryKey, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, loading, reload };
}
