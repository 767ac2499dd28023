import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  type TableColumnsType,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.js';
import { applyFormError, notifySuccess, sendAction, validated } from '../../api/feedback.js';
import type { Page } from '../../api/types.js';
import { can, useAuth, useMe } from '../../auth/auth-context.js';
import { ExportButton, FilterForm, PageCard } from '../../components/ledger.js';
import { FetchedTable } from '../../components/fetched-table.js';
import { useFetch } from '../../components/use-fetch.js';
import { useList } from '../../components/use-list.js';
import { type ChecklistItem, type Plan, RISK_GRADES, riskGradeLabels, type Task } from './types.js';
import { LedgerTable } from '../../components/ledger-table.js';
import { useSending, useSubmit } from '../../components/use-submit.js';
import { DateItem, NumberItem, TextItem } from '../../components/form-items.js';
import { optionsOf } from '../../components/options.js';

const kindLabels = { department: '部门抽查', joint: '部门联合抽查' } as const;

/** Deletes after a confirmation; the server refuses once a list is sealed and says why. */
function remove(path: string, version: number, done: string, then: () => void) {
  return sendAction(() => api.del(`${path}?version=${version}`), done, then);
}

function TaskTable({ plan, mayEdit, onChange }: { plan: Plan; mayEdit: boolean; onChange: () => void }) {
  const planId = plan.id;
  const { data, loading, reload } = useFetch<Page<Task>>('/api/inspection/tasks', { planId, pageSize: 200 });
  const [editing, setEditing] = useState<Task | null>(null);
  const changed = () => {
    reload();
    onChange();
  };
  const columns: TableColumnsType<Task> = [
    { title: '任务', dataIndex: 'name', key: 'name' },
    { title: '期间', key: 'period', render: (_, t) => `${t.startOn} 至 ${t.endOn}`, width: 200 },
    {
      title: '抽取',
      key: 'how',
      render: (_, t) =>
        t.mode === 'count'
          ? `${t.count} 户`
          : RISK_GRADES.map((g) => `${g}类 ${t.ratioPercent[g]}%`).join(' / '),
    },
    {
      title: '状态',
      key: 'draw',
      width: 110,
      render: (_, t) =>
        t.drawStatus === 'drawn' ? (
          <Tag color="green">已抽取</Tag>
        ) : t.drawStatus === 'committed' ? (
          <Tag color="blue">名单已封存</Tag>
        ) : (
          <Tag>未抽取</Tag>
        ),
    },
    {
      title: '',
      key: 'go',
      width: 90,
      render: (_, t) => <Link to={`/inspection/draw?taskId=${t.id}`}>抽取与结果</Link>,
    },
    ...(mayEdit
      ? [
          {
            title: '',
            key: 'edit',
            width: 110,
            render: (_: unknown, t: Task) =>
              t.drawId ? null : (
                <Space size={4}>
                  <Button size="small" type="link" style={{ padding: 0 }} onClick={() => setEditing(t)}>
                    修改
                  </Button>
                  <Popconfirm
                    title={`删除抽查任务“${t.name}”?`}
                    description="删除后不能恢复;名单封存后的任务不能删除。"
                    okText="删除"
                    okButtonProps={{ danger: true }}
                    onConfirm={() =>
                      remove(`/api/inspection/tasks/${t.id}`, t.version, '已删除抽查任务', changed)
                    }
                  >
                    <Button size="small" type="link" danger style={{ padding: 0 }}>
                      删除
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]
      : []),
  ];
  return (
    <>
      <FetchedTable<Task>
        rowKey="id"
        columns={columns}
        fetched={{ data: data?.items, loading }}
        pagination={false}
        scrollX={640}
      />
      {editing && (
        <TaskModal
          plan={plan}
          task={editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) changed();
          }}
        />
      )}
    </>
  );
}

interface PlanForm {
  year: number;
  name: string;
  kind: 'department' | 'joint';
  leadOrgId?: string;
  participantOrgIds?: string[];
  note?: string;
}

interface TaskForm {
  name: string;
  checklistItemIds: string[];
  mode: 'ratio' | 'count';
  A?: number;
  B?: number;
  C?: number;
  D?: number;
  count?: number;
  industries?: string;
  allIndustries?: boolean;
  period: [Dayjs, Dayjs];
  inspectorsPerInspectee: number;
}

