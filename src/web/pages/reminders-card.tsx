import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useFetch } from '../components/use-fetch.js';

interface Reminder {
  key: string;
  domainName: string;
  title: string;
  unitName: string | null;
  due: string | null;
  state: 'dueSoon' | 'overdue';
  count: number | null;
  basis: string | null;
  link: string;
}

const SHOWN = 8;

/** 待办提醒 on the home page: GET /api/reminders, 逾期 first, each linked to the ledger that lists it. */
export function RemindersCard() {
  const { data, loading } = useFetch<{ today: string; items: Reminder[] }>('/api/reminders');
  const [all, setAll] = useState(false);
  const items = data?.items ?? [];
  const overdue = items.filter((r) => r.state === 'overdue').length;
  return (
    <Card
      size="small"
      title={
        <Space>
          <BellOutlined />
          待办提醒
          {overdue > 0 && <Badge count={`逾期 ${overdue}`} />}
        </Space>
      }
    >
      <List<Reminder>
        size="small"
        loading={loading}
        dataSource={all ? items : items.slice(0, SHOWN)}
        locale={{ emptyText: '暂无临期或逾期事项' }}
        renderItem={(r) => (
          <List.Item style={{ display: 'block' }} data-testid="reminder">
            <Space wrap size={[6, 2]}>
              <Tag color={r.state === 'overdue' ? 'red' : 'orange'}>
                {r.state === 'overdue' ? '逾期' : '临期'}
              </Tag>
              <Link to={r.link}>
                {r.title}
                {r.count !== null ? ` ${r.count} 件` : ''}
              </Link>
              {r.unitName && <Typography.Text type="secondary">{r.unitName}</Typography.Text>}
              {r.due && <Typography.Text type="secondary">期限 {r.due}</Typography.Text>}
            </Space>
            {r.basis && (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  依据:{r.basis}
                </Typography.Text>
              </div>
            )}
          </List.Item>
        )}
      />
      {items.length > SHOWN && (
        <Button type="link" size="small" onClick={() => setAll(!all)}>
          {all ? '收起' : `展开全部 ${items.length} 项`}
        </Button>
      )}
    </Card>
  );
}
