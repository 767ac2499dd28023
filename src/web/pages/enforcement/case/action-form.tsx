import { Button, DatePicker, Drawer, Form, Grid, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { api } from '../../../api/client.js';
import { notifySuccess } from '../../../api/feedback.js';
import { applyServerError } from '../../../api/form-errors.js';
import type { CaseDetail, CaseRecordFile } from '../types.js';
import { ActionFields } from './action-fields.js';
import { toDate, todayInChina } from './dates.js';
import { RecordUpload, recordRefs } from './record-upload.js';

interface Values {
  date?: Dayjs;
  data?: {
    note?: string;
    opinion?: string;
    decisionNo?: string;
    days?: number;
    workdays?: number;
    noticedOn?: Dayjs;
    reason?: string;
    licenseNo?: string;
    disposal?: string;
    revocation?: string;
    sanction?: { penalties?: string[]; amount?: number };
  };
  records?: CaseRecordFile[];
}

const text = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

/** The body of POST …/actions: the act's data without empty fields, records only when there are any. */
export function actionBody(c: Pick<CaseDetail, 'version'>, action: string, v: Values) {
  const d = v.data ?? {};
  const data: Record<string, unknown> = {};
  if (text(d.note)) data.note = text(d.note);
  if (text(d.opinion)) data.opinion = text(d.opinion);
  if (text(d.decisionNo)) data.decisionNo = text(d.decisionNo);
  if (text(d.reason)) data.reason = text(d.reason);
  if (text(d.licenseNo)) data.licenseNo = text(d.licenseNo);
  if (d.disposal) data.disposal = d.disposal;
  if (d.revocation) data.revocation = d.revocation;
  if (d.days !== undefined && d.days !== null) data.days = d.days;
  if (d.workdays !== undefined && d.workdays !== null) data.workdays = d.workdays;
  if (d.noticedOn) data.noticedOn = toDate(d.noticedOn);
  if (d.sanction) {
    const penalties = d.sanction.penalties ?? [];
    data.sanction = { penalties, amount: penalties.includes('fine') ? (d.sanction.amount ?? 0) : 0 };
  }
  const body: Record<string, unknown> = { version: c.version, action, date: toDate(v.date), data };
  const records = recordRefs(v.records);
  if (records.length > 0) body.records = records;
  return body;
}

/**
 * One act on a case: its date, its own fields and the 全过程记录 files. `keepsRecords` is false
 * while the server does not yet take records with an act (the upload is then not offered).
 */
export function ActionForm({
  detail,
  action,
  keepsRecords,
  onClose,
  onDone,
}: {
  detail: CaseDetail;
  action: { action: string; label: string } | null;
  keepsRecords: boolean;
  onClose: () => void;
  onDone: (next: CaseDetail) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const phone = Grid.useBreakpoint().md === false;
  useEffect(() => {
    if (action) form.resetFields();
  }, [action, form]);
  const submit = async (values: Values) => {
    if (!action) return;
    setSaving(true);
    try {
      const next = await api.post<CaseDetail>(
        `/api/enforcement/cases/${detail.id}/actions`,
        actionBody(detail, action.action, values),
      );
      notifySuccess(`已记录:${action.label}`);
      onDone(next);
    } catch (e) {
      applyServerError(form, e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Drawer
      open={action !== null}
      onClose={onClose}
      title={action ? `${action.label} · ${detail.caseNo}` : ''}
      width={phone ? '100%' : 520}
      destroyOnClose
      footer={
        <Space>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            保存
          </Button>
          <Button onClick={onClose}>取消</Button>
        </Space>
      }
    >
      {action && (
        <Form<Values>
          form={form}
          name="case-action"
          layout="vertical"
          onFinish={submit}
          initialValues={{ date: todayInChina(), records: [] }}
        >
          <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <ActionFields action={action.action} />
          {keepsRecords && (
            <Form.Item name="records" label="全过程记录(文书、音像)">
              <RecordUpload />
            </Form.Item>
          )}
        </Form>
      )}
    </Drawer>
  );
}
