import { Button, Form, Select, Space, type TableColumnsType, Tag, TreeSelect } from 'antd';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.js';
import { applyFormError, notifySuccess, showError } from '../../api/feedback.js';
import { can, useMe } from '../../auth/auth-context.js';
import { ExportButton, PageCard } from '../../components/ledger.js';
import { useOrgTree } from '../../components/org-tree.js';
import { FetchedTable } from '../../components/fetched-table.js';
import { useFetch } from '../../components/use-fetch.js';
import { useList } from '../../components/use-list.js';
import { type OpenRoundValues, openRoundBody } from './assessment-bodies.js';
import { type EditionRow, EditionsCard } from './assessment-editions.js';
import {
  fillDueState,
  gradeColors,
  todayInChina,
  unitStatusColors,
  unitStatusLabels,
} from './assessment-labels.js';
import { DueTag } from './due-tag.js';
import { LedgerTable } from '../../components/ledger-table.js';
import { DateItem, NumberItem, TextItem } from '../../components/form-items.js';
import { optionsOf } from '../../components/options.js';
import { useSending } from '../../components/use-submit.js';
import { FormInModal } from '../../components/edit-modal.js';
import { useOpened } from '../../components/use-opened.js';
import { WholeTable } from '../../components/whole-table.js';

interface UnitItem {
  id: string;
  orgName: string;
  roundId: string;
  roundTitle: string;
  year: number;
  fillDue: string;
  status: string;
  returnedNote: string;
  total: number | null;
}
interface RoundRow {
  id: string;
  title: string;
  year: number;
  openedOn: string;
  fillDue: string;
  publishedOn: string | null;
  version: number;
  editionName: string;
  units: number;
  submitted: number;
  scored: number;
}
interface Round {
  id: string;
  title: string;
  year: number;
  fillDue: string;
  publishedOn: string | null;
  version: number;
  edition: { name: string; edition: number; indicatorCount: number };
  units: {
    unitId: string;
    orgName: string;
    total: number | null;
    gradeLabel: string | null;
    grade: string | null;
    rank: number | null;
    status: string;
  }[];
}

export const statusTag = (s: string) => <Tag color={unitStatusColors[s]}>{unitStatusLabels[s]}</Tag>;

/** 考评: the units' sheets (待填报 / 待赋分 …), the office's rounds and the indicator systems. */
export default function AssessmentPage() {
  const me = useMe();
  const [params] = useSearchParams();
  const roundId = params.get('round');
  const status = params.get('status') ?? undefined;
  const office = can(me, 'oversight:assessment:edit');
  const editions = useFetch<EditionRow[]>('/api/oversight/assessment-editions');
  const rounds = useFetch<RoundRow[]>(office ? '/api/oversight/assessment-rounds' : null);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <UnitsCard status={status} />
      {office && <RoundsCard rounds={rounds} editions={editions.data ?? []} />}
      {office && roundId && <RoundCard id={roundId} onChange={rounds.reload} />}
      {office && <EditionsCard editions={editions.data ?? []} reload={editions.reload} />}
    </Space>
  );
}

