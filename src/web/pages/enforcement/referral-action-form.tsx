import { Button, DatePicker, Form, Input, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, api } from '../../api/client.js';
import { applyFormError, notifySuccess, validated } from '../../api/feedback.js';
import type { ReferralDetail } from './referral-types.js';
import { useSending } from '../../components/use-submit.js';

/** The facts each act asks for (移送规定 arts. 5, 8, 9, 12); the server checks them again. */
const FIELDS: Record<
  string,
  readonly (
    | 'approverName'
    | 'policeOrg'
    | 'documentNo'
    | 'procuratorate'
    | 'reason'
    | 'items'
    | 'opinion'
    | 'note'
  )[]
> = {
  approve: ['approverName'],
  refuse: ['approverName', 'reason'],
  handOver: ['policeOrg', 'documentNo', 'procuratorate'],
  accept: ['note'],
  file: ['documentNo'],
  decline: ['documentNo', 'reason'],
  requestReconsideration: ['note'],
  reconsiderFiled: ['documentNo'],
  reconsiderUpheld: ['documentNo', 'reason'],
  requestSupervision: ['opinion'],
  transferExhibits: ['items'],
  close: ['note'],
};
const LABELS = {
  approverName: '审批负责人',
  policeOrg: '接受移送的公安机关',
  documentNo: '文书编号',
  procuratorate: '抄送人民检察院',
  reason: '理由',
  items: '移交物品和材料(每行一项)',
  opinion: '监督建议',
  note: '备注',
} as const;
/** Where the form remembers the last receiving authorities, per browser. */
const REMEMBERED = {
  policeOrg: 'fazhi.referral.policeOrg',
  procuratorate: 'fazhi.referral.procuratorate',
} as const;

const REQUIRED = new Set(['approverName', 'policeOrg', 'documentNo', 'reason', 'items']);
const INSTANT = new Set(['approve', 'handOver']);

interface Values {
  when: Dayjs;
  approverName?: string;
  policeOrg?: string;
  documentNo?: string;
  procuratorate?: string;
  reason?: string;
  items?: string;
  opinion?: string;
  note?: string;
}

/** One next act of a referral as a form: the time (to the minute for the 24-hour clock) and its facts. */
export function ReferralActionForm({
  referral,
  action,
  label,
  onDone,
}: {
  referral: ReferralDetail;
  action: string;
  label: string;
  onDone: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { busy, run } = useSending();
  const instant = INSTANT.has(action);
  const fields = FIELDS[action] ?? [];
  async function submit() {
    const v = await validated(form);
    if (!v) return;
    const data: Record<string, unknown> = {};
    for (const f of fields) {
      const value = v[f]?.trim();
      if (!value) continue;
      data[f] =
        f === 'items'
          ? value
              .split('\n')
              .map((s) => s.trim())
              .filter(Boolean)
          : value;
    }
    await run(
      async () => {
        await api.post(`/api/enforcement/referrals/${referral.id}/actions`, {
          version: referral.version,
          action,
          ...(instant ? { at: v.when.toISOString() } : { date: v.when.format('YYYY-MM-DD') }),
          data,
        });
        for (const f of ['policeOrg', 'procuratorate'] as const)
          if (typeof data[f] === 'string') localStorage.setItem(REMEMBERED[f], data[f]);
        notifySuccess(`已记录:${label}`);
        onDone();
      },
      (e) => {
        // the server names `at` / `date` for the time; on this form that is the `when` picker
        if (!applyFormError(form, e) && e instanceof ApiError && (e.field === 'at' || e.field === 'date'))
          form.setFields([{ name: 'when', errors: [e.detail] }]);
      },
    );
  }
  return (
    <Form
      form={form}
      layout="vertical"
      size="small"
      initialValues={{
        when: dayjs(),
        // the receiving authorities differ between counties: offer what this browser last sent
        policeOrg: localStorage.getItem(REMEMBERED.policeOrg) ?? undefined,
        procuratorate: localStorage.getItem(REMEMBERED.procuratorate) ?? undefined,
      }}
    >
      <Form.Item
        name="when"
        label={instant ? '时间(精确到分钟)' : '日期'}
        rules={[{ required: true, message: '请选择' }]}
      >
        <DatePicker
          showTime={instant ? { format: 'HH:mm' } : false}
          format={instant ? 'YYYY-MM-DD HH:mm' : 'YYYY-MM-DD'}
        />
      </Form.Item>
      {fields.map((f) => (
        <Form.Item
          key={f}
          name={f}
          label={LABELS[f]}
          rules={REQUIRED.has(f) ? [{ required: true, message: `请填写${LABELS[f]}` }] : []}
        >
          {f === 'reason' || f === 'items' || f === 'opinion' || f === 'note' ? (
            <Input.TextArea rows={2} />
          ) : (
            <Input />
          )}
        </Form.Item>
      ))}
      <Space>
        <Button type="primary" loading={busy} onClick={submit}>
          {label}
        </Button>
      </Space>
    </Form>
  );
}
