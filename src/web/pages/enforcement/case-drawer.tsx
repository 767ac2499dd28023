import { Descriptions, Drawer, List, Spin, Tag, Timeline, Typography } from 'antd';
import { useFetch } from '../../components/use-fetch.js';
import { DueTag } from './due-tag.js';
import type { CaseDetail } from './types.js';

/** One case: its facts, statutory clocks, review gate and the timeline of its action log. */
export function CaseDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { data, loading } = useFetch<CaseDetail>(id ? `/api/enforcement/cases/${id}` : null);
  const c = data && data.id === id ? data : undefined;
  return (
    <Drawer open={id !== null} onClose={onClose} width={640} title={c ? c.caseNo : '案件详情'}>
      {loading && !c && <Spin />}
      {c && (
        <>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="当事人">{c.partyName}</Descriptions.Item>
            <Descriptions.Item label="程序">{c.procedureLabel}</Descriptions.Item>
            <Descriptions.Item label="办案单位">{c.orgName}</Descriptions.Item>
            <Descriptions.Item label="状态">
              <Tag>{c.statusLabel}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="执法人员">
              {c.handlers.map((h) => `${h.name}(${h.certificateNumber ?? '无证'})`).join('、')}
            </Descriptions.Item>
            <Descriptions.Item label="处罚">
              {c.penaltyLabels.join('、') || '—'}
              {c.amount ? ` ${c.amount.toLocaleString('zh-CN')} 元` : ''}
            </Descriptions.Item>
            <Descriptions.Item label="案情" span={2}>
              {c.facts}
            </Descriptions.Item>
            <Descriptions.Item label="法制审核" span={2}>
              {c.majorReasons.length > 0 ? (
                <>
                  <Tag color={c.reviewed ? 'green' : 'red'}>
                    {c.reviewed ? '已审核通过' : '重大案件,决定前须法制审核'}
                  </Tag>
                  {c.majorReasons.join(';')}
                </>
              ) : (
                <span>{c.reviewed ? '已审核' : '非重大案件'}</span>
              )}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            法定期限
          </Typography.Title>
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
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            执法全过程
          </Typography.Title>
          <Timeline
            items={c.actions.map((a) => ({
              children: (
                <span>
                  {a.date} {a.label}
                  {a.actorName ? `(${a.actorName})` : ''}
                  {a.data.opinion ? `:${a.data.opinion}` : ''}
                </span>
              ),
            }))}
          />
          {c.publication && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                公示 <Tag>{c.publication.statusLabel}</Tag>
                {c.publication.status === 'pending' && c.publication.dueState && (
                  <DueTag state={c.publication.dueState} due={c.publication.dueOn} />
                )}
                {c.publication.late && <Tag color="red">超期公示</Tag>}
              </Typography.Title>
              {c.publication.withheldReason && (
                <Typography.Text type="secondary">{c.publication.withheldReason}</Typography.Text>
              )}
              {c.publication.content && (
                <Descriptions size="small" column={1} bordered title="公众看到的内容(已脱敏)">
                  <Descriptions.Item label="决定书文号">
                    {c.publication.content.decisionNo ?? c.publication.content.caseNo}
                  </Descriptions.Item>
                  <Descriptions.Item label="当事人">
                    {c.publication.content.partyName}
                    {c.publication.content.partyUscc ? `(${c.publication.content.partyUscc})` : ''}
                  </Descriptions.Item>
                  <Descriptions.Item label="违法事实">{c.publication.content.facts}</Descriptions.Item>
                  <Descriptions.Item label="处罚依据">{c.publication.content.basis ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label="处罚内容">
                    {c.publication.content.penalties.join('、')}
                    {c.publication.content.amount
                      ? ` ${c.publication.content.amount.toLocaleString('zh-CN')} 元`
                      : ''}
                  </Descriptions.Item>
                  <Descriptions.Item label="处罚机关">{c.publication.content.orgName}</Descriptions.Item>
                  <Descriptions.Item label="决定日期">{c.publication.content.decidedOn}</Descriptions.Item>
                </Descriptions>
              )}
            </>
          )}
          {c.allowedActions.length > 0 && (
            <Typography.Text type="secondary">
              可办理:{c.allowedActions.map((a) => a.label).join('、')}
            </Typography.Text>
          )}
        </>
      )}
    </Drawer>
  );
}
