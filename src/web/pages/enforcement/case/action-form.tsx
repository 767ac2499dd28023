import { Alert, App, Button, Drawer, Form, Grid, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import type { CaseDetail, CaseRecordFile } from '../types.js';
import { ActionFields } from './action-fields.js';
import { DiscretionFields, useCaseOptions } from './discretion-fields.js';
import { toDate, todayInChina } from './dates.js';
import { RecordUpload, recordRefs } from './record-upload.js';
import { useCaseSend } from './case-send.js';
import { DateItem } from '../../../components/form-items.js';

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
    circumstance?: string;
    fineBase?: number;
    discretionReason?: string;
    leniencyItemId?: string;
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
  if (d.circumstance) data.circumstance = d.circumstance;
  if (d.fineBase !== undefined && d.fineBase !== null) data.fineBase = d.fineBase;
  if (text(d.discretionReason)) data.discretionReason = text(d.discretionReason);
  if (d.leniencyItemId) data.leniencyItemId = d.leniencyItemId;
  if (d.sanction) {
    const penalties = d.sanction.penalties ?? [];
    data.sanction = { penalties, amount: penalties.includes('fine') ? (d.sanction.amount ?? 0) : 0 };
  }
  const body: Record<string, unknown> = { version: c.version, action, date: toDate(v.date), data };
  const records = recordRefs(v.records);
  if (records.length > 0) body.records = records;
  return body;
}

/** Acts that decide a sanction: they start from the one proposed in the 告知. */
const SANCTIONING = new Set(['decide', 'amendDecision']);

/** What the form starts with: today, and for a decision the 处罚种类 and 金额 the party was told of. */
export function actionDefaults(detail: Pick<CaseDetail, 'actions'>, action: string): Values {
  const told = [...detail.actions].reverse().find((a) => a.action === 'notify')?.data.sanction;
  return {
    date: todayInChina(),
    records: [],
    ...(SANCTIONING.has(action) && told
      ? { data: { sanction: { penalties: [...told.penalties], amount: told.amount } } }
      : {}),
  };
}

/**
 * 行政处罚法 第六十四条: the party may ask for a hearing within five working days of the 告知. The
 * period is open until its last day unless the party has asked (the case moving on to 法制审核
 * does not close it for the party).
 */
export function openHearingPeriod(detail: Pick<CaseDetail, 'dueDates' | 'actions'>, today: string) {
  const d = detail.dueDates.find((x) => x.kind === 'hearingRequest');
  const lastNotify = detail.actions.map((a) => a.action).lastIndexOf('notify');
  const asked = detail.actions.slice(lastNotify + 1).some((a) => a.action === 'requestHearing');
  return d && lastNotify >= 0 && !asked && d.due >= today ? d.due : null;
}

/** One act on a case: its date, its own fields and the 全过程记录 files. */
export function ActionForm({
  detail,
  action,
  onClose,
  onDone,
}: {
  detail: CaseDetail;
  action: { action: string; label: string } | null;
  onClose: () => void;
  onDone: (next: CaseDetail) => void;
}) {
  // closing a drawer with typed text asks first: nothing a person wrote is lost without a word
  const { modal } = App.useApp();
  const close = () => {
    if (!form.isFieldsTouched()) return onClose();
    modal.confirm({
      title: '放弃未保存的内容?',
      content: '已填写的内容尚未保存,关闭后将丢失。',
      okText: '放弃并关闭',
      cancelText: '继续填写',
      onOk: onClose,
    });
  };
  const deciding = action?.action === 'decide';
  const options = useCaseOptions(deciding ? detail.powerItemId : null);
  const hearingUntil = deciding ? openHearingPeriod(detail, toDate(todayInChina()) ?? '') : null;
  const [form] = Form.useForm<Values>();
  const { saving, send } = useCaseSend(form);
  const phone = Grid.useBreakpoint().md === false;
  useEffect(() => {
    if (action) form.resetFields();
  }, [action, form]);
  const submit = async (values: Values) => {
    if (!action) return;
    await send(
      `/api/enforcement/cases/${detail.id}/actions`,
      actionBody(detail, action.action, values),
      () => `已记录:${action.label}`,
      onDone,
    );
  };
  return (
    <Drawer
      open={action !== null}
      onClose={close}
      title={action ? `${action.label} · ${detail.caseNo}` : ''}
      width={phone ? '100%' : 520}
      destroyOnClose
      footer={
        <Space>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            保存
          </Button>
          <Button onClick={close}>取消</Button>
        </Space>
      }
    >
      {action && (
        <Form<Values>
          form={form}
          name="case-action"
          layout="vertical"
          onFinish={submit}
          initialValues={actionDefaults(detail, action.action)}
        >
          {hearingUntil && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              message={`听证申请期限尚未届满(至 ${hearingUntil})`}
              description="当事人在告知后五个工作日内可以要求听证(《中华人民共和国行政处罚法》第六十四条)。期限届满或当事人明确放弃前作出决定,可能剥夺当事人的听证权利。"
            />
          )}
          <DateItem name="date" label="日期" required="请选择日期" wide />
          <ActionFields action={action.action} />
          {deciding && <DiscretionFields options={options.data} />}
          <Form.Item name="records" label="全过程记录(文书、音像)">
            <RecordUpload />
          </Form.Item>
        </Form>
      )}
    </Drawer>
  );
}
