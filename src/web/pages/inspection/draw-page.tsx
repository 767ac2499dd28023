import { SafetyCertificateOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Descriptions,
  Empty,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.js';
import { notifySuccess, showError } from '../../api/feedback.js';
import type { Page } from '../../api/types.js';
import { can, useMe } from '../../auth/auth-context.js';
import { formatInstant, PageCard } from '../../components/ledger.js';
import { useFetch } from '../../components/use-fetch.js';
import { useList } from '../../components/use-list.js';
import { ResultCell } from './result-entry.js';
import type { Draw, Target, Task, Verification } from './types.js';

const statusTags = {
  committed: <Tag color="blue">已记录承诺,待抽取</Tag>,
  drawn: <Tag color="green">已抽取</Tag>,
  failed: <Tag color="red">规则不满足,未抽取</Tag>,
} as const;

function Hash({ value }: { value: string | null }) {
  if (!value) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Typography.Text code copyable style={{ fontSize: 12, wordBreak: 'break-all' }}>
      {value}
    </Typography.Text>
  );
}

function DrawRecord({ draw }: { draw: Draw }) {
  return (
    <Descriptions size="small" column={1} bordered labelStyle={{ width: 150 }}>
      <Descriptions.Item label="状态">{statusTags[draw.status]}</Descriptions.Item>
      <Descriptions.Item label="算法">{draw.algorithm}(见 docs/draw.md)</Descriptions.Item>
      <Descriptions.Item label="名单人数 / 抽中">
        {draw.candidateCount} / {draw.drawnCount ?? '—'}
      </Descriptions.Item>
      <Descriptions.Item label="检查对象名单哈希">
        <Hash value={draw.candidatesHash} />
      </Descriptions.Item>
      <Descriptions.Item label="检查人员名单哈希">
        <Hash value={draw.inspectorsHash} />
      </Descriptions.Item>
      <Descriptions.Item label="回避关系哈希">
        <Hash value={draw.conflictsHash} />
      </Descriptions.Item>
      <Descriptions.Item label="抽取参数哈希">
        <Hash value={draw.paramsHash} />
      </Descriptions.Item>
      <Descriptions.Item label="承诺值">
        <Hash value={draw.commitment} />
        <div>记录于 {formatInstant(draw.committedAt, true)}</div>
      </Descriptions.Item>
      <Descriptions.Item label="揭示值">
        {draw.drawnAt ? (
          <>
            <div>抽取时刻 {formatInstant(draw.drawnAt, true)}</div>
            <Hash value={draw.serverRandom} />
          </>
        ) : (
          '抽取时确定'
        )}
      </Descriptions.Item>
      <Descriptions.Item label="种子 = SHA-256(承诺值‖揭示值)">
        <Hash value={draw.seed} />
      </Descriptions.Item>
      <Descriptions.Item label="结果哈希">
        <Hash value={draw.resultHash} />
      </Descriptions.Item>
      {draw.failure && (
        <Descriptions.Item label="未满足的规则">
          <Typography.Text type="danger">{draw.failure.message}</Typography.Text>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

function VerifyResult({ v }: { v: Verification }) {
  if (v.ok)
    return (
      <Alert
        type="success"
        showIcon
        message={`验证通过:${v.checked.join('、')} 均一致,抽中 ${v.drawnCount} 户。`}
      />
    );
  return (
    <Alert
      type="error"
      showIcon
      message={`验证未通过:${v.difference.message}`}
      description={`步骤 ${v.difference.step};记录值 ${v.difference.expected};重算值 ${v.difference.actual}`}
    />
  );
}

function Targets({ drawId, mayEdit }: { drawId: string; mayEdit: boolean }) {
  const list = useList<Target>('/api/inspection/targets', { filters: { drawId } });
  const columns: TableColumnsType<Target> = [
    { title: '序', dataIndex: 'seq', key: 'seq', width: 50, render: (n: number) => n + 1 },
    { title: '检查对象', dataIndex: 'inspecteeName', key: 'name' },
    { title: '风险', dataIndex: 'stratum', key: 'stratum', width: 56 },
    { title: '检查人员', key: 'who', render: (_, t) => t.inspectors.map((i) => i.name).join('、') },
    {
      title: '检查结果与公示',
      key: 'result',
      render: (_, t) => <ResultCell target={t} mayEdit={mayEdit} onChange={list.reload} />,
    },
  ];
  return (
    <Table<Target> rowKey="id" size="small" columns={columns} scroll={{ x: 720 }} {...list.tableProps} />
  );
}

export default function InspectionDrawPage() {
  const me = useMe();
  const mayDraw = can(me, 'inspection:draw:run');
  const mayRecord = can(me, 'inspection:result:edit');
  const [params, setParams] = useSearchParams();
  const taskId = params.get('taskId');
  const tasks = useFetch<Page<Task>>('/api/inspection/tasks', {
    year: new Date().getFullYear(),
    pageSize: 200,
  });
  const task = useFetch<Task>(taskId ? `/api/inspection/tasks/${taskId}` : null);
  const drawId = task.data?.drawId ?? null;
  const draw = useFetch<Draw>(drawId ? `/api/inspection/draws/${drawId}` : null);
  const [busy, setBusy] = useState(false);
  const [verify, setVerify] = useState<Verification | null>(null);

  const act = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await fn();
      notifySuccess(done);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
      task.reload();
      draw.reload();
    }
  };

  return (
    <PageCard
      title="随机抽取"
      extra={
        <Select
          style={{ minWidth: 280 }}
          size="small"
          showSearch
          optionFilterProp="label"
          placeholder="选择抽查任务"
          value={taskId ?? undefined}
          loading={tasks.loading}
          options={[
            ...(task.data && !tasks.data?.items.some((t) => t.id === task.data?.id)
              ? [{ value: task.data.id, label: task.data.name }]
              : []),
            ...(tasks.data?.items ?? []).map((t) => ({ value: t.id, label: t.name })),
          ]}
          onChange={(id: string) => {
            setVerify(null);
            setParams({ taskId: id });
          }}
        />
      }
    >
      {!task.data ? (
        <Empty description="请选择一个抽查任务" />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            {task.data.planName} · {task.data.name}({task.data.startOn} 至 {task.data.endOn})
          </Typography.Text>
          <Space wrap>
            {mayDraw && !task.data.drawId && (
              <Popconfirm
                title="记录承诺后,名单和参数即冻结,不能再修改。继续?"
                onConfirm={() =>
                  act(() => api.post(`/api/inspection/tasks/${taskId}/commit`, {}), '已冻结名单并记录承诺值')
                }
              >
                <Button type="primary" loading={busy}>
                  冻结名单并记录承诺
                </Button>
              </Popconfirm>
            )}
            {mayDraw && draw.data?.status === 'committed' && (
              <Button
                type="primary"
                danger
                loading={busy}
                onClick={() =>
                  act(() => api.post(`/api/inspection/draws/${draw.data?.id}/draw`, {}), '已完成抽取')
                }
              >
                抽取
              </Button>
            )}
            {draw.data && (
              <Button
                icon={<SafetyCertificateOutlined />}
                onClick={async () => {
                  try {
                    setVerify(await api.get<Verification>(`/api/inspection/draws/${draw.data?.id}/verify`));
                  } catch (e) {
                    showError(e);
                  }
                }}
              >
                验证抽取
              </Button>
            )}
          </Space>
          {verify && <VerifyResult v={verify} />}
          {draw.data && <DrawRecord draw={draw.data} />}
          {draw.data?.status === 'drawn' && <Targets drawId={draw.data.id} mayEdit={mayRecord} />}
        </Space>
      )}
    </PageCard>
  );
}
