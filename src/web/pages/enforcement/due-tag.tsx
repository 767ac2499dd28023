import { Tag } from 'antd';
import type { DueState } from './types.js';

/** 临期 orange, 逾期 red, as every ledger shows a statutory clock. */
export function DueTag({ state, due }: { state: DueState | 'met'; due: string }) {
  if (state === 'overdue') return <Tag color="red">逾期 {due}</Tag>;
  if (state === 'dueSoon') return <Tag color="orange">临期 {due}</Tag>;
  if (state === 'met') return <Tag color="green">已办结</Tag>;
  return <span>{due}</span>;
}
