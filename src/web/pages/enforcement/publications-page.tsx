import { Button, Popconfirm, Space, type TableColumnsType, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.js';
import { sendAction } from '../../api/feedback.js';
import { can, useMe } from '../../auth/auth-context.js';
import { useDueParam } from '../../components/due-param.js';
import { ExportButton, FilterForm, PageCard } from '../../components/ledger.js';
import { useList } from '../../components/use-list.js';
import { toDate, todayInChina } from './case/dates.js';
import { DueTag } from './due-tag.js';
import type { CaseDetail } from './types.js';
import { DueSelectFilter, SelectFilter } from '../../components/filter-fields.js';
import { LedgerTable } from '../../components/ledger-table.js';
import { optionsOf } from '../../components/options.js';

type Publication = NonNullable<CaseDetail['publication']> & {
  id: string;
  caseId: string;
  decidedOn: string;
  version: number;
};

const statusOptions = optionsOf({
  pending: '待公示',
  published: '已公示',
  withheld: '不予公开',
  withdrawn: '已撤回',
});

/** 行政执法决定公示台账: what must be published within 7 (许可、处罚) or 20 working days of the decision, 临期/逾期 marked. */
export default function PublicationsPage() {
  const due = useDueParam();
  const me = useMe();
  const [params] = useSearchParams();
  // the home page's 待公示 queue opens the ledger on ?status=pending
  const status = statusOptions.find((o) => o.value === params.get('status'))?.value;
  const list = useList<Publication>('/api/enforcement/publications', { filters: { due, status } });
  const publish = (p: Publication) =>
    sendAction(
      () =>
        api.post(`/api/enforcement/publications/${p.id}/publish`, {
          version: p.version,
          date: toDate(todayInChina()),
        }),
      '已公示',
      list.reload,
    );
  const columns: TableColumnsType<Publication> = [
    {
      title: '决定书文号',
      key: 'no',
      width: 200,
      render: (_, p) => (
        <Link to={`/enforcement/cases/${p.caseId}`}>
          {p.content?.decisionNo ?? p.content?.caseNo ?? '查看案件'}
        </Link>
      ),
    },
    { title: '当事人', key: 'party', render: (_, p) => p.content?.partyName ?? '—' },
    { title: '处罚机关', key: 'org', render: (_, p) => p.content?.orgName ?? '—' },
    { title: '决定日期', dataIndex: 'decidedOn', key: 'decidedOn', width: 100 },
    {
      title: '公示期限',
      key: 'due',
      width: 140,
      render: (_, p) =>
        p.status === 'pending' && p.dueState ? (
          <DueTag state={p.dueState} due={p.dueOn} provisional={p.dueProvisionalReason} />
        ) : (
          p.dueOn
        ),
    },
    {
      title: '状态',
      key: 'status',
      width: 150,
      render: (_, p) => (
        <>
          <Tag>{p.statusLabel}</Tag>
          {p.late && <Tag color="red">超期公示</Tag>}
        </>
      ),
    },
    {
      title: '操作',
      key: 'op',
      width: 80,
      render: (_, p) =>
        p.status === 'pending' && can(me, 'enforcement:case:edit') ? (
          <Popconfirm title="以今天的日期公示这项决定?" onConfirm={() => publish(p)}>
            <Button size="small" type="link">
              公示
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];
  return (
    <PageCard
      title="执法公示"
      extra={
        <Space wrap>
          <ExportButton
            path="/api/enforcement/publications/export.xlsx"
            query={list.query}
            filename="行政执法决定公示台账.xlsx"
          />
          <Link to="/enforcement/publicity">双公示导出(信用中国格式)</Link>
        </Space>
      }
    >
      <FilterForm onSearch={list.setFilters}>
        <SelectFilter name="status" label="状态" options={statusOptions} width={120} initialValue={status} />
        <DueSelectFilter width={100} initialValue={due} />
      </FilterForm>
      <LedgerTable list={list} columns={columns} scrollX={900} />
    </PageCard>
  );
}
