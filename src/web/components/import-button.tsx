import { ImportOutlined } from '@ant-design/icons';
import { Button, Modal, Table, Upload } from 'antd';
import { type ReactNode, useState } from 'react';
import { ApiError, api, type FieldProblem } from '../api/client.js';
import { notifySuccess, showError } from '../api/feedback.js';
import { useSending } from './use-submit.js';

/**
 * 导入Excel: uploads an .xlsx to `path` (multipart field `file`). The server checks every row
 * and answers all problems at once ([{ row, column, message }]); they are listed so the user
 * can fix the sheet in one pass.
 */
export function ImportButton({
  path,
  onImported,
  label = '导入Excel',
}: {
  path: string;
  onImported: () => void;
  label?: string;
}) {
  const { busy, run } = useSending();
  const [problems, setProblems] = useState<ImportProblemList | null>(null);

  async function send(file: File) {
    await run(
      async () => {
        const answer = await api.upload<{ imported: number }>(path, file, file.name);
        notifySuccess(`已导入 ${answer.imported} 条`);
        onImported();
      },
      (e) => {
        if (e instanceof ApiError && e.errors.length > 0) setProblems({ file: file.name, list: e.errors });
        else showError(e);
      },
    );
  }

  return (
    <>
      <FileButton
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        icon={<ImportOutlined />}
        loading={busy}
        onFile={send}
      >
        {label}
      </FileButton>
      <ImportProblems problems={problems} onClose={() => setProblems(null)} />
    </>
  );
}

/** A button that asks for one file of `accept` and hands it to `onFile` (antd itself uploads nothing). */
export function FileButton({
  accept,
  icon,
  loading,
  primary,
  onFile,
  children,
}: {
  accept: string;
  icon: ReactNode;
  loading: boolean;
  primary?: boolean;
  onFile: (file: File) => Promise<void>;
  children: ReactNode;
}) {
  return (
    <Upload
      accept={accept}
      showUploadList={false}
      beforeUpload={(file) => {
        void onFile(file);
        return false;
      }}
    >
      <Button type={primary ? 'primary' : undefined} icon={icon} loading={loading}>
        {children}
      </Button>
    </Upload>
  );
}

export interface ImportProblemList {
  file: string;
  list: FieldProblem[];
}

/** Every problem of a refused file, by row and column, so the sheet is fixed in one pass. */
export function ImportProblems({
  problems,
  onClose,
}: {
  problems: ImportProblemList | null;
  onClose: () => void;
}) {
  return (
    <Modal
      title={`“${problems?.file ?? ''}”未导入:请修改以下问题后重新导入`}
      open={problems !== null}
      onCancel={onClose}
      footer={<Button onClick={onClose}>知道了</Button>}
      width={640}
    >
      <Table<FieldProblem>
        size="small"
        bordered
        rowKey={(p) => `${p.row ?? ''}-${p.column ?? p.field}-${p.message}`}
        dataSource={problems?.list ?? []}
        pagination={{ pageSize: 10, size: 'small', showTotal: (t) => `共 ${t} 处问题` }}
        columns={[
          { title: '行', dataIndex: 'row', key: 'row', width: 60, align: 'right' },
          { title: '列', key: 'column', width: 120, render: (_, p) => p.column ?? p.field },
          { title: '问题', dataIndex: 'message', key: 'message' },
        ]}
      />
    </Modal>
  );
}
