import { Form, Modal } from 'antd';
import type { CaseDetail, CaseRecordFile, RecordGap } from '../types.js';
import { RecordUpload, recordRefs } from './record-upload.js';
import { useCaseSend } from './case-send.js';

/** 补录: records added afterwards to an act that lacks them (the act itself stays as logged). */
export function SupplementRecords({
  c,
  gap,
  onClose,
  onDone,
}: {
  c: CaseDetail;
  gap: RecordGap | null;
  onClose: () => void;
  onDone: (next: CaseDetail) => void;
}) {
  const [form] = Form.useForm<{ records: CaseRecordFile[] }>();
  const { saving, send } = useCaseSend(form);
  const submit = async ({ records }: { records: CaseRecordFile[] }) => {
    if (!gap) return;
    await send(
      `/api/enforcement/cases/${c.id}/actions/${gap.seq}/records`,
      { records: recordRefs(records) },
      () => `已补录:${gap.label}`,
      onDone,
    );
  };
  return (
    <Modal
      open={gap !== null}
      title={gap ? `补录全过程记录 · ${gap.label}(缺${gap.recordLabel})` : ''}
      okText="保存"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ records: [] }}>
        <Form.Item
          name="records"
          label="记录文件"
          rules={[{ type: 'array', min: 1, message: '请上传至少一份记录' }]}
        >
          <RecordUpload />
        </Form.Item>
      </Form>
    </Modal>
  );
}
