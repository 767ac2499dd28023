import { Badge, Card, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { showError } from '../api/feedback.js';
import type { HomeQueue, QueueItem } from '../home-queues.js';
import { DueTag } from './enforcement/due-tag.js';

export type QueueAnswer = { total: number; items: QueueItem[] };

/**
 * Every queue's answer, loaded side by side: undefined while a queue is being counted. A queue
 * that fails counts as empty (the error is shown once as a message).
 */
export function useQueueAnswers(queues: readonly HomeQueue[]): Record<string, QueueAnswer | undefined> {
  const [answers, setAnswers] = useState<Record<string, QueueAnswer>>({});
  useEffect(() => {
    let live = true;
    for (const q of queues)
      q.load()
        .catch((e: unknown) => {
          if (live) showError(e);
          return { total: 0, items: [] };
        })
        .then((a) => {
          if (live) setAnswers((prev) => ({ ...prev, [q.key]: a }));
        });
    return () => {
      live = false;
    };
  }, [queues]);
  return answers;
}

/** One work queue on the home page: its count, its first lines, and the ledger holding them all. */
export function QueueCard({ queue, answer }: { queue: HomeQueue; answer: QueueAnswer | undefined }) {
  const total = answer?.total ?? 0;
  const urgent = queue.tone === 'urgent' && total > 0;
  return (
    <Card
      size="small"
      data-testid={`queue-${queue.key}`}
      data-count={answer?.total}
      title={
        <Space>
          <span>{queue.title}</span>
          {answer && (
            <Badge
              count={total}
              showZero
              overflowCount={9999}
              color={total === 0 ? '#595959' : urgent ? '#cf1322' : '#0958d9'}
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
        loading={answer === undefined}
        dataSource={answer?.items ?? []}
        locale={{ emptyText: '暂无' }}
        renderItem={(i) => (
          <List.Item style={{ display: 'block', paddingInline: 0 }}>
            {/* a line of its own: a link inside a line of other text would need an underline (WCAG 1.4.1) */}
            <div>
              <Link to={i.link}>{i.label}</Link>
            </div>
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

/**
 * The queues that hold nothing today, in one line each a link to its ledger: a person sees at a
 * glance what is clear without scrolling past a wall of empty cards.
 */
export function ClearQueues({ queues }: { queues: readonly HomeQueue[] }) {
  if (queues.length === 0) return null;
  return (
    <Card size="small" title="暂无待办" data-testid="queues-clear">
      <Space wrap size={[8, 8]}>
        {queues.map((q) => (
          <Link key={q.key} to={q.link} data-testid={`queue-${q.key}`} data-count={0}>
            <Tag style={{ marginInlineEnd: 0 }}>{q.title} 0</Tag>
          </Link>
        ))}
      </Space>
    </Card>
  );
}
