import { UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Descriptions,
  Input,
  InputNumber,
  Modal,
  Space,
  type TableColumnsType,
  Tag,
  Upload,
} from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { api } from '../../api/client.js';
import { notifySuccess, showError } from '../../api/feedback.js';
import { can, useMe } from '../../auth/auth-context.js';
import { PageCard } from '../../components/ledger.js';
import { useFetch } from '../../components/use-fetch.js';
import { useSending } from '../../components/use-submit.js';
import { type EntryDraft, fillBody, reviewBody, type ScoreDraft } from './assessment-bodies.js';
import {
  fillDueState,
  gradeColors,
  methodLabels,
  scoringRuleLabels,
  todayInChina,
} from './assessment-labels.js';
import { statusTag } from './assessment-page.js';
import { DueTag } from './due-tag.js';
import type { Indicator } from './assessment-editions.js';
import { WholeTable } from '../../components/whole-table.js';

/** An indicator of the unit's sheet, with what the unit filed and the reviewer scored. */
interface Row extends Omit<Indicator, 'metricId'> {
  entry: {
    value: number | null;
    note: string;
    evidence: { sha256: string; name: string }[];
    autoOn: string | null;
    score: number | null;
    suggested: number | null;
    comment: string;
    reviewerName: string | null;
  } | null;
}
interface Sheet {
  id: string;
  version: number;
  orgName: string;
  round: { title: string; year: number; fillDue: string };
  status: string;
  returnedNote: string;
  total: number | null;
  gradeLabel: string | null;
  grade: string | null;
  rank: number | null;
  publishedOn: string | null;
  indicators: Row[];
  ranking: {
    unitId: string;
    orgName: string;
    total: number | null;
    gradeLabel: string | null;
    rank: number | null;
  }[];
}

