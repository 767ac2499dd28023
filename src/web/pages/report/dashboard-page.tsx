import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import {
  Card,
  Col,
  Empty,
  InputNumber,
  Row,
  Space,
  Spin,
  type TableColumnsType,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import * as echarts from 'echarts';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { PageCard } from '../../components/ledger.js';
import { useOrgTree } from '../../components/org-tree.js';
import { useFetch } from '../../components/use-fetch.js';

/** GET /api/dashboard: the server's own types, imported type-only. */
import type { Dashboard, DueItem, KeyFigure } from '../../../report/dashboard.js';
import { WholeTable } from '../../components/whole-table.js';

const thisYear = new Date().getFullYear();

/** An ECharts chart that follows its box's width (phones, window resizes, the menu folding). */
function Chart({ option, height }: { option: echarts.EChartsCoreOption; height: number }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!box.current) return;
    const c = echarts.init(box.current);
    chart.current = c;
    const watch = new ResizeObserver(() => c.resize());
    watch.observe(box.current);
    return () => {
      watch.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return <div ref={box} style={{ width: '100%', height }} />;
}
const RANKED = 15;

function Change({ f }: { f: KeyFigure }) {
  if (f.lastYear === null) return <span style={{ color: '#666' }}>上年无数据</span>;
  const c = f.change ?? 0;
  const text = `较上年(${f.lastYear}${f.unit})`;
  if (c === 0)
    return (
      <span style={{ color: '#666' }}>
        {text} <MinusOutlined /> 持平
      </span>
    );
  return (
    // darker shades of the blue and orange, for 4.5:1 on white (WCAG 2.1 AA)
    <span style={{ color: c > 0 ? '#0958d9' : '#ad4e00' }}>
      {text} {c > 0 ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {Math.abs(c)}
      {f.unit}
    </span>
  );
}

function KeyFigures({ items }: { items: KeyFigure[] }) {
  return (
    <Row gutter={[8, 8]}>
      {items.map((f) => (
        <Col key={f.metricId} xs={12} sm={8} lg={6}>
          <Card size="small" styles={{ body: { padding: 10 } }}>
            <div style={{ color: '#666', fontSize: 13 }}>{f.name}</div>
            <div style={{ fontSize: 24, fontWeight: 600, lineHeight: '32px' }}>
              {f.value === null ? (
                <span style={{ fontSize: 16, color: '#666' }}>无数据</span>
              ) : (
                <>
                  {f.value}
                  <span style={{ fontSize: 13, fontWeight: 'normal', marginLeft: 2 }}>{f.unit}</span>
                </>
              )}
            </div>
            <div style={{ fontSize: 12 }}>
              <Change f={f} />
            </div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function RankingChart({ ranking }: { ranking: Dashboard['ranking'] }) {
  const top = ranking.items.slice(0, RANKED).reverse();
  if (top.length === 0) return <Empty description="没有下级单位" />;
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: ranking.unit, minInterval: 1 },
    yAxis: {
      type: 'category',
      data: top.map((i) => i.orgName),
      axisLabel: { width: 90, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: ranking.name,
        data: top.map((i) => i.value ?? 0),
        label: { show: true, position: 'right' },
        itemStyle: { color: '#1677ff' },
      },
    ],
  };
  return <Chart option={option} height={Math.max(240, top.length * 26)} />;
}

function TrendChart({ data }: { data: Dashboard }) {
  const units = [...new Set(data.trend.map((t) => t.unit))].slice(0, 2);
  if (data.months.length === 0) return <Empty description="该年度尚未开始" />;
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 8, top: 48, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: data.months.map((m) => `${Number(m.slice(5))}月`) },
    yAxis: units.map((u) => ({ type: 'value', name: u })),
    series: data.trend.map((t) => ({
      type: 'line',
      name: `${t.name}(${t.unit})`,
      yAxisIndex: Math.max(0, units.indexOf(t.unit)),
      smooth: true,
      data: t.values,
    })),
  };
  return <Chart option={option} height={300} />;
}

/** 查看 opens the ledger filtered to what needs attention first: 逾期, else 临期. */
export function dueLink(d: Pick<DueItem, 'link' | 'overdue' | 'dueSoon'>): string {
  return d.overdue > 0 ? `${d.link}?due=overdue` : `${d.link}?due=dueSoon`;
}

/** 临期 or 逾期: the count, in colour when there are any, opening the ledger filtered to them. */
function dueCountColumn(
  due: 'dueSoon' | 'overdue',
  title: string,
  color: string,
): TableColumnsType<DueItem>[number] {
  return {
    title,
    key: due,
    width: 70,
    align: 'center',
    render: (_, d) => (
      <Link to={`${d.link}?due=${due}`} aria-label={`${d.item}${title}`}>
        <Tag color={d[due] > 0 ? color : 'default'}>{d[due]}</Tag>
      </Link>
    ),
  };
}

const dueColumns: TableColumnsType<DueItem> = [
  { title: '领域', dataIndex: 'domainName', key: 'domain', width: 110 },
  { title: '事项', dataIndex: 'item', key: 'item' },
  dueCountColumn('dueSoon', '临期', 'orange'),
  dueCountColumn('overdue', '逾期', 'red'),
  { title: '台账', key: 'link', width: 60, render: (_, d) => <Link to={dueLink(d)}>查看</Link> },
];

/** 驾驶舱: key figures against last year, units ranked, 临期/逾期 across domains, monthly trends. */
export default function DashboardPage() {
  const [year, setYear] = useState(thisYear);
  const [orgId, setOrgId] = useState<string | undefined>(undefined);
  const { treeData } = useOrgTree();
  const query = useMemo(() => (orgId ? { year, orgId } : { year }), [year, orgId]);
  const { data, loading } = useFetch<Dashboard>('/api/dashboard', query);
  return (
    <PageCard
      title={data ? `驾驶舱 · ${data.orgName} ${data.year}年` : '驾驶舱'}
      extra={
        <Space wrap>
          <InputNumber
            aria-label="统计年度"
            size="small"
            min={2000}
            max={2100}
            value={year}
            suffix="年"
            onChange={(v) => v && setYear(v)}
          />
          <TreeSelect
            aria-label="统计单位"
            size="small"
            allowClear
            showSearch
            treeNodeFilterProp="title"
            placeholder="全部(本级及下级)"
            style={{ width: 200 }}
            treeData={treeData}
            value={orgId}
            onChange={(v: string | undefined) => setOrgId(v)}
          />
        </Space>
      }
    >
      <Spin spinning={loading}>
        {!data ? (
          <Empty description="加载中" />
        ) : (
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <KeyFigures items={data.keyFigures} />
            <Row gutter={[12, 12]}>
              <Col xs={24} lg={12}>
                <Card size="small" title={`单位排名:${data.ranking.name}(前${RANKED}名)`}>
                  <RankingChart ranking={data.ranking} />
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card size="small" title="临期 / 逾期事项(截至今日)">
                  <WholeTable<DueItem>
                    rowKey="item"
                    columns={dueColumns}
                    dataSource={data.due}
                    scrollX={400}
                  />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    橙色为临期、红色为逾期;点“查看”进入相应台账。
                  </Typography.Text>
                </Card>
              </Col>
            </Row>
            <Card size="small" title="月度趋势">
              <TrendChart data={data} />
            </Card>
          </Space>
        )}
      </Spin>
    </PageCard>
  );
}
