import { DatePicker, Form, Input, InputNumber, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useMe } from '../../../auth/auth-context.js';
import { disposalOptions, revocationOptions } from './labels.js';
import { SanctionFields } from './sanction-fields.js';

const note = (label: string, required = false) => (
  <Form.Item
    key="note"
    name={['data', 'note']}
    label={label}
    rules={required ? [{ required: true, whitespace: true, message: `请填写${label}` }] : []}
  >
    <Input.TextArea rows={3} maxLength={2000} />
  </Form.Item>
);

const opinion = (required: boolean) => (
  <Form.Item
    key="opinion"
    name={['data', 'opinion']}
    label="审核意见"
    rules={required ? [{ required: true, whitespace: true, message: '请填写审核意见' }] : []}
  >
    <Input.TextArea rows={3} maxLength={2000} />
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

const reason = (
  <Form.Item
    key="reason"
    name={['data', 'reason']}
    label="理由"
    rules={[{ required: true, whitespace: true, message: '请填写理由' }]}
  >
    <Input.TextArea rows={2} maxLength={500} />
  </Form.Item>
);

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
  extend: () => [
    <Form.Item
      key="days"
      name={['data', 'days']}
      label="延长天数"
      rules={[{ required: true, message: '请填写经批准延长的天数' }]}
    >
      <InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} />
    </Form.Item>,
    note('批准情况(批准人、批准日期、理由)', true),
  ],
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
  extendSeizure: () => [
    <Form.Item
      key="days"
      name={['data', 'days']}
      label="延长天数"
      rules={[{ required: true, message: '请填写延长天数' }]}
    >
      <InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} />
    </Form.Item>,
    note('批准情况', true),
  ],
  testSeized: () => [
    <Form.Item
      key="days"
      name={['data', 'days']}
      label="检测、检验、检疫或者技术鉴定的天数"
      extra="自本次登记的日期起计算;该期间不计入查封、扣押期限,应当明确并书面告知当事人(《中华人民共和国行政强制法》第二十五条第三款)"
      rules={[{ required: true, message: '请填写检测、检验、检疫或者技术鉴定的天数' }]}
    >
      <InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} />
    </Form.Item>,
    note('检测、检验、检疫或者技术鉴定情况'),
  ],
  dispose: () => [
    <Form.Item
      key="disposal"
      name={['data', 'disposal']}
      label="处理方式"
      rules={[{ required: true, message: '请选择处理方式' }]}
    >
      <Select options={disposalOptions} />
    </Form.Item>,
    decisionNo,
    note('说明'),
  ],
  amendDecision: () => [reason, <SanctionFields key="sanction" prefix={['data', 'sanction']} />, decisionNo],
  revokeDecision: () => [
    <Form.Item
      key="revocation"
      name={['data', 'revocation']}
      label="方式"
      rules={[{ required: true, message: '请选择方式' }]}
    >
      <Select options={revocationOptions} />
    </Form.Item>,
    reason,
  ],
};

export function ActionFields({ action }: { action: string }) {
  return <>{(fieldsByAction[action] ?? (() => [note('说明')]))()}</>;
}
