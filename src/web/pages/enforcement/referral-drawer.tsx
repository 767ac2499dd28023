import { Alert, Descriptions, Drawer, List, Spin, Tag, Timeline, Typography } from 'antd';
import { can, useAuth } from '../../auth/auth-context.js';
import { formatInstant } from '../../components/ledger.js';
import { ReferralActionForm } from './referral-action-form.js';
import { ProvisionalTag } from './due-tag.js';
import { ReferralDueTag } from './referral-due-tag.js';
import type { ReferralDetail } from './referral-types.js';
import { type OpenedRecordProps, useRecord } from '../../components/record-drawer.js';
import { NextActs } from '../../components/next-acts.js';

const OWNER = { agency: '本机关', police: '公安机关', option: '可选' } as const;

/** One referral: the report, the clocks of the 规定, the timeline and the allowed next acts as forms. */
export function ReferralDrawer({ id, onClose, onChanged }: OpenedRecordProps) {
  const { me } = useAuth();
  const { record: r, loading, reload } = useRecord<ReferralDetail>('/api/enforcement/referrals', id);
  return (
    <Drawer open={id !== null} onClose={onClose} width={680} title={r ? `移送 ${r.caseNo}` : '移送详情'}>
      {loading && !r && <Spin />}
      {r && (
        <>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
            <Descriptions.Item label="当事人">{r.partyName}</Descriptions.Item>
            <Descriptions.Item label="涉嫌罪名">{r.suspectedCrime}</Descriptions.Item>
            <Descriptions.Item label="移送机关">{r.orgName}</Descriptions.Item>
            <Descriptions.Item label="状态">
              <Tag>{r.statusLabel}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="专案组">
              {r.team.map((t) => `${t.name}(${t.certificateNumber ?? '无证'})`).join('、')}
            </Descriptions.Item>
            <Descriptions.Item label="批准至移送">
              {r.handoverHours === null ? '—' : `${r.handoverHours} 小时`}
              {r.handoverLate && (
                <Tag color="red" style={{ marginLeft: 4 }}>
                  超过 24 小时
                </Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label="涉嫌犯罪事实" span={2}>
              {r.facts}
            </Descriptions.Item>
            <Descriptions.Item label="证据材料" span={2}>
              {r.evidence.map((e) => e.name).join('、')}
            </Descriptions.Item>
          </Descriptions>
          {r.penaltyNote && <Alert type="info" showIcon style={{ marginTop: 12 }} message={r.penaltyNote} />}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            法定期限
          </Typography.Title>
          <List
            size="small"
            dataSource={r.dues}
            renderItem={(d) => (
              <List.Item>
                <span>
                  <Tag>{OWNER[d.owner]}</Tag>
                  {d.label}
                  {d.provisionalReason && <ProvisionalTag reason={d.provisionalReason} />}
                </span>
                <ReferralDueTag state={d.state} dueAt={d.dueAt} hours={d.kind === 'handover'} late={d.late} />
              </List.Item>
            )}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            办理记录
          </Typography.Title>
          <Timeline
            items={r.actions.map((a) => ({
              key: a.seq,
              children: (
                <>
                  <b>{a.label}</b> {a.at ? formatInstant(a.at) : a.date}{' '}
                  <Typography.Text type="secondary">{a.actorName}</Typography.Text>
                  {Object.entries(a.data).length > 0 && (
                    <div style={{ color: '#666' }}>
                      {Object.values(a.data)
                        .map((v) => (Array.isArray(v) ? v.join('、') : String(v)))
                        .join(';')}
                    </div>
                  )}
                </>
              ),
            }))}
          />
          {r.allowedActions.length > 0 && can(me, 'enforcement:referral:edit') && (
            <>
              <Typography.Title level={5}>下一步办理</Typography.Title>
              <NextActs
                actions={r.allowedActions}
                version={r.version}
                onDone={() => {
                  reload();
                  onChanged();
                }}
                form={(next, done) => (
                  <ReferralActionForm referral={r} action={next.action} label={next.label} onDone={done} />
                )}
              />
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
