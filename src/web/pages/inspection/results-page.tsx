import { Form, Select, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { can, useMe } from '../../auth/auth-context.js';
import { useDueParam } from '../../components/due-param.js';
import { ExportButton, FilterForm, PageCard } from '../../components/ledger.js';
import { useList } from '../../components/use-list.js';
import { ResultCell } from './result-entry.js';
import type { Target } from './types.js';
import { DueSelectFilter } from '../../components/filter-fields.js';
import { LedgerTable } from '../../components/ledger-table.js';
import { optionsOf } from '../../components/options.js';

/** 结果录入与公示: every drawn inspectee not yet published, the oldest task first, with 临期/逾期 tags (`?due=` pre-sets the filter). */
export default function InspectionResultsPage() {
  const me = useMe();
  const mayEdit = can(me, 'inspection:result:edit');
  const due = useDueParam();
  const list = useList<Target>('/api/inspection/targets', { filters: { pending: 'true', due } });
  const columns: TableColumnsType<Target> = [
    {
      title: '抽查任务',
      key: 'task',
      render: (_, t) => <Link to={`/inspection/draw?taskId=${t.taskId}`}>{t.taskName}</Link>,
    },
    { title: '检查对象', dataIndex: 'inspecteeName', key: 'name' },
    { title: '检查人员', key: 'who', render: (_, t) => t.inspectors.map((i) => i.name).join('、') },
    {
      title: '检查结果与公示',
      key: 'result',
      render: (_, t) => <ResultCell target={t} mayEdit={mayEdit} onChange={list.reload} />,
    },
  ];
  return (
    <PageCard
      title="检查结果与公示"
      extra={
        <ExportButton
          path="/api/inspection/targets/export.xlsx"
          query={list.query}
          filename="检查结果与公示.xlsx"
        />
      }
    >
      <FilterForm onSearch={(q) => list.setFilters(q)}>
        <Form.Item name="pending" label="范围" initialValue="true">
          <Select style={{ width: 140 }} options={optionsOf({ true: '未公示', false: '全部' })} />
        </Form.Item>
        <DueSelectFilter label="公示期限" width={100} initialValue={due} />
      </FilterForm>
      <LedgerTable list={list} columns={columns} scrollX={720} />
    </PageCard>
  );
}
