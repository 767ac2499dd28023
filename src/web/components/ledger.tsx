import { DownloadOutlined, PlusOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Form, Space, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { downloadFile, type Query, type QueryValue } from '../api/client.js';
import { showError } from '../api/feedback.js';
import { useSending } from './use-submit.js';

/** A screen: title, buttons on the right (wrapping below the title on a phone), then its content. */
export function PageCard({
  title,
  extra,
  children,
}: {
  title: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card
      size="small"
      title={
        <div
          style={{
            display: 'flex',
            flexWrap: 'wrap',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 8,
          }}
        >
          <span>{title}</span>
          {extra && <div style={{ fontWeight: 'normal' }}>{extra}</div>}
        </div>
      }
      styles={{
        header: { paddingBlock: 8 },
        title: { whiteSpace: 'normal', overflow: 'visible' },
        body: { padding: 12 },
      }}
    >
      {children}
    </Card>
  );
}

function isDayjs(value: unknown): value is Dayjs {
  return typeof value === 'object' && value !== null && 'format' in value && 'isValid' in value;
}

/** Form values → query: dates to 'YYYY-MM-DD', a range `[from, to]` under `fromKey`/`toKey`. */
function toQuery(values: Record<string, unknown>, ranges: Record<string, [string, string]>): Query {
  const out: Query = {};
  for (const [key, value] of Object.entries(values)) {
    const range = ranges[key];
    if (range && Array.isArray(value)) {
      const [from, to] = value as unknown[];
      if (isDayjs(from)) out[range[0]] = from.format('YYYY-MM-DD');
      if (isDayjs(to)) out[range[1]] = to.format('YYYY-MM-DD');
      continue;
    }
    if (isDayjs(value)) out[key] = value.format('YYYY-MM-DD');
    else if (typeof value === 'string') out[key] = value.trim();
    else if (typeof value === 'number' || typeof value === 'boolean') out[key] = value as QueryValue;
  }
  return out;
}

/**
 * The filters above a ledger table: inline fields, 查询 and 重置. `ranges` maps a RangePicker
 * field to its two query keys, e.g. `{ at: ['from', 'to'] }`.
 */
export function FilterForm({
  onSearch,
  children,
  ranges = {},
}: {
  onSearch: (query: Query) => void;
  children: ReactNode;
  ranges?: Record<string, [string, string]>;
}) {
  const [form] = Form.useForm();
  return (
    <Form
      form={form}
      name="filter"
      layout="inline"
      size="small"
      onFinish={(values: Record<string, unknown>) => onSearch(toQuery(values, ranges))}
      style={{ rowGap: 8, marginBottom: 12 }}
    >
      {children}
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            查询
          </Button>
          <Button
            icon={<ReloadOutlined />}
            onClick={() => {
              // back to how the ledger was opened (a filter pre-set by a link stays)
              form.resetFields();
              onSearch(toQuery(form.getFieldsValue() as Record<string, unknown>, ranges));
            }}
          >
            重置
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}

/** 导出Excel: downloads `path` (an …/export.xlsx endpoint) with the list's current filters. */
export function ExportButton({
  path,
  query,
  filename,
  label = '导出Excel',
}: {
  path: string;
  query: Query;
  filename: string;
  label?: string;
}) {
  const { busy, run } = useSending();
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      onClick={async () => {
        await run(
          async () => {
            await downloadFile(path, query, filename);
          },
          (e) => {
            showError(e);
          },
        );
      }}
    >
      {label}
    </Button>
  );
}

/**
 * A ledger's buttons: the create button when `create` is given (the user may create), any
 * other buttons (`children`, e.g. 导入), then 导出Excel of the list's current filters.
 */
export function CreateAndExport({
  create,
  exportPath,
  query,
  filename,
  children,
}: {
  create: { label: string; onClick: () => void } | false;
  exportPath: string;
  query: Query;
  filename: string;
  children?: ReactNode;
}) {
  return (
    <Space wrap>
      {create && (
        <Button type="primary" icon={<PlusOutlined />} onClick={create.onClick}>
          {create.label}
        </Button>
      )}
      {children}
      <ExportButton path={exportPath} query={query} filename={filename} />
    </Space>
  );
}

export function ActiveTag({ active, lockedUntil }: { active: boolean; lockedUntil?: string | null }) {
  if (!active) return <Tag color="default">停用</Tag>;
  if (lockedUntil && new Date(lockedUntil).getTime() > Date.now()) return <Tag color="orange">已锁定</Tag>;
  return <Tag color="green">启用</Tag>;
}

/** 'YYYY-MM-DD HH:mm' in the browser's zone (instants only; legal dates are shown as they are). */
export function formatInstant(iso: string | null | undefined, seconds = false): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  const base = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return seconds ? `${base}:${pad(d.getSeconds())}` : base;
}
