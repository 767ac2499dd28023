import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, InputNumber, Modal, Space, type TableColumnsType, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client.js';
import { notifySuccess, showError } from '../../api/feedback.js';
import { PageCard } from '../../components/ledger.js';
import { useFetch } from '../../components/use-fetch.js';
import { useList } from '../../components/use-list.js';
import type { Submission, SubmissionLine, SubmissionSummary } from './types.js';
import { deadlineMark, submissionColor } from './deadline-tag.js';
import { LedgerTable } from '../../components/ledger-table.js';
import { openColumn, statusColumn } from '../../components/columns.js';
import { useSending } from '../../components/use-submit.js';
import { useOpened } from '../../components/use-opened.js';
import { WholeTable } from '../../components/whole-table.js';

interface Draft {
  value: number | null;
  evidenceText: string;
  /** the uploaded 佐证材料 (POST /api/files answers its SHA-256); its name is the evidence text */
  evidenceHash: string | null;
}

/** 佐证材料: a file uploaded to the file store, cited by its SHA-256 with its name. */
function EvidenceUpload({
  name,
  disabled,
  label,
  onUploaded,
  onRemove,
  uploaded,
}: {
  name: string;
  disabled: boolean;
  label: string;
  uploaded: boolean;
  onUploaded: (hash: string, name: string) => void;
  onRemove: () => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const choose = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    setBusy(true);
    try {
      const stored = await api.uploadRaw<{ sha256: string }>('/api/files', file, file.name);
      onUploaded(stored.sha256, file.name);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  return (
    <Space size={4} wrap>
      <input
        ref={input}
        type="file"
        aria-label={`${label}佐证材料`}
        style={{ display: 'none' }}
        onChange={(e) => void choose(e.target.files)}
      />
      {uploaded ? (
        <>
          <PaperClipOutlined />
          <span>{name}</span>
          {!disabled && (
            <Button size="small" type="link" danger style={{ padding: 0 }} onClick={onRemove}>
              移除
            </Button>
          )}
        </>
      ) : (
        <Button
          size="small"
          icon={<UploadOutlined />}
          loading={busy}
          disabled={disabled}
          onClick={() => input.current?.click()}
        >
          上传
        </Button>
      )}
    </Space>
  );
}

function FillForm({ id, onClose }: { id: string; onClose: () => void }) {
  const { data, reload } = useFetch<Submission>(`/api/data-call-submissions/${id}`);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  useEffect(() => {
    if (!data) return;
    setDrafts(
      Object.fromEntries(
        data.lines.map((l) => [
          l.id,
          { value: l.value, evidenceText: l.evidenceText ?? '', evidenceHash: l.evidenceHash },
        ]),
      ),
    );
  }, [data]);
  const editable = data?.open === true && (data.status === 'pending' || data.status === 'returned');
  const { busy: saving, run } = useSending();
  const save = async (thenSubmit: boolean) => {
    if (!data || saving) return;
    // a negative figure is named and not sent: it is never turned into 0 on the way
    const negative = data.lines.find((l) => !l.readOnly && (drafts[l.id]?.value ?? 0) < 0);
    if (negative) {
      showError(new Error(`“${negative.name}”不能为负数,请改正后再保存`));
      return;
    }
    await run(
      async () => {
        const figures = data.lines
          .filter((l) => !l.readOnly && drafts[l.id]?.value !== null && drafts[l.id]?.value !== undefined)
          .map((l) => ({
            itemId: l.id,
            value: drafts[l.id]?.value,
            unit: l.unit,
            ...(drafts[l.id]?.evidenceText ? { evidenceText: drafts[l.id]?.evidenceText } : {}),
            ...(drafts[l.id]?.evidenceHash ? { evidenceHash: drafts[l.id]?.evidenceHash } : {}),
          }));
        let version = data.version;
        if (figures.length > 0)
          version = (
            await api.put<Submission>(`/api/data-call-submissions/${id}/figures`, { version, figures })
          ).version;
        if (thenSubmit) await api.post(`/api/data-call-submissions/${id}/submit`, { version });
        notifySuccess(thenSubmit ? '已提交审核' : '已保存');
        reload();
      },
      (e) => {
        showError(e);
      },
    );
  };
  const set = (lineId: string, patch: Partial<Draft>) =>
    setDrafts((d) => ({
      ...d,
      [lineId]: {
        value: d[lineId]?.value ?? null,
        evidenceText: d[lineId]?.evidenceText ?? '',
        evidenceHash: d[lineId]?.evidenceHash ?? null,
        ...patch,
      },
    }));
  const columns: TableColumnsType<SubmissionLine> = [
    { title: '指标', dataIndex: 'name', key: 'name', width: 220 },
    { title: '口径', dataIndex: 'definition', key: 'def', ellipsis: true },
    {
      title: '数值',
      key: 'value',
      width: 170,
      render: (_, l) =>
        l.readOnly ? (
          <span>
            {l.value ?? '—'}
            {l.unit} <Tag color="blue">平台计算</Tag>
          </span>
        ) : (
          <div>
            {/* a negative number stays as typed and is named, never silently turned into 0 */}
            <InputNumber<number>
              size="small"
              disabled={!editable}
              value={drafts[l.id]?.value ?? null}
              suffix={l.unit}
              status={(drafts[l.id]?.value ?? 0) < 0 ? 'error' : undefined}
              aria-label={`${l.name}填报数`}
              onChange={(v) => set(l.id, { value: v })}
            />
            {(drafts[l.id]?.value ?? 0) < 0 && (
              <div style={{ color: '#cf1322', fontSize: 12 }}>不能为负数</div>
            )}
          </div>
        ),
    },
    {
      title: '佐证材料',
      key: 'evidence',
      width: 220,
      render: (_, l) =>
        l.readOnly ? null : (
          <EvidenceUpload
            label={l.name}
            name={drafts[l.id]?.evidenceText ?? ''}
            uploaded={Boolean(drafts[l.id]?.evidenceHash)}
            disabled={!editable}
            onUploaded={(hash, name) => set(l.id, { evidenceHash: hash, evidenceText: name })}
            onRemove={() => set(l.id, { evidenceHash: null, evidenceText: '' })}
          />
        ),
    },
  ];
  return (
    <Modal
      open
      width={1000}
      title={data?.callTitle ?? '填报'}
      onCancel={onClose}
      footer={
        editable ? (
          <Space>
            <Button loading={saving} onClick={() => save(false)}>
              保存
            </Button>
            <Button type="primary" loading={saving} onClick={() => save(true)}>
              保存并提交
            </Button>
          </Space>
        ) : null
      }
    >
      {data?.status === 'returned' && (
        <Alert
          type="error"
          showIcon
          message={`已退回:${data.returnReason ?? ''}`}
          style={{ marginBottom: 8 }}
        />
      )}
      {data && !data.open && (
        <Alert
          type="warning"
          showIcon
          message={`该填报任务已截止(${data.deadline})或已关闭,不能再填报`}
          style={{ marginBottom: 8 }}
        />
      )}
      {/* on a phone the lines scroll inside the dialog, not the page */}
      <WholeTable<SubmissionLine>
        rowKey="id"
        columns={columns}
        dataSource={data?.lines ?? []}
        scrollX="max-content"
      />
    </Modal>
  );
}

/** 本单位填报: the unit's inbox; computed figures are shown, never asked (最多报一次). */
export default function SubmissionsPage() {
  const list = useList<SubmissionSummary>('/api/data-call-submissions');
  const filling = useOpened<string>(list.reload);
  const columns: TableColumnsType<SubmissionSummary> = [
    openColumn({ title: '填报任务', dataIndex: 'title' }, filling.open),
    { title: '填报单位', dataIndex: 'orgName', key: 'org', width: 200 },
    {
      title: '截止',
      key: 'deadline',
      width: 150,
      render: (_, s) => {
        const d = s.deadline ?? '';
        return deadlineMark(d, s.status !== 'submitted' && s.status !== 'accepted', d);
      },
    },
    statusColumn(submissionColor, 120),
    { title: '退回理由', dataIndex: 'returnReason', key: 'reason' },
  ];
  return (
    <PageCard title="本单位数据填报">
      <LedgerTable list={list} columns={columns} scrollX="max-content" />
      {filling.opened && <FillForm id={filling.opened} onClose={filling.closeAndReload} />}
    </PageCard>
  );
}
