import {
  Button,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Tag,
  Timeline,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useLocation, useParams } from 'react-router-dom';
import { can, useAuth } from '../../auth/auth-context.js';
import { api, downloadFile } from '../../api/client.js';
import { notifySuccess, showError } from '../../api/feedback.js';
import { applyServerError } from '../../api/form-errors.js';
import { PageCard } from '../../components/ledger.js';
import { useFetch } from '../../components/use-fetch.js';
import { DueTag } from './due-tag.js';
import { type FieldMeta, type ItemDetail, type KindMeta, kindOf, kinds } from './types.js';
import { DateItem } from '../../components/form-items.js';
import { useSending } from '../../components/use-submit.js';
import { WholeTable } from '../../components/whole-table.js';

const DUE_STATE: Record<string, { color: string; text: string }> = {
  met: { color: 'green', text: '按期' },
  late: { color: 'red', text: '超期办理' },
  window: { color: 'default', text: '当事人期限' },
  normal: { color: 'blue', text: '进行中' },
  dueSoon: { color: 'orange', text: '临期' },
  overdue: { color: 'red', text: '逾期' },
};

/** 答复书 / 告知书 generated from the record, offered once the act they rest on is recorded. */
function Letters({ path, item }: { path: string; item: ItemDetail }) {
  const has = (action: string) => item.timeline.some((t) => t.action === action);
  const letters: { label: string; query: Record<string, string> }[] = [];
  if (path === 'disclosure' && has('answer')) letters.push({ label: '答复书', query: {} });
  if (path === 'petitions' && has('accept'))
    letters.push({ label: '受理告知书', query: { type: 'acceptance' } });
  if (path === 'petitions' && has('answer'))
    letters.push({ label: '处理意见书', query: { type: 'opinion' } });
  return (
    <Space wrap>
      {letters.map((l) => (
        <Button
          key={l.label}
          size="small"
          onClick={() =>
            void downloadFile(
              `/api/requests/${path}/${item.id}/letter.docx`,
              l.query,
              `${l.label}.docx`,
            ).catch(showError)
          }
        >
          生成{l.label}(Word)
        </Button>
      ))}
    </Space>
  );
}

