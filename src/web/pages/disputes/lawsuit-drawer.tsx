import { UploadOutlined } from '@ant-design/icons';
import { Button, Descriptions, Drawer, Form, Input, Select, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../api/client.js';
import { notifySuccess, showError } from '../../api/feedback.js';
import { can, useAuth } from '../../auth/auth-context.js';
import { type ConcludeValues, concludeBody, type HearingValues, hearingBody } from './lawsuit-bodies.js';
import { appearerRoleOptions, excuseOptions, HEAD_ROLES, lawsuitOutcomeOptions } from './labels.js';
import type { HearingView, LawsuitDetail } from './types.js';
import { useSubmit } from '../../components/use-submit.js';
import { DateItem, TextItem, fieldRules } from '../../components/form-items.js';
import { type OpenedRecordProps, useRecord } from '../../components/record-drawer.js';
import { WholeTable } from '../../components/whole-table.js';

function HearingForm({ suit, onDone }: { suit: LawsuitDetail; onDone: () => void }) {
  const [form] = Form.useForm<HearingValues>();
  const role = Form.useWatch('appearerRole', form);
  const proof = Form.useWatch('proofSha256', form);
  const needsExcuse = role !== undefined && !HEAD_ROLES.has(role);
  const { busy, submit } = useSubmit(form, async (v) => {
    await api.post(`/api/disputes/lawsuits/${suit.id}/hearings`, hearingBody(suit.version, v));
    notifySuccess('已登记庭审');
    form.resetFields();
    onDone();
  });
  return (
    <Form form={form} layout="vertical" size="small" aria-label="登记庭审">
      <DateItem name="summonsServedOn" label="出庭通知书送达日期" required="请填写送达日期" />
      <DateItem name="hearingOn" label="开庭日期" required />
      <TextItem name="appearerName" label="出庭人员" required max={40} />
      <TextItem name="appearerTitle" label="职务" required max={60} />
      <Form.Item name="appearerRole" label="出庭人员身份" rules={fieldRules('出庭人员身份', true)}>
        <Select options={appearerRoleOptions} />
      </Form.Item>
      {needsExcuse && (
        <>
          <Typography.Paragraph type="warning">
            出庭人员不是行政机关负责人:应当说明负责人不能出庭的正当理由,并附加盖公章的书面说明(规定第八条、第九条)。
          </Typography.Paragraph>
          <Form.Item name="excuseGround" label="不能出庭的事由" rules={fieldRules('事由', true)}>
            <Select options={excuseOptions} />
          </Form.Item>
          <TextItem name="excuseNote" label="情况说明" required max={1000} rows={2} min={2} />
          <Form.Item label="盖章的书面说明" required>
            <input
              type="file"
              accept=".pdf,.jpg,.jpeg,.png"
              aria-label="上传证明材料"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                try {
                  const stored = await api.uploadRaw<{ sha256: string }>('/api/files', file, file.name);
                  form.setFields([{ name: 'proofSha256', value: stored.sha256, errors: [] }]);
                } catch (err) {
                  showError(err);
                }
              }}
            />
            {proof && (
              <Tag color="green" icon={<UploadOutlined />}>
                已上传
              </Tag>
            )}
            <Form.Item name="proofSha256" noStyle rules={[{ required: true, message: '请上传证明材料' }]}>
              <Input type="hidden" />
            </Form.Item>
          </Form.Item>
        </>
      )}
      <Button type="primary" loading={busy} onClick={submit}>
        登记庭审
      </Button>
    </Form>
  );
}

function ConcludeForm({ suit, onDone }: { suit: LawsuitDetail; onDone: () => void }) {
  const [form] = Form.useForm<ConcludeValues>();
  const { busy, submit } = useSubmit(form, async (v) => {
    await api.post(`/api/disputes/lawsuits/${suit.id}/conclude`, concludeBody(suit.version, v));
    notifySuccess('已登记裁判结果');
    onDone();
  });
  return (
    <Form
      form={form}
      layout="vertical"
      size="small"
      initialValues={{ concludedOn: dayjs() }}
      aria-label="登记裁判结果"
    >
      <Form.Item name="outcome" label="结果" rules={[{ required: true, message: '请选择结果' }]}>
        <Select options={lawsuitOutcomeOptions} />
      </Form.Item>
      <DateItem name="concludedOn" label="结案日期" required="请选择日期" />
      <DateItem name="servedOn" label="裁判文书送达日期(上诉期限自此起算)" />
      <Button type="primary" loading={busy} onClick={submit}>
        登记裁判结果
      </Button>
    </Form>
  );
}

/** One instance of a lawsuit: the parties, its hearings (the 出庭 register), the result, next acts. */
export function LawsuitDrawer({ id, onClose, onChanged }: OpenedRecordProps) {
  const { me } = useAuth();
  const { record: s, loading, reload } = useRecord<LawsuitDetail>('/api/disputes/lawsuits', id);
  const done = () => {
    reload();
    onChanged();
  };
  const editable = can(me, 'disputes:litigation:edit');
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={720}
      title={s ? `行政应诉 ${s.courtCaseNo}` : '行政应诉'}
    >
      {loading && !s && <Spin />}
      {s && (
        <>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
            <Descriptions.Item label="原告">{s.plaintiff}</Descriptions.Item>
            <Descriptions.Item label="被告">
              {s.orgName}
              {s.coDefendantName && `、${s.coDefendantName}(共同被告)`}
            </Descriptions.Item>
            <Descriptions.Item label="法院">{s.court}</Descriptions.Item>
            <Descriptions.Item label="审级">{s.instanceLabel}</Descriptions.Item>
            <Descriptions.Item label="立案日期">{s.filedOn}</Descriptions.Item>
            <Descriptions.Item label="状态">
              <Tag>{s.statusLabel}</Tag>
              {s.lost && <Tag color="red">败诉</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label="被诉行政行为" span={2}>
              {s.contestedAct}
            </Descriptions.Item>
            <Descriptions.Item label="诉讼请求" span={2}>
              {s.claims}
            </Descriptions.Item>
            {s.outcomeLabel && (
              <Descriptions.Item label="结果">{`${s.outcomeLabel} ${s.concludedOn ?? ''}`}</Descriptions.Item>
            )}
            {s.appealDueOn && <Descriptions.Item label="上诉期限">{s.appealDueOn}</Descriptions.Item>}
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            庭审与出庭
          </Typography.Title>
          <WholeTable<HearingView>
            rowKey="id"
            dataSource={s.hearingList}
            scrollX={600}
            columns={[
              { title: '开庭日期', dataIndex: 'hearingOn', width: 100 },
              {
                title: '通知送达',
                key: 'summons',
                width: 130,
                render: (_, h) => (
                  <>
                    {h.summonsServedOn}
                    {h.summonsLate && <Tag color="orange">不足3日</Tag>}
                  </>
                ),
              },
              { title: '出庭人员', key: 'who', render: (_, h) => `${h.appearerName}(${h.appearerTitle})` },
              {
                title: '身份',
                key: 'role',
                render: (_, h) => (
                  <>
                    {h.appearerRoleLabel}{' '}
                    {h.countsAsHead ? (
                      <Tag color="green">负责人出庭</Tag>
                    ) : (
                      <Tag>{h.excuseGroundLabel ?? '未出庭'}</Tag>
                    )}
                  </>
                ),
              },
            ]}
          />
          {editable && s.status === 'pending' && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                登记庭审
              </Typography.Title>
              <HearingForm suit={s} onDone={done} />
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                登记裁判结果
              </Typography.Title>
              <ConcludeForm suit={s} onDone={done} />
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
