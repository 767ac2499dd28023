import { Form, Input, Modal, Select } from 'antd';
import { api } from '../api/client.js';
import { notifySuccess } from '../api/feedback.js';
import type { Role, User } from '../api/types.js';
import type { TreeOption } from '../components/org-tree.js';
import { useSubmit } from '../components/use-submit.js';
import type { EditDialogProps } from '../components/edit-modal.js';
import { EditModal, editTitle, useDialogForm, useEditSave } from '../components/edit-modal.js';
import { NameItem } from './name-item.js';
import { OrgTreeItem } from './org-tree-item.js';

interface UserValues {
  username: string;
  displayName: string;
  orgId: string;
  roleIds: string[];
  phone?: string;
  password: string;
}

const PHONE_PATTERN = /^1[3-9][0-9]{9}$|^0[0-9]{2,3}-?[0-9]{7,8}$/;

/** Create (user undefined) or edit a user. The phone comes back masked, so editing leaves it blank. */
export function UserFormModal({
  open,
  user,
  roles,
  treeData,
  onClose,
  onSaved,
}: EditDialogProps & {
  user: User | undefined;
  roles: Role[];
  treeData: TreeOption[];
}) {
  const form = useDialogForm<User | undefined, UserValues>(open, user, (u) =>
    u
      ? {
          username: u.username,
          displayName: u.displayName,
          orgId: u.orgId,
          roleIds: u.roles.map((r) => r.id),
        }
      : undefined,
  );

  const save = useEditSave(form, {
    noun: '用户',
    editing: user,
    update: (editing, v) => {
      const phone = v.phone?.trim() || undefined;
      const patch: Record<string, unknown> = {
        version: editing.version,
        displayName: v.displayName.trim(),
        orgId: v.orgId,
        roleIds: v.roleIds ?? [],
      };
      if (phone) patch.phone = phone;
      return api.patch(`/api/users/${editing.id}`, patch);
    },
    create: (v) =>
      api.post('/api/users', {
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        orgId: v.orgId,
        roleIds: v.roleIds ?? [],
        phone: v.phone?.trim() || undefined,
        password: v.password,
      }),
    onSaved,
  });

  return (
    <EditModal
      title={editTitle('用户', user?.displayName)}
      open={open}
      onClose={onClose}
      save={save}
      width={560}
    >
      <Form form={form} name="user" layout="vertical" initialValues={{ roleIds: [] }}>
        <Form.Item
          label="用户名"
          name="username"
          extra={user ? '用户名创建后不能修改' : '登录时使用,2–40 位小写字母、数字、下划线、点或连字符'}
          rules={[
            { required: true, whitespace: true, message: '请输入用户名' },
            {
              pattern: /^[a-z0-9_.-]{2,40}$/,
              message: '用户名只能用 2–40 位小写字母、数字、下划线、点或连字符',
            },
          ]}
        >
          <Input disabled={!!user} autoComplete="off" maxLength={40} />
        </Form.Item>
        <NameItem name="displayName" label="姓名" />
        <OrgTreeItem name="orgId" label="所属机构" treeData={treeData} />
        <Form.Item label="角色" name="roleIds">
          <Select
            mode="multiple"
            allowClear
            placeholder="请选择角色"
            optionFilterProp="label"
            options={roles.map((r) => ({ value: r.id, label: r.name }))}
          />
        </Form.Item>
        <Form.Item
          label="手机号"
          name="phone"
          extra={user ? `当前:${user.phone ?? '未填'};留空则不修改` : undefined}
          rules={[{ pattern: PHONE_PATTERN, message: '电话号码格式不正确' }]}
        >
          <Input maxLength={20} autoComplete="off" />
        </Form.Item>
        {!user && (
          <Form.Item label="初始密码" name="password" rules={[{ required: true, message: '请输入初始密码' }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </EditModal>
  );
}

/** 重置密码: an admin sets a new password for a user. */
export function ResetPasswordModal({ user, onClose }: { user: User | undefined; onClose: () => void }) {
  const form = useDialogForm<User | undefined, { password: string }>(
    user !== undefined,
    user,
    () => undefined,
  );
  const { busy, submit } = useSubmit(form, async (v) => {
    if (!user) return;
    await api.post(`/api/users/${user.id}/reset-password`, { password: v.password });
    notifySuccess(`已重置 ${user.displayName} 的密码`);
    onClose();
  });
  return (
    <Modal
      title={user ? `重置密码:${user.displayName}(${user.username})` : '重置密码'}
      open={user !== undefined}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      okText="重置"
      forceRender
    >
      <Form form={form} name="resetPassword" layout="vertical">
        <Form.Item label="新密码" name="password" rules={[{ required: true, message: '请输入新密码' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
