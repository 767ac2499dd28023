import { PrinterOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Collapse,
  Descriptions,
  Empty,
  Popconfirm,
  Select,
  Space,
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
import { ExportButton, formatInstant, PageCard } from '../../components/ledger.js';
import { useFetch } from '../../components/use-fetch.js';
import { useList } from '../../components/use-list.js';
import { useSending } from '../../components/use-submit.js';
import { ResultCell } from './result-entry.js';
import { type Draw, riskGradeLabels, type Target, type Task, type Verification } from './types.js';
import { LedgerTable } from '../../components/ledger-table.js';

const statusTags = {
  committed: <Tag color="blue">名单已封存,待抽取</Tag>,
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

/** What a reviewer replays a draw from, in the order the draw computed them. */
const FINGERPRINTS = [
  ['检查对象名单指纹', 'candidatesHash'],
  ['检查人员名单指纹', 'inspectorsHash'],
  ['回避关系指纹', 'conflictsHash'],
  ['抽取规则指纹', 'paramsHash'],
  ['封存凭证', 'commitment'],
  ['抽取时产生的随机数', 'serverRandom'],
  ['随机种子(由封存凭证和随机数算出)', 'seed'],
  ['抽取结果指纹', 'resultHash'],
] as const satisfies readonly (readonly [string, keyof Draw])[];

function DrawRecord({ draw }: { draw: Draw }) {
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        message="抽取过程可复核"
        description="抽取前,检查对象名单、检查人员名单、回避关系和抽取规则已经封存并记录;抽取时刻才产生随机数。任何人都可以用封存的名单和规则重放一遍,得到同样的抽取结果——名单或规则被改动过,复核就不会通过。"
      />
      <Descriptions size="small" column={1} bordered styles={{ label: { width: 150 } }}>
        <Descriptions.Item label="状态">{statusTags[draw.status]}</Descriptions.Item>
        <Descriptions.Item label="名单户数 / 抽中户数">
          {draw.candidateCount} / {draw.drawnCount ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label="名单封存时间">{formatInstant(draw.committedAt, true)}</Descriptions.Item>
        <Descriptions.Item label="抽取时间">
          {draw.drawnAt ? formatInstant(draw.drawnAt, true) : '尚未抽取'}
        </Descriptions.Item>
        {draw.failure && (
          <Descriptions.Item label="未满足的规则">
            <Typography.Text type="danger">{draw.failure.message}</Typography.Text>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Collapse
        size="small"
        items={[
          {
            key: 'detail',
            label: '复核用的技术细节',
            children: (
              <Descriptions size="small" column={1} bordered styles={{ label: { width: 150 } }}>
                <Descriptions.Item label="抽取方法">{draw.algorithm}</Descriptions.Item>
                {FINGERPRINTS.map(([label, key]) => (
                  <Descriptions.Item key={key} label={label}>
                    {key === 'serverRandom' && !draw.drawnAt ? '抽取时产生' : <Hash value={draw[key]} />}
                  </Descriptions.Item>
                ))}
              </Descriptions>
            ),
          },
        ]}
      />
    </Space>
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
    {
      title: '信用风险分类',
      dataIndex: 'stratum',
      key: 'stratum',
      width: 120,
      render: (g: Target['stratum']) => riskGradeLabels[g],
    },
    { title: '检查人员', key: 'who', render: (_, t) => t.inspectors.map((i) => i.name).join('、') },
    {
      title: '检查结果与公示',
      key: 'result',
      render: (_, t) => <ResultCell target={t} mayEdit={mayEdit} onChange={list.reload} />,
    },
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 8 }} className="no-print">
        <ExportButton
          path="/api/inspection/targets/export.xlsx"
          query={{ drawId }}
          filename="抽取名单.xlsx"
          label="导出抽取名单"
        />
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印
        </Button>
      </Space>
      <LedgerTable list={list} columns={columns} scrollX={720} />
    </>
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
  const { busy, run } = useSending();
  const [verify, setVerify] = useState<Verification | null>(null);

  const act = async (fn: () => Promise<unknown>, done: string) => {
    await run(async () => {
      await fn();
      notifySuccess(done);
    }, showError);
    task.reload();
    draw.reload();
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
                title="封存后,检查对象名单、检查人员名单和抽取规则即固定,不能再修改。继续?"
                onConfirm={() =>
                  act(() => api.post(`/api/inspection/tasks/${taskId}/commit`, {}), '名单已封存')
                }
              >
                <Button type="primary" loading={busy}>
                  封存名单
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
