import { Form, Select, type TableColumnsType, Tabs, Tag } from 'antd';
import type { ReactNode } from 'react';
import { ExportButton, FilterForm, PageCard } from '../../components/ledger.js';
import { type ListState, useList } from '../../components/use-list.js';
import { type ChecklistItem, RISK_GRADES, type RiskGrade, riskGradeLabels } from './types.js';
import { TextFilter } from '../../components/filter-fields.js';
import { LedgerTable } from '../../components/ledger-table.js';

interface Inspectee {
  id: string;
  kind: 'enterprise' | 'individual';
  name: string;
  uscc: string | null;
  industry: string;
  locationName: string | null;
  riskGrade: string;
  address: string;
}

interface Inspector {
  id: string;
  orgName: string;
  name: string;
  certificateNumber: string;
  certificateValidUntil: string;
  fields: string[];
  officerId: string | null;
}

/** A tab of the registry: its filters, then its server-paged table. */
function FilteredLedger<T extends object>({
  list,
  columns,
  scrollX,
  children,
}: {
  list: ListState<T>;
  columns: TableColumnsType<T>;
  scrollX: number;
  children: ReactNode;
}) {
  return (
    <>
      <FilterForm onSearch={(q) => list.setFilters(q)}>{children}</FilterForm>
      <LedgerTable list={list} columns={columns} scrollX={scrollX} />
    </>
  );
}

// 市场监管 信用风险分类: A 类低风险 (green) … D 类高风险 (red)
const gradeColors: Record<string, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };

function ChecklistTab() {
  const list = useList<ChecklistItem>('/api/inspection/checklist-items');
  const columns: TableColumnsType<ChecklistItem> = [
    { title: '单位', dataIndex: 'orgName', key: 'org', width: 180 },
    { title: '抽查事项', dataIndex: 'matter', key: 'matter' },
    { title: '依据', dataIndex: 'legalBasis', key: 'basis', ellipsis: true },
    { title: '方式', dataIndex: 'method', key: 'method', width: 130 },
    { title: '比例', key: 'ratio', width: 70, align: 'right', render: (_, i) => `${i.defaultRatioPercent}%` },
    { title: '频次', key: 'freq', width: 70, render: (_, i) => `${i.frequencyPerYear} 次/年` },
    { title: '', key: 'joint', width: 70, render: (_, i) => i.joint && <Tag color="purple">联合</Tag> },
  ];
  return (
    <FilteredLedger list={list} columns={columns} scrollX={800}>
      <TextFilter name="q" label="事项" />
    </FilteredLedger>
  );
}

function InspecteeTab() {
  const list = useList<Inspectee>('/api/inspection/inspectees');
  const columns: TableColumnsType<Inspectee> = [
    { title: '名称', dataIndex: 'name', key: 'name' },
    { title: '统一社会信用代码', dataIndex: 'uscc', key: 'uscc', width: 190 },
    {
      title: '类型',
      key: 'kind',
      width: 90,
      render: (_, e) => (e.kind === 'enterprise' ? '企业' : '个体及其他'),
    },
    { title: '行业', dataIndex: 'industry', key: 'industry', width: 130 },
    { title: '区域', dataIndex: 'locationName', key: 'loc', width: 110 },
    {
      title: '风险',
      key: 'grade',
      width: 60,
      render: (_, e) => (
        <Tag color={gradeColors[e.riskGrade]}>{riskGradeLabels[e.riskGrade as RiskGrade] ?? e.riskGrade}</Tag>
      ),
    },
  ];
  return (
    <FilteredLedger list={list} columns={columns} scrollX={800}>
      <TextFilter name="q" label="名称或代码" />
      <TextFilter name="industry" label="行业" />
      <Form.Item name="riskGrade" label="信用风险分类">
        <Select
          allowClear
          style={{ width: 90 }}
          options={RISK_GRADES.map((g) => ({ value: g, label: riskGradeLabels[g] }))}
        />
      </Form.Item>
      <Form.Item>
        <ExportButton
          path="/api/inspection/inspectees/export.xlsx"
          query={list.query}
          filename="检查对象名录库.xlsx"
        />
      </Form.Item>
    </FilteredLedger>
  );
}

function InspectorTab() {
  const list = useList<Inspector>('/api/inspection/inspectors');
  const today = new Date().toISOString().slice(0, 10);
  const columns: TableColumnsType<Inspector> = [
    { title: '单位', dataIndex: 'orgName', key: 'org' },
    { title: '姓名', dataIndex: 'name', key: 'name', width: 100 },
    { title: '执法证号', dataIndex: 'certificateNumber', key: 'cert', width: 160 },
    {
      title: '有效期至',
      key: 'until',
      width: 120,
      render: (_, i) => (
        <Tag color={i.certificateValidUntil < today ? 'red' : 'default'}>{i.certificateValidUntil}</Tag>
      ),
    },
    { title: '执法领域', key: 'fields', render: (_, i) => i.fields.join('、') },
    { title: '来源', key: 'src', width: 110, render: (_, i) => (i.officerId ? '执法人员库' : '直接登记') },
  ];
  return (
    <FilteredLedger list={list} columns={columns} scrollX={760}>
      <TextFilter name="q" label="姓名或证号" />
    </FilteredLedger>
  );
}

/** 一单两库: 抽查事项清单, 检查对象名录库, 执法检查人员名录库. */
export default function InspectionRegistryPage() {
  return (
    <PageCard title="一单两库">
      <Tabs
        size="small"
        items={[
          { key: 'items', label: '抽查事项清单', children: <ChecklistTab /> },
          { key: 'inspectees', label: '检查对象名录库', children: <InspecteeTab /> },
          { key: 'inspectors', label: '执法检查人员名录库', children: <InspectorTab /> },
        ]}
      />
    </PageCard>
  );
}
