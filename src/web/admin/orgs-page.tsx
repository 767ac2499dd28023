import {
  Button,
  Card,
  Col,
  Empty,
  Form,
  Grid,
  Row,
  type TableColumnsType,
  Tag,
  Tree,
  TreeSelect,
} from 'antd';
import { useState } from 'react';
import type { Org } from '../api/types.js';
import { can, useMe } from '../auth/auth-context.js';
import { ActiveTag, CreateAndExport, FilterForm, PageCard } from '../components/ledger.js';
import { ImportButton } from '../components/import-button.js';
import { useOrgTree } from '../components/org-tree.js';
import { textSorter, useList } from '../components/use-list.js';
import { activeOptions, orgKindOptions } from '../labels.js';
import { OrgFormModal } from './org-form.js';
import { LedgerTable } from '../components/ledger-table.js';
import { SelectFilter, TextFilter } from '../components/filter-fields.js';
import { editColumn, updatedAtColumn } from '../components/columns.js';

export default function OrgsPage() {
  const me = useMe();
  const mayEdit = can(me, 'system:org:edit');
  const screens = Grid.useBreakpoint();
  const wide = screens.lg !== false;
  const list = useList<Org>('/api/orgs');
  const tree = useOrgTree();
  const [parentId, setParentId] = useState<string | undefined>(undefined);
  const [editing, setEditing] = useState<{ org: Org | undefined } | null>(null);

  const chooseParent = (id: string | undefined) => {
    setParentId(id);
    list.setFilters({ ...list.filters, parentId: id });
  };

  const columns: TableColumnsType<Org> = [
    {
      title: '机构名称',
      dataIndex: 'name',
      key: 'name',
      sorter: textSorter((o) => o.name),
      fixed: wide ? 'left' : undefined,
      render: (name: string, o) => (
        <>
          {name}
          {o.shortName && o.shortName !== name && <span style={{ color: '#999' }}>({o.shortName})</span>}
        </>
      ),
    },
    {
      title: '类别',
      dataIndex: 'kindLabel',
      key: 'kind',
      sorter: textSorter((o) => o.kindLabel),
      render: (t: string) => <Tag>{t}</Tag>,
    },
    { title: '上级机构', dataIndex: 'parentName', key: 'parentName' },
    {
      title: '行政区划',
      dataIndex: 'regionName',
      key: 'regionCode',
      render: (n: string | null, o) => n ?? o.regionCode,
    },
    {
      title: '统一社会信用代码',
      dataIndex: 'uscc',
      key: 'uscc',
      render: (u: string | null) => (u ? <span style={{ fontFamily: 'monospace' }}>{u}</span> : ''),
    },
    {
      title: '排序',
      dataIndex: 'sort',
      key: 'sort',
      sorter: textSorter((o) => o.sort),
      align: 'right',
      width: 70,
    },
    {
      title: '状态',
      dataIndex: 'active',
      key: 'active',
      render: (a: boolean) => <ActiveTag active={a} />,
      width: 70,
    },
    updatedAtColumn(),
  ];
  if (mayEdit) columns.push(editColumn<Org>((o) => setEditing({ org: o }), { pinned: wide, width: 70 }));

  const table = (
    <PageCard
      title="机构管理"
      extra={
        <CreateAndExport
          create={mayEdit && { label: '新增机构', onClick: () => setEditing({ org: undefined }) }}
          exportPath="/api/orgs/export.xlsx"
          query={list.query}
          filename="机构.xlsx"
        >
          {mayEdit && (
            <ImportButton
              path="/api/orgs/import"
              onImported={() => {
                list.reload();
                tree.reload();
              }}
            />
          )}
        </CreateAndExport>
      }
    >
      <FilterForm onSearch={(q) => list.setFilters({ ...q, parentId })}>
        {!wide && (
          <Form.Item label="上级机构">
            <TreeSelect
              style={{ width: 200 }}
              allowClear
              value={parentId}
              treeData={tree.treeData}
              showSearch
              treeNodeFilterProp="title"
              placeholder="全部"
              onChange={(v: string | undefined) => chooseParent(v)}
            />
          </Form.Item>
        )}
        <TextFilter name="q" label="名称" width={160} placeholder="名称或简称" />
        <SelectFilter name="kind" label="类别" options={orgKindOptions} width={140} />
        <SelectFilter name="active" label="状态" options={activeOptions} width={90} />
      </FilterForm>
      <LedgerTable list={list} bordered columns={columns} scrollX="max-content" />
    </PageCard>
  );

  return (
    <>
      {wide ? (
        <Row gutter={12} wrap={false}>
          <Col flex="260px">
            <Card
              size="small"
              title="机构树"
              styles={{ body: { padding: 8, maxHeight: 'calc(100vh - 160px)', overflow: 'auto' } }}
            >
              {tree.treeData.length === 0 ? (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={tree.loading ? '加载中…' : '暂无机构'}
                />
              ) : (
                <Tree
                  blockNode
                  defaultExpandAll
                  treeData={tree.treeData}
                  selectedKeys={parentId ? [parentId] : []}
                  onSelect={(keys) => chooseParent(keys[0] === undefined ? undefined : String(keys[0]))}
                />
              )}
              {parentId && (
                <Button type="link" size="small" onClick={() => chooseParent(undefined)}>
                  显示全部机构
                </Button>
              )}
            </Card>
          </Col>
          <Col flex="auto" style={{ minWidth: 0 }}>
            {table}
          </Col>
        </Row>
      ) : (
        table
      )}
      <OrgFormModal
        open={editing !== null}
        org={editing?.org}
        defaultParentId={parentId}
        treeData={tree.treeData}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          list.reload();
          tree.reload();
        }}
      />
    </>
  );
}
