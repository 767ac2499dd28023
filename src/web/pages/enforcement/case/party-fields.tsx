import { Checkbox, Form, Input, Radio, Select } from 'antd';
import { optionsOf } from '../../../components/options.js';

/** 当事人: a person (公民身份号码) or an organisation (统一社会信用代码); the server checks both checksums. */
export function PartyFields() {
  const kind = Form.useWatch('partyKind') as 'person' | 'organisation' | undefined;
  return (
    <>
      <Form.Item name="partyKind" label="当事人类型" initialValue="organisation" rules={[{ required: true }]}>
        <Radio.Group options={optionsOf({ organisation: '法人或其他组织', person: '自然人' })} />
      </Form.Item>
      <Form.Item
        name="partyName"
        label={kind === 'person' ? '当事人姓名' : '当事人名称'}
        rules={[{ required: true, min: 2, message: '当事人名称至少 2 个字' }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      {kind === 'person' ? (
        <>
          <Form.Item name="partyIdNumber" label="公民身份号码">
            <Input maxLength={18} autoComplete="off" />
          </Form.Item>
          <Form.Item name="partyAddress" label="住址" extra="仅用于送达,公示时隐去">
            <Input maxLength={200} autoComplete="off" />
          </Form.Item>
          <Form.Item name="partyMinor" valuePropName="checked">
            <Checkbox>未成年人</Checkbox>
          </Form.Item>
        </>
      ) : (
        <Form.Item name="partyUscc" label="统一社会信用代码">
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item
        name="privateNames"
        label="其他自然人姓名"
        extra="证人、被侵害人等:案情中出现的这些姓名在公示时隐去(输入后回车)"
      >
        <Select mode="tags" open={false} tokenSeparators={[',', ',', '、', ' ']} maxCount={20} />
      </Form.Item>
    </>
  );
}
