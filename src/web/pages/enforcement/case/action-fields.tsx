import { DatePicker, Form, Input, InputNumber, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useMe } from '../../../auth/auth-context.js';
import { disposalOptions, revocationOptions } from './labels.js';
import { SanctionFields } from './sanction-fields.js';

/** A text (of `rows` lines, at most `max` characters) the act carries as data.<name>. */
const text = (name: string, label: string, required: boolean, rows = 3, max = 2000) => (
  <Form.Item
    key={name}
    name={['data', name]}
    label={label}
    rules={required ? [{ required: true, whitespace: true, message: `请填写${label}` }] : []}
  >
    <Input.TextArea rows={rows} maxLength={max} />
  </Form.Item>
);
const note = (label: string, required = false) => text('note', label, required);
const opinion = (required: boolean) => text('opinion', '审核意见', required);

/** A number of days (1–365) the act carries as data.days. */
const days = (label: string, message: string, extra?: string) => (
  <Form.Item
    key="days"
    name={['data', 'days']}
    label={label}
    extra={extra}
    rules={[{ required: true, message }]}
  >
    <InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} />
  </Form.Item>
);

/** A required choice among `options`, carried as data.<name>. */
const choice = (name: string, label: string, options: { value: string; label: string }[]) => (
  <Form.Item
    key={name}
    name={['data', name]}
    label={label}
    rules={[{ required: true, message: `请选择${label}` }]}
  >
    <Select options={options} />
  </Form.Item>
);

function Reviewer() {
  const me = useMe();
  return (
    <Typography.Paragraph type="secondary" key="reviewer">
      审核人:{me.displayName}(以当前登录的法制审核人员记录;案件承办人员不得审核本案)
    </Typography.Paragraph>
  );
}

const decisionNo = (
  <Form.Item key="decisionNo" name={['data', 'decisionNo']} label="决定书文号">
    <Input maxLength={60} />
  </Form.Item>
);

const workdays = (
  <Form.Item
    key="workdays"
    name={['data', 'workdays']}
    label="不计入期限的工作日"
    extra="听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审所需时间不计算在许可期限内(《中华人民共和国行政许可法》第四十五条)"
  >
    <InputNumber min={1} max={250} precision={0} style={{ width: '100%' }} />
  </Form.Item>
);

const reason = text('reason', '理由', true, 2, 500);

/** The fields each act carries besides its date; an act not listed here gets a 说明 only. */
const fieldsByAction: Record<string, () => ReactNode[]> = {
  investigate: () => [note('调查取证情况')],
  notify: () => [<SanctionFields key="sanction" prefix={['data', 'sanction']} />, note('告知内容')],
  requestHearing: () => [note('申请情况')],
  holdHearing: () => [
    <Form.Item
      key="noticedOn"
      name={['data', 'noticedOn']}
      label="听证通知日期"
      extra="应当在举行听证的七个工作日前通知当事人"
      rules={[{ required: true, message: '请填写听证通知日期' }]}
    >
      <DatePicker style={{ width: '100%' }} />
    </Form.Item>,
    note('听证情况'),
  ],
  submitReview: () => [note('提请审核说明')],
  passReview: () => [<Reviewer key="reviewer" />, opinion(false)],
  returnReview: () => [<Reviewer key="reviewer" />, opinion(true)],
  extend: () => [days('延长天数', '请填写经批准延长的天数'), note('批准情况(批准人、批准日期、理由)', true)],
  decide: () => [<SanctionFields key="sanction" prefix={['data', 'sanction']} />, decisionNo, note('说明')],
  serve: () => [note('送达方式')],
  execute: () => [note('执行情况')],
  close: () => [note('结案说明')],
  terminate: () => [note('理由', true)],
  expertReview: () => [workdays, note('评审、检验检测情况')],
  requestCorrection: () => [note('一次性告知须补正的全部内容', true)],
  grant: () => [
    <Form.Item key="licenseNo" name={['data', 'licenseNo']} label="许可证件编号">
      <Input maxLength={60} />
    </Form.Item>,
    decisionNo,
    note('说明'),
  ],
  refuse: () => [decisionNo, note('不予许可的理由', true)],
  rejectApplication: () => [note('不予受理的理由', true)],
  extendSeizure: () => [days('延长天数', '请填写延长天数'), note('批准情况', true)],
  testSeized: () => [
    days(
      '检测、检验、检疫或者技术鉴定的天数',
      '请填写检测、检验、检疫或者技术鉴定的天数',
      '自本次登记的日期起计算;该期间不计入查封、扣押期限,应当明确并书面告知当事人(《中华人民共和国行政强制法》第二十五条第三款)',
    ),
    note('检测、检验、检疫或者技术鉴定情况'),
  ],
  dispose: () => [choice('disposal', '处理方式', disposalOptions), decisionNo, note('说明')],
  amendDecision: () => [reason, <SanctionFields key="sanction" prefix={['data', 'sanction']} />, decisionNo],
  revokeDecision: () => [choice('revocation', '方式', revocationOptions), reason],
};

export function ActionFields({ action }: { action: string }) {
  return <>{(fieldsByAction[action] ?? (() => [note('说明')]))()}</>;
}
