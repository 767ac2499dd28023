import { caseStatusLabels } from '../../../domains/enforcement/cases/labels.js';
import { PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Button, Space, type TableColumnsType, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { can, useMe } from '../../auth/auth-context.js';
import { useDueParam } from '../../components/due-param.js';
import { FilterForm, PageCard } from '../../components/ledger.js';
import { useList } from '../../components/use-list.js';
import { categoryOptions } from './case/labels.js';
import { CaseImportActions } from './case-import-actions.js';
import { DueTag } from './due-tag.js';
import type { CaseSummary } from './types.js';
import { DueSelectFilter, SelectFilter, TextFilter } from '../../components/filter-fields.js';
import { LedgerTable } from '../../components/ledger-table.js';
import { optionsOf } from '../../components/options.js';

const statuses = optionsOf(caseStatusLabels);

/** 行政执法案件台账 (every category): 临期 / 逾期 are filters over the statutory clocks (`?due=` pre-sets one). */
export default function CasesPage() {
  const due = useDueParam();
  const [params] = useSearchParams();
  // a home-page queue opens the ledger on its status (?status=reviewing: 待法制审核)
  const status = statuses.find((s) => s.value === params.get('status'))?.value;
  const me = useMe();
  const list = useList<CaseSummary>('/api/enforcement/cases', { filters: { due, status } });
  const columns: TableColumnsType<CaseSummary> = [
    {
      title: '案件编号',
      dataIndex: 'caseNo',
      key: 'caseNo',
      width: 190,
      render: (no: string, c) => <Link to={`/enforcement/cases/${c.id}`}>{no}</Link>,
    },
    { title: '当事人', dataIndex: 'partyName', key: 'partyName' },
    { title: '办案单位', dataIndex: 'orgName', key: 'orgName' },
    { title: '类别', dataIndex: 'categoryLabel', key: 'category', width: 90 },
    { title: '程序', dataIndex: 'procedureLabel', key: 'procedure', width: 130 },
    { title: '立案日期', dataIndex: 'openedOn', key: 'openedOn', width: 100 },
    {
      title: '状态',
      key: 'status',
      width: 150,
      render: (_, c) => (
        <>
          <Tag>{c.statusLabel}</Tag>
          {c.isMajor && <Tag color={c.reviewed ? 'blue' : 'red'}>重大</Tag>}
        </>
      ),
    },
    {
      title: '处罚',
      key: 'sanction',
      render: (_, c) =>
        `${c.penaltyLabels.join('、')}${c.amount ? ` ${c.amount.toLocaleString('zh-CN')}元` : ''}`,
    },
    {
      title: '期限',
      key: 'due',
      width: 150,
      render: (_, c) =>
        c.nextDue ? (
          <DueTag state={c.nextDue.state} due={c.nextDue.due} provisional={c.nextDue.provisionalReason} />
        ) : (
          '—'
        ),
    },
  ];
  return (
    <PageCard
      title="行政执法案件"
      extra={
        can(me, 'enforcement:case:edit') && (
          <Space wrap>
            <CaseImportActions query={list.query} onImported={list.reload} />
            <Link to="/enforcement/cases/new">
              <Button type="primary" size="small" icon={<PlusOutlined />}>
                立案
              </Button>
            </Link>
            <Link to="/enforcement/cases/new?mode=onTheSpot">
              <Button size="small" icon={<ThunderboltOutlined />}>
                当场处罚
              </Button>
            </Link>
          </Space>
        )
      }
    >
      <FilterForm onSearch={list.setFilters}>
        <TextFilter name="q" label="编号/当事人" width={160} />
        <SelectFilter name="category" label="类别" options={categoryOptions} width={120} />
        <SelectFilter name="status" label="状态" options={statuses} width={140} initialValue={status} />
        <DueSelectFilter width={100} initialValue={due} />
        <SelectFilter
          name="procedure"
          label="程序"
          options={optionsOf({
            ordinary: '普通程序',
            summary: '简易程序',
            license: '许可程序',
            coercion: '强制措施程序',
            generic: '一般程序',
          })}
          width={120}
        />
      </FilterForm>
      <LedgerTable list={list} columns={columns} scrollX={1200} />
    </PageCard>
  );
}
