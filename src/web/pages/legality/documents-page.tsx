import type {
  DocumentSummary,
  DocumentDetail as ServerDocumentDetail,
} from '../../../domains/legality/documents/present.js';
import { documentStatusLabels } from '../../../domains/legality/documents/labels.js';
import { Button, Space, type TableColumnsType, Tag } from 'antd';
import { ExportButton, FilterForm, PageCard } from '../../components/ledger.js';
import { useList } from '../../components/use-list.js';
import { ActsDrawer, ActTimeline, StepList, useActForm } from './acts-drawer.js';
import { useOpenRecord } from '../../components/record-drawer.js';
import { CommentsPanel } from './comments-panel.js';
import { createDocumentForm, documentActionForms } from './action-specs.js';
import { SelectFilter, TextFilter } from '../../components/filter-fields.js';
import { LedgerTable } from '../../components/ledger-table.js';
import { optionsOf } from '../../components/options.js';
import { openColumn, optionalColumn } from '../../components/columns.js';

/** the record as the JSON answer carries it (its versions, with their instants, are not read here) */
type DocumentDetail = Omit<ServerDocumentDetail, 'versions'>;

const statuses = optionsOf(documentStatusLabels);
const filingColors: Record<string, string | undefined> = {
  overdue: 'red',
  dueSoon: 'orange',
  filedLate: 'volcano',
  filed: 'green',
};

/** 规范性文件台账: drafts to publication, 统一编号, 备案 clock, 有效期. */
export default function DocumentsPage() {
  const list = useList<DocumentSummary>('/api/legality/documents');
  const detail = useOpenRecord<DocumentDetail>('/api/legality/documents');
  const act = useActForm(() => {
    list.reload();
    detail.reload();
  });
  const columns: TableColumnsType<DocumentSummary> = [
    openColumn({ title: '文件名称', dataIndex: 'title', ellipsis: true }, detail.open),
    optionalColumn({ title: '文号', dataIndex: 'docNumber', key: 'docNumber', width: 170, sorter: true }),
    { title: '制定机关', dataIndex: 'orgName', key: 'orgName', width: 180, ellipsis: true, sorter: true },
    { title: '状态', dataIndex: 'statusLabel', key: 'status', width: 120, sorter: true },
    optionalColumn({ title: '审核结论', dataIndex: 'reviewConclusionLabel', key: 'review', width: 100 }),
    optionalColumn({
      title: '公布日期',
      dataIndex: 'publishedOn',
      key: 'publishedOn',
      width: 110,
      sorter: true,
    }),
    {
      title: '有效期至',
      dataIndex: 'validUntil',
      key: 'validUntil',
      width: 150,
      sorter: true,
      render: (v: string | null, r) => (
        <>
          {v ?? '—'}
          {r.validity && r.validity !== '有效' && (
            <Tag color={r.validity === '已到期' ? 'red' : 'orange'} style={{ marginLeft: 4 }}>
              {r.validity}
            </Tag>
          )}
        </>
      ),
    },
    {
      title: '备案',
      key: 'filing',
      width: 150,
      render: (_, r) => (
        <>
          <Tag color={filingColors[r.filingState]}>{r.filingStateLabel}</Tag>
          {r.filingOutcomeLabel && <Tag>{r.filingOutcomeLabel}</Tag>}
        </>
      ),
    },
  ];
  return (
    <PageCard
      title="规范性文件"
      extra={
        <Space wrap>
          <ExportButton
            path="/api/legality/documents/export.xlsx"
            query={list.filters}
            filename="规范性文件台账.xlsx"
          />
          <Button onClick={() => act.open({ spec: createDocumentForm, path: '/api/legality/documents' })}>
            登记起草
          </Button>
        </Space>
      }
    >
      <FilterForm onSearch={list.setFilters}>
        <TextFilter name="q" label="名称/文号" width={160} />
        <SelectFilter name="status" label="状态" options={statuses} width={140} />
        <SelectFilter
          name="filingOverdue"
          label="备案"
          options={[{ value: 'true', label: '逾期未报备' }]}
          width={130}
        />
      </FilterForm>
      <LedgerTable list={list} columns={columns} scrollX={1150} />
      <ActsDrawer
        of={detail}
        width={Math.min(680, window.innerWidth)}
        emptyTitle="文件详情"
        forms={documentActionForms}
        onOpen={act.open}
      >
        {(d) => (
          <>
            <StepList steps={d.gates} />
            <ActTimeline acts={d.timeline} />
            <CommentsPanel subjectId={d.id} />
          </>
        )}
      </ActsDrawer>
      {act.modal}
    </PageCard>
  );
}
