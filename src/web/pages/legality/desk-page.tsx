import type { ReviewDetail, ReviewSummary } from '../../../domains/legality/review/present.js';
import { reviewStatusLabels } from '../../../domains/legality/review/labels.js';
import { Button, Space, Descriptions, List, type TableColumnsType, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { ExportButton, FilterForm, PageCard } from '../../components/ledger.js';
import { ProvisionalTag } from '../../components/provisional-tag.js';
import { useFetch } from '../../components/use-fetch.js';
import { useSearchParams } from 'react-router-dom';
import { useDueParam } from '../../components/due-param.js';
import { useList } from '../../components/use-list.js';
import { ActsDrawer, ActTimeline, useActForm } from './acts-drawer.js';
import { useOpenRecord } from '../../components/record-drawer.js';
import {
  adoptionOptions,
  answerBody,
  reviewKindOptions,
  type FormSpec,
  reviewActionForms,
  submitReviewForm,
} from './action-specs.js';
import { DueSelectFilter, SelectFilter, TextFilter } from '../../components/filter-fields.js';
import { LedgerTable } from '../../components/ledger-table.js';
import { optionsOf } from '../../components/options.js';
import { openColumn, optionalColumn } from '../../components/columns.js';

interface LinkedCase {
  id: string;
  caseNo: string;
  partyName: string;
  orgName: string;
  submittedOn: string | null;
}

const statuses = optionsOf(reviewStatusLabels);
const dueColors: Record<string, string | undefined> = {
  dueSoon: 'orange',
  overdue: 'red',
  late: 'volcano',
  onTime: 'green',
  paused: 'blue',
};

function DueCell({ r }: { r: ReviewSummary }) {
  const color = dueColors[r.dueState];
  return (
    <>
      {r.dueOn ?? '—'}
      {r.dueProvisionalReason && <ProvisionalTag reason={r.dueProvisionalReason} />}
      {color && (
        <Tag color={color} style={{ marginLeft: 4 }}>
          {r.dueStateLabel}
        </Tag>
      )}
    </>
  );
}

/** 合法性审查台: every object on the desk with its clock, and the 重大执法决定 awaiting 法制审核 as links. */
export default function DeskPage() {
  const due = useDueParam();
  const [params] = useSearchParams();
  // the home page's 临期 / 逾期 queues open the desk filtered, or on one review (?open=id)
  const list = useList<ReviewSummary>('/api/legality/reviews', { filters: { due } });
  const linked = useFetch<{ items: LinkedCase[]; total: number }>('/api/legality/reviews/enforcement');
  const detail = useOpenRecord<ReviewDetail>('/api/legality/reviews', params.get('open'));
  const act = useActForm(() => {
    list.reload();
    detail.reload();
  });
  /** 反馈采纳情况: one adoption per opinion, asked in one form */
  const answerForm = (r: ReviewDetail): FormSpec => ({
    key: 'answer',
    title: '反馈意见采纳情况',
    fields: [
      { name: 'date', label: '反馈日期', kind: 'date', required: true },
      ...r.opinions.flatMap((o) => [
        {
          name: `a_${o.id}`,
          label: `${o.seq}. ${o.body}`,
          kind: 'select' as const,
          required: true,
          options: adoptionOptions,
        },
        { name: `r_${o.id}`, label: '未采纳或部分采纳的理由', kind: 'text' as const },
      ]),
    ],
    body: (v) =>
      answerBody(
        r.opinions.map((o) => o.id),
        v,
      ),
  });
  const columns: TableColumnsType<ReviewSummary> = [
    openColumn({ title: '审查事项', dataIndex: 'title', ellipsis: true }, detail.open),
    { title: '类别', dataIndex: 'kindLabel', key: 'kind', width: 130, sorter: true },
    { title: '报送单位', dataIndex: 'orgName', key: 'orgName', width: 200, ellipsis: true, sorter: true },
    { title: '报送日期', dataIndex: 'submittedOn', key: 'submittedOn', width: 110, sorter: true },
    { title: '审查期限', key: 'dueOn', width: 190, sorter: true, render: (_, r) => <DueCell r={r} /> },
    { title: '状态', dataIndex: 'statusLabel', key: 'status', width: 120, sorter: true },
    optionalColumn({ title: '结论', dataIndex: 'conclusionLabel', key: 'conclusion', width: 100 }),
    { title: '意见(条)', dataIndex: 'opinionCount', key: 'opinionCount', width: 90, sorter: true },
  ];
  return (
    <PageCard
      title="合法性审查台"
      extra={
        <Space wrap>
          <Button onClick={() => act.open({ spec: submitReviewForm, path: '/api/legality/reviews' })}>
            报送审查
          </Button>
          <ExportButton
            path="/api/legality/reviews/export.xlsx"
            query={list.filters}
            filename="合法性审查台账.xlsx"
          />
        </Space>
      }
    >
      <FilterForm onSearch={list.setFilters} ranges={{ submitted: ['submittedFrom', 'submittedTo'] }}>
        <TextFilter name="q" label="事项/单位" width={160} />
        <SelectFilter name="kind" label="类别" options={reviewKindOptions} width={150} />
        <SelectFilter name="status" label="状态" options={statuses} width={130} />
        <DueSelectFilter width={100} initialValue={due} />
      </FilterForm>
      <LedgerTable list={list} columns={columns} scrollX={1100} />
      {linked.data && linked.data.total > 0 && (
        <List<LinkedCase>
          size="small"
          header={`待法制审核的重大执法决定(${linked.data.total} 件,在执法案件中办理)`}
          dataSource={linked.data.items}
          renderItem={(c) => (
            <List.Item>
              <Link to={`/enforcement/cases/${c.id}`}>{c.caseNo}</Link> {c.partyName} · {c.orgName} · 提交{' '}
              {c.submittedOn ?? '—'}
            </List.Item>
          )}
        />
      )}
      <ActsDrawer
        of={detail}
        width={680}
        emptyTitle="审查详情"
        forms={reviewActionForms}
        formFor={(d, action) =>
          action === 'answer'
            ? {
                spec: answerForm(d),
                path: `/api/legality/reviews/${d.id}/answers`,
                extra: { version: d.version },
              }
            : undefined
        }
        onOpen={act.open}
      >
        {(d) => (
          <>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
              <Descriptions.Item label="类别">{d.kindLabel}</Descriptions.Item>
              <Descriptions.Item label="报送单位">{d.orgName}</Descriptions.Item>
              <Descriptions.Item label="报送日期">{d.submittedOn}</Descriptions.Item>
              <Descriptions.Item label="审查期限">
                <DueCell r={d} />
                {d.extended && <Tag style={{ marginLeft: 4 }}>已延长</Tag>}
              </Descriptions.Item>
              <Descriptions.Item label="状态">{d.statusLabel}</Descriptions.Item>
              <Descriptions.Item label="结论">{d.conclusionLabel ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="材料" span={2}>
                {d.materials.map((m) => m.name).join('、')}
              </Descriptions.Item>
              <Descriptions.Item label="审查人员" span={2}>
                {d.reviewers.map((r) => r.name).join('、') || '—'}
              </Descriptions.Item>
            </Descriptions>
            <List
              size="small"
              header="审查意见及采纳情况"
              dataSource={d.opinions}
              locale={{ emptyText: '无逐条意见' }}
              renderItem={(o) => (
                <List.Item>
                  {o.seq}. {o.body}
                  {o.adoptionLabel && (
                    <Tag style={{ marginLeft: 8 }}>
                      {o.adoptionLabel}
                      {o.adoptionReason ? `:${o.adoptionReason}` : ''}
                    </Tag>
                  )}
                </List.Item>
              )}
            />
            <ActTimeline acts={d.timeline} />
          </>
        )}
      </ActsDrawer>
      {act.modal}
    </PageCard>
  );
}
