import { PlusOutlined } from '@ant-design/icons';
import {
  Button,
  DatePicker,
  Drawer,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  type TableColumnsType,
  Tag,
  TreeSelect,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, downloadFile } from '../../api/client.js';
import { applyFormError, notifySuccess, sendAction, showError, validated } from '../../api/feedback.js';
import { can, useMe } from '../../auth/auth-context.js';
import { useDueParam } from '../../components/due-param.js';
import { ExportButton, FilterForm, PageCard } from '../../components/ledger.js';
import { useOrgTree } from '../../components/org-tree.js';
import { useFetch } from '../../components/use-fetch.js';
import { useList } from '../../components/use-list.js';
import type { DataCall, DataCallRow, Submission, SubmissionLine, SubmissionSummary } from './types.js';
import { deadlineMark, submissionColor } from './deadline-tag.js';
import { openColumn, statusColumn } from '../../components/columns.js';
import { DueSelectFilter } from '../../components/filter-fields.js';
import { LedgerTable } from '../../components/ledger-table.js';
import { useSending } from '../../components/use-submit.js';
import { useOpened } from '../../components/use-opened.js';
import { WholeTable } from '../../components/whole-table.js';

interface MetricDef {
  id: string;
  name: string;
  unit: string;
  source: 'computed' | 'reported';
  domainName: string;
}

const statusColor = { draft: 'default', open: 'processing', closed: 'default' } as const;

interface CallForm {
  title: string;
  period: [Dayjs, Dayjs];
  deadline: Dayjs;
  targetOrgIds: string[];
  metricIds: string[];
}

