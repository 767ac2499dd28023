import { Form, type FormInstance, type FormProps, Modal } from 'antd';
import { type ComponentProps, type ReactNode, useEffect, useRef } from 'react';
import { notifySuccess } from '../api/feedback.js';
import { useSubmit } from './use-submit.js';

/**
 * The dialog of a form: OK (`okText`) submits it, busy while it is sent (see useSubmit). Open
 * unless told: a page shows it only while the form is wanted.
 */
export function FormModal({
  title,
  open = true,
  onClose,
  save,
  okText,
  width,
  forceRender,
  children,
}: {
  title: ReactNode;
  open?: boolean;
  onClose: () => void;
  save: { busy: boolean; submit: () => void };
  okText?: string;
  width?: number;
  /** keep the form mounted while closed, so it can be filled in before the dialog opens */
  forceRender?: boolean;
  children: ReactNode;
}) {
  return (
    <Modal
      title={title}
      open={open}
      onOk={save.submit}
      onCancel={onClose}
      confirmLoading={save.busy}
      okText={okText}
      forceRender={forceRender}
      width={width}
    >
      {children}
    </Modal>
  );
}

/** The dialog of an edit form: 保存 submits it; the form stays mounted while closed (forceRender). */
export function EditModal(props: {
  title: ReactNode;
  open: boolean;
  onClose: () => void;
  save: { busy: boolean; submit: () => void };
  width: number;
  children: ReactNode;
}) {
  return <FormModal {...props} okText="保存" forceRender />;
}

/** A ledger's small vertical form (登记, 移送, 发起 …) in its FormModal, starting from `initialValues`. */
export function FormInModal<V>({
  form,
  initialValues,
  children,
  ...modal
}: ComponentProps<typeof FormModal> & {
  form: FormInstance<V>;
  initialValues?: FormProps<V>['initialValues'];
}) {
  return (
    <FormModal {...modal}>
      <Form form={form} layout="vertical" size="small" initialValues={initialValues}>
        {children}
      </Form>
    </FormModal>
  );
}

/** An edit dialog's title: 编辑<noun>:<name> for a record being edited, 新增<noun> for a new one. */
export function editTitle(noun: string, name: string | undefined): string {
  return name === undefined ? `新增${noun}` : `编辑${noun}:${name}`;
}

/**
 * The save of a form that edits `editing` when there is one and adds a new record otherwise:
 * 「<noun>已保存」 or 「<noun>已新增」 once sent, then `onSaved`.
 */
export function useEditSave<R, V>(
  form: FormInstance<V>,
  o: {
    noun: string;
    editing: R | undefined;
    update: (record: R, values: V) => Promise<unknown>;
    create: (values: V) => Promise<unknown>;
    onSaved: () => void;
  },
) {
  return useSubmit(form, async (v) => {
    if (o.editing) {
      await o.update(o.editing, v);
      notifySuccess(`${o.noun}已保存`);
    } else {
      await o.create(v);
      notifySuccess(`${o.noun}已新增`);
    }
    o.onSaved();
  });
}

/** What a page gives the dialog that edits or adds one of its records, besides the record. */
export interface EditDialogProps {
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}

/**
 * The form of an edit dialog: emptied each time the dialog opens or is given another record, then
 * filled with `valuesOf(record)`: the record's fields, or a new one's defaults (undefined: none).
 */
export function useDialogForm<R, V>(
  open: boolean,
  record: R,
  valuesOf: (record: R) => Parameters<FormInstance<V>['setFieldsValue']>[0] | undefined,
): FormInstance<V> {
  const [form] = Form.useForm<V>();
  // read when the dialog opens, not each time the page renders it anew
  const latestValuesOf = useRef(valuesOf);
  latestValuesOf.current = valuesOf;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    const values = latestValuesOf.current(record);
    if (values) form.setFieldsValue(values);
  }, [open, record, form]);
  return form;
}
