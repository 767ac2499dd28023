import { Form, Input } from 'antd';

/** A record's name (机构名称, 姓名, 角色名称): 请输入<label> when empty or only spaces, at most 100 characters. */
export function NameItem({
  name,
  label,
  placeholder,
}: {
  name: string;
  label: string;
  placeholder?: string;
}) {
  return (
    <Form.Item
      label={label}
      name={name}
      rules={[{ required: true, whitespace: true, message: `请输入${label}` }]}
    >
      <Input maxLength={100} placeholder={placeholder} />
    </Form.Item>
  );
}
