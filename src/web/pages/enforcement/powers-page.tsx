import { powerCategoryLabels } from '../../../domains/enforcement/power-list/labels.js';
import { type TableColumnsType, Tag } from 'antd';
import { FilterForm, PageCard } from '../../components/ledger.js';
import { useList } from '../../components/use-list.js';
import type { PowerItem } from './types.js';
import { SelectFilter, TextFilter } from '../../components/filter-fields.js';
import { LedgerTable } from '../../components/ledger-table.js';
import { optionsOf } from '../../components/options.js';

const categories = optionsOf(powerCategoryLabels);

/** 权责清单: items by category with their legal basis and revision. */
export default function PowersPage() {
  const list = useList<PowerItem>('/api/enforcement/powers');
  const columns: TableColumnsType<PowerItem> = [
    { title: '事项编码', dataIndex: 'code', key: 'code', width: 150 },
    { title: '类别', dataIndex: 'categoryLabel', key: 'category', width: 80 },
    { title: '事项名称', dataIndex: 'name', key: 'name' },
    { title: '设定依据', dataIndex: 'basis', key: 'basis' },
    { title: '责任单位', dataIndex: 'orgName', key: 'orgName', width: 200 },
    {
      title: '状态',
      key: 'status',
      width: 90,
      render: (_, p) =>
        p.status === 'active' ? <Tag color="green">有效 · 第{p.revision}版</Tag> : <Tag>已取消</Tag>,
    },
  ];
  return (
    <PageCard title="权责清单">
      <FilterForm onSearch={list.setFilters}>
        <TextFilter name="q" label="名称/编码" width={160} />
        <SelectFilter name="category" label="类别" options={categories} width={120} />
        <TextFilter name="lawName" label="法律依据" width={160} />
      </FilterForm>
      <LedgerTable list={list} columns={columns} scrollX={1000} />
    </PageCard>
  );
}
