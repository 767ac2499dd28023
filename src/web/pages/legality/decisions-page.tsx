import type { DecisionDetail, DecisionSummary } from '../../../domains/legality/decisions/present.js';
import { decisionStatusLabels } from '../../../domains/legality/decisions/labels.js';
import { Button, Descriptions, Form, InputNumber, List, Space, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { ExportButton, FilterForm, PageCard } from '../../components/ledger.js';
import { useFetch } from '../../components/use-fetch.js';
import { useList } from '../../components/use-list.js';
import { ActsDrawer, ActTimeline, StepList, useActForm } from './acts-drawer.js';
import { useOpenRecord } from '../../components/record-drawer.js';
import { CommentsPanel } from './comments-panel.js';
import {
  catalogueActionForms,
  createCatalogueForm,
  decisionActionForms,
  listDecisionForm,
} from './action-specs.js';
import { SelectFilter, TextFilter } from '../../components/filter-fields.js';
import { LedgerTable } from '../../components/ledger-table.js';
import { optionsOf } from '../../components/options.js';
import { openColumn, optionalColumn } from '../../components/columns.js';

interface Catalogue {
  id: string;
  orgName: string;
  year: number;
  status: 'drafted' | 'agreed' | 'published';
  statusLabel: string;
  agreedOn: string | null;
  publishedOn: string | null;
  adjustmentCount: number;
  itemCount: number | null;
  version: number;
}

const statuses = optionsOf(decisionStatusLabels);

/** 重大行政决策: the yearly 决策事项目录 and each decision's five procedures, gates and missing steps. */
export default function DecisionsPage() {
  const [year, setYear] = useState(new Date().getFullYear());
  const catalogues = useFetch<{ items: Catalogue[] }>('/api/legality/catalogues', { year });
  const list = useList<DecisionSummary>('/api/legality/decisions');
  const detail = useOpenRecord<DecisionDetail>('/api/legality/decisions');
  const act = useActForm(() => {
    catalogues.reload();
    list.reload();
    detail.reload();
  });
  const columns: TableColumnsType<DecisionSummary> = [
    openColumn({ title: '决策事项', dataIndex: 'title', ellipsis: true }, detail.open),
    { title: '年度', dataIndex: 'year', key: 'year', width: 70 },
    { title: '类别', dataIndex: 'categoryLabel', key: 'category', width: 170, ellipsis: true },
    { title: '承办单位', dataIndex: 'undertakingOrg', key: 'undertakingOrg', width: 150, ellipsis: true },
    optionalColumn({ title: '合法性审查', dataIndex: 'reviewConclusionLabel', key: 'review', width: 110 }),
    optionalColumn({ title: '决定日期', dataIndex: 'decidedOn', key: 'decidedOn', width: 110 }),
    {
      title: '状态',
      key: 'status',
      width: 200,
      render: (_, r) => (
        <>
          {r.statusLabel}
          {r.stageNote && <Tag style={{ marginLeft: 4 }}>{r.stageNote}</Tag>}
        </>
      ),
    },
  ];
  return (
    <PageCard
      title="重大行政决策"
      extra={
        <Space wrap>
          <InputNumber
            value={year}
            min={2000}
            max={2100}
            onChange={(v) => v && setYear(v)}
            suffix="年度"
            style={{ width: 130 }}
          />
          <ExportButton
            path="/api/legality/decisions/export.xlsx"
            query={list.filters}
            filename="重大行政决策台账.xlsx"
          />
          <Button onClick={() => act.open({ spec: createCatalogueForm, path: '/api/legality/catalogues' })}>
            拟定目录
          </Button>
        </Space>
      }
    >
      <List<Catalogue>
        size="small"
        header={`${year} 年度决策事项目录`}
        loading={catalogues.loading}
        dataSource={catalogues.data?.items ?? []}
        locale={{ emptyText: '本年度目录尚未拟定' }}
        renderItem={(c) => {
          const next =
            c.status === 'drafted'
              ? catalogueActionForms.agree
              : c.status === 'agreed'
                ? catalogueActionForms.publish
                : undefined;
          return (
            <List.Item
              actions={[
                <Button
                  key="list"
                  size="small"
                  onClick={() =>
                    act.open({ spec: listDecisionForm, path: `/api/legality/catalogues/${c.id}/decisions` })
                  }
                >
                  {c.status === 'published' ? '调整目录(增列事项)' : '列入事项'}
                </Button>,
                ...(next
                  ? [
                      <Button
                        key="next"
                        size="small"
                        type="primary"
                        onClick={() =>
                          act.open({
                            spec: next,
                            path: `/api/legality/catalogues/${c.id}/actions`,
                            extra: { version: c.version },
                          })
                        }
                      >
                        {next.title}
                      </Button>,
                    ]
                  : []),
              ]}
            >
              {c.orgName}:{c.statusLabel},列入 {c.itemCount ?? 0} 项
              {c.publishedOn ? `,${c.publishedOn} 公布` : ''}
              {c.adjustmentCount ? `,调整 ${c.adjustmentCount} 次` : ''}
            </List.Item>
          );
        }}
      />
      <FilterForm onSearch={list.setFilters}>
        <TextFilter name="q" label="事项" width={160} />
        <Form.Item name="year" label="年度">
          <InputNumber min={2000} max={2100} style={{ width: 100 }} />
        </Form.Item>
        <SelectFilter name="status" label="状态" options={statuses} width={150} />
      </FilterForm>
      <LedgerTable list={list} columns={columns} scrollX={1000} />
      <ActsDrawer
        of={detail}
        width={Math.min(720, window.innerWidth)}
        emptyTitle="决策详情"
        forms={decisionActionForms}
        checks={(d) => d.archiveChecklist}
        onOpen={act.open}
      >
        {(d) => (
          <>
            {d.missing.length > 0 && (
              <p>
                <Tag color="orange">尚缺</Tag>
                {d.missing.join('、')}(合法性审查通过、其他程序履行或说明不适用后方可集体讨论)
              </p>
            )}
            <StepList steps={d.procedures}>
              <Descriptions.Item label="归档材料清单">{d.archiveChecklist.join('、')}</Descriptions.Item>
            </StepList>
            <ActTimeline acts={d.timeline} />
            <CommentsPanel subjectId={d.id} />
          </>
        )}
      </ActsDrawer>
      {act.modal}
    </PageCard>
  );
}
