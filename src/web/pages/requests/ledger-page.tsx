import { DatePicker, Form, Space, type TableColumnsType, Tag } from 'antd';
import { can, useMe } from '../../auth/auth-context.js';
import { ImportButton } from '../../components/import-button.js';
import { dueOptions, useDueParam } from '../../components/due-param.js';
import { Link, useLocation } from 'react-router-dom';
import { ExportButton, FilterForm, PageCard } from '../../components/ledger.js';
import { useFetch } from '../../components/use-fetch.js';
import { useList } from '../../components/use-list.js';
import { DueTag } from './due-tag.js';
import { type ItemSummary, type KindMeta, kindOf, kinds } from './types.js';
import { SelectFilter, TextFilter } from '../../components/filter-fields.js';
import { LedgerTable } from '../../components/ledger-table.js';
import { optionsOf } from '../../components/options.js';

const options = (labels: Record<string, string> | undefined) => optionsOf(labels ?? {});

/** One ledger per kind (依申请公开、信访、调解、法律援助、建议提案): filters, 临期/逾期, Excel export. */
export default function RequestsLedgerPage() {
  const path = kindOf(useLocation().pathname);
  return <Ledger key={path} path={path} />;
}

function Ledger({ path }: { path: keyof typeof kinds }) {
  const api = `/api/requests/${path}`;
  const meta = useFetch<KindMeta>(`${api}/meta`);
  const due = useDueParam();
  const list = useList<ItemSummary>(api, { filters: { due } });
  const me = useMe();
  const m = meta.data;
  const columns: TableColumnsType<ItemSummary> = [
    {
      title: '编号',
      dataIndex: 'receiptNo',
      key: 'receiptNo',
      width: 140,
      sorter: true,
      render: (v: string, r) => <Link to={`/requests/${path}/${r.id}`}>{v}</Link>,
    },
    { title: '事项', dataIndex: 'subject', key: 'subject', ellipsis: true },
    {
      title: path === 'proposals' ? '代表委员' : path === 'mediation' ? '当事人' : '申请人',
      dataIndex: 'applicantName',
      key: 'applicant',
      width: 110,
      ellipsis: true,
    },
    { title: '办理单位', dataIndex: 'orgName', key: 'orgName', width: 170, ellipsis: true, sorter: true },
    {
      title: path === 'proposals' ? '交办日期' : '收到日期',
      dataIndex: 'receivedOn',
      key: 'receivedOn',
      width: 104,
      sorter: true,
    },
    {
      title: path === 'mediation' ? '类型' : path === 'proposals' ? '承办' : '渠道',
      dataIndex: 'channelLabel',
      key: 'channel',
      width: 96,
    },
    { title: '类别', dataIndex: 'categoryLabel', key: 'category', width: 96 },
    {
      title: '状态',
      dataIndex: 'statusLabel',
      key: 'status',
      width: 120,
      sorter: true,
      render: (v: string, r) => (
        <>
          {v}
          {r.extended && <Tag style={{ marginLeft: 4 }}>已延期</Tag>}
        </>
      ),
    },
    { title: '结果', dataIndex: 'outcomeLabel', key: 'outcome', width: 150, ellipsis: true },
    {
      title: '期限',
      dataIndex: 'dueOn',
      key: 'dueOn',
      width: 150,
      sorter: true,
      render: (_: unknown, r) => <DueTag state={r.dueState} due={r.dueOn} provisional={r.dueProvisional} />,
    },
  ];
  return (
    <PageCard
      title={`${kinds[path].title}台账`}
      extra={
        <Space wrap>
          {path !== 'mediation' && can(me, `${kinds[path].permission}:edit`) && (
            <ImportButton path={`${api}/import`} onImported={list.reload} label="导入上年台账" />
          )}
          <ExportButton
            path={`${api}/export.xlsx`}
            query={list.query}
            filename={`${kinds[path].title}台账.xlsx`}
          />
        </Space>
      }
    >
      <FilterForm onSearch={list.setFilters} ranges={{ received: ['receivedFrom', 'receivedTo'] }}>
        <TextFilter name="q" width={180} placeholder="编号、事项、申请人" />
        <SelectFilter name="status" options={options(m?.statusLabels)} width={140} placeholder="状态" />
        <SelectFilter name="category" options={options(m?.labels.category)} width={130} placeholder="类别" />
        <SelectFilter name="due" options={dueOptions} width={96} initialValue={due} placeholder="期限" />
        <Form.Item name="received">
          <DatePicker.RangePicker placeholder={['收到起', '收到止']} />
        </Form.Item>
      </FilterForm>
      <LedgerTable list={list} columns={columns} scrollX={1300} />
    </PageCard>
  );
}
