import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  type TableColumnsType,
  Tabs,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { applyFormError, notifySuccess } from '../../api/feedback.js';
import { can, useMe } from '../../auth/auth-context.js';
import { ExportButton, FilterForm, PageCard } from '../../components/ledger.js';
import { useFetch } from '../../components/use-fetch.js';
import { useList } from '../../components/use-list.js';
import { LedgerTable } from '../../components/ledger-table.js';
import { optionsOf } from '../../components/options.js';

interface Field {
  key: string;
  label: string;
  kind: 'text' | 'longText' | 'int' | 'decimal' | 'date' | 'enum';
  required: boolean;
  options?: Record<string, string>;
  min?: number;
  max?: number;
}
interface Spec {
  key: string;
  title: string;
  dateLabel: string;
  fields: Field[];
  children?: { key: string; label: string; fields: Field[] };
}
type Entry = Record<string, unknown> & { id: string; orgName: string; heldOn: string };

function input(f: Field) {
  switch (f.kind) {
    case 'longText':
      return <Input.TextArea rows={2} />;
    case 'int':
      return <InputNumber min={f.min ?? 0} max={f.max} precision={0} style={{ width: 140 }} />;
    case 'decimal':
      return <InputNumber min={f.min ?? 0} max={f.max} step={0.5} style={{ width: 140 }} />;
    case 'date':
      return <DatePicker />;
    case 'enum':
      return <Select style={{ minWidth: 160 }} options={optionsOf(f.options ?? {})} />;
    default:
      return <Input />;
  }
}
const show = (f: Field, v: unknown) =>
  f.kind === 'enum' && typeof v === 'string'
    ? (f.options?.[v] ?? v)
    : v === null || v === undefined
      ? ''
      : String(v);
const toBody = (fields: Field[], values: Record<string, unknown>) =>
  Object.fromEntries(
    fields
      .filter((f) => values[f.key] !== undefined && values[f.key] !== null && values[f.key] !== '')
      .map((f) => [f.key, f.kind === 'date' ? (values[f.key] as Dayjs).format('YYYY-MM-DD') : values[f.key]]),
  );

/** 学法述法、培训、普法、工作要点、第一责任人、职能划转: one page per ledger declared on the server. */
export default function LedgersPage() {
  const { data } = useFetch<Spec[]>('/api/oversight/ledgers');
  if (!data) return null;
  return (
    <PageCard title="学法述法与普法台账">
      <Tabs items={data.map((s) => ({ key: s.key, label: s.title, children: <LedgerTab spec={s} /> }))} />
    </PageCard>
  );
}

function LedgerTab({ spec }: { spec: Spec }) {
  const me = useMe();
  const list = useList<Entry>(`/api/oversight/ledgers/${spec.key}`, {
    filters: { year: new Date().getFullYear() - 1 },
  });
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
  const columns: TableColumnsType<Entry> = [
    { title: '单位', dataIndex: 'orgName', key: 'org', width: 180 },
    { title: spec.dateLabel, dataIndex: 'heldOn', key: 'heldOn', width: 110 },
    ...spec.fields.map((f) => ({
      title: f.label,
      key: f.key,
      render: (_: unknown, e: Entry) => show(f, e[f.key]),
    })),
    ...(spec.children
      ? [
          {
            title: `${spec.children.label}(人)`,
            key: 'children',
            render: (_: unknown, e: Entry) => (e[spec.children?.key ?? ''] as unknown[]).length,
          },
        ]
      : []),
  ];
  const save = async () => {
    try {
      const v = (await form.validateFields()) as Record<string, unknown>;
      const body: Record<string, unknown> = {
        heldOn: (v.heldOn as Dayjs).format('YYYY-MM-DD'),
        ...toBody(spec.fields, v),
      };
      if (spec.children) {
        const rows = (v[spec.children.key] as Record<string, unknown>[] | undefined) ?? [];
        body[spec.children.key] = rows.map((r) => toBody(spec.children?.fields ?? [], r));
      }
      await api.post(`/api/oversight/ledgers/${spec.key}`, body);
      notifySuccess('已登记');
      setAdding(false);
      form.resetFields();
      list.reload();
    } catch (e) {
      if (e && typeof e === 'object' && 'errorFields' in e) return;
      applyFormError(form, e);
    }
  };
  return (
    <>
      <FilterForm onSearch={(q) => list.setFilters(q)}>
        <Form.Item name="year" label="年度" initialValue={new Date().getFullYear() - 1}>
          <InputNumber min={2000} max={2100} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item>
          <Space>
            {can(me, 'oversight:learning:edit') && (
              <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                登记
              </Button>
            )}
            <ExportButton
              path={`/api/oversight/ledgers/${spec.key}/export.xlsx`}
              query={list.filters}
              filename={`${spec.title}.xlsx`}
            />
          </Space>
        </Form.Item>
      </FilterForm>
      <LedgerTable list={list} columns={columns} scrollX={900} />
      <Modal
        open={adding}
        title={`登记${spec.title}`}
        onCancel={() => setAdding(false)}
        onOk={save}
        okText="保存"
        cancelText="取消"
        width={Math.min(720, window.innerWidth)}
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="heldOn"
            label={spec.dateLabel}
            rules={[{ required: true, message: `请选择${spec.dateLabel}` }]}
          >
            <DatePicker />
          </Form.Item>
          {spec.fields.map((f) => (
            <Form.Item
              key={f.key}
              name={f.key}
              label={f.label}
              rules={f.required ? [{ required: true, message: `请填写${f.label}` }] : []}
            >
              {input(f)}
            </Form.Item>
          ))}
          {spec.children && (
            <Form.List name={spec.children.key}>
              {(rows, { add, remove }) => (
                <>
                  {rows.map((r) => (
                    <Space key={r.key} align="baseline" wrap>
                      {spec.children?.fields.map((f) => (
                        <Form.Item
                          key={f.key}
                          name={[r.name, f.key]}
                          label={f.label}
                          rules={f.required ? [{ required: true, message: `请填写${f.label}` }] : []}
                        >
                          {input(f)}
                        </Form.Item>
                      ))}
                      <MinusCircleOutlined onClick={() => remove(r.name)} />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                    添加{spec.children?.label}
                  </Button>
                </>
              )}
            </Form.List>
          )}
        </Form>
      </Modal>
    </>
  );
}
