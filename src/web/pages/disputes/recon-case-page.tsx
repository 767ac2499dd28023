import { FileWordOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, List, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { downloadFile } from '../../api/client.js';
import { showError } from '../../api/feedback.js';
import { can, useAuth } from '../../auth/auth-context.js';
import { PageCard } from '../../components/ledger.js';
import { useFetch } from '../../components/use-fetch.js';
import { NextActs } from '../../components/next-acts.js';
import { DueTag } from '../enforcement/due-tag.js';
import { ReconActionForm } from './recon-action-form.js';
import type { ReconDetail, ReconDueView } from './types.js';

const OWNER = {
  office: '复议机构',
  respondent: '被申请人',
  applicant: '申请人',
  recipient: '收文单位',
} as const;

/** The documents the record makes (.docx), with the act that must be on the log first. */
export const RECON_DOCUMENTS = [
  { kind: 'correction-notice', label: '补正通知书', after: 'requestCorrection' },
  { kind: 'acceptance-notice', label: '受理通知书', after: 'accept' },
  { kind: 'answer-notice', label: '答复通知书', after: 'sendCopy' },
  { kind: 'decision', label: '行政复议决定书', after: 'decide' },
] as const;

function DueLine({ d }: { d: ReconDueView }) {
  const provisional = d.provisional ? '跨未公布节假日安排的年度,按法定节假日暂估' : null;
  let tag: React.ReactNode;
  if (d.state === 'met')
    tag = d.late ? <Tag color="volcano">已办(超期)</Tag> : <Tag color="green">已办结</Tag>;
  else if (d.state === 'paused') tag = <Tag color="purple">中止计时(自 {d.pausedSince})</Tag>;
  else if (d.state === 'lapsed') tag = <Tag>已过期未补正</Tag>;
  else tag = <DueTag state={d.state} due={d.dueOn ?? '—'} provisional={provisional} />;
  return (
    <List.Item>
      <span>
        <Tag>{OWNER[d.owner]}</Tag>
        {d.label}
        {d.pausedDays > 0 && <Tag color="purple">已中止 {d.pausedDays} 日</Tag>}
        {d.extendedDays > 0 && <Tag color="blue">已延长 {d.extendedDays} 日</Tag>}
      </span>
      <span>
        {d.dueOn && d.state !== 'normal' && d.state !== 'dueSoon' && d.state !== 'overdue' && (
          <Typography.Text type="secondary">期限 {d.dueOn} </Typography.Text>
        )}
        {tag}
      </span>
    </List.Item>
  );
}

/** One 复议 case: the application, its clocks (中止 and 延长 shown), the timeline, documents, next acts. */
export default function ReconCasePage() {
  const { id = '' } = useParams();
  const { me } = useAuth();
  const { data, loading, reload } = useFetch<ReconDetail>(`/api/disputes/reconsiderations/${id}`);
  const r = data && data.id === id ? data : undefined;
  if (!r) return loading ? <Spin /> : <Alert type="warning" message="案件不存在或无权查看" />;
  const done = new Set(r.actions.map((a) => a.action));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <PageCard
        title={
          <span>
            行政复议 {r.caseNo} <Tag color={r.suspended ? 'purple' : 'blue'}>{r.statusLabel}</Tag>
            {r.procedureLabel && <Tag>{r.procedureLabel}</Tag>}
            {r.precondition && <Tag color="gold">复议前置</Tag>}
          </span>
        }
        extra={
          <Space wrap>
            {RECON_DOCUMENTS.filter((d) => done.has(d.after)).map((d) => (
              <Button
                key={d.kind}
                icon={<FileWordOutlined />}
                onClick={() =>
                  downloadFile(
                    `/api/disputes/reconsiderations/${r.id}/documents/${d.kind}.docx`,
                    {},
                    `${d.label}.docx`,
                  ).catch(showError)
                }
              >
                {d.label}
              </Button>
            ))}
            <Link to="/disputes/reconsiderations">返回台账</Link>
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered>
          <Descriptions.Item label="申请人">{r.applicantName}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{r.applicantPhone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="被申请人">{r.orgName}</Descriptions.Item>
          <Descriptions.Item label="申请方式">
            {r.channelLabel}
            {r.receiptNo && <Typography.Text type="secondary">(回执号 {r.receiptNo})</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label="收到申请">{r.receivedOn}</Descriptions.Item>
          <Descriptions.Item label="申请期限">
            {r.applicationDueOn ?? '—'}
            {r.lateApplication && <Tag color="red">超过申请期限</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="被申请复议的行政行为" span={2}>
            {r.act.title} {r.act.documentNo ?? ''}({r.actKindLabel})
          </Descriptions.Item>
          <Descriptions.Item label="简易程序">{r.simpleGround ?? '不适用'}</Descriptions.Item>
          <Descriptions.Item label="复议请求" span={3}>
            {r.request}
          </Descriptions.Item>
          <Descriptions.Item label="事实和理由" span={3}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{r.reasons}</span>
          </Descriptions.Item>
          {r.normReview && (
            <Descriptions.Item label="附带审查" span={3}>
              {r.normReview.title}({r.normReview.issuer})
              {r.status === 'accepted' && !done.has('requestNormReview') && (
                <Typography.Text type="secondary">
                  :受理后办理“申请附带审查规范性文件”,案件中止至审查完毕
                </Typography.Text>
              )}
            </Descriptions.Item>
          )}
          <Descriptions.Item label="证据材料" span={3}>
            {r.attachments.map((a) => a.name).join('、') || '—'}
          </Descriptions.Item>
          {r.outcomeLabel && <Descriptions.Item label="决定类型">{r.outcomeLabel}</Descriptions.Item>}
          {r.daysToDecide !== null && (
            <Descriptions.Item label="审理天数">{r.daysToDecide} 日</Descriptions.Item>
          )}
        </Descriptions>
      </PageCard>
      <PageCard title="法定期限">
        <List size="small" dataSource={r.dues} renderItem={(d) => <DueLine d={d} />} />
      </PageCard>
      <PageCard title="办理记录">
        <Timeline
          items={r.actions.map((a) => ({
            key: a.seq,
            color: a.actorName === '系统' ? 'gray' : 'blue',
            children: (
              <>
                <b>{a.label}</b> {a.date} <Typography.Text type="secondary">{a.actorName}</Typography.Text>
                {Object.keys(a.data).length > 0 && (
                  <div style={{ color: '#595959', whiteSpace: 'pre-wrap' }}>
                    {Object.entries(a.data)
                      .filter(([k]) => k !== 'reviewId')
                      .map(([, v]) => v)
                      .map((v) => (Array.isArray(v) ? v.join('、') : String(v)))
                      .join(';')}
                  </div>
                )}
              </>
            ),
          }))}
        />
      </PageCard>
      {r.allowedActions.length > 0 && can(me, 'disputes:reconsideration:edit') && (
        <PageCard title="下一步办理">
          <NextActs
            actions={r.allowedActions}
            version={r.version}
            onDone={reload}
            form={(next, done) => (
              <ReconActionForm recon={r} action={next.action} label={next.label} onDone={done} />
            )}
          />
        </PageCard>
      )}
    </Space>
  );
}