/** One item: its facts, its timeline, its clocks, and the next act. */
export default function RequestItemPage() {
  const path = kindOf(useLocation().pathname);
  const { id = '' } = useParams();
  const { me } = useAuth();
  const base = `/api/requests/${path}`;
  const meta = useFetch<KindMeta>(`${base}/meta`);
  const item = useFetch<ItemDetail>(`${base}/${id}`);
  const d = item.data;
  const m = meta.data;
  const fieldLabel = new Map((m?.fields ?? []).map((f) => [f.key, f]));
  const show = (key: string, v: unknown) => {
    const f = fieldLabel.get(key);
    const text =
      typeof v === 'boolean'
        ? v
          ? '是'
          : '否'
        : (f?.options?.find((o) => o.value === v)?.label ?? String(v));
    return `${f?.label ?? key}:${text}`;
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <PageCard
        title={<Link to={`/requests/${path}`}>{kinds[path].title}台账</Link>}
        extra={d && <Letters path={path} item={d} />}
      >
        {d && (
          <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label="编号">{d.receiptNo}</Descriptions.Item>
            <Descriptions.Item label="状态">
              {d.statusLabel} {d.extended && <Tag>已延期</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label="事项" span={2}>
              {d.subject}
            </Descriptions.Item>
            <Descriptions.Item
              label={path === 'proposals' ? '代表委员' : path === 'mediation' ? '当事人' : '申请人'}
            >
              {d.applicantName}
            </Descriptions.Item>
            <Descriptions.Item label="联系方式">{d.applicantContact ?? ''}</Descriptions.Item>
            <Descriptions.Item label="办理单位">{d.orgName}</Descriptions.Item>
            <Descriptions.Item label={path === 'proposals' ? '交办日期' : '收到日期'}>
              {d.receivedOn}
            </Descriptions.Item>
            <Descriptions.Item label="渠道或类型">{d.channelLabel}</Descriptions.Item>
            <Descriptions.Item label="类别">{d.categoryLabel}</Descriptions.Item>
            <Descriptions.Item label="结果">{d.outcomeLabel ?? ''}</Descriptions.Item>
            <Descriptions.Item label="当前期限">
              <DueTag state={d.dueState} due={d.dueOn} provisional={d.dueProvisional} />
            </Descriptions.Item>
          </Descriptions>
        )}
      </PageCard>
      <PageCard title="法定期限">
        <WholeTable
          rowKey={(r) => `${r.kind}-${r.dueOn}`}
          dataSource={d?.dues ?? []}
          columns={[
            { title: '期限', dataIndex: 'label', key: 'label' },
            {
              title: '届满日',
              dataIndex: 'dueOn',
              key: 'dueOn',
              width: 120,
              render: (v: string, r) => `${v}${r.provisional ? '(暂定)' : ''}`,
            },
            { title: '办理日', dataIndex: 'metOn', key: 'metOn', width: 110 },
            {
              title: '情况',
              dataIndex: 'state',
              key: 'state',
              width: 100,
              render: (s: string) => <Tag color={DUE_STATE[s]?.color}>{DUE_STATE[s]?.text ?? ''}</Tag>,
            },
          ]}
        />
      </PageCard>
      <PageCard title="办理记录">
        <Timeline
          items={(d?.timeline ?? []).map((t) => ({
            children: (
              <div>
                <strong>
                  {t.date} {t.actionLabel}
                </strong>
                <span style={{ color: '#888', marginLeft: 8 }}>{t.actorName}</span>
                {Object.entries(t.data).map(([k, v]) => (
                  <div key={k}>{show(k, v)}</div>
                ))}
              </div>
            ),
          }))}
        />
      </PageCard>
      {d && m && d.allowedActions.length > 0 && can(me, `${kinds[path].permission}:edit`) && (
        <PageCard title="办理">
          <ActionForm base={base} item={d} fields={m.fields} onDone={item.reload} />
        </PageCard>
      )}
    </Space>
  );
}

function ActionForm({
  base,
  item,
  fields,
  onDone,
}: {
  base: string;
  item: ItemDetail;
  fields: FieldMeta[];
  onDone: () => void;
}) {
  const [form] = Form.useForm();
  const { busy, run } = useSending();
  const submit = async (values: Record<string, unknown>) => {
    const data: Record<string, unknown> = {};
    const raw = (values.data ?? {}) as Record<string, unknown>;
    for (const f of fields) {
      const v = raw[f.key];
      if (v === undefined || v === null || v === '') continue;
      data[f.key] = f.type === 'date' ? (v as Dayjs).format('YYYY-MM-DD') : v;
    }
    await run(
      async () => {
        await api.post(`${base}/${item.id}/actions`, {
          version: item.version,
          action: values.action,
          date: (values.date as Dayjs).format('YYYY-MM-DD'),
          data,
        });
        notifySuccess('已记录');
        form.resetFields();
        onDone();
      },
      (e) => {
        applyServerError(form, e);
      },
    );
  };
  return (
    <Form
      form={form}
      layout="vertical"
      size="small"
      onFinish={submit}
      initialValues={{ date: dayjs() }}
      style={{ maxWidth: 720 }}
    >
      <Space wrap>
        <Form.Item name="action" label="办理环节" rules={[{ required: true, message: '请选择办理环节' }]}>
          <Select
            style={{ width: 220 }}
            options={item.allowedActions.map((a) => ({ value: a.action, label: a.label }))}
          />
        </Form.Item>
        <DateItem name="date" label="日期" required="请选择日期" />
      </Space>
      <Space wrap align="start">
        {fields.map((f) => (
          <Form.Item
            key={f.key}
            name={['data', f.key]}
            label={f.label}
            valuePropName={f.type === 'bool' ? 'checked' : 'value'}
          >
            {f.type === 'select' ? (
              <Select allowClear style={{ width: 220 }} options={f.options ?? []} />
            ) : f.type === 'number' ? (
              <InputNumber min={0} style={{ width: 140 }} />
            ) : f.type === 'bool' ? (
              <Switch />
            ) : f.type === 'date' ? (
              <DatePicker />
            ) : (
              <Input style={{ width: 220 }} />
            )}
          </Form.Item>
        ))}
      </Space>
      <Button type="primary" htmlType="submit" loading={busy}>
        记录
      </Button>
    </Form>
  );
}
