import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, type TableColumnsType, Tag, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { api } from '../api/client.js';
import type { DataScope, PermissionMeta, Role } from '../api/types.js';
import { can, useAuth, useMe } from '../auth/auth-context.js';
import { PageCard } from '../components/ledger.js';
import { editColumn } from '../components/columns.js';
import { FetchedTable } from '../components/fetched-table.js';
import { scopeTreeData, type TreeOption } from '../components/org-tree.js';
import { useFetch } from '../components/use-fetch.js';
import { showTotal } from '../components/use-list.js';
import { dataScopeLabels, dataScopeOptions } from '../labels.js';
import { PermissionPicker } from './permission-picker.js';
import type { EditDialogProps } from '../components/edit-modal.js';
import { EditModal, editTitle, useDialogForm, useEditSave } from '../components/edit-modal.js';
import { NameItem } from './name-item.js';
import { useOpened } from '../components/use-opened.js';

interface RoleValues {
  code: string;
  name: string;
  permissions: string[];
  dataScope: DataScope;
  customOrgIds: string[];
}

function RoleFormModal({
  open,
  role,
  permissions,
  treeData,
  onClose,
  onSaved,
}: EditDialogProps & {
  role: Role | undefined;
  permissions: PermissionMeta[];
  treeData: TreeOption[];
}) {
  const form = useDialogForm<Role | undefined, RoleValues>(open, role, (r) =>
    r
      ? {
          code: r.code,
          name: r.name,
          permissions: r.permissions,
          dataScope: r.dataScope,
          customOrgIds: r.customOrgIds,
        }
      : { permissions: [], dataScope: 'orgAndBelow', customOrgIds: [] },
  );
  const dataScope = Form.useWatch('dataScope', form);

  /** what a role is, sent on creation and on every edit; the custom orgs only for a custom scope */
  const body = (v: RoleValues) => ({
    name: v.name.trim(),
    permissions: v.permissions,
    dataScope: v.dataScope,
    customOrgIds: v.dataScope === 'custom' ? (v.customOrgIds ?? []) : [],
  });
  const save = useEditSave(form, {
    noun: '角色',
    editing: role,
    update: (editing, v) => api.patch(`/api/roles/${editing.id}`, { version: editing.version, ...body(v) }),
    create: (v) => api.post('/api/roles', { code: v.code.trim(), ...body(v) }),
    onSaved,
  });

  return (
    <EditModal title={editTitle('角色', role?.name)} open={open} onClose={onClose} save={save} width={720}>
      <Form form={form} name="role" layout="vertical">
        <Form.Item
          label="角色代码"
          name="code"
          extra={role ? '角色代码创建后不能修改' : '字母开头,可含字母、数字、下划线'}
          rules={[
            { required: true, message: '请输入角色代码' },
            {
              pattern: /^[a-zA-Z][a-zA-Z0-9_]{1,40}$/,
              message: '角色代码只能用字母开头的字母、数字、下划线',
            },
          ]}
        >
          <Input disabled={!!role} maxLength={41} />
        </Form.Item>
        <NameItem name="name" label="角色名称" />
        <Form.Item label="数据范围" name="dataScope" rules={[{ required: true, message: '请选择数据范围' }]}>
          <Select options={dataScopeOptions} />
        </Form.Item>
        {dataScope === 'custom' && (
          <Form.Item
            label="自定义机构"
            name="customOrgIds"
            rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个机构' }]}
          >
            <TreeSelect
              treeData={treeData}
              multiple
              showSearch
              treeNodeFilterProp="title"
              treeDefaultExpandAll
              placeholder="请选择可查看的机构"
              maxTagCount={6}
              styles={{ popup: { root: { maxHeight: 400, overflow: 'auto' } } }}
            />
          </Form.Item>
        )}
        <Form.Item label="功能权限" name="permissions">
          <PermissionPicker permissions={permissions} />
        </Form.Item>
      </Form>
    </EditModal>
  );
}

export default function RolesPage() {
  const me = useMe();
  const mayEdit = can(me, 'system:role:edit');
  const roles = useFetch<Role[]>('/api/roles');
  const permissions = useFetch<PermissionMeta[]>('/api/permissions');
  // the whole scope, not the switcher's subtree: a role is not tied to the org being viewed
  const { scopeOrgs } = useAuth();
  const treeData = useMemo(() => scopeTreeData(scopeOrgs), [scopeOrgs]);
  const editing = useOpened<{ role: Role | undefined }>(roles.reload);
  const names = new Map((permissions.data ?? []).map((p) => [p.code, p.name]));

  const columns: TableColumnsType<Role> = [
    { title: '角色代码', dataIndex: 'code', key: 'code', sorter: (a, b) => a.code.localeCompare(b.code) },
    {
      title: '角色名称',
      dataIndex: 'name',
      key: 'name',
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
    },
    {
      title: '数据范围',
      dataIndex: 'dataScope',
      key: 'dataScope',
      render: (s: DataScope, r) =>
        s === 'custom' ? `${dataScopeLabels[s]}(${r.customOrgIds.length} 个机构)` : dataScopeLabels[s],
    },
    {
      title: '功能权限',
      dataIndex: 'permissions',
      key: 'permissions',
      render: (ps: string[]) =>
        ps.includes('*') ? (
          <Tag color="red">全部权限</Tag>
        ) : (
          <span title={ps.map((p) => names.get(p) ?? p).join('、')}>{ps.length} 项</span>
        ),
    },
    {
      title: '类型',
      dataIndex: 'builtin',
      key: 'builtin',
      render: (b: boolean) => (b ? <Tag color="blue">内置</Tag> : <Tag>自定义</Tag>),
    },
  ];
  if (mayEdit) columns.push(editColumn<Role>((r) => editing.open({ role: r })));

  return (
    <PageCard
      title="角色权限"
      extra={
        mayEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => editing.open({ role: undefined })}>
            新增角色
          </Button>
        )
      }
    >
      <FetchedTable<Role>
        rowKey="id"
        bordered
        columns={columns}
        fetched={roles}
        scrollX="max-content"
        pagination={{ showTotal, defaultPageSize: 20, size: 'small', hideOnSinglePage: false }}
      />
      <RoleFormModal
        open={editing.opened !== null}
        role={editing.opened?.role}
        permissions={permissions.data ?? []}
        treeData={treeData}
        onClose={editing.close}
        onSaved={editing.closeAndReload}
      />
    </PageCard>
  );
}
