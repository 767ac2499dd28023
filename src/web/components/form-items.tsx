import { DatePicker, Form, type FormRule as Rule, Input, InputNumber, Select } from 'antd';

/**
 * Whether a field must be filled in: `true` asks 请填写<label>, a string is the message itself
 * (请选择日期 …). Absent: the field may stay empty.
 */
export type Required = true | string;

/** A form field's rules: the required one (see Required), then at least `min` characters. */
export function fieldRules(label: string, required?: Required, min?: number): Rule[] | undefined {
  const rules: Rule[] = [];
  if (required) rules.push({ required: true, message: required === true ? `请填写${label}` : required });
  if (min) rules.push({ min, message: `至少 ${min} 个字符` });
  return rules.length > 0 ? rules : undefined;
}

interface ItemProps {
  name: string;
  label: string;
  required?: Required | undefined;
}

/** A text field of at most `max` characters: one line, or `rows` lines when given. */
export function TextItem({
  name,
  label,
  required,
  max,
  rows,
  min,
}: ItemProps & { max: number; rows?: number; min?: number }) {
  return (
    <Form.Item name={name} label={label} rules={fieldRules(label, required, min)}>
      {rows ? <Input.TextArea rows={rows} maxLength={max} /> : <Input maxLength={max} />}
    </Form.Item>
  );
}

/** A date field, or a from–to pair of dates when `range`; `wide` fills the form's width. */
export function DateItem({
  name,
  label,
  required,
  range,
  wide,
}: ItemProps & { range?: boolean; wide?: boolean }) {
  const style = wide ? { width: '100%' } : undefined;
  return (
    <Form.Item name={name} label={label} rules={fieldRules(label, required)}>
      {range ? <DatePicker.RangePicker style={style} /> : <DatePicker style={style} />}
    </Form.Item>
  );
}

/** A whole number between `min` and `max`. */
export function NumberItem({ name, label, required, min, max }: ItemProps & { min?: number; max?: number }) {
  return (
    <Form.Item name={name} label={label} rules={fieldRules(label, required)}>
      <InputNumber min={min} max={max} />
    </Form.Item>
  );
}

/** A choice among `options`. */
export function SelectItem({
  name,
  label,
  required,
  options,
  width,
  allowClear,
}: ItemProps & { options: { value: string; label: string }[]; width?: number; allowClear?: boolean }) {
  return (
    <Form.Item name={name} label={label} rules={fieldRules(label, required)}>
      <Select options={options} allowClear={allowClear} style={width === undefined ? undefined : { width }} />
    </Form.Item>
  );
}
