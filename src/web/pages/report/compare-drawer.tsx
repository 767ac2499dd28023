import { Drawer, Empty, Select, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useFetch } from '../../components/use-fetch.js';
import { WholeTable } from '../../components/whole-table.js';

interface FigureChange {
  metricId: string;
  name: string;
  unit: string;
  domainName: string;
  old: number | null;
  new: number | null;
  reason: 'mapping' | 'asOf' | 'filing' | 'records' | 'printed';
  detail: string;
}
interface SentenceChange {
  kind: 'added' | 'removed' | 'changed';
  part: string;
  section: string;
  old: string | null;
  new: string | null;
}
interface Comparison {
  older: { no: number; statusLabel: string; computedAt: string };
  newer: { no: number; statusLabel: string; computedAt: string };
  figures: FigureChange[];
  sentences: SentenceChange[];
}

const REASONS: Record<FigureChange['reason'], { label: string; color: string }> = {
  records: { label: '业务记录变化', color: 'blue' },
  filing: { label: '填报数据变化', color: 'purple' },
  mapping: { label: '口径或对应关系调整', color: 'orange' },
  asOf: { label: '统计时点不同', color: 'cyan' },
  printed: { label: '列入范围变化', color: 'default' },
};
const KINDS: Record<SentenceChange['kind'], { label: string; color: string }> = {
  added: { label: '新增', color: 'green' },
  removed: { label: '删除', color: 'red' },
  changed: { label: '修改', color: 'gold' },
};

const shown = (v: number | null, unit: string) => (v === null ? '未列入' : `${v}${unit}`);

/**
 * 版本对比: which figures changed (old, new, why) and which sentences, between any two versions;
 * it opens on the current version (a draft too) against the one before it — the version last
 * submitted, returned or published.
 */
export function CompareDrawer({
  id,
  versions,
  current,
  onClose,
}: {
  id: string;
  versions: { no: number; statusLabel: string }[];
  current: number;
  onClose: () => void;
}) {
  const [no, setNo] = useState(current);
  const [withNo, setWithNo] = useState<number>(
    versions.filter((v) => v.no < current).at(-1)?.no ??
      versions.find((v) => v.no !== current)?.no ??
      current,
  );
  const { data, loading } = useFetch<Comparison>(`/api/reports/${id}/compare`, { with: withNo, no });
  const choose = (value: number, set: (n: number) => void, label: string) => (
    <Select<number>
      size="small"
      style={{ width: 150 }}
      aria-label={label}
      value={value}
      onChange={set}
      options={versions.map((v) => ({ value: v.no, label: `第${v.no}版(${v.statusLabel})` }))}
    />
  );
  const figureColumns: TableColumnsType<FigureChange> = [
    { title: '数据', key: 'name', render: (_, f) => f.name },
    { title: `第${data?.older.no ?? ''}版`, key: 'old', width: 110, render: (_, f) => shown(f.old, f.unit) },
    { title: `第${data?.newer.no ?? ''}版`, key: 'new', width: 110, render: (_, f) => shown(f.new, f.unit) },
    {
      title: '原因',
      key: 'reason',
      render: (_, f) => (
        <Space direction="vertical" size={0}>
          <Tag color={REASONS[f.reason].color}>{REASONS[f.reason].label}</Tag>
          {f.detail && <Typography.Text type="secondary">{f.detail}</Typography.Text>}
        </Space>
      ),
    },
  ];
  const sentenceColumns: TableColumnsType<SentenceChange & { key: number }> = [
    {
      title: '位置',
      key: 'where',
      width: 180,
      render: (_, s) => [s.part, s.section].filter(Boolean).join(' · '),
    },
    {
      title: '变化',
      key: 'kind',
      width: 70,
      render: (_, s) => <Tag color={KINDS[s.kind].color}>{KINDS[s.kind].label}</Tag>,
    },
    {
      title: '内容',
      key: 'text',
      render: (_, s) => (
        <Space direction="vertical" size={2}>
          {s.old !== null && <Typography.Text delete={s.kind !== 'added'}>{s.old}</Typography.Text>}
          {s.new !== null && <Typography.Text mark={s.kind === 'changed'}>{s.new}</Typography.Text>}
        </Space>
      ),
    },
  ];
  return (
    <Drawer
      open
      width={Math.min(960, window.innerWidth)}
      title="版本对比"
      onClose={onClose}
      loading={loading && !data}
    >
      <Space wrap style={{ marginBottom: 12 }}>
        {choose(no, setNo, '对比版本')}与{choose(withNo, setWithNo, '被对比版本')}对比
      </Space>
      <h4>数据变化({data?.figures.length ?? 0} 项)</h4>
      {data && data.figures.length === 0 ? (
        <Empty description="两个版本的数据相同" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <WholeTable<FigureChange>
          rowKey="metricId"
          columns={figureColumns}
          dataSource={data?.figures ?? []}
          scrollX={640}
        />
      )}
      <h4 style={{ marginTop: 16 }}>语句变化({data?.sentences.length ?? 0} 处)</h4>
      {data && data.sentences.length === 0 ? (
        <Empty description="两个版本的文字相同" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <WholeTable<SentenceChange & { key: number }>
          rowKey="key"
          columns={sentenceColumns}
          dataSource={(data?.sentences ?? []).map((s, i) => ({ ...s, key: i }))}
          scrollX={640}
        />
      )}
    </Drawer>
  );
}
