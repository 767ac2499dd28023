import { Button, Form, Input, Select, TreeSelect } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { api } from '../../api/client.js';
import { applyFormError, notifySuccess } from '../../api/feedback.js';
import { useOrgTree } from '../../components/org-tree.js';
import { useFetch } from '../../components/use-fetch.js';
import {
  type CampaignValues,
  type ClueActValues,
  campaignBody,
  clueActBody,
  type OpinionValues,
  opinionBody,
  type PlanValues,
  planBody,
  type TipOffValues,
  tipOffBody,
  type VisitValues,
  visitBody,
} from './oversight-bodies.js';
import { DateItem, NumberItem, TextItem } from '../../components/form-items.js';
import { useSending } from '../../components/use-submit.js';
import { FormInModal } from '../../components/edit-modal.js';
import { optionsOf } from '../../components/options.js';

/** A button opening a modal form that posts `body(values)` to `path`; field errors land on their fields. */
function ModalForm<V extends object>({
  label,
  title,
  path,
  body,
  done,
  initial,
  primary,
  onDone,
  children,
}: {
  label: string;
  title: string;
  path: string;
  body: (v: V) => unknown;
  done: string;
  initial?: Partial<V>;
  primary?: boolean;
  onDone: () => void;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const { busy, run } = useSending();
  const [form] = Form.useForm<V>();
  const submit = async () => {
    const values = await form.validateFields();
    await run(
      async () => {
        await api.post(path, body(values));
        notifySuccess(done);
        setOpen(false);
        onDone();
      },
      (e) => {
        applyFormError(form, e);
      },
    );
  };
  return (
    <>
      <Button type={primary ? 'primary' : 'default'} onClick={() => setOpen(true)}>
        {label}
      </Button>
      {open && (
        <FormInModal
          title={title}
          width={680}
          save={{ busy, submit }}
          onClose={() => setOpen(false)}
          form={form}
          initialValues={initial}
        >
          {children}
        </FormInModal>
      )}
    </>
  );
}

const req = (message: string) => [{ required: true, message }];

function OrgField({ name, label, multiple }: { name: string; label: string; multiple?: boolean }) {
  const { treeData } = useOrgTree();
  return (
    <Form.Item name={name} label={label} rules={req(`请选择${label}`)}>
      <TreeSelect
        treeData={treeData}
        showSearch
        treeNodeFilterProp="title"
        {...(multiple ? { multiple: true, treeCheckable: true, maxTagCount: 6 } : {})}
      />
    </Form.Item>
  );
}

function ProblemsFields({ required }: { required?: boolean }) {
  return (
    <>
      <Form.Item
        name="problems"
        label="发现的问题(每行一个,各自生成整改事项)"
        rules={required ? req('请列出发现的问题') : []}
      >
        <Input.TextArea rows={4} maxLength={8000} />
      </Form.Item>
      <DateItem name="dueOn" label="整改期限" required="请选择整改期限" />
    </>
  );
}

export function TipOffButton({ onDone }: { onDone: () => void }) {
  return (
    <ModalForm<TipOffValues>
      label="登记举报线索"
      title="登记举报线索"
      path="/api/oversight/clues"
      body={tipOffBody}
      done="已登记线索"
      initial={{ receivedOn: dayjs() }}
      onDone={onDone}
    >
      <OrgField name="orgId" label="被举报单位" />
      <DateItem name="receivedOn" label="收到日期" required="请选择日期" />
      <TextItem name="description" label="举报内容" required max={2000} rows={4} />
    </ModalForm>
  );
}

export function OpinionButton({ onDone }: { onDone: () => void }) {
  return (
    <ModalForm<OpinionValues>
      label="制发监督意见书"
      title="制发行政执法监督意见书或建议书"
      path="/api/oversight/opinions"
      body={opinionBody}
      done="已制发,所列问题已交办整改"
      initial={{ kind: 'opinion', issuedOn: dayjs(), dueOn: dayjs().add(30, 'day') }}
      onDone={onDone}
    >
      <OrgField name="orgId" label="送达单位" />
      <Form.Item name="kind" label="文书" rules={req('请选择文书')}>
        <Select options={optionsOf({ opinion: '行政执法监督意见书', suggestion: '行政执法监督建议书' })} />
      </Form.Item>
      <TextItem name="docNo" label="文号" required max={60} />
      <DateItem name="issuedOn" label="制发日期" required="请选择日期" />
      <DateItem name="dueOn" label="整改期限" required="请选择日期" />
      <TextItem name="content" label="意见或建议" required="请填写内容" max={4000} rows={3} />
      <TextItem
        name="problems"
        label="指出的问题(每行一个,各自生成整改事项)"
        required="请列出至少一个问题"
        max={8000}
        rows={4}
      />
    </ModalForm>
  );
}

const clueActionLabels = { assign: '交办', answer: '答复', close: '办结' } as const;

/** 交办 / 答复 / 办结 a clue: the actions its status allows, as one form. */
export function ClueActButton({
  clue,
  actions,
  onDone,
}: {
  clue: { id: string; version: number };
  actions: readonly ClueActValues['action'][];
  onDone: () => void;
}) {
  const [action, setAction] = useState<ClueActValues['action'] | undefined>(actions[0]);
  if (actions.length === 0) return null;
  return (
    <ModalForm<ClueActValues>
      label="办理"
      title="办理问题线索"
      path={`/api/oversight/clues/${clue.id}/actions`}
      body={(v) => clueActBody(clue.version, v)}
      done="已办理"
      initial={{ action: actions[0] }}
      onDone={onDone}
    >
      <Form.Item name="action" label="办理事项" rules={req('请选择办理事项')}>
        <Select
          onChange={(v: ClueActValues['action']) => setAction(v)}
          options={actions.map((a) => ({ value: a, label: clueActionLabels[a] }))}
        />
      </Form.Item>
      {action === 'assign' && <TextItem name="assignee" label="承办单位或人员" required max={100} />}
      {action === 'answer' && <TextItem name="answer" label="答复" required max={2000} rows={3} />}
      {action === 'close' && (
        <>
          <TextItem name="conclusion" label="办结结论" required max={2000} rows={3} />
          <TextItem
            name="problems"
            label="查实的问题(每行一个,各自生成整改事项;没有可不填)"
            max={8000}
            rows={3}
          />
          <DateItem name="dueOn" label="整改期限(有问题时必填)" />
        </>
      )}
    </ModalForm>
  );
}

export function PlanButton({ onDone }: { onDone: () => void }) {
  const year = new Date().getFullYear();
  return (
    <ModalForm<PlanValues>
      label="新建督察计划"
      title="新建法治督察计划"
      path="/api/oversight/inspection-plans"
      body={planBody}
      done="已建立督察计划"
      initial={{ year, title: `${year}年度法治政府建设督察` }}
      primary
      onDone={onDone}
    >
      <NumberItem name="year" label="年度" required min={2000} max={2100} />
      <TextItem name="title" label="计划名称" required max={200} />
      <TextItem name="topics" label="督察事项(用顿号或换行分隔)" max={2000} rows={2} />
      <OrgField name="subjectOrgIds" label="被督察单位" multiple />
      <DateItem name="period" label="督察期间" required="请选择督察期间" range />
    </ModalForm>
  );
}

export function VisitButton({
  plans,
  onDone,
}: {
  plans: { id: string; title: string }[];
  onDone: () => void;
}) {
  return (
    <ModalForm<VisitValues>
      label="记录督察"
      title="记录督察及发现的问题"
      path="/api/oversight/inspection-visits"
      body={visitBody}
      done="已记录,发现的问题已交办整改"
      initial={{ visitedOn: dayjs(), dueOn: dayjs().add(30, 'day') }}
      onDone={onDone}
    >
      <Form.Item name="planId" label="督察计划" rules={req('请选择督察计划')}>
        <Select options={plans.map((p) => ({ value: p.id, label: p.title }))} />
      </Form.Item>
      <OrgField name="orgId" label="被督察单位" />
      <DateItem name="visitedOn" label="督察日期" required="请选择日期" />
      <TextItem name="inspectors" label="督察人员" required max={200} />
      <TextItem name="summary" label="督察情况" max={4000} rows={3} />
      <ProblemsFields />
    </ModalForm>
  );
}

export function CampaignButton({ onDone }: { onDone: () => void }) {
  const rubrics = useFetch<{ id: string; name: string; edition: number }[]>('/api/oversight/rubrics');
  const year = new Date().getFullYear();
  return (
    <ModalForm<CampaignValues>
      label="新建评查活动"
      title="新建案卷评查活动(创建时即承诺抽样范围)"
      path="/api/oversight/review-campaigns"
      body={campaignBody}
      done="已建立评查活动,抽样范围已承诺"
      initial={{ year, title: `${year}年度行政执法案卷评查`, perStratum: 3 }}
      primary
      onDone={onDone}
    >
      <TextItem name="title" label="活动名称" required max={200} />
      <NumberItem name="year" label="年度" required min={2000} max={2100} />
      <Form.Item name="rubricId" label="评查标准" rules={req('请选择评查标准')}>
        <Select
          options={(rubrics.data ?? []).map((r) => ({ value: r.id, label: `${r.name}(第 ${r.edition} 版)` }))}
        />
      </Form.Item>
      <DateItem name="closed" label="结案期间" required="请选择结案期间" range />
      <NumberItem
        name="perStratum"
        label="每个单位每类案件抽取(件)"
        required="请填写抽取件数"
        min={1}
        max={1000}
      />
      <OrgFieldOptional />
    </ModalForm>
  );
}

function OrgFieldOptional() {
  const { treeData } = useOrgTree();
  return (
    <Form.Item name="orgIds" label="被评查单位(不选为全部)">
      <TreeSelect
        treeData={treeData}
        multiple
        treeCheckable
        showSearch
        treeNodeFilterProp="title"
        maxTagCount={6}
      />
    </Form.Item>
  );
}
