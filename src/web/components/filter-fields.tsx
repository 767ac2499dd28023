import { DatePicker, Form, Input, Select, type SelectProps } from 'antd';
import { type DueFilter as Due, dueOptions } from './due-param.js';

/** The fields of a ledger's FilterForm (components/ledger.tsx): a label, then one input. */

/** Free text, e.g. 案号/当事人; an empty box is no filter. */
export function TextFilter({
  name,
  label,
  width,
  placeholder,
}: {
  name: string;
  label?: string;
  width?: number;
  placeholder?: string;
}) {
  return (
    <Form.Item name={name} label={label}>
      <Input allowClear placeholder={placeholder} style={width === undefined ? undefined : { width }} />
    </Form.Item>
  );
}

/**
 * One of a list; cleared it shows 全部 (no filter). `search` lets the user type to narrow a long
 * list (单位, 执法主体); `initialValue` is a filter a link opened the ledger with.
 */
export function SelectFilter({
  name,
  label,
  options,
  width,
  initialValue,
  search = false,
  placeholder = '全部',
}: {
  name: string;
  label?: string;
  options: SelectProps['options'];
  width: number;
  initialValue?: unknown;
  search?: boolean;
  placeholder?: string;
}) {
  return (
    <Form.Item name={name} label={label} initialValue={initialValue}>
      <Select
        allowClear
        showSearch={search || undefined}
        optionFilterProp={search ? 'label' : undefined}
        options={options}
        style={{ width }}
        placeholder={placeholder}
      />
    </Form.Item>
  );
}

/** 期限: 临期 / 逾期, pre-set when a link (驾驶舱, a reminder) opened the ledger with `?due=`. */
export function DueSelectFilter({
  initialValue,
  label = '期限',
  width = 90,
}: {
  initialValue?: Due;
  label?: string;
  width?: number;
}) {
  return (
    <SelectFilter name="due" label={label} options={dueOptions} width={width} initialValue={initialValue} />
  );
}

/** A date range; FilterForm's `ranges` names the two query keys it is sent as. */
export function RangeFilter({ name, label }: { name: string; label: string }) {
  return (
    <Form.Item name={name} label={label}>
      <DatePicker.RangePicker style={{ width: 230 }} />
    </Form.Item>
  );
}
