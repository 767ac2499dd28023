import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../api/client.js';
import { notifySuccess, showError } from '../api/feedback.js';
import { useMe, useAuth } from '../auth/auth-context.js';
import { useSubmit } from '../components/use-submit.js';

interface PasswordForm {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

function PasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<PasswordForm>();
  const { busy, submit } = useSubmit(form, async (values) => {
    await api.post('/api/auth/password', {
      oldPassword: values.oldPassword,
      newPassword: values.newPassword,
    });
    notifySuccess('密码已修改');
    form.resetFields();
    onClose();
  });
  return (
    <Modal
      title="修改密码"
      open={open}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} name="changePassword" layout="vertical" preserve={false}>
        <Form.Item label="原密码" name="oldPassword" rules={[{ required: true, message: '请输入原密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item label="新密码" name="newPassword" rules={[{ required: true, message: '请输入新密码' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入的新密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function UserMenu({ compact }: { compact: boolean }) {
  const me = useMe();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const [passwordOpen, setPasswordOpen] = useState(false);

  async function signOut() {
    try {
      await logout();
    } catch (e) {
      showError(e);
    }
    navigate('/login', { replace: true });
  }

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'who', label: `${me.displayName}(${me.orgName})`, disabled: true },
            { type: 'divider' },
            {
              key: 'password',
              icon: <KeyOutlined />,
              label: '修改密码',
              onClick: () => setPasswordOpen(true),
            },
            { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', onClick: () => void signOut() },
          ],
        }}
      >
        <Button type="text" style={{ color: '#fff', paddingInline: 8 }} aria-label="用户菜单">
          <Space size={6}>
            <Avatar size="small" icon={<UserOutlined />} style={{ background: 'rgba(255,255,255,0.25)' }} />
            {!compact && me.displayName}
            <DownOutlined style={{ fontSize: 10 }} />
          </Space>
        </Button>
      </Dropdown>
      <PasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </>
  );
}
