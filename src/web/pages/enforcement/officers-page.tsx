import { type TableColumnsType, Tag } from 'antd';
import { ExportButton, FilterForm, PageCard } from '../../components/ledger.js';
import { useList } from '../../components/use-list.js';
import type { CertificateState, Officer } from './types.js';
import { SelectFilter, TextFilter } from '../../components/filter-fields.js';
import { LedgerTable } from '../../components/ledger-table.js';
import { optionsOf } from '../../components/options.js';

const stateColors: Record<CertificateState, string> = {
  valid: 'green',
  expiring90: 'gold',
  expiring30: 'orange',
  expired: 'red',
  none: 'red',
  notYetValid: 'default',
  suspended: 'volcano',
  revoked: 'default',
};

const certificateFilters = optionsOf({
  within30: '30日内到期',
  within90: '90日内到期',
  expired: '已过期',
  uncertified: '无有效执法证',
});

/** 执法人员台账: officers with their certificates; the 90/30-day lists are filters. */
export default function OfficersPage() {
  const list = useList<Officer>('/api/enforcement/officers');
  const columns: TableColumnsType<Officer> = [
    { title: '姓名', dataIndex: 'name', key: 'name', width: 90 },
    {
      title: '性别',
      dataIndex: 'gender',
      key: 'gender',
      width: 50,
      render: (g: Officer['gender']) => (g === 'male' ? '男' : '女'),
    },
    { title: '所在单位', dataIndex: 'orgName', key: 'orgName' },
    { title: '职务', dataIndex: 'position', key: 'position', width: 110 },
    { title: '执法证号', key: 'number', render: (_, o) => o.certificate?.number ?? '—' },
    { title: '执法领域', key: 'field', render: (_, o) => o.certificate?.field ?? '—' },
    { title: '有效期至', key: 'validUntil', width: 100, render: (_, o) => o.certificate?.validUntil ?? '—' },
    {
      title: '证件状态',
      dataIndex: 'certificateState',
      key: 'certificateState',
      width: 110,
      render: (s: CertificateState, o) => <Tag color={stateColors[s]}>{o.certificateStateLabel}</Tag>,
    },
    { title: '培训学时', dataIndex: 'trainingHours', key: 'trainingHours', width: 80, align: 'right' },
  ];
  return (
    <PageCard
      title="执法人员"
      extra={
        <ExportButton
          path="/api/enforcement/officers/export.xlsx"
          query={list.query}
          filename="执法人员台账.xlsx"
        />
      }
    >
      <FilterForm
        onSearch={(q) => {
          const { cert, ...rest } = q;
          list.setFilters({
            ...rest,
            ...(cert === 'within30' ? { expiresWithin: 30 } : {}),
            ...(cert === 'within90' ? { expiresWithin: 90 } : {}),
            ...(cert === 'expired' ? { certificateState: 'expired' } : {}),
            ...(cert === 'uncertified' ? { uncertified: 'true' } : {}),
          });
        }}
      >
        <TextFilter name="q" label="姓名/证号" width={140} />
        <SelectFilter name="cert" label="执法证" options={certificateFilters} width={140} />
      </FilterForm>
      <LedgerTable list={list} columns={columns} scrollX={1000} />
    </PageCard>
  );
}
