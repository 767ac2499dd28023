import { Alert, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { Link } from 'react-router-dom';
import { useAuth, useMe } from '../auth/auth-context.js';
import { dataScopeLabels } from '../labels.js';
import type { Me } from '../api/types.js';
import { useVisibleModules } from '../visible-modules.js';
import type { HomeQueue } from '../home-queues.js';
import { ClearQueues, type QueueAnswer, QueueCard, useQueueAnswers } from './queue-card.js';
import { RemindersCard } from './reminders-card.js';

const Dashboard = lazy(() => import('./report/dashboard-page.js'));

/**
 * Whoever only reads (and approves what others prepared) — the county's leaders — lands on the
 * 驾驶舱; everyone who records or reviews lands on their work queues.
 */
export function readsOnly(me: Pick<Me, 'permissions'>): boolean {
  return (
    me.permissions.includes('planning:metric:list') &&
    me.permissions.every((p) => p.endsWith(':list') || p === 'planning:report:approve')
  );
}

const urgentNow = (q: HomeQueue, answers: Record<string, QueueAnswer | undefined>) =>
  q.tone === 'urgent' && (answers[q.key]?.total ?? 0) > 0;

function greeting(hour: number): string {
  if (hour < 6) return '夜深了';
  if (hour < 12) return '上午好';
  if (hour < 14) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

export default function HomePage() {
  const me = useMe();
  const { scopeOrgs, orgId } = useAuth();
  const all = useVisibleModules();
  const visible = all.filter((m) => m.key !== 'home' && m.routes.some((r) => !r.hidden));
  const queues = useMemo(() => all.flatMap((m) => m.queues ?? []), [all]);
  const answers = useQueueAnswers(queues);
  // queues with work (and those still counting) as cards, the urgent ones first; the clear ones in one line
  const busy = queues
    .filter((q) => answers[q.key]?.total !== 0)
    .sort((a, b) => Number(urgentNow(b, answers)) - Number(urgentNow(a, answers)));
  const clear = queues.filter((q) => answers[q.key]?.total === 0);
  const leader = readsOnly(me);
  const scopeName = orgId ? scopeOrgs.find((o) => o.id === orgId)?.name : undefined;
  const today = new Date().toLocaleDateString('zh-CN', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'long',
    timeZone: 'Asia/Shanghai',
  });

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {greeting(new Date().getHours())},{me.displayName}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          今天是{today}
        </Typography.Paragraph>
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 2, lg: 4, xl: 4, xxl: 4 }}>
          <Descriptions.Item label="所在机构">{me.orgName}</Descriptions.Item>
          <Descriptions.Item label="角色">
            {me.roles.length === 0 ? '未分配' : me.roles.map((r) => <Tag key={r.code}>{r.name}</Tag>)}
          </Descriptions.Item>
          <Descriptions.Item label="数据范围">{dataScopeLabels[me.dataScope]}</Descriptions.Item>
          <Descriptions.Item label="当前查看">{scopeName ?? '全部范围'}</Descriptions.Item>
        </Descriptions>
      </Card>
      {me.permissions.length === 0 && (
        <Alert
          type="info"
          showIcon
          message="您的账号尚未分配可办理的业务"
          description="请联系本单位的系统管理员,在“角色权限”中为您分配角色后重新登录。"
        />
      )}
      {queues.length > 0 && (
        <section aria-label="我的待办">
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            我的待办
          </Typography.Title>
          <Row gutter={[12, 12]}>
            {busy.map((q) => (
              <Col key={q.key} xs={24} md={12} xl={8}>
                <QueueCard queue={q} answer={answers[q.key]} />
              </Col>
            ))}
          </Row>
          {busy.length === 0 && (
            <Typography.Paragraph type="secondary">今天没有待办的事项。</Typography.Paragraph>
          )}
          <div style={{ marginTop: 12 }}>
            <ClearQueues queues={clear} />
          </div>
        </section>
      )}
      {leader ? (
        <Suspense fallback={null}>
          <Dashboard />
        </Suspense>
      ) : (
        visible.length > 0 && <RemindersCard />
      )}
      <Row gutter={[16, 16]}>
        {(leader ? [] : visible).map((m) => (
          <Col key={m.key} xs={24} sm={12} lg={8} xl={6}>
            <Card
              size="small"
              title={
                <Space>
                  {m.icon}
                  {m.title}
                </Space>
              }
              style={{ height: '100%' }}
            >
              <Typography.Paragraph type="secondary">{m.description}</Typography.Paragraph>
              <Space wrap size={[12, 4]}>
                {m.routes
                  .filter((r) => !r.hidden)
                  .map((r) => (
                    <Link key={r.path} to={r.path}>
                      {r.title}
                    </Link>
                  ))}
              </Space>
            </Card>
          </Col>
        ))}
      </Row>
    </Space>
  );
}
