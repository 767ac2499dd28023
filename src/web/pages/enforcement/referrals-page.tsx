import { referralStatusLabels } from '../../../domains/enforcement/referrals/labels.js';
import { ProvisionalTag } from '../../components/provisional-tag.js';
import { type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { can, useAuth } from '../../auth/auth-context.js';
import { CreateAndExport, FilterForm, formatInstant, PageCard } from '../../components/ledger.js';
import { useList } from '../../components/use-list.js';
import { ReferralDrawer } from './referral-drawer.js';
import { ReferralDueTag } from './referral-due-tag.js';
import { ReferralReportModal } from './referral-report-modal.js';
import type { ReferralSummary } from './referral-types.js';
import { DueSelectFilter, RangeFilter, SelectFilter, TextFilter } from '../../components/filter-fields.js';
import { LedgerTable } from '../../components/ledger-table.js';
import { optionsOf } from '../../components/options.js';
import { openColumn } from '../../components/columns.js';

const statuses = optionsOf(referralStatusLabels);

/** 两法衔接台账: referrals of suspected crimes, their clocks (移送规定 arts. 5, 8, 9, 12) and Excel export. */
export default function ReferralsPage() {
  const { me } = useAuth();
  const list = useList<ReferralSummary>('/api/enforcement/referrals');
  const [open, setOpen] = useState<string | null>(null);
  const [reporting, setReporting] = useState(false);
  const columns: TableColumnsType<ReferralSummary> = [
    openColumn({ title: '案件编号', dataIndex: 'caseNo', width: 230, ellipsis: true, sorter: true }, setOpen),
    { title: '当事人', dataIndex: 'partyName', key: 'partyName', ellipsis: true },
    { title: '涉嫌罪名', dataIndex: 'suspectedCrime', key: 'suspectedCrime', ellipsis: true },
    { title: '移送机关', dataIndex: 'orgName', key: 'orgName', sorter: true, ellipsis: true },
    { title: '报告日期', dataIndex: 'reportedOn', key: 'reportedOn', width: 100, sorter: true },
    {
      title: '移送时间',
      key: 'handedOverOn',
      width: 150,
      sorter: true,
      render: (_, r) =>
        r.handedOverAt ? (
          <>
            {formatInstant(r.handedOverAt)}
            {r.handoverLate && (
              <Tag color="red" style={{ marginLeft: 4 }}>
                超24小时
              </Tag>
            )}
          </>
        ) : (
          '—'
        ),
    },
    {
      title: '状态',
      key: 'status',
      width: 150,
      sorter: true,
      render: (_, r) => (
        <>
          <Tag color={r.status === 'filed' || r.status === 'exhibitsTransferred' ? 'blue' : undefined}>
            {r.statusLabel}
          </Tag>
          {r.penaltyDecided && <Tag color="purple">已处罚</Tag>}
        </>
      ),
    },
    {
      title: '期限',
      key: 'nextDueAt',
      width: 160,
      sorter: true,
      render: (_, r) =>
        r.nextDue ? (
          <span title={r.nextDue.label}>
            <ReferralDueTag
              state={r.nextDue.state}
              dueAt={r.nextDue.dueAt}
              hours={r.nextDue.kind === 'handover'}
            />
            {r.nextDue.provisionalReason && <ProvisionalTag reason={r.nextDue.provisionalReason} />}
          </span>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <PageCard
      title="两法衔接(涉嫌犯罪案件移送)"
      extra={
        <CreateAndExport
          create={
            can(me, 'enforcement:referral:edit') && { label: '提出移送', onClick: () => setReporting(true) }
          }
          exportPath="/api/enforcement/referrals/export.xlsx"
          query={list.filters}
          filename="两法衔接台账.xlsx"
        />
      }
    >
      <FilterForm onSearch={list.setFilters} ranges={{ reported: ['reportedFrom', 'reportedTo'] }}>
        <TextFilter name="q" label="编号/当事人/罪名" width={160} />
        <SelectFilter name="status" label="状态" options={statuses} width={140} />
        <DueSelectFilter width={100} />
        <RangeFilter name="reported" label="报告日期" />
      </FilterForm>
      <LedgerTable list={list} columns={columns} scrollX={1150} />
      <ReferralDrawer id={open} onClose={() => setOpen(null)} onChanged={list.reload} />
      <ReferralReportModal
        open={reporting}
        onClose={() => setReporting(false)}
        onCreated={(id) => {
          setReporting(false);
          list.reload();
          setOpen(id);
        }}
      />
    </PageCard>
  );
}
