import { List, Tag } from 'antd';
import { DueTag } from '../due-tag.js';
import type { CaseDetail } from '../types.js';

/** The statutory clocks of the case, 临期 orange and 逾期 red. */
export function DueList({ c }: { c: CaseDetail }) {
  return (
    <List
      size="small"
      dataSource={c.dueDates}
      locale={{ emptyText: '当场处罚,无办案期限' }}
      renderItem={(d) => (
        <List.Item>
          <span>
            {d.label}
            {d.provisional && <Tag style={{ marginLeft: 4 }}>暂估:节假日安排未载入</Tag>}
          </span>
          {d.party ? <span>{d.due}</span> : <DueTag state={d.state} due={d.due} />}
        </List.Item>
      )}
    />
  );
}
