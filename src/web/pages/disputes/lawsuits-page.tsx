import { Button, Form, Select, Space, Table, type TableColumnsType, Tag, TreeSelect } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { notifySuccess } from '../../api/feedback.js';
import { can, useAuth } from '../../auth/auth-context.js';
import { CreateAndExport, FilterForm, PageCard } from '../../components/ledger.js';
import { useOrgTree } from '../../components/org-tree.js';
import { useList } from '../../components/use-list.js';
import { actKindOptions, instanceOptions, lawsuitOutcomeOptions, subjectAreaOptions } from './labels.js';
import { type LawsuitCreateValues, lawsuitCreateBody } from './lawsuit-bodies.js';
import { LawsuitDrawer } from './lawsuit-drawer.js';
import type { LawsuitSummary } from './types.js';
import { RangeFilter, SelectFilter, TextFilter } from '../../components/filter-fields.js';
import { LedgerTable } from '../../components/ledger-table.js';
import { useSubmit } from '../../components/use-submit.js';
import { DateItem, TextItem, fieldRules } from '../../components/form-items.js';
import { openColumn } from '../../components/columns.js';
import { optionsOf } from '../../components/options.js';
import { FormInModal } from '../../components/edit-modal.js';

function CreateModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const [form] = Form.useForm<LawsuitCreateValues>();
  const { treeData } = useOrgTree();
  const save = useSubmit(form, async (v) => {
    const s = await api.post<{ id: string }>('/api/disputes/lawsuits', lawsuitCreateBody(v));
    notifySuccess('已登记应诉案件');
    onCreated(s.id);
  });
  return (
    <FormInModal
      title="登记行政应诉案件"
      onClose={onClose}
      save={save}
      okText="登记"
      width={720}
      form={form}
      initialValues={{ instance: 'first' }}
    >
      <Space wrap align="start">
        <Form.Item name="defendantOrgId" label="被告" rules={fieldRules('被告', true)}>
          <TreeSelect treeData={treeData} showSearch treeNodeFilterProp="title" style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="coDefendantOrgId" label="共同被告(维持原行为的复议机关)">
          <TreeSelect
            treeData={treeData}
            allowClear
            showSearch
            treeNodeFilterProp="title"
            style={{ width: 240 }}
          />
        </Form.Item>
        <TextItem name="court" label="法院" required max={100} />
        <TextItem name="courtCaseNo" label="案号" required max={60} />
        <Form.Item name="instance" label="审级">
          <Select options={instanceOptions} style={{ width: 90 }} />
        </Form.Item>
        <DateItem name="filedOn" label="立案日期" required />
        <TextItem name="plaintiff" label="原告" required max={200} />
        <TextItem name="contestedAct" label="被诉行政行为" required max={200} />
        <Form.Item name="subjectArea" label="争议领域">
          <Select allowClear options={subjectAreaOptions} style={{ width: 170 }} />
        </Form.Item>
        <Form.Item name="actKind" label="行为类别">
          <Select allowClear options={actKindOptions} style={{ width: 150 }} />
        </Form.Item>
      </Space>
      <TextItem name="claims" label="诉讼请求" required max={4000} rows={3} min={2} />
    </FormInModal>
  );
}

interface HearingRow {
  id: string;
  lawsuitId: string;
  orgName: string;
  court: string;
  courtCaseNo: string;
  instanceLabel: string;
  hearingOn: string;
  summonsLate: boolean;
  appearerName: string;
  appearerTitle: string;
  appearerRoleLabel: string;
  countsAsHead: boolean;
  excuseGroundLabel: string | null;
}