/** The form's values for an existing task (修改), or none for a new one. */
function taskValues(plan: Plan, t: Task | undefined): Partial<TaskForm> {
  // a new task runs over the plan's year unless its dates are set otherwise
  if (!t)
    return {
      mode: 'ratio',
      A: 5,
      B: 5,
      C: 10,
      D: 20,
      inspectorsPerInspectee: 2,
      period: [dayjs(`${plan.year}-01-01`), dayjs(`${plan.year}-12-31`)],
    };
  return {
    name: t.name,
    checklistItemIds: t.checklistItemIds,
    mode: t.mode,
    ...t.ratioPercent,
    ...(t.count !== null ? { count: t.count } : {}),
    industries: t.industries.join('、'),
    allIndustries: t.allIndustries,
    period: [dayjs(t.startOn), dayjs(t.endOn)],
    inspectorsPerInspectee: t.inspectorsPerInspectee,
  };
}

function TaskModal({ plan, task, onClose }: { plan: Plan; task?: Task; onClose: (saved: boolean) => void }) {
  const [form] = Form.useForm<TaskForm>();
  const { busy, run } = useSending();
  const items = useFetch<Page<ChecklistItem>>('/api/inspection/checklist-items', { pageSize: 200 });
  const mode = Form.useWatch('mode', form);
  const options = (items.data?.items ?? [])
    .filter((i) => plan.participantOrgIds.includes(i.orgId))
    .map((i) => ({ value: i.id, label: `${i.matter}(${i.orgName})` }));
  const { modal } = App.useApp();
  const allIndustries = Form.useWatch('allIndustries', form) === true;
  /** 全部行业 is a choice said twice: the draw then takes firms of every trade */
  const confirmAll = (v: TaskForm) =>
    new Promise<boolean>((resolve) =>
      v.allIndustries
        ? modal.confirm({
            title: '从全部行业中抽取?',
            content:
              '本任务不限行业,将从本单位名录中所有行业的检查对象里抽取。请确认抽查事项确实适用于所有行业。',
            okText: '确认全部行业',
            cancelText: '返回填写行业',
            onOk: () => resolve(true),
            onCancel: () => resolve(false),
          })
        : resolve(true),
    );
  const save = async () => {
    const v = await validated(form);
    if (!v || !(await confirmAll(v))) return;
    await run(
      async () => {
        const body = {
          name: v.name,
          checklistItemIds: v.checklistItemIds,
          mode: v.mode,
          ...(v.mode === 'ratio'
            ? { ratioPercent: { A: v.A ?? 0, B: v.B ?? 0, C: v.C ?? 0, D: v.D ?? 0 } }
            : { count: v.count }),
          industries: v.allIndustries
            ? []
            : (v.industries ?? '')
                .split(/[,,、\s]+/)
                .map((s) => s.trim())
                .filter(Boolean),
          allIndustries: v.allIndustries === true,
          inspectorsPerInspectee: v.inspectorsPerInspectee,
          startOn: v.period[0].format('YYYY-MM-DD'),
          endOn: v.period[1].format('YYYY-MM-DD'),
        };
        if (task)
          // what this form does not show (地区、风险等级 filters) is kept as it was
          await api.patch(`/api/inspection/tasks/${task.id}`, {
            version: task.version,
            locationCodes: task.locationCodes,
            riskGrades: task.riskGrades,
            ...body,
          });
        else await api.post('/api/inspection/tasks', { planId: plan.id, ...body });
        notifySuccess(task ? '已修改抽查任务' : '已新建抽查任务');
        onClose(true);
      },
      (e) => {
        applyFormError(form, e);
      },
    );
  };
  return (
    <Modal
      open
      title={`${task ? '修改' : '新建'}抽查任务 — ${plan.name}`}
      onCancel={() => onClose(false)}
      onOk={save}
      confirmLoading={busy}
      width={640}
    >
      <Form form={form} layout="vertical" size="small" initialValues={taskValues(plan, task)}>
        <TextItem name="name" label="任务名称" required max={200} />
        <Form.Item
          name="checklistItemIds"
          label="抽查事项"
          rules={[{ required: true, message: '至少选择一个抽查事项' }]}
        >
          <Select mode="multiple" options={options} loading={items.loading} optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="mode" label="抽取方式">
          <Radio.Group options={optionsOf({ ratio: '按风险等级比例', count: '按数量' })} />
        </Form.Item>
        {mode === 'count' ? (
          <NumberItem name="count" label="抽取数量(户)" required="请填写抽取数量" min={1} />
        ) : (
          <Space wrap>
            {RISK_GRADES.map((g) => (
              <Form.Item key={g} name={g} label={`${riskGradeLabels[g]}比例(%)`}>
                <InputNumber min={0} max={100} step={1} />
              </Form.Item>
            ))}
          </Space>
        )}
        <Form.Item
          name="industries"
          label="行业(可多个,用顿号分隔)"
          rules={[{ required: !allIndustries, message: '请填写抽查的行业,或选择“全部行业”' }]}
        >
          <Input
            disabled={allIndustries}
            placeholder={allIndustries ? '全部行业' : '如:餐饮服务、食品销售'}
          />
        </Form.Item>
        <Form.Item name="allIndustries" valuePropName="checked" style={{ marginTop: -8 }}>
          <Checkbox
            onChange={(e) => {
              if (e.target.checked) form.setFieldValue('industries', undefined);
            }}
          >
            全部行业(不限行业)
          </Checkbox>
        </Form.Item>
        <DateItem name="period" label="任务期间" required="请选择任务期间" range />
        <NumberItem name="inspectorsPerInspectee" label="每户检查人员数(不少于 2 人)" min={2} max={10} />
      </Form>
    </Modal>
  );
}

