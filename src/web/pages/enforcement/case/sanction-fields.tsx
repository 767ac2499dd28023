import { Form, InputNumber, Select } from 'antd';
import { penaltyOptions } from './labels.js';

/** 处罚种类 and 罚款金额 under `prefix` (['sanction'] for 当场处罚, ['data', 'sanction'] for an act). */
export function SanctionFields({ prefix }: { prefix: string[] }) {
  const penalties = Form.useWatch([...prefix, 'penalties']) as string[] | undefined;
  const fined = penalties?.includes('fine') ?? false;
  return (
    <>
      <Form.Item
        name={[...prefix, 'penalties']}
        label="处罚种类"
        rules={[{ required: true, message: '至少选择一种处罚种类' }]}
      >
        <Select
          mode="multiple"
          options={penaltyOptions}
          optionFilterProp="label"
          placeholder="选择处罚种类"
        />
      </Form.Item>
      <Form.Item
        name={[...prefix, 'amount']}
        label="罚款金额(元)"
        initialValue={0}
        rules={
          fined ? [{ type: 'number', min: 0.01, required: true, message: '选择罚款时须填写罚款金额' }] : []
        }
      >
        <InputNumber min={0} precision={2} step={100} style={{ width: '100%' }} disabled={!fined} />
      </Form.Item>
    </>
  );
}
