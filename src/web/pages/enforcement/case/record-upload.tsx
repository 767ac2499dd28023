import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, List, Select, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { api } from '../../../api/client.js';
import { showError } from '../../../api/feedback.js';
import type { CaseRecordFile, RecordKind } from '../types.js';
import { recordKindLabels } from './labels.js';

/** What POST /api/files answers. */
interface StoredFile {
  sha256: string;
  size: number;
  originalName?: string;
}

const guessKind = (file: File): RecordKind =>
  file.type.startsWith('audio/') || file.type.startsWith('video/') ? 'audioVideo' : 'document';

/**
 * 执法全过程记录: files are stored by SHA-256 first (POST /api/files), then the act cites them by
 * hash, so a swapped file is detected later. A controlled field: `value` is what the act sends.
 */
export function RecordUpload({
  value = [],
  onChange,
}: {
  value?: CaseRecordFile[];
  onChange?: (records: CaseRecordFile[]) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const pick = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setBusy(true);
    const added: CaseRecordFile[] = [];
    try {
      for (const file of Array.from(files)) {
        const stored = await api.uploadRaw<StoredFile>('/api/files', file, file.name);
        added.push({ sha256: stored.sha256, kind: guessKind(file), name: file.name, size: stored.size });
      }
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
      onChange?.([...value, ...added]);
      if (input.current) input.current.value = '';
    }
  };
  const setKind = (i: number, kind: RecordKind) =>
    onChange?.(value.map((r, j) => (j === i ? { ...r, kind } : r)));
  return (
    <div>
      <input
        ref={input}
        type="file"
        multiple
        aria-label="选择记录文件"
        style={{ display: 'none' }}
        onChange={(e) => void pick(e.target.files)}
      />
      <Button icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>
        上传文书或音像记录
      </Button>
      {value.length > 0 && (
        <List
          size="small"
          dataSource={value}
          renderItem={(r, i) => (
            <List.Item
              actions={[
                <Button
                  key="remove"
                  type="link"
                  size="small"
                  danger
                  onClick={() => onChange?.(value.filter((_, j) => j !== i))}
                >
                  移除
                </Button>,
              ]}
            >
              <Space wrap size={4}>
                <PaperClipOutlined />
                <Typography.Text ellipsis style={{ maxWidth: 180 }}>
                  {r.name}
                </Typography.Text>
                <Select<RecordKind>
                  size="small"
                  value={r.kind}
                  onChange={(k) => setKind(i, k)}
                  options={(['document', 'audioVideo'] as const).map((k) => ({
                    value: k,
                    label: recordKindLabels[k],
                  }))}
                  style={{ width: 100 }}
                />
              </Space>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}

/** The records as the act sends them (size is the server's to know). */
export const recordRefs = (records: CaseRecordFile[] | undefined) =>
  (records ?? []).map(({ sha256, kind, name }) => ({ sha256, kind, name }));
