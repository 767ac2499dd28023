import { ApartmentOutlined } from '@ant-design/icons';
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useAuth } from '../auth/auth-context.js';
import { scopeTreeData } from '../components/org-tree.js';

const ALL = '__all__';

/** Narrows every list to one org's subtree (header `x-fazhi-org`); 全部范围 resets. */
export function OrgSwitcher({ width }: { width: number | string }) {
  const { scopeOrgs, orgId, setOrgId } = useAuth();
  const treeData = useMemo(
    () => [{ value: ALL, key: ALL, title: '全部范围', children: [] }, ...scopeTreeData(scopeOrgs)],
    [scopeOrgs],
  );
  if (scopeOrgs.length <= 1) return null;
  return (
    <TreeSelect
      aria-label="切换机构范围"
      style={{ width }}
      value={orgId ?? ALL}
      treeData={treeData}
      treeDefaultExpandAll={scopeOrgs.length <= 60}
      showSearch
      treeNodeFilterProp="title"
      suffixIcon={<ApartmentOutlined />}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxHeight: 420, overflow: 'auto', minWidth: 260 } } }}
      onChange={(value: string) => setOrgId(value === ALL ? null : value)}
    />
  );
}
