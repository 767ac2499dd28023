import { Checkbox, DatePicker, Form, Select, Space, type TableColumnsType, Tag, TreeSelect } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/client.js';
import { notifySuccess } from '../../api/feedback.js';
import { can, useAuth } from '../../auth/auth-context.js';
import { useDueParam } from '../../components/due-param.js';
import { CreateAndExport, FilterForm, PageCard } from '../../components/ledger.js';
import { useOrgTree } from '../../components/org-tree.js';
import { useList } from '../../components/use-list.js';
import { DueTag } from '../enforcement/due-tag.js';
import {
  actKindOptions,
  channelFilterOptions,
  channelOptions,
  outcomeOptions,
  reconStatusOptions,
  subjectAreaOptions,
} from './labels.js';
import { type ReconCreateValues, reconCreateBody } from './recon-create-body.js';
import type { ReconDetail, ReconSummary } from './types.js';
import { DueSelectFilter, RangeFilter, SelectFilter, TextFilter } from '../../components/filter-fields.js';
import { LedgerTable } from '../../components/ledger-table.js';
import { useSubmit } from '../../components/use-submit.js';
import { DateItem, NumberItem, TextItem, fieldRules } from '../../components/form-items.js';
import { optionsOf } from '../../components/options.js';
import { FormInModal } from '../../components/edit-modal.js';

function CreateModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<ReconCreateValues>();
  const { treeData } = useOrgTree();
  const navigate = useNavigate();
  const channel = Form.useWatch('channel', form);
  const save = useSubmit(form, async (v) => {
    const c = await api.post<ReconDetail>('/api/disputes/reconsiderations', reconCreateBody(v));
    notifySuccess(`已登记 ${c.caseNo}`);
    onClose();
    navigate(`/disputes/reconsiderations/${c.id}`);
  });
  return (
    <FormInModal
      title="登记行政复议申请"
      onClose={onClose}
      save={save}
      okText="登记"
      width={760}
      form={form}
      initialValues={{
        channel: 'inPerson',
        receivedOn: dayjs(),
        applicantKind: 'person',
        actKind: 'penalty',
      }}
    >
      <Space wrap align="start">
        <Form.Item name="channel" label="申请方式" rules={fieldRules('申请方式', true)}>
          <Select options={channelOptions} style={{ width: 140 }} />
        </Form.Item>
        <DateItem name="receivedOn" label="收到申请日期" required />
        {(channel === 'mail' || channel === 'transfer') && (
          <Form.Item name="filedOn" label={channel === 'mail' ? '邮戳日期' : '被申请人收到日期'}>
            <DatePicker />
          </Form.Item>
        )}
        <Form.Item name="respondentOrgId" label="被申请人" rules={fieldRules('被申请人', true)}>
          <TreeSelect treeData={treeData} showSearch treeNodeFilterProp="title" style={{ width: 260 }} />
        </Form.Item>
      </Space>
      <Space wrap align="start">
        <Form.Item name="applicantKind" label="申请人类型">
          <Select
            style={{ width: 150 }}
            options={optionsOf({ person: '公民', organisation: '法人或其他组织' })}
          />
        </Form.Item>
        <TextItem name="applicantName" label="申请人" required max={100} />
        <TextItem name="applicantIdNo" label="证件号码" max={30} />
        <TextItem name="applicantPhone" label="联系电话" max={30} />
        <TextItem name="applicantAddress" label="通讯地址" max={200} />
      </Space>
      <Space wrap align="start">
        <TextItem name="actTitle" label="被申请复议的行政行为" required="请填写行政行为名称" max={200} />
        <TextItem name="actDocumentNo" label="文书编号" max={60} />
        <Form.Item name="actKind" label="行为类别">
          <Select options={actKindOptions} style={{ width: 160 }} />
        </Form.Item>
        <DateItem name="actKnownOn" label="知道该行为的日期" required />
        <Form.Item name="subjectArea" label="争议领域">
          <Select allowClear options={subjectAreaOptions} style={{ width: 170 }} />
        </Form.Item>
        <NumberItem name="actAmount" label="款额(元)" min={0} />
        <Form.Item name="partiesAgreeSimple" label="当事人同意简易程序" valuePropName="checked">
          <Checkbox />
        </Form.Item>
      </Space>
      <TextItem name="request" label="复议请求" required max={2000} rows={2} />
      <TextItem name="reasons" label="事实和理由" required max={8000} rows={4} min={4} />
    </FormInModal>
  );
}

