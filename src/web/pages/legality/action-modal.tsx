import { Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client.js';
import { notifySuccess } from '../../api/feedback.js';
import type { FieldSpec, FormSpec } from './action-specs.js';
import { useSubmit } from '../../components/use-submit.js';

function isDayjs(v: unknown): v is Dayjs {
  return typeof v === 'object' && v !== null && 'format' in v && 'isValid' in v;
}

function Field({ f, checks }: { f: FieldSpec; checks?: string[] | undefined }) {
  const rules = f.required ? [{ required: true, message: `请填写${f.label.replace(/(.*)$/, '')}` }] : [];
  const common = { name: f.name, label: f.label, rules, extra: f.help };
  switch (f.kind) {
    case 'date':
      return (
        <Form.Item {...common}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      );
    case 'number':
      return (
        <Form.Item {...common}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      );
    case 'select':
      return (
        <Form.Item {...common}>
          <Select options={f.options} placeholder="请选择" />
        </Form.Item>
      );
    case 'bool':
      return (
        <Form.Item {...common} valuePropName="checked">
          <Switch />
        </Form.Item>
      );
    case 'checks':
      return (
        <Form.Item {...common}>
          <Checkbox.Group options={(checks ?? []).map((c) => ({ value: c, label: c }))} />
        </Form.Item>
      );
    case 'textarea':
    case 'lines':
      return (
        <Form.Item {...common}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
      );
    default:
      return (
        <Form.Item {...common}>
          <Input />
        </Form.Item>
      );
  }
}

/** A form to open: its spec, where it posts, what it adds to the body (the record's version), the checklist it offers. */
export interface OpenForm {
  spec: FormSpec;
  path: string;
  extra?: Record<string, unknown>;
  checks?: string[];
}

/** The acts a record allows now, a button each opening its form; an act with no form here is not offered. */
export function ActionButtons({
  actions,
  formFor,
  onOpen,
}: {
  actions: { action: string; label: string }[];
  formFor: (action: string) => OpenForm | undefined;
  onOpen: (form: OpenForm) => void;
}) {
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      {actions.map((a) => {
        const form = formFor(a.action);
        return form ? (
          <Button key={a.action} size="small" onClick={() => onOpen(form)}>
            {a.label}
          </Button>
        ) : null;
      })}
    </Space>
  );
}

/**
 * One legality form in a dialog: asks what the spec asks, posts the spec's body (with `extra`,
 * e.g. the record's version) and marks the fields the server names when it refuses.
 */
export function ActionModal({
  open,
  onClose,
  onDone,
}: {
  open: OpenForm | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm();
  const { busy, submit } = useSubmit(form, async (values) => {
    if (!open) return;
    const plain = Object.fromEntries(
      Object.entries(values as Record<string, unknown>).map(([k, v]) => [
        k,
        isDayjs(v) ? v.format('YYYY-MM-DD') : v,
      ]),
    );
    await api.post(open.path, { ...open.spec.body(plain), ...open.extra });
    notifySuccess(`${open.spec.title}:已保存`);
    form.resetFields();
    onDone();
  });
  if (!open) return null;
  const { spec, checks } = open;
  return (
    <Modal
      open
      title={spec.title}
      onCancel={onClose}
      onOk={submit}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      destroyOnHidden
      width={560}
    >
      <Form form={form} layout="vertical" initialValues={{ date: dayjs() }}>
        {spec.fields.map((f) => (
          <Field key={f.name} f={f} checks={checks} />
        ))}
      </Form>
    </Modal>
  );
}
