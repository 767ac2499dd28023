import { Modal } from 'antd';
import type { ReactNode } from 'react';

/**
 * The dialog of an edit form: 保存 submits it (busy while it is sent, see useSubmit). The form
 * stays mounted while closed (forceRender), so it can be filled in before the dialog opens.
 */
export function EditModal({
  title,
  open,
  onClose,
  save,
  width,
  children,
}: {
  title: ReactNode;
  open: boolean;
  onClose: () => void;
  save: { busy: boolean; submit: () => void };
  width: number;
  children: ReactNode;
}) {
  return (
    <Modal
      title={title}
      open={open}
      onOk={save.submit}
      onCancel={onClose}
      confirmLoading={save.busy}
      okText="保存"
      forceRender
      width={width}
    >
      {children}
    </Modal>
  );
}