function CreateCall({ onDone }: { onDone: () => void }) {
  const [form] = Form.useForm<CallForm>();
  const [open, setOpen] = useState(false);
  const { busy, run } = useSending();
  const { treeData } = useOrgTree();
  const { data: defs } = useFetch<MetricDef[]>(open ? '/api/metric-definitions' : null);
  const submit = async () => {
    const v = await validated(form);
    if (!v || busy) return;
    await run(
      async () => {
        await api.post('/api/data-calls', {
          title: v.title,
          periodFrom: v.period[0].format('YYYY-MM-DD'),
          periodTo: v.period[1].format('YYYY-MM-DD'),
          deadline: v.deadline.format('YYYY-MM-DD'),
          targetOrgIds: v.targetOrgIds,
          items: v.metricIds.map((metricId) => ({ metricId })),
        });
        notifySuccess('已保存为草稿');
        setOpen(false);
        form.resetFields();
        onDone();
      },
      (e) => {
        applyFormError(form, e);
      },
    );
  };
  return (
    <>
      <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        制定填报任务
      </Button>
      <Modal
        open={open}
        title="制定数据填报任务"
        width={720}
        onOk={submit}
        okText="保存草稿"
        confirmLoading={busy}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" size="small">
          <Form.Item name="title" label="任务名称" rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          {/* full width, one under the other: at 390 px the range picker fits the dialog */}
          <Form.Item name="period" label="统计期" rules={[{ required: true }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="deadline" label="截止日期" rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="targetOrgIds"
            label="填报单位"
            extra="点选的单位本身填报(选街道即由街道填报,不含其下属单位)"
            rules={[{ required: true }]}
          >
            {/* no cascading check boxes: a click picks that unit, never its children instead */}
            <TreeSelect treeData={treeData} multiple showSearch treeNodeFilterProp="title" />
          </Form.Item>
          <Form.Item
            name="metricIds"
            label="指标(平台计算的指标只读显示,不要求填报)"
            rules={[{ required: true }]}
          >
            {/* the list as wide as the field (inside the window at 390 px), a long name wrapped onto a
                second line rather than cut off */}
            <Select
              mode="multiple"
              showSearch
              optionFilterProp="label"
              popupMatchSelectWidth
              optionRender={(o) => (
                <span style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}>{o.label}</span>
              )}
              options={(defs ?? []).map((d) => ({
                value: d.id,
                label: `${d.domainName} · ${d.name}(${d.unit})${d.source === 'computed' ? ' [计算]' : ''}`,
              }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function CallDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const { data, reload } = useFetch<DataCall>(`/api/data-calls/${id}`);
  const me = useMe();
  const act = (path: string, body: unknown, done: string) =>
    sendAction(() => api.post(path, body), done, reload);
  const returnWithReason = (s: SubmissionSummary) => {
    let reason = '';
    Modal.confirm({
      title: `退回 ${s.orgName} 的填报`,
      content: (
        <Input.TextArea rows={3} placeholder="退回理由(必填)" onChange={(e) => (reason = e.target.value)} />
      ),
      onOk: () => act(`/api/data-call-submissions/${s.id}/return`, { version: s.version, reason }, '已退回'),
    });
  };
  const columns: TableColumnsType<SubmissionSummary> = [
    { title: '单位', dataIndex: 'orgName', key: 'org' },
    statusColumn(submissionColor, 120),
    { title: '退回理由', dataIndex: 'returnReason', key: 'reason' },
    {
      title: '',
      key: 'act',
      width: 140,
      render: (_, s) =>
        s.status === 'submitted' && can(me, 'planning:dataCall:review') ? (
          <Space>
            <Popconfirm
              title={`采纳 ${s.orgName} 的填报?`}
              description="采纳后数据计入指标和年度报告;请先展开本行核对所填数据。"
              onConfirm={() =>
                act(`/api/data-call-submissions/${s.id}/accept`, { version: s.version }, '已采纳')
              }
            >
              <Button type="link" size="small" style={{ padding: 0 }}>
                采纳
              </Button>
            </Popconfirm>
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => returnWithReason(s)}>
              退回
            </Button>
          </Space>
        ) : null,
    },
  ];
  return (
    <Drawer open width={Math.min(860, window.innerWidth)} title={data?.title ?? '填报任务'} onClose={onClose}>
      {data && (
        <>
          <p>
            统计期 {data.periodFrom} 至 {data.periodTo},截止{' '}
            {deadlineMark(data.deadline, data.status === 'open', <span>{data.deadline}</span>)}{' '}
            {data.status === 'draft' && (
              <Button
                size="small"
                type="primary"
                onClick={() => act(`/api/data-calls/${id}/open`, { version: data.version }, '已下发')}
              >
                下发
              </Button>
            )}
            {data.status === 'open' && (
              <Button
                size="small"
                onClick={() => act(`/api/data-calls/${id}/close`, { version: data.version }, '已关闭')}
              >
                关闭
              </Button>
            )}
          </p>
          <WholeTable
            rowKey="id"
            scrollX="max-content"
            dataSource={data.items}
            columns={[
              { title: '指标', dataIndex: 'name', key: 'name' },
              { title: '单位', dataIndex: 'unit', key: 'unit', width: 70 },
              {
                title: '来源',
                key: 'src',
                width: 80,
                render: (_, i) => (i.source === 'computed' ? <Tag color="blue">计算</Tag> : <Tag>填报</Tag>),
              },
              { title: '口径', dataIndex: 'definition', key: 'def', ellipsis: true },
            ]}
          />
          <Space style={{ marginTop: 16, marginBottom: 8 }} wrap>
            <h4 style={{ margin: 0 }}>各单位填报</h4>
            <ExportButton
              path={`/api/data-calls/${id}/summary.xlsx`}
              query={{}}
              filename={`${data.title}-填报汇总.xlsx`}
              label="导出填报汇总"
            />
          </Space>
          <WholeTable<SubmissionSummary>
            rowKey="id"
            scrollX="max-content"
            dataSource={data.submissions}
            columns={columns}
            expandable={{
              expandedRowRender: (s) => <SubmittedFigures id={s.id} />,
              rowExpandable: (s) => s.status !== 'pending',
            }}
          />
        </>
      )}
    </Drawer>
  );
}

/** The evidence of a filed line: its uploaded file (downloaded on click) or its text. */
export function EvidenceLink({ submissionId, line }: { submissionId: string; line: SubmissionLine }) {
  if (!line.evidenceHash) return <span>{line.evidenceText ?? '—'}</span>;
  const name = line.evidenceText || '佐证材料';
  return (
    <Button
      type="link"
      size="small"
      style={{ padding: 0 }}
      onClick={() =>
        downloadFile(`/api/data-call-submissions/${submissionId}/evidence/${line.id}`, {}, name).catch(
          showError,
        )
      }
    >
      {name}
    </Button>
  );
}

/** What a unit submitted, line by line, as the office reviews it before 采纳 or 退回. */
function SubmittedFigures({ id }: { id: string }) {
  const { data, loading } = useFetch<Submission>(`/api/data-call-submissions/${id}`);
  return (
    <WholeTable<SubmissionLine>
      rowKey="id"
      loading={loading}
      dataSource={data?.lines ?? []}
      columns={[
        { title: '指标', dataIndex: 'name', key: 'name' },
        {
          title: '填报数',
          key: 'value',
          width: 140,
          align: 'right',
          render: (_, l) => (l.value === null ? '未填' : `${l.value.toLocaleString('zh-CN')} ${l.unit}`),
        },
        {
          title: '来源',
          key: 'src',
          width: 80,
          render: (_, l) => (l.readOnly ? <Tag color="blue">系统计算</Tag> : <Tag>单位填报</Tag>),
        },
        {
          title: '佐证',
          key: 'evidence',
          render: (_, l) => <EvidenceLink submissionId={id} line={l} />,
        },
      ]}
    />
  );
}

/** 数据填报任务 (the supervising office): define, send, close, accept or return; `?due=` lists calls with units still to answer. */
export default function DataCallsPage() {
  const due = useDueParam();
  const list = useList<DataCallRow>('/api/data-calls', { filters: { due } });
  const me = useMe();
  const detail = useOpened<string>(list.reload);
  const columns: TableColumnsType<DataCallRow> = [
    openColumn({ title: '任务', dataIndex: 'title' }, detail.open),
    { title: '发起机构', dataIndex: 'orgName', key: 'org', width: 180 },
    { title: '统计期', key: 'period', width: 200, render: (_, r) => `${r.periodFrom} 至 ${r.periodTo}` },
    {
      title: '截止',
      key: 'deadline',
      width: 150,
      render: (_, r) => deadlineMark(r.deadline, r.status === 'open', <span>{r.deadline}</span>),
    },
    statusColumn(statusColor, 90),
  ];
  return (
    <PageCard
      title="数据填报任务"
      extra={can(me, 'planning:dataCall:edit') && <CreateCall onDone={list.reload} />}
    >
      <FilterForm onSearch={list.setFilters}>
        <DueSelectFilter label="有单位未报" width={100} initialValue={due} />
      </FilterForm>
      <LedgerTable list={list} columns={columns} scrollX="max-content" />
      {detail.opened && <CallDetail id={detail.opened} onClose={detail.closeAndReload} />}
    </PageCard>
  );
}