function PlanModal({ plan, onClose }: { plan?: Plan; onClose: (saved: boolean) => void }) {
  const [form] = Form.useForm<PlanForm>();
  const { scopeOrgs } = useAuth();
  const kind = Form.useWatch('kind', form);
  const orgOptions = scopeOrgs
    .filter((o) => o.kind === 'department' || o.kind === 'agency')
    .map((o) => ({ value: o.id, label: o.name }));
  const { busy, submit: save } = useSubmit(form, async (v) => {
    if (plan)
      await api.patch(`/api/inspection/plans/${plan.id}`, {
        version: plan.version,
        year: v.year,
        name: v.name,
        note: v.note ?? '',
      });
    else
      await api.post('/api/inspection/plans', {
        ...v,
        participantOrgIds: v.kind === 'joint' ? (v.participantOrgIds ?? []) : [],
      });
    notifySuccess(plan ? '已修改抽查计划' : '已新建抽查计划');
    onClose(true);
  });
  return (
    <Modal
      open
      title={plan ? `修改抽查计划 — ${plan.name}` : '新建抽查计划'}
      onCancel={() => onClose(false)}
      onOk={save}
      confirmLoading={busy}
    >
      <Form
        form={form}
        layout="vertical"
        size="small"
        initialValues={
          plan
            ? {
                year: plan.year,
                name: plan.name,
                kind: plan.kind,
                leadOrgId: plan.orgId,
                participantOrgIds: plan.participantOrgIds.filter((id) => id !== plan.orgId),
                note: plan.note,
              }
            : { year: new Date().getFullYear(), kind: 'department' }
        }
      >
        <Form.Item name="year" label="年度" rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <TextItem name="name" label="计划名称" required max={200} />
        <Form.Item
          name="kind"
          label="类型"
          extra={plan ? '类型和参与单位在建立计划时确定;如需调整,请删除本计划后重新建立' : undefined}
        >
          <Radio.Group
            disabled={plan !== undefined}
            options={optionsOf({ department: '部门抽查', joint: '部门联合抽查' })}
          />
        </Form.Item>
        <Form.Item name="leadOrgId" label={kind === 'joint' ? '牵头单位' : '实施单位'}>
          <Select
            disabled={plan !== undefined}
            options={orgOptions}
            allowClear
            placeholder="默认为本单位"
            optionFilterProp="label"
            showSearch
          />
        </Form.Item>
        {kind === 'joint' && (
          <Form.Item
            name="participantOrgIds"
            label="参与单位"
            rules={[{ required: true, message: '联合抽查至少要有一个参与单位' }]}
          >
            <Select
              mode="multiple"
              disabled={plan !== undefined}
              options={orgOptions}
              optionFilterProp="label"
            />
          </Form.Item>
        )}
        <TextItem name="note" label="说明" max={2000} rows={2} />
      </Form>
    </Modal>
  );
}

