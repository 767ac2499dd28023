import { Modal } from 'antd';
import type { ReactNode } from 'react';

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