/** 出庭应诉登记簿: every hearing, who appeared, whether a 负责人 (规定 第二条) did. */
function HearingRegister({ onOpen }: { onOpen: (id: string) => void }) {
  const list = useList<HearingRow>('/api/disputes/hearings');
  return (
    <>
      <FilterForm onSearch={list.setFilters} ranges={{ at: ['from', 'to'] }}>
        <RangeFilter name="at" label="开庭日期" />
      </FilterForm>
      <Table<HearingRow>
        rowKey="id"
        size="small"
        scroll={{ x: 1000 }}
        columns={[
          { title: '开庭日期', dataIndex: 'hearingOn', width: 100 },
          {
            title: '案号',
            key: 'no',
            render: (_, h) => (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(h.lawsuitId)}>
                {h.courtCaseNo}
              </Button>
            ),
          },
          { title: '审级', dataIndex: 'instanceLabel', width: 60 },
          { title: '被告', dataIndex: 'orgName', ellipsis: true },
          { title: '出庭人员', key: 'who', render: (_, h) => `${h.appearerName}(${h.appearerTitle})` },
          {
            title: '负责人出庭',
            key: 'head',
            width: 200,
            render: (_, h) =>
              h.countsAsHead ? (
                <Tag color="green">是</Tag>
              ) : (
                <Tag color="orange">否:{h.excuseGroundLabel ?? '未说明'}</Tag>
              ),
          },
          {
            title: '通知',
            key: 'late',
            width: 90,
            render: (_, h) => (h.summonsLate ? <Tag color="orange">不足3日</Tag> : '—'),
          },
        ]}
        {...list.tableProps}
      />
    </>
  );
}

/** 行政应诉台账 (one row per instance) and the 出庭 register. */
export default function LawsuitsPage() {
  const { me } = useAuth();
  const list = useList<LawsuitSummary>('/api/disputes/lawsuits');
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [tab, setTab] = useState<'suits' | 'hearings'>('suits');
  const columns: TableColumnsType<LawsuitSummary> = [
    openColumn({ title: '案号', dataIndex: 'courtCaseNo', width: 200, sorter: true }, setOpen),
    { title: '审级', dataIndex: 'instanceLabel', key: 'instance', width: 70, sorter: true },
    { title: '原告', dataIndex: 'plaintiff', key: 'plaintiff', ellipsis: true },
    { title: '被告', dataIndex: 'orgName', key: 'orgName', ellipsis: true, sorter: true },
    { title: '被诉行为', dataIndex: 'contestedAct', key: 'contestedAct', ellipsis: true },
    { title: '立案日期', dataIndex: 'filedOn', key: 'filedOn', width: 100, sorter: true },
    {
      title: '出庭',
      key: 'hearings',
      width: 110,
      render: (_, r) => (r.hearings ? `${r.headHearings}/${r.hearings} 次负责人` : '—'),
    },
    {
      title: '结果',
      key: 'concludedOn',
      width: 200,
      sorter: true,
      render: (_, r) => (
        <>
          <Tag>{r.statusLabel}</Tag>
          {r.outcomeLabel}
          {r.lost && <Tag color="red">败诉</Tag>}
        </>
      ),
    },
  ];
  return (
    <PageCard
      title={
        <Space>
          行政应诉
          <Select
            size="small"
            value={tab}
            onChange={setTab}
            options={optionsOf({ suits: '应诉台账', hearings: '出庭应诉登记簿' })}
            style={{ width: 140 }}
          />
        </Space>
      }
      extra={
        <CreateAndExport
          create={
            can(me, 'disputes:litigation:edit') && { label: '登记应诉案件', onClick: () => setCreating(true) }
          }
          exportPath="/api/disputes/lawsuits/export.xlsx"
          query={list.filters}
          filename="行政应诉台账.xlsx"
        />
      }
    >
      {tab === 'hearings' ? (
        <HearingRegister onOpen={setOpen} />
      ) : (
        <>
          <FilterForm onSearch={list.setFilters} ranges={{ filed: ['filedFrom', 'filedTo'] }}>
            <TextFilter name="q" label="案号/原告/行为" width={160} />
            <SelectFilter
              name="status"
              label="状态"
              options={optionsOf({ pending: '审理中', concluded: '已审结', appealed: '已上诉' })}
              width={100}
            />
            <SelectFilter name="instance" label="审级" options={instanceOptions} width={90} />
            <SelectFilter name="outcome" label="结果" options={lawsuitOutcomeOptions} width={150} />
            <RangeFilter name="filed" label="立案日期" />
          </FilterForm>
          <LedgerTable list={list} columns={columns} scrollX={1100} />
        </>
      )}
      <LawsuitDrawer id={open} onClose={() => setOpen(null)} onChanged={list.reload} />
      {creating && (
        <CreateModal
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            list.reload();
            setOpen(id);
          }}
        />
      )}
    </PageCard>
  );
}