function UnitsCard({ status }: { status: string | undefined }) {
  const me = useMe();
  const list = useList<UnitItem>('/api/oversight/assessment-units', { filters: { status } });
  const today = todayInChina();
  const reviewer = can(me, 'oversight:assessment:score');
  const columns: TableColumnsType<UnitItem> = [
    { title: '被考评单位', dataIndex: 'orgName', key: 'org', width: 200 },
    { title: '考评', dataIndex: 'roundTitle', key: 'round' },
    {
      title: '填报截止',
      key: 'due',
      width: 150,
      render: (_, u) => (
        <Space size={4}>
          {u.fillDue}
          <DueTag state={fillDueState(u.fillDue, u.status, today)} />
        </Space>
      ),
    },
    {
      title: '状态',
      key: 'status',
      width: 110,
      render: (_, u) => (
        <Space size={4}>
          {statusTag(u.status)}
          {u.returnedNote && u.status === 'filling' && <Tag color="red">被退回</Tag>}
        </Space>
      ),
    },
    { title: '总分', dataIndex: 'total', key: 'total', width: 70, align: 'right' },
    {
      title: '',
      key: 'op',
      width: 70,
      render: (_, u) => (
        <Link to={`/oversight/assessment/units/${u.id}`}>
          {u.status === 'filling' && can(me, 'oversight:assessment:fill')
            ? '填报'
            : u.status === 'submitted' && reviewer
              ? '赋分'
              : '查看'}
        </Link>
      ),
    },
  ];
  return (
    <PageCard
      title="考评填报与赋分"
      extra={
        <Space wrap>
          <Select
            allowClear
            placeholder="状态"
            style={{ width: 120 }}
            value={list.filters.status as string | undefined}
            onChange={(v: string | undefined) => list.setFilters({ status: v })}
            options={optionsOf(unitStatusLabels)}
          />
          <ExportButton
            path="/api/oversight/assessment-units/export.xlsx"
            query={list.query}
            filename="考评台账.xlsx"
          />
        </Space>
      }
    >
      <LedgerTable list={list} columns={columns} scrollX={720} />
    </PageCard>
  );
}

function RoundsCard({
  rounds,
  editions,
}: {
  rounds: { data: RoundRow[] | undefined; loading: boolean; reload: () => void };
  editions: EditionRow[];
}) {
  const opening = useOpened<true>(rounds.reload);
  const columns: TableColumnsType<RoundRow> = [
    {
      title: '考评',
      key: 'title',
      render: (_, r) => <Link to={`/oversight/assessment?round=${r.id}`}>{r.title}</Link>,
    },
    { title: '年度', dataIndex: 'year', key: 'year', width: 70, sorter: (a, b) => a.year - b.year },
    { title: '指标体系', dataIndex: 'editionName', key: 'edition', width: 240 },
    { title: '填报截止', dataIndex: 'fillDue', key: 'due', width: 110 },
    {
      title: '进度(已报送 / 已赋分 / 单位数)',
      key: 'progress',
      width: 200,
      render: (_, r) => `${r.submitted} / ${r.scored} / ${r.units}`,
    },
    {
      title: '结果',
      key: 'pub',
      width: 110,
      render: (_, r) => (r.publishedOn ? <Tag color="green">{r.publishedOn} 发布</Tag> : <Tag>未发布</Tag>),
    },
  ];
  return (
    <PageCard
      title="考评组织"
      extra={
        <Button type="primary" onClick={() => opening.open(true)} disabled={editions.length === 0}>
          组织考评
        </Button>
      }
    >
      <FetchedTable<RoundRow>
        rowKey="id"
        columns={columns}
        fetched={rounds}
        pagination={false}
        scrollX={760}
      />
      {opening.opened && (
        <OpenRoundModal editions={editions} onClose={opening.close} onOpened={opening.closeAndReload} />
      )}
    </PageCard>
  );
}

