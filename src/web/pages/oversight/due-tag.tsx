import { Tag } from 'antd';

export function DueTag({ state }: { state: string }) {
  if (state === 'overdue') return <Tag color="red">逾期</Tag>;
  if (state === 'dueSoon') return <Tag color="orange">临期</Tag>;
  return null;
}
