import { List, Typography } from 'antd';
import { DueTag, ProvisionalTag } from '../due-tag.js';
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
            {d.note && (
              <Typography.Text type="warning" style={{ display: 'block' }}>
                {d.note}
              </Typography.Text>
            )}
          </span>
          {d.party ? (
            <span>
              {d.due}
              {d.provisionalReason && <ProvisionalTag reason={d.provisionalReason} />}
            </span>
          ) : (
            <DueTag state={d.state} due={d.due} provisional={d.provisionalReason} />
          )}
        </List.Item>
      )}
    />
  );
}
