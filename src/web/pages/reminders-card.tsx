import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Reminder as ServerReminder } from '../../report/reminders.js';
import { useFetch } from '../components/use-fetch.js';

/** A reminder as GET /api/reminders answers it (its domain is not shown). */
type Reminder = Omit<ServerReminder, 'domain'>;

const SHOWN = 8;

/** One line per deadline: the units that share a title, date and state are listed together. */
interface Line extends Omit<Reminder, 'unitName'> {
  units: string[];
}

export function groupReminders(items: readonly Reminder[]): Line[] {
  const lines = new Map<string, Line>();
  for (const r of items) {
    const key = r.unitName ? `${r.title}|${r.due}|${r.state}|${r.link}` : r.key;
    const line = lines.get(key);
    if (line && r.unitName) line.units.push(r.unitName);
    else lines.set(key, { ...r, units: r.unitName ? [r.unitName] : [] });
  }
  return [...lines.values()];
}

function Units({ units }: { units: string[] }) {
  const [open, setOpen] = useState(false);
  if (units.length <= 2) return <Typography.Text type="secondary">{units.join('、')}</Typography.Text>;
  return (
    <Typography.Text type="secondary">
      {open ? units.join('、') : `${units.slice(0, 2).join('、')} 等 ${units.length} 个单位`}
      <Button type="link" size="small" onClick={() => setOpen(!open)}>
        {open ? '收起' : '全部单位'}
      </Button>
    </Typography.Text>
  );
}

/** 待办提醒 on the home page: GET /api/reminders, 逾期 first, each linked to the ledger that lists it. */
export function RemindersCard() {
  const { data, loading } = useFetch<{ today: string; items: Reminder[] }>('/api/reminders');
  const [all, setAll] = useState(false);
  const items = data?.items ?? [];
  const lines = groupReminders(items);
  // a ledger line counts its items; a unit's report or answer counts one
  const overdue = items.filter((r) => r.state === 'overdue').reduce((n, r) => n + (r.count ?? 1), 0);
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
      <List<Line>
        size="small"
        loading={loading}
        dataSource={all ? lines : lines.slice(0, SHOWN)}
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
              {r.units.length > 0 && <Units units={r.units} />}
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
      {lines.length > SHOWN && (
        <Button type="link" size="small" onClick={() => setAll(!all)}>
          {all ? '收起' : `展开全部 ${lines.length} 项`}
        </Button>
      )}
    </Card>
  );
}
