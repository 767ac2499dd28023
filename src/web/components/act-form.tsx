import { Button, Form } from 'antd';
import type { ReactNode } from 'react';
import { notifySuccess } from '../api/feedback.js';
import { useSubmit } from './use-submit.js';

/**
 * One next act of a case as a form (复议, 两法衔接): when it happened, one input for each fact the
 * act asks for (the required ones marked; the server checks them again), and the button that
 * records it. `send` posts the act; a refusal marks the field the server named, also where the
 * server's name for it differs from the form's (`fieldOnForm`).
 */
export function ActForm<F extends string, V>({
  label,
  when,
  fields,
  labels,
  required,
  input,
  checkbox,
  initialValues,
  send,
  fieldOnForm,
  onDone,
}: {
  /** the act's name, on the form and its button */
  label: string;
  /** the date (or time) item */
  when: ReactNode;
  fields: readonly F[];
  labels: Record<F, string>;
  required: (f: F) => boolean;
  input: (f: F) => ReactNode;
  /** the facts entered by ticking a box */
  checkbox?: (f: F) => boolean;
  initialValues: Record<string, unknown>;
  send: (values: V) => Promise<unknown>;
  fieldOnForm?: (serverField: string) => string | undefined;
  onDone: () => void;
}) {
  const [form] = Form.useForm<V>();
  const { busy, submit } = useSubmit(
    form,
    async (v) => {
      await send(v);
      notifySuccess(`已记录:${label}`);
      onDone();
    },
    fieldOnForm,
  );
  return (
    <Form form={form} layout="vertical" size="small" initialValues={initialValues} aria-label={label}>
      {when}
      {fields.map((f) => (
        <Form.Item
          key={f}
          name={f as string}
          label={labels[f]}
          valuePropName={checkbox?.(f) ? 'checked' : 'value'}
          rules={required(f) ? [{ required: true, message: `请填写${labels[f]}` }] : []}
        >
          {input(f)}
        </Form.Item>
      ))}
      <Button type="primary" loading={busy} onClick={submit}>
        {label}
      </Button>
    </Form>
  );
}
