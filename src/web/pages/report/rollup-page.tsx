import { Form, InputNumber, Select, Space, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import type { Query } from '../../api/client.js';
import { ExportButton, FilterForm, PageCard } from '../../components/ledger.js';
import { useFetch } from '../../components/use-fetch.js';
import { WholeTable } from '../../components/whole-table.js';

const lastYear = new Date().getFullYear() - 1;

/** The domains whose figures come from the ledgers, as the menu names them. */
const DOMAINS = [
  { value: 'enforcement', label: '行政执法' },
  { value: 'inspection', label: '双随机、一公开' },
  { value: 'powers', label: '权责清单' },
  { value: 'legality', label: '合法性审查' },
  { value: 'disputes', label: '复议应诉' },
  { value: 'requests', label: '群众诉求与建议提案' },
  { value: 'oversight', label: '监督督察' },
];

interface Metric {
  id: string;
  name: string;
  unit: string;
  rollUp: 'sum' | 'recompute' | 'none';
}
interface Row {
  orgId: string;
  orgName: string;
  kind: 'self' | 'unit' | 'total';
  values: Record<string, number | null>;
}
interface Rollup {
  orgName: string;
  year: number;
  metrics: Metric[];
  rows: Row[];
  total: Record<string, number | null>;
  reports: { id: string; orgId: string; orgName: string; statusLabel: string }[];
}

const shown = (v: number | null | undefined, unit: string) =>
  v === null || v === undefined ? '—' : `${v}${unit === ':1' ? '∶1' : unit}`;

/**
 * 下级单位对比: every subordinate unit's figures of one domain for a year, side by side (本级,
 * each unit with everything below it, 合计 = the roll-up), sortable by any figure, and the annual
 * reports of the units — to write the office's own report and to spot outliers.
 */
export default function RollupPage() {
  const [query, setQuery] = useState<Query>({ year: lastYear, domain: 'enforcement' });
  const { data, loading } = useFetch<Rollup>('/api/rollup', query);
  const metrics = data?.metrics ?? [];
  const columns: TableColumnsType<Row> = [
    {
      title: '单位',
      dataIndex: 'orgName',
      key: 'org',
      fixed: 'left',
      width: 220,
      render: (name: string, r) => (r.kind === 'total' ? <b>{name}</b> : name),
    },
    ...metrics.map((m) => ({
      title: m.rollUp === 'sum' ? m.name : `${m.name}(合计重算)`,
      key: m.id,
      width: 130,
      align: 'right' as const,
      sorter: (a: Row, b: Row) =>
        a.kind === 'total' || b.kind === 'total' ? 0 : (a.values[m.id] ?? -1) - (b.values[m.id] ?? -1),
      render: (_: unknown, r: Row) => shown(r.values[m.id], m.unit),
    })),
  ];
  const rows: Row[] = data
    ? [...data.rows, { orgId: 'total', orgName: '合计', kind: 'total', values: data.total }]
    : [];
  return (
    <PageCard
      title={data ? `${data.orgName}下级单位指标对比(${data.year}年)` : '下级单位指标对比'}
      extra={<ExportButton path="/api/rollup/export.xlsx" query={query} filename="下级单位指标对比.xlsx" />}
    >
      <FilterForm onSearch={(q) => setQuery({ year: lastYear, domain: 'enforcement', ...q })}>
        <Form.Item name="year" label="年度">
          <InputNumber min={2000} max={2100} placeholder={String(lastYear)} />
        </Form.Item>
        <Form.Item name="domain" label="领域">
          <Select style={{ width: 180 }} options={DOMAINS} placeholder="行政执法" />
        </Form.Item>
      </FilterForm>
      <WholeTable<Row>
        rowKey="orgId"
        columns={columns}
        dataSource={rows}
        loading={loading}
        scrollX={220 + 130 * metrics.length}
      />
      <h4 style={{ marginTop: 16 }}>各单位年度报告</h4>
      <Space wrap>
        {(data?.reports ?? []).length === 0 ? (
          <span style={{ color: '#888' }}>本年度尚无单位生成报告</span>
        ) : (
          (data?.reports ?? []).map((r) => (
            <a key={r.id} href={`/report/reports?id=${r.id}`}>
              {r.orgName} <Tag>{r.statusLabel}</Tag>
            </a>
          ))
        )}
      </Space>
    </PageCard>
  );
}