/** 行政复议台账: every application, its next statutory clock (临期/逾期), filters, sorting, Excel. */
export default function ReconLedgerPage() {
  const { me } = useAuth();
  const due = useDueParam();
  const list = useList<ReconSummary>('/api/disputes/reconsiderations', { filters: due ? { due } : {} });
  const [creating, setCreating] = useState(false);
  const columns: TableColumnsType<ReconSummary> = [
    {
      title: '案号',
      dataIndex: 'caseNo',
      key: 'caseNo',
      width: 150,
      sorter: true,
      render: (no: string, r) => <Link to={`/disputes/reconsiderations/${r.id}`}>{no}</Link>,
    },
    { title: '收到日期', dataIndex: 'receivedOn', key: 'receivedOn', width: 100, sorter: true },
    { title: '申请方式', dataIndex: 'channelLabel', key: 'channel', width: 90 },
    { title: '申请人', dataIndex: 'applicantName', key: 'applicantName', ellipsis: true, sorter: true },
    { title: '被申请人', dataIndex: 'orgName', key: 'orgName', ellipsis: true, sorter: true },
    { title: '行政行为', dataIndex: 'actTitle', key: 'actTitle', ellipsis: true },
    {
      title: '状态',
      key: 'status',
      width: 150,
      sorter: true,
      render: (_, r) => (
        <>
          <Tag color={r.suspended ? 'purple' : undefined}>{r.statusLabel}</Tag>
          {r.procedure === 'simple' && <Tag>简易</Tag>}
          {r.extended && <Tag color="blue">已延期</Tag>}
        </>
      ),
    },
    {
      title: '决定',
      key: 'decidedOn',
      width: 150,
      sorter: true,
      render: (_, r) =>
        r.decidedOn ? `${r.outcomeLabel ?? ''} ${r.decidedOn}` : (r.terminationGroundLabel ?? '—'),
    },
    {
      title: '期限',
      key: 'nextDueOn',
      width: 150,
      sorter: true,
      render: (_, r) =>
        r.nextDue ? (
          <span title={r.nextDue.label}>
            <DueTag state={r.nextDue.state} due={r.nextDue.dueOn} provisional={r.nextDue.provisionalReason} />
          </span>
        ) : r.suspended ? (
          <Tag color="purple">中止计时</Tag>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <PageCard
      title="行政复议台账"
      extra={
        <CreateAndExport
          create={
            can(me, 'disputes:reconsideration:edit') && {
              label: '登记申请',
              onClick: () => setCreating(true),
            }
          }
          exportPath="/api/disputes/reconsiderations/export.xlsx"
          query={list.filters}
          filename="行政复议台账.xlsx"
        />
      }
    >
      <FilterForm onSearch={list.setFilters} ranges={{ received: ['receivedFrom', 'receivedTo'] }}>
        <TextFilter name="q" label="案号/申请人/行为" width={160} />
        <SelectFilter name="status" label="状态" options={reconStatusOptions} width={110} />
        <SelectFilter name="channel" label="申请方式" options={channelFilterOptions} width={120} />
        <SelectFilter name="outcome" label="决定类型" options={outcomeOptions} width={130} />
        <DueSelectFilter initialValue={due} />
        <RangeFilter name="received" label="收到日期" />
      </FilterForm>
      <LedgerTable list={list} columns={columns} scrollX={1150} />
      {creating && <CreateModal onClose={() => setCreating(false)} />}
    </PageCard>
  );
}
