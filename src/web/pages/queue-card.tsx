import { Badge, Card, List, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { showError } from '../api/feedback.js';
import type { HomeQueue, QueueItem } from '../home-queues.js';
import { DueTag } from './enforcement/due-tag.js';

/** One work queue on the home page: its count, its first lines, and the ledger holding them all. */
export function QueueCard({ queue }: { queue: HomeQueue }) {
  const [answer, setAnswer] = useState<{ total: number; items: QueueItem[] } | null>(null);
  useEffect(() => {
    let live = true;
    queue
      .load()
      .then((a) => {
        if (live) setAnswer(a);
      })
      .catch((e: unknown) => {
        if (live) {
          setAnswer({ total: 0, items: [] });
          showError(e);
        }
      });
    return () => {
      live = false;
    };
  }, [queue]);
  const total = answer?.total ?? 0;
  const urgent = queue.tone === 'urgent' && total > 0;
  return (
    <Card
      size="small"
      data-testid={`queue-${queue.key}`}
      title={
        <Space>
          <span>{queue.title}</span>
          {answer && (
            <Badge
              count={total}
              showZero
              overflowCount={9999}
              color={total === 0 ? '#8c8c8c' : urgent ? '#cf1322' : '#1677ff'}
              aria-label={`${total} 件`}
            />
          )}
        </Space>
      }
      extra={total > 0 ? <Link to={queue.link}>查看全部</Link> : null}
      style={{ height: '100%' }}
    >
      <List<QueueItem>
        size="small"
        loading={answer === null}
        dataSource={answer?.items ?? []}
        locale={{ emptyText: '暂无' }}
        renderItem={(i) => (
          <List.Item style={{ display: 'block', paddingInline: 0 }}>
            <Link to={i.link}>{i.label}</Link>
            <div>
              <Space wrap size={[6, 0]}>
                {i.due && i.due.state !== 'normal' && <DueTag state={i.due.state} due={i.due.due} />}
                {i.detail && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {i.detail}
                  </Typography.Text>
                )}
              </Space>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
