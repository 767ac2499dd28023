import { UploadOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Empty, Row, Space, Spin, type TableColumnsType, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, api } from '../api/client.js';
import { notifySuccess, showError } from '../api/feedback.js';
import type { CalendarYear, CalendarYearSummary } from '../api/types.js';
import { can, useMe } from '../auth/auth-context.js';
import { FileButton } from '../components/import-button.js';
import { useFetch } from '../components/use-fetch.js';
import { FetchedTable } from '../components/fetched-table.js';
import { DeadlineTool } from './deadline-tool.js';
import { YearGrid } from './year-grid.js';

/** The answer of POST /api/calendar/load: the stored due dates it moved, per ledger. */
interface CalendarLoadResult {
  year: number;
  recomputed: { ledger: string; changed: number }[];
}

function SourceTag({ source }: { source: CalendarYearSummary['source'] }) {
  return source === 'override' ? <Tag color="orange">管理员载入</Tag> : <Tag color="blue">内置数据</Tag>;
}

function YearView({ year }: { year: number }) {
  const { data, loading } = useFetch<CalendarYear>(`/api/calendar/${year}`);
  if (loading || !data) return <Spin style={{ display: 'block', padding: 40 }} />;
  if (!data.covered) {
    return (
      <Alert
        type="warning"
        showIcon
        message={`${year} 年的节假日安排尚未载入:期限按法定节假日(全国年节及纪念日放假办法 第二条)暂估,调休上班日待载入后确定,暂估的日期均有标注。`}
      />
    );
  }
  const inYear = data.days.filter((d) => d.date.startsWith(`${year}-`));
  const holidays = inYear.filter((d) => d.kind === 'holiday').length;
  const workdays = inYear.filter((d) => d.kind === 'workday').length;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap size={[16, 4]}>
        <span>依据:{sourceLabel(data.source)}</span>
        <span>
          <Tag color="red">休</Tag>放假 {holidays} 天
        </span>
        <span>
          <Tag color="blue">班</Tag>调休上班 {workdays} 天
        </span>
      </Space>
      <YearGrid year={year} days={data.days} />
    </Space>
  );
}

/** Reads the JSON file in the browser and posts it; the server checks it and names every problem. */
function LoadButton({
  onLoaded,
  onError,
}: {
  onLoaded: (year: number) => void;
  onError: (e: ApiError | null) => void;
}) {
  const [busy, setBusy] = useState(false);
  async function load(file: File) {
    setBusy(true);
    onError(null);
    try {
      let body: unknown;
      try {
        body = JSON.parse(await file.text());
      } catch {
        throw new ApiError({
          status: 400,
          code: 'calendar.invalidJson',
          detail: `“${file.name}”不是有效的 JSON 文件`,
        });
      }
      const summary = await api.post<CalendarLoadResult>('/api/calendar/load', body);
      const moved = summary.recomputed.filter((r) => r.changed > 0);
      notifySuccess(
        `已载入 ${summary.year} 年节假日安排;${
          moved.length === 0
            ? '已存期限无变化'
            : `已重算期限:${moved.map((r) => `${r.ledger} ${r.changed} 条`).join(',')}`
        }`,
      );
      onLoaded(summary.year);
    } catch (e) {
      // the server's problems are listed in the card; a toast would repeat them
      if (e instanceof ApiError && e.status === 400) onError(e);
      else showError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <FileButton
      accept=".json,application/json"
      icon={<UploadOutlined />}
      loading={busy}
      primary
      onFile={load}
    >
      载入安排
    </FileButton>
  );
}

/** Where the year's arrangement comes from, as an official would cite it (never a package name). */
export function sourceLabel(source: string | null | undefined): string {
  if (!source) return '—';
  // the built-in table transcribes the 国务院办公厅 notice of each year
  if (source.startsWith('chinese-days')) return '国务院办公厅关于部分节假日安排的通知(系统内置)';
  return source;
}

export default function CalendarPage() {
  const me = useMe();
  const years = useFetch<CalendarYearSummary[]>('/api/calendar/years');
  const [year, setYear] = useState<number | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [viewKey, setViewKey] = useState(0);

  // Open on this year when it is listed, else the latest.
  useEffect(() => {
    if (year !== null || !years.data?.length) return;
    const current = new Date().getFullYear();
    setYear(
      years.data.some((y) => y.year === current) ? current : Math.max(...years.data.map((y) => y.year)),
    );
  }, [years.data, year]);

  const columns: TableColumnsType<CalendarYearSummary> = [
    {
      title: '年份',
      dataIndex: 'year',
      key: 'year',
      sorter: (a, b) => a.year - b.year,
      defaultSortOrder: 'descend',
    },
    {
      title: '来源',
      dataIndex: 'source',
      key: 'source',
      render: (s: CalendarYearSummary['source']) => <SourceTag source={s} />,
    },
    {
      title: '放假',
      dataIndex: 'holidays',
      key: 'holidays',
      align: 'right',
      render: (n: number) => `${n} 天`,
    },
    {
      title: '调休上班',
      dataIndex: 'workdays',
      key: 'workdays',
      align: 'right',
      render: (n: number) => `${n} 天`,
    },
    {
      title: '依据',
      dataIndex: 'sourceNote',
      key: 'sourceNote',
      ellipsis: true,
      // the built-in years name the package they were taken from; an official cites the notice
      render: (note: string | null) => sourceLabel(note),
    },
  ];

  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} xl={9}>
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Card
            size="small"
            title="节假日安排"
            extra={
              can(me, 'system:calendar:edit') && (
                <LoadButton
                  onError={setLoadError}
                  onLoaded={(y) => {
                    years.reload();
                    setYear(y);
                    setViewKey((k) => k + 1);
                  }}
                />
              )
            }
          >
            {loadError && (
              <Alert
                type="error"
                showIcon
                closable
                onClose={() => setLoadError(null)}
                style={{ marginBottom: 8 }}
                message="文件未载入"
                description={
                  loadError.errors.length > 0 ? (
                    <ul style={{ margin: 0, paddingLeft: 18 }}>
                      {loadError.errors.map((e) => (
                        <li key={`${e.field}-${e.message}`}>
                          {e.field ? `${e.field}:${e.message}` : e.message}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    loadError.detail
                  )
                }
              />
            )}
            <FetchedTable<CalendarYearSummary>
              rowKey="year"
              bordered
              columns={columns}
              fetched={years}
              scrollX="max-content"
              pagination={{ defaultPageSize: 10, size: 'small', showTotal: (t) => `共 ${t} 年` }}
              rowClassName={(r) => (r.year === year ? 'ant-table-row-selected' : '')}
              onRow={(r) => ({ onClick: () => setYear(r.year), style: { cursor: 'pointer' } })}
            />
          </Card>
          <Card size="small" title="期限计算">
            <DeadlineTool />
          </Card>
        </Space>
      </Col>
      <Col xs={24} xl={15}>
        <Card size="small" title={year ? `${year} 年` : '年历'}>
          {year ? (
            <YearView key={`${year}-${viewKey}`} year={year} />
          ) : (
            <Empty description="请在左侧选择年份" />
          )}
        </Card>
      </Col>
    </Row>
  );
}