/** A unit's 考评 sheet: it files values, notes and 佐证; a reviewer scores with comments; then score and ranking. */
export default function AssessmentUnitPage() {
  const { id } = useParams();
  const me = useMe();
  const { data, reload } = useFetch<Sheet>(id ? `/api/oversight/assessment-units/${id}` : null);
  const [entries, setEntries] = useState<Record<string, EntryDraft>>({});
  const [scores, setScores] = useState<Record<string, ScoreDraft>>({});
  const { busy, run: sending } = useSending();
  const [returning, setReturning] = useState(false);
  const [returnNote, setReturnNote] = useState('');
  useEffect(() => {
    if (!data) return;
    const e: Record<string, EntryDraft> = {};
    const s: Record<string, ScoreDraft> = {};
    for (const x of data.indicators) {
      if (!x.leaf || !x.entry) continue;
      e[x.id] = { indicatorId: x.id, value: x.entry.value, note: x.entry.note, evidence: x.entry.evidence };
      if (x.method === 'filed')
        s[x.id] = { indicatorId: x.id, score: x.entry.score ?? x.entry.suggested, comment: x.entry.comment };
    }
    setEntries(e);
    setScores(s);
  }, [data]);
  if (!data) return null;
  const filling = data.status === 'filling' && can(me, 'oversight:assessment:fill');
  const scoring = data.status === 'submitted' && can(me, 'oversight:assessment:score');
  const filed = (x: Row) => x.leaf && x.method === 'filed';
  const setEntry = (idx: string, patch: Partial<EntryDraft>) =>
    setEntries((prev) => {
      const cur = prev[idx];
      return cur ? { ...prev, [idx]: { ...cur, ...patch } } : prev;
    });
  const setScore = (idx: string, patch: Partial<ScoreDraft>) =>
    setScores((prev) => {
      const cur = prev[idx];
      return cur ? { ...prev, [idx]: { ...cur, ...patch } } : prev;
    });
  const run = (f: () => Promise<unknown>, done: string) =>
    sending(async () => {
      await f();
      notifySuccess(done);
      reload();
    }, showError);
  const fillDrafts = () =>
    data.indicators.filter(filed).flatMap((x) => (entries[x.id] ? [entries[x.id] as EntryDraft] : []));
  const save = () =>
    api.post(`/api/oversight/assessment-units/${data.id}/entries`, fillBody(data.version, fillDrafts()));
  const submit = async () => {
    await save();
    await api.post(`/api/oversight/assessment-units/${data.id}/submit`, { version: data.version + 1 });
  };
  const review = (decision: 'save' | 'finish' | 'return', note = '') =>
    api.post(
      `/api/oversight/assessment-units/${data.id}/review`,
      reviewBody(data.version, Object.values(scores), decision, note),
    );

  const columns: TableColumnsType<Row> = [
    { title: '编号', dataIndex: 'code', key: 'code', width: 64 },
    {
      title: '指标',
      key: 'title',
      width: 260,
      render: (_, x) => (
        <div style={{ paddingLeft: (x.level - 1) * 12 }}>
          <div style={{ fontWeight: x.leaf ? 'normal' : 600 }}>{x.title}</div>
          {x.leaf && (
            <div style={{ color: '#888', fontSize: 12 }}>
              {methodLabels[x.method ?? '']} · {scoringRuleLabels[x.rule ?? '']}
              {x.target !== null ? `(目标值 ${x.target})` : ''}
              {x.evidence ? ` · 佐证:${x.evidence}` : ''}
            </div>
          )}
        </div>
      ),
    },
    { title: '分值', dataIndex: 'weight', key: 'weight', width: 56, align: 'right' },
    {
      title: '填报',
      key: 'fill',
      width: 320,
      render: (_, x) => {
        if (!x.leaf || !x.entry) return null;
        if (x.method === 'metric')
          return x.entry.autoOn
            ? `系统取数:${x.entry.value ?? '无数据'}(${x.entry.autoOn})`
            : '由系统按统计指标取数';
        const d = entries[x.id];
        if (!filling || !d)
          return (
            <div>
              {x.entry.value !== null && <div>数值:{x.entry.value}</div>}
              {x.entry.note && <div>{x.entry.note}</div>}
              {x.entry.evidence.map((f) => (
                <div key={f.sha256}>
                  <Tag>佐证</Tag>
                  {f.name}
                </div>
              ))}
            </div>
          );
        return (
          <Space direction="vertical" style={{ width: '100%' }} size={4}>
            {x.rule !== 'review' && (
              <InputNumber
                aria-label={`${x.code} 数值`}
                placeholder="数值"
                min={0}
                value={d.value}
                onChange={(v) => setEntry(x.id, { value: v })}
                style={{ width: '100%' }}
              />
            )}
            <Input.TextArea
              aria-label={`${x.code} 说明`}
              rows={2}
              maxLength={2000}
              placeholder="落实情况说明"
              value={d.note}
              onChange={(e) => setEntry(x.id, { note: e.target.value })}
            />
            <Upload
              multiple
              fileList={d.evidence.map((f) => ({ uid: f.sha256, name: f.name, status: 'done' as const }))}
              customRequest={async ({ file, onSuccess, onError }) => {
                try {
                  const f = file as File;
                  const stored = await api.uploadRaw<{ sha256: string }>('/api/files', f, f.name);
                  setEntries((prev) => {
                    const cur = prev[x.id];
                    return cur
                      ? {
                          ...prev,
                          [x.id]: {
                            ...cur,
                            evidence: [...cur.evidence, { sha256: stored.sha256, name: f.name }],
                          },
                        }
                      : prev;
                  });
                  onSuccess?.(stored);
                } catch (e) {
                  showError(e);
                  onError?.(e as Error);
                }
              }}
              onRemove={(f) => setEntry(x.id, { evidence: d.evidence.filter((e) => e.sha256 !== f.uid) })}
            >
              <Button size="small" icon={<UploadOutlined />} aria-label={`${x.code} 上传佐证`}>
                上传佐证
              </Button>
            </Upload>
          </Space>
        );
      },
    },
    {
      title: '得分与意见',
      key: 'score',
      width: 240,
      render: (_, x) => {
        if (!x.leaf || !x.entry) return null;
        const s = scores[x.id];
        if (scoring && s && x.method === 'filed')
          return (
            <Space direction="vertical" style={{ width: '100%' }} size={4}>
              <InputNumber
                aria-label={`${x.code} 得分`}
                min={0}
                max={x.weight}
                step={0.5}
                value={s.score}
                onChange={(v) => setScore(x.id, { score: v })}
                suffix={`/ ${x.weight}`}
              />
              <Input
                aria-label={`${x.code} 意见`}
                placeholder="赋分意见"
                maxLength={1000}
                value={s.comment}
                onChange={(e) => setScore(x.id, { comment: e.target.value })}
              />
            </Space>
          );
        return (
          <div>
            {x.entry.score !== null && <b>{x.entry.score} 分</b>}
            {x.entry.comment && <div>{x.entry.comment}</div>}
          </div>
        );
      },
    },
  ];
  const today = todayInChina();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <PageCard
        title={`${data.round.title}:${data.orgName}`}
        extra={
          <Space wrap>
            {filling && (
              <>
                <Button loading={busy} onClick={() => run(save, '已保存')}>
                  保存
                </Button>
                <Button type="primary" loading={busy} onClick={() => run(submit, '已报送,等待审核赋分')}>
                  报送
                </Button>
              </>
            )}
            {scoring && (
              <>
                <Button loading={busy} onClick={() => run(() => review('save'), '评分已保存')}>
                  保存评分
                </Button>
                <Button danger onClick={() => setReturning(true)}>
                  退回
                </Button>
                <Button
                  type="primary"
                  loading={busy}
                  onClick={() => run(() => review('finish'), '已完成赋分')}
                >
                  完成赋分
                </Button>
              </>
            )}
          </Space>
        }
      >
        {data.returnedNote && data.status === 'filling' && (
          <Alert type="error" showIcon style={{ marginBottom: 8 }} message={`被退回:${data.returnedNote}`} />
        )}
        <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="状态">{statusTag(data.status)}</Descriptions.Item>
          <Descriptions.Item label="填报截止">
            <Space size={4}>
              {data.round.fillDue}
              <DueTag state={fillDueState(data.round.fillDue, data.status, today)} />
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="总分">
            {data.total !== null ? (
              <Space size={4}>
                <b>{data.total} 分</b>
                {data.grade && <Tag color={gradeColors[data.grade]}>{data.gradeLabel}</Tag>}
                {data.rank !== null && data.publishedOn && <span>第 {data.rank} 名</span>}
              </Space>
            ) : (
              '结果发布后可见'
            )}
          </Descriptions.Item>
        </Descriptions>
        <WholeTable<Row>
          rowKey="id"
          bordered
          style={{ marginTop: 12 }}
          columns={columns}
          dataSource={data.indicators}
          scrollX={940}
        />
      </PageCard>
      {data.ranking.length > 0 && (
        <PageCard title={data.publishedOn ? `考评排名(${data.publishedOn} 发布)` : '考评排名(未发布)'}>
          <WholeTable
            rowKey="unitId"
            dataSource={data.ranking}
            rowClassName={(r) => (r.unitId === data.id ? 'ant-table-row-selected' : '')}
            columns={[
              { title: '名次', dataIndex: 'rank', key: 'rank', width: 60 },
              { title: '单位', dataIndex: 'orgName', key: 'org' },
              { title: '总分', dataIndex: 'total', key: 'total', width: 70, align: 'right' },
              { title: '等次', dataIndex: 'gradeLabel', key: 'grade', width: 70 },
            ]}
          />
        </PageCard>
      )}
      <Modal
        open={returning}
        title="退回重新填报"
        okText="退回"
        onCancel={() => setReturning(false)}
        onOk={async () => {
          await run(() => review('return', returnNote), '已退回');
          setReturning(false);
        }}
      >
        <Input.TextArea
          aria-label="退回说明"
          rows={3}
          maxLength={1000}
          placeholder="写明需要补充或修改的内容"
          value={returnNote}
          onChange={(e) => setReturnNote(e.target.value)}
        />
      </Modal>
    </Space>
  );
}
