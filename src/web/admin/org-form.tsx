import { Form, Input, InputNumber, Select, Switch } from 'antd';
import { api } from '../api/client.js';
import type { Org } from '../api/types.js';
import type { TreeOption } from '../components/org-tree.js';
import { orgKindOptions } from '../labels.js';
import type { EditDialogProps } from '../components/edit-modal.js';
import { EditModal, editTitle, useDialogForm, useEditSave } from '../components/edit-modal.js';
import { NameItem } from './name-item.js';
import { OrgTreeItem } from './org-tree-item.js';

interface OrgValues {
  parentId?: string;
  name: string;
  shortName?: string;
  docPrefix?: string;
  kind: string;
  uscc?: string;
  regionCode?: string;
  sort?: number;
  active?: boolean;
}

/** GB 32100 character set; the checksum is the server's to verify. */
const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

function blankToUndefined(value: string | undefined): string | undefined {
  const t = value?.trim();
  return t ? t : undefined;
}

/** Create (org undefined) or edit an org. */
export function OrgFormModal({
  open,
  org,
  defaultParentId,
  treeData,
  onClose,
  onSaved,
}: EditDialogProps & {
  org: Org | undefined;
  defaultParentId: string | undefined;
  treeData: TreeOption[];
}) {
  const form = useDialogForm<Org | undefined, OrgValues>(open, org, (o) =>
    o
      ? {
          name: o.name,
          shortName: o.shortName ?? undefined,
          docPrefix: o.docPrefix ?? undefined,
          kind: o.kind,
          uscc: o.uscc ?? undefined,
          regionCode: o.regionCode,
          sort: o.sort,
          active: o.active,
        }
      : { parentId: defaultParentId, kind: 'department', sort: 0 },
  );

  const save = useEditSave(form, {
    noun: '机构',
    editing: org,
    update: (editing, v) =>
      api.patch(`/api/orgs/${editing.id}`, {
        version: editing.version,
        name: v.name.trim(),
        shortName: blankToUndefined(v.shortName) ?? null,
        docPrefix: blankToUndefined(v.docPrefix) ?? null,
        kind: v.kind,
        uscc: blankToUndefined(v.uscc) ?? null,
        sort: v.sort ?? 0,
        active: v.active ?? true,
      }),
    create: (v) =>
      api.post('/api/orgs', {
        parentId: v.parentId,
        name: v.name.trim(),
        shortName: blankToUndefined(v.shortName),
        docPrefix: blankToUndefined(v.docPrefix),
        kind: v.kind,
        uscc: blankToUndefined(v.uscc),
        regionCode: blankToUndefined(v.regionCode),
        sort: v.sort ?? 0,
      }),
    onSaved,
  });

  return (
    <EditModal title={editTitle('机构', org?.name)} open={open} onClose={onClose} save={save} width={560}>
      <Form form={form} name="org" layout="vertical" size="middle">
        {org ? (
          <Form.Item label="上级机构" extra="上级机构不能在此修改">
            <Input disabled value={org.parentName ?? '无(顶级机构)'} />
          </Form.Item>
        ) : (
          <OrgTreeItem name="parentId" label="上级机构" treeData={treeData} />
        )}
        <NameItem name="name" label="机构名称" placeholder="如:县司法局" />
        <Form.Item label="简称" name="shortName">
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          label="文书编号前缀"
          name="docPrefix"
          extra="本机构制发文书编号的字头,如“×市监”(编号为 ×市监罚〔2026〕12号);未填写时按机构名称生成"
          rules={[{ pattern: /^[\u4e00-\u9fa5A-Za-z0-9]+$/, message: '只能包含汉字、字母和数字' }]}
        >
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item label="机构类别" name="kind" rules={[{ required: true, message: '请选择机构类别' }]}>
          <Select options={orgKindOptions} />
        </Form.Item>
        <Form.Item
          label="统一社会信用代码"
          name="uscc"
          normalize={(value: string | undefined) => value?.toUpperCase()}
          rules={[{ pattern: USCC_PATTERN, message: '统一社会信用代码应为 18 位数字或大写字母' }]}
        >
          <Input maxLength={18} placeholder="18 位,可不填" />
        </Form.Item>
        {!org && (
          <Form.Item
            label="行政区划代码"
            name="regionCode"
            extra="不填则与上级机构相同"
            rules={[
              { pattern: /^[0-9]{6}([0-9]{3}([0-9]{3})?)?$/, message: '行政区划代码应为 6、9 或 12 位数字' },
            ]}
          >
            <Input maxLength={12} />
          </Form.Item>
        )}
        <Form.Item label="排序号" name="sort" extra="数字小的排在前面">
          <InputNumber min={0} max={100000} style={{ width: '100%' }} />
        </Form.Item>
        {org && (
          <Form.Item label="启用" name="active" valuePropName="checked">
            <Switch checkedChildren="启用" unCheckedChildren="停用" />
          </Form.Item>
        )}
      </Form>
    </EditModal>
  );
}
