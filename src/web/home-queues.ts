import { api, type Query } from './api/client.js';

/** One line of a work queue on the home page. */
export interface QueueItem {
  key: string;
  label: string;
  /** the record's own page */
  link: string;
  /** a second line: the unit, the deadline … */
  detail?: string | undefined;
  due?: { state: 'normal' | 'dueSoon' | 'overdue'; due: string } | undefined;
}

/**
 * A work queue a module contributes to the home page (待审核, 待填报, 待采纳, 临期 / 逾期 …): shown
 * to those who hold `permission`, counted and listed from the module's own ledger, each linked to
 * the ledger filtered to just these records.
 */
export interface HomeQueue {
  key: string;
  title: string;
  permission: string;
  /** the ledger, filtered to the queue's records */
  link: string;
  /** 'urgent' queues (逾期, 被退回) are shown red when they hold anything */
  tone?: 'urgent' | 'normal';
  load: () => Promise<{ total: number; items: QueueItem[] }>;
}

/** How many lines a queue card lists; the count says how many there are in all. */
export const QUEUE_SHOWN = 5;

/** A queue read from a paged ledger endpoint: its `total` is the count, its first page the lines. */
export function ledgerQueue<T>(path: string, query: Query, item: (row: T) => QueueItem): HomeQueue['load'] {
  return async () => {
    const page = await api.get<{ items: T[]; total: number }>(path, {
      ...query,
      page: 1,
      pageSize: QUEUE_SHOWN,
    });
    return { total: page.total, items: page.items.map(item) };
  };
}

/** A queue read from a whole list, keeping the rows `keep` selects. */
export function filteredQueue<T>(
  path: string,
  query: Query,
  keep: (row: T) => boolean,
  item: (row: T) => QueueItem,
): HomeQueue['load'] {
  return async () => {
    const page = await api.get<{ items: T[] }>(path, query);
    const rows = page.items.filter(keep);
    return { total: rows.length, items: rows.slice(0, QUEUE_SHOWN).map(item) };
  };
}

/**
 * A ledger's two deadline queues: 逾期 (shown red) then 临期, each the ledger's rows filtered by
 * `due` (after it, `query`), linked to `page` filtered the same way. Keys are `${key}-overdue`
 * and `${key}-due-soon`.
 */
export function dueQueues<T>(q: {
  key: string;
  titles: { overdue: string; dueSoon: string };
  permission: string;
  /** the web page of the ledger */
  page: string;
  /** the ledger's endpoint */
  path: string;
  query?: Query;
  line: (row: T) => QueueItem;
}): HomeQueue[] {
  return (['overdue', 'dueSoon'] as const).map((due) => ({
    key: `${q.key}-${due === 'overdue' ? 'overdue' : 'due-soon'}`,
    title: q.titles[due],
    permission: q.permission,
    ...(due === 'overdue' ? { tone: 'urgent' as const } : {}),
    link: `${q.page}?due=${due}`,
    load: ledgerQueue(q.path, { due, ...q.query }, q.line),
  }));
}
