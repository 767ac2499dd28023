import {
  Button,
  Drawer,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Space,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useEffect, useState } from 'react';
import { api, downloadFile } from '../../api/client.js';
import { notifySuccess, showError } from '../../api/feedback.js';
import { can, useMe } from '../../auth/auth-context.js';
import { PageCard } from '../../components/ledger.js';
import { FetchedTable } from '../../components/fetched-table.js';
import { useFetch } from '../../components/use-fetch.js';
import { CompareDrawer } from './compare-drawer.js';
import { IssuerModal } from './issuer-form.js';
import type { AnnualReport, ReportRow } from './types.js';
import { openColumn, statusColumn } from '../../components/columns.js';

const NUM = ['一', '二', '三', '四', '五'];
const statusColor: Record<string, string> = {
  draft: 'default',
  review: 'processing',
  approved: 'cyan',
  published: 'success',
  returned: 'warning',
};

function ReportEditor({ id, onClose }: { id: string; onClose: () => void }) {
  const me = useMe();
  const { data, loading, reload } = useFetch<AnnualReport>(`/api/reports/${id}`);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [issuerOpen, setIssuerOpen] = useState(false);
  const [compareOpen, setCompareOpen] = useState(false);
  // an act holds the action buttons until the report has been read again: the next act (提交审核
  // right after 保存文字) must carry the version the last one made, not the one before it (409)
  const [busy, setBusy] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new answer (data) ends the wait as well
  useEffect(() => {
    if (!loading) setBusy(false);
  }, [loading, data]);
  const run = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await fn();
      notifySuccess(done);
      setTexts({});
      reload();
    } catch (e) {
      setBusy(false);
      showError(e);
    }
  };
  if (!data) return <Drawer open width={Math.min(900, window.innerWidth)} onClose={onClose} loading />;
  const c = data.current;
  const draft = c.status === 'draft' && can(me, 'planning:report:edit');
  const textOf = (key: string, fallback: string) => texts[key] ?? fallback;
  return (
    <Drawer
      open
      width={Math.min(920, window.innerWidth)}
      title={`${c.content.title}(第 ${c.no} 版 · ${c.statusLabel})`}
      onClose={onClose}
      extra={
        <Space>
          <Button
            size="small"
            onClick={() => downloadFile(`/api/reports/${id}/docx`, { no: c.no }, `${c.content.title}.docx`)}
          >
            下载 Word
          </Button>
          <Button size="small" onClick={() => window.open(`/api/reports/${id}/html?no=${c.no}`, '_blank')}>
            网页版
          </Button>
          {data.versions.length > 1 && (
            <Button size="small" onClick={() => setCompareOpen(true)}>
              版本对比
            </Button>
          )}
          {can(me, 'planning:report:edit') && (
            <Button size="small" onClick={() => setIssuerOpen(true)}>
              发文设置
            </Button>
          )}
          {draft && Object.keys(texts).length > 0 && (
            <Button
              size="small"
              type="primary"
              disabled={busy}
              onClick={() =>
                run(
                  () => api.patch(`/api/reports/${id}/narratives`, { version: c.version, narratives: texts }),
                  '已保存',
                )
              }
            >
              保存文字
            </Button>
          )}
          {draft && (
            <Button
              size="small"
              disabled={busy}
              onClick={() =>
                run(() => api.post(`/api/reports/${id}/submit`, { version: c.version }), '已提交审核')
              }
            >
              提交审核
            </Button>
          )}
          {(c.status === 'review' || c.status === 'approved') && can(me, 'planning:report:approve') && (
            <Button
              size="small"
              danger
              disabled={busy}
              onClick={() => {
                let reason = '';
                Modal.confirm({
                  title: '退回修改',
                  content: <Input.TextArea rows={3} onChange={(e) => (reason = e.target.value)} />,
                  onOk: () =>
                    run(
                      () => api.post(`/api/reports/${id}/return`, { version: c.version, reason }),
                      '已退回',
                    ),
                });
              }}
            >
              退回
            </Button>
          )}
          {/* 发布 only what has been approved: a draft or a report under review is not offered it */}
          {c.status === 'approved' && can(me, 'planning:report:publish') && (
            <Popconfirm
              title="向社会公开发布这份报告?"
              description="发布后报告在公开网站上可见。"
              onConfirm={() =>
                run(() => api.post(`/api/reports/${id}/publish`, { version: c.version }), '已发布')
              }
            >
              <Button size="small" type="primary" disabled={busy}>
                发布
              </Button>
            </Popconfirm>
          )}
        </Space>
      }
    >
      <p>
        报送期限 {c.content.deadlines.submitBy},向社会公开期限 {c.content.deadlines.publishBy}。
        {data.dueState === 'overdue' && <Tag color="red">逾期未公开</Tag>}
        {data.dueState === 'dueSoon' && <Tag color="orange">临期</Tag>}历史版本:
        {data.versions.map((v) => ` 第${v.no}版(${v.statusLabel})`).join(',')}
      </p>
      {compareOpen && (
        <CompareDrawer
          id={id}
          versions={data.versions}
          current={c.no}
          onClose={() => setCompareOpen(false)}
        />
      )}
      {issuerOpen && (
        <IssuerModal
          orgId={data.orgId}
          orgName={data.orgName}
          issueYear={Number(c.content.generatedAt.slice(0, 4))}
          onClose={() => setIssuerOpen(false)}
        />
      )}
      <h4>前言</h4>
      <Input.TextArea
        autoSize
        disabled={!draft}
        value={textOf('preamble', c.content.preamble)}
        onChange={(e) => setTexts({ ...texts, preamble: e.target.value })}
      />
      {c.content.parts.map((p, i) => (
        <div key={p.key} style={{ marginTop: 16 }}>
          <h3>
            {NUM[i]}、{p.title}{' '}
            {p.approved ? (
              <Tag color="success">已审核({p.approvedBy})</Tag>
            ) : c.status === 'review' && can(me, 'planning:report:approve') ? (
              <Button
                size="small"
                disabled={busy}
                onClick={() =>
                  run(
                    () => api.post(`/api/reports/${id}/approve-part`, { version: c.version, part: p.key }),
                    '已审核通过',
                  )
                }
              >
                审核通过
              </Button>
            ) : (
              <Tag>未审核</Tag>
            )}
          </h3>
          {p.sections.map((s) => (
            <div key={s.key} style={{ marginLeft: 16 }}>
              {s.title && <h4>{s.title}</h4>}
              {s.sentences.map((x) => (
                <p key={x.text} style={{ margin: '4px 0' }}>
                  {x.text}
                </p>
              ))}
              {p.key === 'achievements' && (
                <Input.TextArea
                  autoSize
                  placeholder="补充文字(工作举措、典型做法)"
                  disabled={!draft}
                  value={textOf(`section:${s.key}`, s.narrative)}
                  onChange={(e) => setTexts({ ...texts, [`section:${s.key}`]: e.target.value })}
                />
              )}
            </div>
          ))}
          <Input.TextArea
            autoSize={{ minRows: 2 }}
            placeholder="本部分文字"
            disabled={!draft}
            value={textOf(`part:${p.key}`, p.narrative)}
            onChange={(e) => setTexts({ ...texts, [`part:${p.key}`]: e.target.value })}
          />
        </div>
      ))}
    </Drawer>
  );
}

