import { DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client.js';
import type { ReferralDetail } from './referral-types.js';
import { ActForm } from '../../components/act-form.js';

/** The facts each act asks for (移送规定 arts. 5, 8, 9, 12); the server checks them again. */
type Field =
  | 'approverName'
  | 'policeOrg'
  | 'documentNo'
  | 'procuratorate'
  | 'reason'
  | 'items'
  | 'opinion'
  | 'note';
const FIELDS: Record<string, readonly Field[]> = {
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
} as const satisfies Record<Field, string>;
/** Where the form remembers the last receiving authorities, per browser. */
const REMEMBERED = {
  policeOrg: 'fazhi.referral.policeOrg',
  procuratorate: 'fazhi.referral.procuratorate',
} as const;

const REQUIRED = new Set<Field>(['approverName', 'policeOrg', 'documentNo', 'reason', 'items']);
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

/** The facts as the server takes them: blank ones left out, 移交物品 one a line. */
function factsOf(fields: readonly Field[], v: Values): Record<string, unknown> {
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
  return data;
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
  const instant = INSTANT.has(action);
  const fields = FIELDS[action] ?? [];
  return (
    <ActForm<Field, Values>
      label={label}
      when={
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
      }
      fields={fields}
      labels={LABELS}
      required={(f) => REQUIRED.has(f)}
      input={(f) =>
        f === 'reason' || f === 'items' || f === 'opinion' || f === 'note' ? (
          <Input.TextArea rows={2} />
        ) : (
          <Input />
        )
      }
      initialValues={{
        when: dayjs(),
        // the receiving authorities differ between counties: offer what this browser last sent
        policeOrg: localStorage.getItem(REMEMBERED.policeOrg) ?? undefined,
        procuratorate: localStorage.getItem(REMEMBERED.procuratorate) ?? undefined,
      }}
      send={async (v) => {
        const data = factsOf(fields, v);
        await api.post(`/api/enforcement/referrals/${referral.id}/actions`, {
          version: referral.version,
          action,
          ...(instant ? { at: v.when.toISOString() } : { date: v.when.format('YYYY-MM-DD') }),
          data,
        });
        for (const f of ['policeOrg', 'procuratorate'] as const)
          if (typeof data[f] === 'string') localStorage.setItem(REMEMBERED[f], data[f]);
      }}
      // the server names `at` / `date` for the time; on this form that is the `when` picker
      fieldOnForm={(field) => (field === 'at' || field === 'date' ? 'when' : undefined)}
      onDone={onDone}
    />
  );
}
