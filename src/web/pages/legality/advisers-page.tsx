import type { AdviserSummary } from '../../../domains/legality/advisers/service.js';
import type { TableColumnsType } from 'antd';
import { FilterForm, PageCard } from '../../components/ledger.js';
import { useList } from '../../components/use-list.js';
import { SelectFilter, TextFilter } from '../../components/filter-fields.js';
import { LedgerTable } from '../../components/ledger-table.js';
import { optionsOf } from '../../components/options.js';
import { optionalColumn } from '../../components/columns.js';

/** 法律顾问和公职律师名录 with their work counts. */
export default function AdvisersPage() {
  const list = useList<AdviserSummary>('/api/legality/advisers');
  const columns: TableColumnsType<AdviserSummary> = [
    { title: '姓名/名称', dataIndex: 'name', key: 'name', width: 160 },
    { title: '类别', dataIndex: 'kindLabel', key: 'kind', width: 90 },
    {
      title: '律师事务所',
      dataIndex: 'firm',
      key: 'firm',
      width: 180,
      ellipsis: true,
      render: (v: string) => v || '—',
    },
    { title: '聘请单位', dataIndex: 'orgName', key: 'orgName', ellipsis: true },
    {
      title: '层级',
      key: 'level',
      width: 130,
      render: (_, r) => (r.village ? `${r.appointedByLabel}·${r.village}` : r.appointedByLabel),
    },
    {
      title: '聘期',
      key: 'contract',
      width: 200,
      render: (_, r) =>
        r.contractFrom
          ? `${r.contractFrom} 至 ${r.contractTo ?? ''}(${r.contractStateLabel})`
          : r.contractStateLabel,
    },
    optionalColumn({ title: '执业证号', dataIndex: 'certificateNo', key: 'certificateNo', width: 170 }),
    { title: '专业组', dataIndex: 'team', key: 'team', width: 100, render: (v: string) => v || '—' },
    { title: '工作(件次)', dataIndex: 'workCount', key: 'workCount', width: 100 },
  ];
  return (
    <PageCard title="法律顾问和公职律师">
      <FilterForm onSearch={list.setFilters}>
        <TextFilter name="q" label="姓名/律所" width={160} />
        <SelectFilter
          name="kind"
          label="类别"
          options={optionsOf({ adviser: '法律顾问', governmentLawyer: '公职律师' })}
          width={120}
        />
      </FilterForm>
      <LedgerTable list={list} columns={columns} scrollX={1200} />
    </PageCard>
  );
}
