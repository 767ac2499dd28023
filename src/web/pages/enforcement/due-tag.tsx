import { Tag } from 'antd';
import { ProvisionalTag } from '../../components/provisional-tag.js';
import type { DueState } from './types.js';

/**
 * 临期 orange, 逾期 red, as every ledger shows a statutory clock; a date counted across a year whose
 * holiday arrangement is not published carries 暂估 with the reason.
 */
export function DueTag({
  state,
  due,
  provisional,
}: {
  state: DueState | 'met';
  due: string;
  provisional?: string | null | undefined;
}) {
  const mark = provisional ? <ProvisionalTag reason={provisional} /> : null;
  if (state === 'overdue')
    return (
      <>
        <Tag color="red">逾期 {due}</Tag>
        {mark}
      </>
    );
  if (state === 'dueSoon')
    return (
      <>
        <Tag color="orange">临期 {due}</Tag>
        {mark}
      </>
    );
  if (state === 'met') return <Tag color="green">已办结</Tag>;
  return (
    <span>
      {due}
      {mark}
    </span>
  );
}

export { ProvisionalTag };
