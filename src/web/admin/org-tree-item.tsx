import { Form, TreeSelect } from 'antd';
import type { TreeOption } from '../components/org-tree.js';

/** A required org of the tree (上级机构, 所属机构), searched by name, the whole tree open. */
export function OrgTreeItem({
  name,
  label,
  treeData,
}: {
  name: string;
  label: string;
  treeData: TreeOption[];
}) {
  return (
    <Form.Item label={label} name={name} rules={[{ required: true, message: `请选择${label}` }]}>
      <TreeSelect
        treeData={treeData}
        showSearch
        treeNodeFilterProp="title"
        treeDefaultExpandAll
        placeholder={`请选择${label}`}
        styles={{ popup: { root: { maxHeight: 400, overflow: 'auto' } } }}
      />
    </Form.Item>
  );
}