/** 年度报告: generate from the figures, write, review part by part, publish; versions kept. */
export default function ReportsPage() {
  const me = useMe();
  const { data, loading, reload } = useFetch<{ items: ReportRow[] }>('/api/reports');
  const [year, setYear] = useState<number>(new Date().getFullYear() - 1);
  const [open, setOpen] = useState<string | null>(null);
  const [generating, setGenerating] = useState(false);
  const generate = async () => {
    setGenerating(true);
    try {
      const r = await api.post<AnnualReport>('/api/reports/generate', { year });
      notifySuccess(`已生成第 ${r.current.no} 版草稿`);
      reload();
      setOpen(r.id);
    } catch (e) {
      showError(e);
    } finally {
      setGenerating(false);
    }
  };
  const columns: TableColumnsType<ReportRow> = [
    { title: '年度', dataIndex: 'year', key: 'year', width: 80 },
    openColumn({ title: '单位', dataIndex: 'orgName', key: 'org' }, setOpen),
    { title: '最新版本', dataIndex: 'latestNo', key: 'no', width: 90 },
    statusColumn(statusColor, 100),
  ];
  return (
    <PageCard
      title="法治政府建设年度报告"
      extra={
        can(me, 'planning:report:edit') && (
          <Space>
            <InputNumber
              size="small"
              min={2000}
              max={2100}
              value={year}
              onChange={(v) => v && setYear(v)}
              suffix="年度"
            />
            <Button size="small" type="primary" onClick={generate} loading={generating}>
              {generating ? '正在汇总指标、生成草稿…' : '根据指标生成'}
            </Button>
          </Space>
        )
      }
    >
      <FetchedTable<ReportRow>
        rowKey="id"
        columns={columns}
        fetched={{ data: data?.items, loading }}
        pagination={false}
      />
      {open && (
        <ReportEditor
          id={open}
          onClose={() => {
            setOpen(null);
            reload();
          }}
        />
      )}
    </PageCard>
  );
}
