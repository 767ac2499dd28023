import { Button, Checkbox, Form, Input, InputNumber, Modal, Space, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import type { Query } from '../../api/client.js';
import { ExportButton, FilterForm, PageCard } from '../../components/ledger.js';
import { FetchedTable } from '../../components/fetched-table.js';
import { useFetch } from '../../components/use-fetch.js';
import type { DrillRecord, Figure } from './types.js';

const lastYear = new Date().getFullYear() - 1;

function Records({ figure, onClose }: { figure: Figure; onClose: () => void }) {
  const { data, loading } = useFetch<{ items: DrillRecord[] }>(
    `/api/metrics/${encodeURIComponent(figure.metricId)}/records`,
    {
      orgId: figure.orgId,
      from: figure.from,
      to: figure.to,
    },
  );
  const columns: TableColumnsType<DrillRecord> = [
    { title: '单位', dataIndex: 'orgName', key: 'org', width: 200 },
    { title: '记录', dataIndex: 'label', key: 'label' },
    { title: '日期', dataIndex: 'date', key: 'date', width: 110 },
    { title: '数值', dataIndex: 'value', key: 'value', width: 80 },
    { title: '来源', dataIndex: 'source', key: 'source', width: 220 },
    { title: '佐证', dataIndex: 'evidence', key: 'evidence', width: 200 },
  ];
  return (
    <Modal open width={1000} title={`${figure.name}:明细`} footer={null} onCancel={onClose}>
      <p style={{ color: '#666' }}>口径:{figure.definition}</p>
      <FetchedTable<DrillRecord>
        rowKey="id"
        columns={columns}
        fetched={{ data: data?.items, loading }}
        pagination={{ pageSize: 50 }}
      />
    </Modal>
  );
}

/** 指标数据: every registered figure for the chosen org's subtree and year, each with its records. */
export default function MetricsPage() {
  const [query, setQuery] = useState<Query>({ year: lastYear });
  const { data, loading } = useFetch<{ items: Figure[] }>('/api/metrics', query);
  const [open, setOpen] = useState<Figure | null>(null);
  const [onlyFilled, setOnlyFilled] = useState(true);
  const [text, setText] = useState('');
  // most catalogue figures are empty until a data call asks for them: hide those by default
  const shown = (data?.items ?? []).filter(
    (f) => (!onlyFilled || f.value !== null) && (text === '' || f.name.includes(text)),
  );
  const columns: TableColumnsType<Figure> = [
    { title: '领域', dataIndex: 'domainName', key: 'domain', width: 120 },
    { title: '指标', dataIndex: 'name', key: 'name' },
    {
      title: '数值',
      key: 'value',
      width: 140,
      align: 'right',
      render: (_, f) =>
        f.value === null ? (
          <Tag>未填报</Tag>
        ) : (
          <Button
            type="link"
            size="small"
            style={{ padding: 0 }}
            onClick={() => setOpen(f)}
          >{`${f.value}${f.unit}`}</Button>
        ),
    },
    {
      title: '来源',
      key: 'source',
      width: 90,
      render: (_, f) => (f.source === 'computed' ? <Tag color="blue">计算</Tag> : <Tag>填报</Tag>),
    },
    { title: '口径', dataIndex: 'definition', key: 'definition', ellipsis: true },
  ];
  return (
    <PageCard
      title="指标数据(本级及下级汇总)"
      extra={<ExportButton path="/api/metrics/export.xlsx" query={query} filename="指标数据.xlsx" />}
    >
      <FilterForm onSearch={(q) => setQuery({ year: lastYear, ...q })}>
        <Form.Item name="year" label="年度">
          <InputNumber min={2000} max={2100} placeholder={String(lastYear)} />
        </Form.Item>
      </FilterForm>
      <Space style={{ marginBottom: 8 }}>
        <Input
          size="small"
          allowClear
          placeholder="按指标名称筛选"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <Checkbox checked={onlyFilled} onChange={(e) => setOnlyFilled(e.target.checked)}>
          仅显示有数据的指标
        </Checkbox>
      </Space>
      <FetchedTable<Figure>
        rowKey="metricId"
        columns={columns}
        fetched={{ data: shown, loading }}
        pagination={{ pageSize: 50 }}
      />
      {open && <Records figure={open} onClose={() => setOpen(null)} />}
    </PageCard>
  );
}