function OpenRoundModal({
  editions,
  onClose,
  onOpened,
}: {
  editions: EditionRow[];
  onClose: () => void;
  onOpened: () => void;
}) {
  const [form] = Form.useForm<OpenRoundValues>();
  const { treeData } = useOrgTree();
  const { busy, run } = useSending();
  const year = new Date().getFullYear() - 1;
  const submit = async () => {
    const values = await form.validateFields();
    await run(
      async () => {
        await api.post('/api/oversight/assessment-rounds', openRoundBody(values));
        notifySuccess('已组织考评,被考评单位可以填报');
        onOpened();
      },
      (e) => {
        applyFormError(form, e);
      },
    );
  };
  return (
    <FormInModal
      title="组织考评"
      onClose={onClose}
      save={{ busy, submit }}
      okText="发起"
      width={720}
      form={form}
      initialValues={{ year, title: `${year}年度法治政府建设考评`, fillDue: dayjs().add(30, 'day') }}
    >
      <Form.Item
        name="editionId"
        label="考评指标体系"
        rules={[{ required: true, message: '请选择指标体系' }]}
      >
        <Select options={editions.map((e) => ({ value: e.id, label: `${e.name}(第 ${e.edition} 版)` }))} />
      </Form.Item>
      <Space wrap>
        <NumberItem name="year" label="考评年度" required="请填写年度" min={2000} max={2100} />
        <DateItem name="fillDue" label="填报截止日期" required="请选择日期" />
      </Space>
      <TextItem name="title" label="考评名称" required max={200} />
      <Form.Item name="orgIds" label="被考评单位" rules={[{ required: true, message: '请选择被考评单位' }]}>
        <TreeSelect
          treeData={treeData}
          multiple
          treeCheckable
          // a checked township or department is assessed itself, not the offices below it
          showCheckedStrategy={TreeSelect.SHOW_PARENT}
          showSearch
          treeNodeFilterProp="title"
          maxTagCount={6}
        />
      </Form.Item>
    </FormInModal>
  );
}

function RoundCard({ id, onChange }: { id: string; onChange: () => void }) {
  const me = useMe();
  const { data, reload } = useFetch<Round>(`/api/oversight/assessment-rounds/${id}`);
  if (!data) return null;
  const act = async (path: string, body: unknown, done: string) => {
    try {
      await api.post(path, body);
      notifySuccess(done);
      reload();
      onChange();
    } catch (e) {
      showError(e);
    }
  };
  const columns: TableColumnsType<Round['units'][number]> = [
    {
      title: '名次',
      dataIndex: 'rank',
      key: 'rank',
      width: 60,
      sorter: (a, b) => (a.rank ?? 999) - (b.rank ?? 999),
    },
    {
      title: '被考评单位',
      dataIndex: 'orgName',
      key: 'org',
      sorter: (a, b) => a.orgName.localeCompare(b.orgName),
    },
    { title: '状态', key: 'status', width: 90, render: (_, u) => statusTag(u.status) },
    {
      title: '总分',
      dataIndex: 'total',
      key: 'total',
      width: 70,
      align: 'right',
      sorter: (a, b) => (a.total ?? -1) - (b.total ?? -1),
    },
    {
      title: '等次',
      key: 'grade',
      width: 80,
      render: (_, u) => (u.grade ? <Tag color={gradeColors[u.grade]}>{u.gradeLabel}</Tag> : null),
    },
    {
      title: '',
      key: 'op',
      width: 60,
      render: (_, u) => <Link to={`/oversight/assessment/units/${u.unitId}`}>查看</Link>,
    },
  ];
  const unscored = data.units.filter((u) => u.total === null).length;
  return (
    <PageCard
      title={`${data.title}(${data.edition.name} 第 ${data.edition.edition} 版,末级指标 ${data.edition.indicatorCount} 项)`}
      extra={
        !data.publishedOn && (
          <Space wrap>
            {can(me, 'oversight:assessment:score') && (
              <Button
                onClick={() =>
                  act(`/api/oversight/assessment-rounds/${id}/figures`, undefined, '已按统计指标自动取数评分')
                }
              >
                自动取数
              </Button>
            )}
            <Button
              type="primary"
              disabled={unscored > 0}
              title={unscored > 0 ? `还有 ${unscored} 个单位尚未赋分` : undefined}
              onClick={() =>
                act(
                  `/api/oversight/assessment-rounds/${id}/publish`,
                  { version: data.version },
                  '考评结果已发布',
                )
              }
            >
              发布结果
            </Button>
          </Space>
        )
      }
    >
      <WholeTable rowKey="unitId" columns={columns} dataSource={data.units} scrollX={560} />
    </PageCard>
  );
}
