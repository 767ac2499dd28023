import { DownloadOutlined, ImportOutlined } from '@ant-design/icons';
import {
  Button,
  Drawer,
  Form,
  Input,
  InputNumber,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Upload,
} from 'antd';
import { useState } from 'react';
import { ApiError, api, buildQuery, downloadFile, type FieldProblem } from '../../api/client.js';
import { applyFormError, notifySuccess, showError } from '../../api/feedback.js';
import { can, useMe } from '../../auth/auth-context.js';
import { PageCard } from '../../components/ledger.js';
import { useFetch } from '../../components/use-fetch.js';
import { type EditionImportValues, editionImportQuery } from './assessment-bodies.js';
import { methodLabels, scoringRuleLabels } from './assessment-labels.js';
import { TextItem } from '../../components/form-items.js';
import { FormModal } from '../../components/edit-modal.js';
import { WholeTable } from '../../components/whole-table.js';

export interface EditionRow {
  id: string;
  name: string;
  edition: number;
  indicatorCount: number;
  excellentFrom: number;
  goodFrom: number;
  passFrom: number;
}
/** An indicator of an edition, as the server answers it. */
export interface Indicator {
  id: string;
  code: string;
  level: number;
  title: string;
  weight: number;
  leaf: boolean;
  method: string | null;
  metricId: string | null;
  rule: string | null;
  target: number | null;
  evidence: string;
}
interface Edition extends EditionRow {
  note: string;
  indicators: Indicator[];
}

/** The indicators of an edition as a table, 一级 / 二级 / 三级 by indentation. */
export function indicatorColumns(): TableColumnsType<Indicator> {
  return [
    { title: '编号', dataIndex: 'code', key: 'code', width: 70 },
    {
      title: '指标',
      key: 'title',
      render: (_, x) => (
        <span style={{ paddingLeft: (x.level - 1) * 16, fontWeight: x.leaf ? 'normal' : 600 }}>
          {x.title}
        </span>
      ),
    },
    { title: '分值', dataIndex: 'weight', key: 'weight', width: 60, align: 'right' },
    {
      title: '取数与评分',
      key: 'how',
      width: 200,
      render: (_, x) =>
        x.leaf ? (
          <span>
            {methodLabels[x.method ?? ''] ?? ''} · {scoringRuleLabels[x.rule ?? ''] ?? ''}
            {x.target !== null ? `(目标值 ${x.target})` : ''}
          </span>
        ) : null,
    },
    { title: '佐证材料要求', dataIndex: 'evidence', key: 'evidence', width: 200 },
  ];
}

/** 考评指标体系: editions as data, imported from Excel (all or nothing) with the template to download. */
export function EditionsCard({ editions, reload }: { editions: EditionRow[]; reload: () => void }) {
  const me = useMe();
  const [viewId, setViewId] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const columns: TableColumnsType<EditionRow> = [
    {
      title: '指标体系',
      key: 'name',
      sorter: (a, b) => a.name.localeCompare(b.name),
      render: (_, e) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setViewId(e.id)}>
          {e.name}(第 {e.edition} 版)
        </Button>
      ),
    },
    {
      title: '末级指标(项)',
      dataIndex: 'indicatorCount',
      key: 'n',
      width: 110,
      sorter: (a, b) => a.indicatorCount - b.indicatorCount,
    },
    {
      title: '等次分数线',
      key: 'lines',
      width: 240,
      render: (_, e) => `优秀 ≥${e.excellentFrom} · 良好 ≥${e.goodFrom} · 合格 ≥${e.passFrom}`,
    },
    {
      title: '',
      key: 'op',
      width: 90,
      render: (_, e) => (
        <Button
          size="small"
          type="link"
          onClick={() =>
            downloadFile(
              `/api/oversight/assessment-editions/${e.id}/export.xlsx`,
              {},
              `${e.name}.xlsx`,
            ).catch(showError)
          }
        >
          导出Excel
        </Button>
      ),
    },
  ];
  return (
    <PageCard
      title="考评指标体系"
      extra={
        can(me, 'oversight:assessment:edit') && (
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                downloadFile(
                  '/api/oversight/assessment-editions/template.xlsx',
                  {},
                  '考评指标体系导入模板.xlsx',
                ).catch(showError)
              }
            >
              下载导入模板
            </Button>
            <Button type="primary" icon={<ImportOutlined />} onClick={() => setImporting(true)}>
              导入指标体系
            </Button>
          </Space>
        )
      }
    >
      <WholeTable<EditionRow> rowKey="id" columns={columns} dataSource={editions} scrollX={560} />
      {viewId && <EditionDrawer id={viewId} onClose={() => setViewId(null)} />}
      {importing && (
        <ImportEditionModal
          onClose={() => setImporting(false)}
          onImported={() => {
            setImporting(false);
            reload();
          }}
        />
      )}
    </PageCard>
  );
}

function EditionDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { data } = useFetch<Edition>(`/api/oversight/assessment-editions/${id}`);
  return (
    <Drawer
      open
      width={Math.min(960, window.innerWidth)}
      title={data ? `${data.name}(第 ${data.edition} 版)` : ''}
      onClose={onClose}
    >
      {data?.note && <p>{data.note}</p>}
      <WholeTable<Indicator>
        rowKey="id"
        bordered
        columns={indicatorColumns()}
        dataSource={data?.indicators ?? []}
        scrollX={700}
      />
    </Drawer>
  );
}

function ImportEditionModal({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const [form] = Form.useForm<EditionImportValues>();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const submit = async () => {
    const values = await form.validateFields();
    if (!file) {
      form.setFields([{ name: 'file' as never, errors: ['请选择 Excel 文件'] }]);
      return;
    }
    setBusy(true);
    setProblems([]);
    try {
      const q = buildQuery(editionImportQuery(values, file.name));
      const e = await api.upload<{ name: string; indicatorCount: number }>(
        `/api/oversight/assessment-editions/import${q}`,
        file,
        file.name,
      );
      notifySuccess(`已导入“${e.name}”,末级指标 ${e.indicatorCount} 项`);
      onImported();
    } catch (e) {
      if (e instanceof ApiError && e.errors.some((p) => p.row !== undefined)) setProblems(e.errors);
      else applyFormError(form, e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormModal title="导入考评指标体系" onClose={onClose} save={{ busy, submit }} okText="导入" width={720}>
      <Form
        form={form}
        layout="vertical"
        size="small"
        initialValues={{ excellentFrom: 90, goodFrom: 80, passFrom: 60 }}
      >
        <Form.Item
          name="name"
          label="指标体系名称"
          rules={[{ required: true, message: '请填写指标体系名称' }]}
        >
          <Input maxLength={100} placeholder="例如:法治政府建设示范指标体系" />
        </Form.Item>
        <TextItem name="note" label="说明" max={500} rows={2} />
        <Space wrap>
          <Form.Item name="excellentFrom" label="优秀线(分)" rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={0} max={100} step={0.5} />
          </Form.Item>
          <Form.Item name="goodFrom" label="良好线(分)" rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={0} max={100} step={0.5} />
          </Form.Item>
          <Form.Item name="passFrom" label="合格线(分)" rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={0} max={100} step={0.5} />
          </Form.Item>
        </Space>
        <Form.Item name="file" label="指标体系文件(按导入模板填写:一行一个指标,一级分值合计 100 分)" required>
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <Button icon={<ImportOutlined />}>选择文件</Button>
          </Upload>
        </Form.Item>
      </Form>
      {problems.length > 0 && (
        <>
          <Tag color="red">未导入:请修改以下问题后重新导入</Tag>
          <Table<FieldProblem>
            size="small"
            bordered
            style={{ marginTop: 8 }}
            rowKey={(p) => `${p.row ?? ''}-${p.column ?? p.field}-${p.message}`}
            dataSource={problems}
            pagination={{ pageSize: 10, size: 'small', showTotal: (t) => `共 ${t} 处问题` }}
            columns={[
              { title: '行', dataIndex: 'row', key: 'row', width: 60, align: 'right' },
              { title: '列', key: 'column', width: 140, render: (_, p) => p.column || '整个指标体系' },
              { title: '问题', dataIndex: 'message', key: 'message' },
            ]}
          />
        </>
      )}
    </FormModal>
  );
}