export default function InspectionPlansPage() {
  const me = useMe();
  const mayEdit = can(me, 'inspection:plan:edit');
  const list = useList<Plan>('/api/inspection/plans', { filters: { year: new Date().getFullYear() } });
  const [creating, setCreating] = useState(false);
  const [taskFor, setTaskFor] = useState<Plan | null>(null);
  const [editing, setEditing] = useState<Plan | null>(null);
  /** a dialog's onClose: it closes, and the plans are read again when it saved */
  const closing = (close: () => void) => (saved: boolean) => {
    close();
    if (saved) list.reload();
  };
  const columns: TableColumnsType<Plan> = [
    { title: '年度', dataIndex: 'year', key: 'year', width: 70 },
    { title: '计划名称', dataIndex: 'name', key: 'name' },
    {
      title: '类型',
      key: 'kind',
      width: 120,
      render: (_, p) => <Tag color={p.kind === 'joint' ? 'purple' : 'default'}>{kindLabels[p.kind]}</Tag>,
    },
    { title: '牵头/实施单位', dataIndex: 'orgName', key: 'orgName' },
    {
      title: '参与单位数',
      key: 'n',
      width: 90,
      align: 'right',
      render: (_, p) => p.participantOrgIds.length,
    },
    { title: '任务数', dataIndex: 'taskCount', key: 'taskCount', width: 70, align: 'right' },
    ...(mayEdit
      ? [
          {
            title: '',
            key: 'act',
            width: 190,
            render: (_: unknown, p: Plan) => (
              <Space size={4}>
                <Button size="small" type="link" style={{ padding: 0 }} onClick={() => setTaskFor(p)}>
                  新建任务
                </Button>
                <Button size="small" type="link" style={{ padding: 0 }} onClick={() => setEditing(p)}>
                  修改
                </Button>
                <Popconfirm
                  title={`删除抽查计划“${p.name}”?`}
                  description={
                    p.taskCount > 0
                      ? `计划下的 ${p.taskCount} 个任务一并删除,不能恢复;已封存名单的计划不能删除。`
                      : '删除后不能恢复。'
                  }
                  okText="删除"
                  okButtonProps={{ danger: true }}
                  onConfirm={() =>
                    remove(`/api/inspection/plans/${p.id}`, p.version, '已删除抽查计划', list.reload)
                  }
                >
                  <Button size="small" type="link" danger style={{ padding: 0 }}>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];
  return (
    <PageCard
      title="抽查计划"
      extra={
        <Space wrap>
          <ExportButton
            path="/api/inspection/plans/export.xlsx"
            query={list.query}
            filename="抽查计划.xlsx"
          />
          {mayEdit && (
            <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建计划
            </Button>
          )}
        </Space>
      }
    >
      {!mayEdit && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message="抽查计划由各执法部门制定"
          description="“双随机、一公开”抽查计划由各执法部门(联合抽查由牵头部门会同参与部门)制定并组织抽取、公示;依法治市办统筹督促,在此查看各部门的计划、任务和结果。本账号没有制定抽查计划的权限,如需制定,请以执法部门账号办理。"
        />
      )}
      <FilterForm onSearch={(q) => list.setFilters(q)}>
        <Form.Item name="year" label="年度">
          <InputNumber min={2000} max={2100} placeholder={String(new Date().getFullYear())} />
        </Form.Item>
        <Form.Item name="kind" label="类型">
          <Select allowClear style={{ width: 140 }} options={optionsOf(kindLabels)} />
        </Form.Item>
      </FilterForm>
      <LedgerTable
        list={list}
        columns={columns}
        scrollX={760}
        expandable={{
          expandedRowRender: (p) => <TaskTable plan={p} mayEdit={mayEdit} onChange={list.reload} />,
        }}
      />
      {creating && <PlanModal onClose={closing(() => setCreating(false))} />}
      {editing && <PlanModal plan={editing} onClose={closing(() => setEditing(null))} />}
      {taskFor && <TaskModal plan={taskFor} onClose={closing(() => setTaskFor(null))} />}
    </PageCard>
  );
}
