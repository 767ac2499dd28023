import { Alert, Button, List } from 'antd';
import type { RecordGap } from '../types.js';

/** 全过程记录缺项, in red: each act that lacks the record the law asks of it, with 补录. */
export function RecordGaps({
  gaps,
  onSupplement,
}: {
  gaps: RecordGap[];
  onSupplement?: (g: RecordGap) => void;
}) {
  if (gaps.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      message={`全过程记录缺项 ${gaps.length} 项`}
      description={
        <List
          size="small"
          dataSource={gaps}
          renderItem={(g) => (
            <List.Item
              style={{ paddingInline: 0 }}
              actions={
                onSupplement
                  ? [
                      <Button key="add" size="small" danger onClick={() => onSupplement(g)}>
                        补录
                      </Button>,
                    ]
                  : []
              }
            >
              <span style={{ color: '#cf1322' }}>
                第 {g.seq} 项“{g.label}”缺少{g.recordLabel}
              </span>
            </List.Item>
          )}
        />
      }
    />
  );
}
