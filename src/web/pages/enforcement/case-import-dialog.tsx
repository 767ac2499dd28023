import { ImportOutlined } from '@ant-design/icons';
import { Modal, Progress, Typography } from 'antd';
import { useState } from 'react';
import { formatImportStatus, type ImportStatus } from '../../../platform/io/progress.js';
import { ApiError, api } from '../../api/client.js';
import { notifySuccess, showError } from '../../api/feedback.js';
import { FileButton, type ImportProblemList, ImportProblems } from '../../components/import-button.js';

/**
 * 导入历史案件 with a progress bar: the server checks every row, then writes them all, and
 * reports rows read, checked and written and the time left as it goes (a file of 100,000 cases
 * takes minutes). A refused file lists every problem by row and column; nothing is written.
 */
export function CaseImportButton({ onImported }: { onImported: () => void }) {
  const [running, setRunning] = useState<{ file: string; status: ImportStatus | null } | null>(null);
  const [problems, setProblems] = useState<ImportProblemList | null>(null);

  async function send(file: File) {
    setRunning({ file: file.name, status: null });
    try {
      const answer = await api.uploadWithProgress<ImportStatus>(
        '/api/enforcement/cases/import',
        file,
        (status) => setRunning({ file: file.name, status }),
      );
      notifySuccess(`已导入 ${answer.imported.toLocaleString('en-US')} 件历史案件`);
      onImported();
    } catch (e) {
      if (e instanceof ApiError && e.errors.length > 0) setProblems({ file: file.name, list: e.errors });
      else showError(e);
    } finally {
      setRunning(null);
    }
  }

  const status = running?.status ?? null;
  return (
    <>
      <FileButton
        accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        icon={<ImportOutlined />}
        loading={running !== null}
        onFile={send}
      >
        导入历史案件
      </FileButton>
      <Modal
        title={`正在导入“${running?.file ?? ''}”`}
        open={running !== null}
        closable={false}
        maskClosable={false}
        keyboard={false}
        footer={null}
      >
        <Progress percent={status?.percent ?? 0} status="active" aria-label="导入进度" />
        <Typography.Paragraph>
          {status
            ? `${status.phase === 'validate' ? '正在逐行检查' : '检查无误,正在写入'}:${formatImportStatus(status)}`
            : '正在上传文件…'}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">
          先检查全部数据,无误后一次写入;有任何一行错误则不导入任何数据。导入期间请勿关闭本页面。
        </Typography.Paragraph>
      </Modal>
      <ImportProblems problems={problems} onClose={() => setProblems(null)} />
    </>
  );
}
