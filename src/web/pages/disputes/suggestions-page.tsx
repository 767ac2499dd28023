import {
  Button,
  Checkbox,
  Descriptions,
  Drawer,
  Form,
  Input,
  Select,
  Space,
  type TableColumnsType,
  Tag,
  TreeSelect,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { notifySuccess } from '../../api/feedback.js';
import { can, useAuth } from '../../auth/auth-context.js';
import { useDueParam } from '../../components/due-param.js';
import { CreateAndExport, FilterForm, PageCard } from '../../components/ledger.js';
import { useOrgTree } from '../../components/org-tree.js';
import { useList } from '../../components/use-list.js';
import { DueTag } from '../enforcement/due-tag.js';
import { suggestionKindOptions } from './labels.js';
import {
  type ReplyValues,
  replyBody,
  type SuggestionCreateValues,
  suggestionCreateBody,
} from './suggestion-bodies.js';
import type { SuggestionView } from './types.js';
import { DueSelectFilter, RangeFilter, SelectFilter, TextFilter } from '../../components/filter-fields.js';
import { LedgerTable } from '../../components/ledger-table.js';
import { useSubmit } from '../../components/use-submit.js';
import { DateItem, TextItem, fieldRules } from '../../components/form-items.js';
import { type OpenedRecordProps, useRecord } from '../../components/record-drawer.js';
import { openColumn } from '../../components/columns.js';
import { optionsOf } from '../../components/options.js';
import { FormInModal } from '../../components/edit-modal.js';

function StateTag({ s }: { s: SuggestionView }) {
  if (s.dueState === 'onTime') return <Tag color="green">按期答复 {s.repliedOn}</Tag>;
  if (s.dueState === 'late') return <Tag color="volcano">逾期答复 {s.repliedOn}</Tag>;
  return <DueTag state={s.dueState} due={s.dueOn} />;
}

function CreateModal({ onClose, onCreated }: { onClose: () => void; onCreated: () => void }) {
  const [form] = Form.useForm<SuggestionCreateValues>();
  const { treeData } = useOrgTree();
  const kind = Form.useWatch('kind', form);
  const save = useSubmit(form, async (v) => {
    await api.post('/api/disputes/suggestions', suggestionCreateBody(v));
    notifySuccess('已登记');
    onCreated();
  });
  return (
    <FormInModal
      title="登记检察建议、司法建议"
      onClose={onClose}
      save={save}
      okText="登记"
      width={680}
      form={form}
      initialValues={{ receivedOn: dayjs() }}
    >
      <Space wrap align="start">
        <Form.Item name="kind" label="类别" rules={fieldRules('类别', true)}>
          <Select options={suggestionKindOptions} style={{ width: 230 }} />
        </Form.Item>
        <Form.Item name="orgId" label="答复单位" rules={fieldRules('答复单位', true)}>
          <TreeSelect treeData={treeData} showSearch treeNodeFilterProp="title" style={{ width: 240 }} />
        </Form.Item>
        <TextItem name="issuer" label="制发机关" required max={100} />
        <TextItem name="documentNo" label="文书编号" required max={60} />
        <DateItem name="issuedOn" label="制发日期" required />
        <DateItem name="receivedOn" label="收到日期" required />
        {kind === 'publicInterest' && (
          <Form.Item name="urgent" label="情况紧急(15日内答复)" valuePropName="checked">
            <Checkbox />
          </Form.Item>
        )}
      </Space>
      <TextItem name="summary" label="建议内容" required max={4000} rows={3} min={4} />
    </FormInModal>
  );
}

function SuggestionDrawer({ id, onClose, onChanged }: OpenedRecordProps) {
  const { me } = useAuth();
  const { record: s, reload } = useRecord<SuggestionView>('/api/disputes/suggestions', id);
  const [form] = Form.useForm<ReplyValues>();
  const { busy, submit } = useSubmit(form, async (v) => {
    if (!s) return;
    await api.post(`/api/disputes/suggestions/${s.id}/reply`, replyBody(s.version, v));
    notifySuccess('已登记答复');
    reload();
    onChanged();
  });
  return (
    <Drawer open={id !== null} onClose={onClose} width={640} title={s ? s.documentNo : '建议'}>
      {s && (
        <>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="类别">{s.kindLabel}</Descriptions.Item>
            <Descriptions.Item label="制发机关">{s.issuer}</Descriptions.Item>
            <Descriptions.Item label="答复单位">{s.orgName}</Descriptions.Item>
            <Descriptions.Item label="收到日期">{s.receivedOn}</Descriptions.Item>
            <Descriptions.Item label="答复期限">
              {s.dueOn} {s.urgent && <Tag color="red">紧急</Tag>} <StateTag s={s} />
            </Descriptions.Item>
            <Descriptions.Item label="建议内容">{s.summary}</Descriptions.Item>
            {s.reply && <Descriptions.Item label="书面答复">{s.reply}</Descriptions.Item>}
            {s.rectification && <Descriptions.Item label="整改情况">{s.rectification}</Descriptions.Item>}
          </Descriptions>
          {s.status === 'pending' && can(me, 'disputes:suggestion:edit') && (
            <Form
              form={form}
              layout="vertical"
              size="small"
              style={{ marginTop: 16 }}
              initialValues={{ repliedOn: dayjs() }}
              aria-label="登记答复"
            >
              <DateItem name="repliedOn" label="答复日期" required="请选择日期" />
              <Form.Item
                name="reply"
                label="书面答复"
                rules={[
                  { required: true, message: '请填写书面答复' },
                  { min: 4, message: '至少 4 个字符' },
                ]}
              >
                <Input.TextArea rows={3} maxLength={8000} />
              </Form.Item>
              <TextItem name="rectification" label="整改情况" max={8000} rows={2} />
              <Button type="primary" loading={busy} onClick={submit}>
                登记答复
              </Button>
            </Form>
          )}
        </>
      )}
    </Drawer>
  );
}

/** 检察建议、司法建议台账: the reply due (2 months, 15 days when urgent), 临期/逾期, Excel. */
export default function SuggestionsPage() {
  const { me } = useAuth();
  const due = useDueParam();
  const list = useList<SuggestionView>('/api/disputes/suggestions', { filters: due ? { due } : {} });
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const columns: TableColumnsType<SuggestionView> = [
    openColumn({ title: '文书编号', dataIndex: 'documentNo', width: 200 }, setOpen),
    { title: '类别', dataIndex: 'kindLabel', key: 'kind', ellipsis: true, sorter: true },
    { title: '制发机关', dataIndex: 'issuer', key: 'issuer', ellipsis: true },
    { title: '答复单位', dataIndex: 'orgName', key: 'orgName', ellipsis: true, sorter: true },
    { title: '收到日期', dataIndex: 'receivedOn', key: 'receivedOn', width: 100, sorter: true },
    { title: '答复期限', key: 'dueOn', width: 170, sorter: true, render: (_, r) => <StateTag s={r} /> },
  ];
  return (
    <PageCard
      title="检察建议、司法建议"
      extra={
        <CreateAndExport
          create={
            can(me, 'disputes:suggestion:edit') && { label: '登记建议', onClick: () => setCreating(true) }
          }
          exportPath="/api/disputes/suggestions/export.xlsx"
          query={list.filters}
          filename="检察建议司法建议台账.xlsx"
        />
      }
    >
      <FilterForm onSearch={list.setFilters} ranges={{ received: ['receivedFrom', 'receivedTo'] }}>
        <TextFilter name="q" label="编号/机关" width={150} />
        <SelectFilter name="kind" label="类别" options={suggestionKindOptions} width={200} />
        <SelectFilter
          name="status"
          label="状态"
          options={optionsOf({ pending: '待答复', answered: '已答复' })}
          width={100}
        />
        <DueSelectFilter initialValue={due} />
        <RangeFilter name="received" label="收到日期" />
      </FilterForm>
      <LedgerTable list={list} columns={columns} scrollX={950} />
      <SuggestionDrawer id={open} onClose={() => setOpen(null)} onChanged={list.reload} />
      {creating && (
        <CreateModal
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            list.reload();
          }}
        />
      )}
    </PageCard>
  );
}
