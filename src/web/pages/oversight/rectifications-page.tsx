import { UploadOutlined } from '@ant-design/icons';
import {
  Button,
  Descriptions,
  Drawer,
  Form,
  Select,
  Space,
  type TableColumnsType,
  Tag,
  Timeline,
  Upload,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { applyFormError, notifySuccess, showError } from '../../api/feedback.js';
import { can, useMe } from '../../auth/auth-context.js';
import { useDueParam } from '../../components/due-param.js';
import { ExportButton, FilterForm, PageCard } from '../../components/ledger.js';
import { useFetch } from '../../components/use-fetch.js';
import { useList } from '../../components/use-list.js';
import { DueTag } from './due-tag.js';
import { rectificationActionLabels, rectificationSourceLabels, rectificationStatusLabels } from './labels.js';
import { DueSelectFilter, SelectFilter, TextFilter } from '../../components/filter-fields.js';
import { LedgerTable } from '../../components/ledger-table.js';
import { DateItem, TextItem } from '../../components/form-items.js';
import { optionsOf } from '../../components/options.js';
import { useSending } from '../../components/use-submit.js';
import { useOpened } from '../../components/use-opened.js';

interface Item {
  id: string;
  orgName: string;
  issuerOrgName: string;
  source: string;
  sourceLabel: string;
  problem: string;
  measure: string;
  foundOn: string;
  dueOn: string;
  status: string;
  dueState: string;
  evidenceCount: number;
  closedOn: string | null;
  version: number;
}
interface Detail extends Item {
  actions: {
    seq: number;
    action: string;
    occurredOn: string;
    data: { measure?: string; note?: string; dueOn?: string };
    evidence: { sha256: string; name: string }[];
    actorName: string;
  }[];
}

const allowed: Record<string, string[]> = {
  open: ['plan', 'progress', 'complete', 'extend'],
  rectifying: ['plan', 'progress', 'complete', 'extend'],
  reported: ['return', 'close'],
  closed: [],
};
const officeActions = new Set(['return', 'extend', 'close']);

/** 整改台账: one ledger for findings of 督察, 评查, 监督意见书 and clues, with 临期/逾期 and Excel export. */
export default function RectificationsPage() {
  const due = useDueParam();
  const list = useList<Item>('/api/oversight/rectifications', { filters: { due } });
  const item = useOpened<string>(list.reload);
  const columns: TableColumnsType<Item> = [
    { title: '责任单位', dataIndex: 'orgName', key: 'org', sorter: true, width: 180 },
    {
      title: '问题来源',
      key: 'source',
      width: 150,
      render: (_, r) => (
        <span>
          {rectificationSourceLabels[r.source]}
          <br />
          <small>{r.sourceLabel}</small>
        </span>
      ),
    },
    { title: '问题', dataIndex: 'problem', key: 'problem' },
    { title: '发现日期', dataIndex: 'foundOn', key: 'foundOn', sorter: true, width: 110 },
    {
      title: '整改期限',
      key: 'dueOn',
      sorter: true,
      width: 140,
      render: (_, r) => (
        <Space size={4}>
          {r.dueOn}
          <DueTag state={r.dueState} />
        </Space>
      ),
    },
    {
      title: '状态',
      key: 'status',
      sorter: true,
      width: 120,
      render: (_, r) => (
        <Tag color={r.status === 'closed' ? 'green' : 'blue'}>{rectificationStatusLabels[r.status]}</Tag>
      ),
    },
    { title: '佐证', dataIndex: 'evidenceCount', key: 'evidence', width: 60 },
    {
      title: '',
      key: 'op',
      width: 70,
      render: (_, r) => (
        <Button size="small" type="link" onClick={() => item.open(r.id)}>
          办理
        </Button>
      ),
    },
  ];
  return (
    <PageCard
      title="整改台账"
      extra={
        <ExportButton
          path="/api/oversight/rectifications/export.xlsx"
          query={list.filters}
          filename="整改台账.xlsx"
        />
      }
    >
      <FilterForm onSearch={(q) => list.setFilters(q)}>
        <TextFilter name="q" label="问题" width={160} />
        <SelectFilter name="source" label="来源" options={optionsOf(rectificationSourceLabels)} width={170} />
        <SelectFilter name="status" label="状态" options={optionsOf(rectificationStatusLabels)} width={130} />
        <DueSelectFilter width={100} initialValue={due} />
      </FilterForm>
      <LedgerTable list={list} columns={columns} scrollX={960} />
      {item.opened && <RectificationDrawer id={item.opened} onClose={item.closeAndReload} />}
    </PageCard>
  );
}

function RectificationDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const me = useMe();
  const { data, reload } = useFetch<Detail>(`/api/oversight/rectifications/${id}`);
  const [form] = Form.useForm();
  const [files, setFiles] = useState<{ sha256: string; name: string }[]>([]);
  const { busy, run } = useSending();
  const action = Form.useWatch('action', form) as string | undefined;
  const actions = (data ? (allowed[data.status] ?? []) : []).filter((a) =>
    can(me, officeActions.has(a) ? 'oversight:rectification:close' : 'oversight:rectification:edit'),
  );
  const submit = async (values: { action: string; measure?: string; note?: string; dueOn?: Dayjs }) => {
    if (!data) return;
    await run(
      async () => {
        await api.post(`/api/oversight/rectifications/${id}/actions`, {
          action: values.action,
          version: data.version,
          ...(values.measure ? { measure: values.measure } : {}),
          ...(values.note ? { note: values.note } : {}),
          ...(values.dueOn ? { dueOn: values.dueOn.format('YYYY-MM-DD') } : {}),
          evidence: files,
        });
        notifySuccess(`已${rectificationActionLabels[values.action]}`);
        form.resetFields();
        setFiles([]);
        reload();
      },
      (e) => {
        applyFormError(form, e);
      },
    );
  };
  return (
    <Drawer open width={Math.min(640, window.innerWidth)} title="整改事项" onClose={onClose}>
      {data && (
        <>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="责任单位">{data.orgName}</Descriptions.Item>
            <Descriptions.Item label="问题来源">
              {rectificationSourceLabels[data.source]}:{data.sourceLabel}
            </Descriptions.Item>
            <Descriptions.Item label="问题">{data.problem}</Descriptions.Item>
            <Descriptions.Item label="整改措施">{data.measure || '(未填写)'}</Descriptions.Item>
            <Descriptions.Item label="整改期限">
              <Space>
                {data.dueOn}
                <DueTag state={data.dueState} />
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label="状态">{rectificationStatusLabels[data.status]}</Descriptions.Item>
            <Descriptions.Item label="交办单位">{data.issuerOrgName}</Descriptions.Item>
          </Descriptions>
          <Timeline
            style={{ marginTop: 16 }}
            items={data.actions.map((a) => ({
              children: (
                <div>
                  {a.occurredOn} {rectificationActionLabels[a.action]}({a.actorName})
                  {a.data.measure && <div>措施:{a.data.measure}</div>}
                  {a.data.note && <div>说明:{a.data.note}</div>}
                  {a.data.dueOn && <div>期限:{a.data.dueOn}</div>}
                  {a.evidence.map((e) => (
                    <div key={e.sha256}>佐证:{e.name}</div>
                  ))}
                </div>
              ),
            }))}
          />
          {actions.length > 0 && (
            <Form form={form} layout="vertical" onFinish={submit}>
              <Form.Item name="action" label="办理" rules={[{ required: true, message: '请选择办理事项' }]}>
                <Select options={actions.map((a) => ({ value: a, label: rectificationActionLabels[a] }))} />
              </Form.Item>
              {action === 'plan' && <TextItem name="measure" label="整改措施" required max={2000} rows={3} />}
              {action === 'extend' && <DateItem name="dueOn" label="延长至" required="请选择日期" />}
              <TextItem name="note" label="说明" max={2000} rows={2} />
              <Form.Item name="evidence" label="佐证材料">
                <Upload
                  multiple
                  customRequest={async ({ file, onSuccess, onError }) => {
                    try {
                      const f = file as File;
                      const stored = await api.uploadRaw<{ sha256: string }>('/api/files', f, f.name);
                      setFiles((prev) => [...prev, { sha256: stored.sha256, name: f.name }]);
                      onSuccess?.(stored);
                    } catch (e) {
                      showError(e);
                      onError?.(e as Error);
                    }
                  }}
                  onRemove={(f) => setFiles((prev) => prev.filter((x) => x.name !== f.name))}
                >
                  <Button icon={<UploadOutlined />}>上传</Button>
                </Upload>
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy}>
                提交
              </Button>
            </Form>
          )}
        </>
      )}
    </Drawer>
  );
}
