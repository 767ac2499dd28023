import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client.js';
import { showError } from '../api/feedback.js';
import type { AuditEntry, AuditVerify } from '../api/types.js';
import { ExportButton, FilterForm, formatInstant, PageCard } from '../components/ledger.js';
import { textSorter, useList } from '../components/use-list.js';
import { actionLabel, actionOptions, entityLabels } from './audit-labels.js';
import { LedgerTable } from '../components/ledger-table.js';
import { SelectFilter, TextFilter } from '../components/filter-fields.js';
import { optionsOf } from '../components/options.js';

function ChangeView({ change }: { change: unknown }) {
  const empty = change === null || (typeof change === 'object' && Object.keys(change as object).length === 0);
  if (empty) return <Typography.Text type="secondary">无变更内容</Typography.Text>;
  return (
    <pre
      style={{
        margin: 0,
        maxHeight: 320,
        overflow: 'auto',
        fontSize: 12,
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-all',
      }}
    >
      {JSON.stringify(change, null, 2)}
    </pre>
  );
}

function VerifyResult({ result }: { result: AuditVerify }) {
  if (result.ok) {
    return (
      <Alert type="success" showIcon message={`日志链完整:已校验 ${result.checked} 条记录,未发现篡改。`} />
    );
  }
  const broken = result.firstBroken;
  return (
    <Alert
      type="error"
      showIcon
      message={`日志链断裂:已校验 ${result.checked} 条记录`}
      description={broken ? `第一处断裂在序号 ${broken.seq}:${broken.reason}` : '未能确定断裂位置'}
    />
  );
}

export default function AuditPage() {
  const list = useList<AuditEntry>('/api/audit');
  const [verifying, setVerifying] = useState(false);
  const [verify, setVerify] = useState<AuditVerify | null>(null);

  async function runVerify() {
    setVerifying(true);
    try {
      setVerify(await api.get<AuditVerify>('/api/audit/verify'));
    } catch (e) {
      showError(e);
    } finally {
      setVerifying(false);
    }
  }

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: '序号',
      dataIndex: 'seq',
      key: 'seq',
      align: 'right',
      sorter: textSorter((e) => e.seq),
      width: 70,
    },
    { title: '时间', dataIndex: 'at', key: 'at', render: (t: string) => formatInstant(t, true) },
    { title: '操作人', dataIndex: 'actorName', key: 'actorName', sorter: textSorter((e) => e.actorName) },
    { title: '机构', dataIndex: 'orgName', key: 'orgName' },
    {
      title: '操作',
      dataIndex: 'action',
      key: 'action',
      render: (a: string, e) => <Tag>{e.actionLabel ?? actionLabel(a)}</Tag>,
    },
    {
      title: '对象',
      dataIndex: 'entity',
      key: 'entity',
      render: (en: string, e) => <span>{e.entityLabel ?? entityLabels[en] ?? '其他'}</span>,
    },
  ];

  return (
    <PageCard
      title="操作日志"
      extra={
        <Space wrap>
          <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={runVerify}>
            校验日志链
          </Button>
          <ExportButton path="/api/audit/export.xlsx" query={list.query} filename="操作日志.xlsx" />
        </Space>
      }
    >
      {verify && (
        <div style={{ marginBottom: 12 }}>
          <VerifyResult result={verify} />
        </div>
      )}
      <FilterForm onSearch={list.setFilters} ranges={{ at: ['from', 'to'] }}>
        <Form.Item label="日期" name="at">
          <DatePicker.RangePicker style={{ width: 240 }} />
        </Form.Item>
        <TextFilter name="actor" label="操作人" width={120} placeholder="姓名" />
        <SelectFilter name="entity" label="对象" options={optionsOf(entityLabels)} width={120} />
        <SelectFilter name="action" label="操作" options={actionOptions} width={130} />
      </FilterForm>
      <LedgerTable
        list={list}
        rowKey="seq"
        bordered
        columns={columns}
        scrollX="max-content"
        expandable={{ expandedRowRender: (e) => <ChangeView change={e.change} /> }}
      />
    </PageCard>
  );
}
