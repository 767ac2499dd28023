import { SafetyCertificateOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  DatePicker,
  Form,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api } from '../api/client.js';
import { showError } from '../api/feedback.js';
import type { AuditEntry, AuditVerify } from '../api/types.js';
import { ExportButton, FilterForm, formatInstant, PageCard } from '../components/ledger.js';
import { textSorter, useList } from '../components/use-list.js';

/**
 * Chinese names for the entities and actions known today; the server's own labels win when it
 * sends them, and an unknown code is shown as it is rather than hidden.
 */
const entityLabels: Record<string, string> = {
  org: '机构',
  app_user: '用户',
  role: '角色',
  region: '行政区划',
  api_token: '接口令牌',
  calendar: '节假日安排',
};

const actionLabels: Record<string, string> = {
  'org.create': '新增机构',
  'org.update': '修改机构',
  'org.import': '导入机构',
  'user.create': '新增用户',
  'user.update': '修改用户',
  'user.resetPassword': '重置密码',
  'user.changePassword': '修改密码',
  'role.create': '新增角色',
  'role.update': '修改角色',
  'region.load': '载入行政区划',
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'token.create': '创建接口令牌',
  'calendar.load': '载入节假日安排',
};

const actionOptions = [
  { value: 'auth.', label: '登录与退出' },
  { value: 'org.', label: '机构' },
  { value: 'user.', label: '用户' },
  { value: 'role.', label: '角色' },
  { value: 'calendar.', label: '节假日安排' },
  { value: 'token.', label: '接口令牌' },
];

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
      render: (a: string, e) => <Tag>{e.actionLabel ?? actionLabels[a] ?? a}</Tag>,
    },
    {
      title: '对象',
      dataIndex: 'entity',
      key: 'entity',
      render: (en: string, e) => (
        <span>
          {e.entityLabel ?? entityLabels[en] ?? en}
          {e.entityId && (
            <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 4 }} title={e.entityId}>
              {e.entityId.length > 12 ? `${e.entityId.slice(0, 8)}…` : e.entityId}
            </Typography.Text>
          )}
        </span>
      ),
    },
    {
      title: '哈希',
      dataIndex: 'hash',
      key: 'hash',
      render: (h: string) => (
        <Typography.Text code title={h} style={{ fontSize: 12 }}>
          {h.slice(0, 12)}
        </Typography.Text>
      ),
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
        <Form.Item label="操作人" name="actor">
          <Input allowClear placeholder="姓名" style={{ width: 120 }} />
        </Form.Item>
        <Form.Item label="对象" name="entity">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 120 }}
            options={Object.entries(entityLabels).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label="操作" name="action">
          <Select allowClear placeholder="全部" style={{ width: 130 }} options={actionOptions} />
        </Form.Item>
      </FilterForm>
      <Table<AuditEntry>
        rowKey="seq"
        size="small"
        bordered
        columns={columns}
        scroll={{ x: 'max-content' }}
        expandable={{ expandedRowRender: (e) => <ChangeView change={e.change} /> }}
        {...list.tableProps}
      />
    </PageCard>
  );
}
