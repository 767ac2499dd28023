import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { dueTag } from './types.js';

/** A unit's 填报 status colours, the same on the 任务 detail and on the unit's own list. */
export const submissionColor = {
  pending: 'default',
  submitted: 'processing',
  accepted: 'success',
  returned: 'error',
} as const;

/** Today's date in China (UTC+8), as the deadlines are kept. */
export const todayInChina = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * The deadline marked 逾期 or 临期 while it still binds (`live`); otherwise `plain`, which each
 * list draws its own way.
 */
export function deadlineMark(deadline: string, live: boolean, plain: ReactNode): ReactNode {
  const state = live ? dueTag(deadline, todayInChina()) : 'normal';
  if (state === 'overdue') return <Tag color="red">{deadline} 逾期</Tag>;
  if (state === 'dueSoon') return <Tag color="orange">{deadline} 临期</Tag>;
  return plain;
}
