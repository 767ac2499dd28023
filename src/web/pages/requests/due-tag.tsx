import { Tag } from 'antd';
import type { DueState } from './types.js';

/** 临期 orange, 逾期 red; a date counted before the year's holidays were loaded says 暂定. */
export function DueTag({
  state,
  due,
  provisional,
}: {
  state: DueState | null;
  due: string | null;
  provisional?: boolean;
}) {
  if (!due) return null;
  const text = `${due}${provisional ? '(暂定)' : ''}`;
  if (state === 'overdue') return <Tag color="red">逾期 {text}</Tag>;
  if (state === 'dueSoon') return <Tag color="orange">临期 {text}</Tag>;
  return <span>{text}</span>;
}
