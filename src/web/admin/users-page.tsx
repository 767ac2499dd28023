import { Button, Form, Grid, Popconfirm, Space, type TableColumnsType, Tag, TreeSelect } from 'antd';
import { useState } from 'react';
import { api } from '../api/client.js';
import { sendAction } from '../api/feedback.js';
import type { Role, User } from '../api/types.js';
import { can, useMe } from '../auth/auth-context.js';
import { ActiveTag, CreateAndExport, FilterForm, PageCard } from '../components/ledger.js';
import { useOrgTree } from '../components/org-tree.js';
import { useFetch } from '../components/use-fetch.js';
import { textSorter, useList } from '../components/use-list.js';
import { activeOptions } from '../labels.js';
import { ResetPasswordModal, UserFormModal } from './user-form.js';
import { LedgerTable } from '../components/ledger-table.js';
import { SelectFilter, TextFilter } from '../components/filter-fields.js';
import { updatedAtColumn } from '../components/columns.js';

export default function UsersPage() {
  const me = useMe();
  const mayEdit = can(me, 'system:user:edit');
  const wide = Grid.useBreakpoint().lg !== false;
  const list = useList<User>('/api/users');
  const tree = useOrgTree();
  const roles = useFetch<Role[]>(can(me, 'system:role:list') ? '/api/roles' : null);
  const [editing, setEditing] = useState<{ user: User | undefined } | null>(null);
  const [resetting, setResetting] = useState<User | undefined>(undefined);

  async function toggleActive(user: User) {
    await sendAction(
      () => api.patch(`/api/users/${user.id}`, { version: user.version, active: !user.active }),
      user.active ? `已停用 ${user.displayName}` : `已启用 ${user.displayName}`,
      list.reload,
    );
  }

  const columns: TableColumnsType<User> = [
    {
      title: '用户名',
      dataIndex: 'username',
      key: 'username',
      sorter: textSorter((u) => u.username),
      fixed: wide ? 'left' : undefined,
    },
    { title: '姓名', dataIndex: 'displayName', key: 'displayName', sorter: textSorter((u) => u.displayName) },
    { title: '所属机构', dataIndex: 'orgName', key: 'orgName', sorter: textSorter((u) => u.orgName) },
    {
      title: '角色',
      dataIndex: 'roles',
      key: 'roles',
      render: (rs: User['roles']) => rs.map((r) => <Tag key={r.id}>{r.name}</Tag>),
    },
    { title: '手机号', dataIndex: 'phone', key: 'phone' },
    {
      title: '状态',
      dataIndex: 'active',
      key: 'active',
      width: 70,
      render: (_: boolean, u) => <ActiveTag active={u.active} lockedUntil={u.lockedUntil} />,
    },
    updatedAtColumn(),
  ];
  if (mayEdit) {
    columns.push({
      title: '操作',
      key: 'actions',
      fixed: wide ? 'right' : undefined,
      render: (_, u) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing({ user: u })}>
            编辑
          </Button>
          <Button type="link" size="small" onClick={() => setResetting(u)}>
            重置密码
          </Button>
          <Popconfirm
            title={u.active ? `停用 ${u.displayName}?` : `启用 ${u.displayName}?`}
            description={u.active ? '停用后该用户不能登录' : undefined}
            onConfirm={() => toggleActive(u)}
            disabled={u.id === me.id}
          >
            <Button type="link" size="small" danger={u.active} disabled={u.id === me.id}>
              {u.active ? '停用' : '启用'}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <PageCard
      title="用户管理"
      extra={
        <CreateAndExport
          create={mayEdit && { label: '新增用户', onClick: () => setEditing({ user: undefined }) }}
          exportPath="/api/users/export.xlsx"
          query={list.query}
          filename="用户.xlsx"
        />
      }
    >
      <FilterForm onSearch={list.setFilters}>
        <TextFilter name="q" label="关键字" width={150} placeholder="用户名或姓名" />
        <Form.Item label="机构" name="orgId">
          <TreeSelect
            allowClear
            treeData={tree.treeData}
            showSearch
            treeNodeFilterProp="title"
            placeholder="全部"
            style={{ width: 200 }}
            popupMatchSelectWidth={false}
          />
        </Form.Item>
        {roles.data && (
          <SelectFilter
            name="roleCode"
            label="角色"
            options={roles.data.map((r) => ({ value: r.code, label: r.name }))}
            width={140}
          />
        )}
        <SelectFilter name="active" label="状态" options={activeOptions} width={90} />
      </FilterForm>
      <LedgerTable list={list} bordered columns={columns} scrollX="max-content" />
      <UserFormModal
        open={editing !== null}
        user={editing?.user}
        roles={roles.data ?? []}
        treeData={tree.treeData}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          list.reload();
        }}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(undefined)} />
    </PageCard>
  );
}
