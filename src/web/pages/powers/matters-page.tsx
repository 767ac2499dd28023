import type { EnforcementMatter as Matter } from '../../../domains/powers/matter.js';
import { powerCategoryLabels } from '../../../domains/enforcement/power-list/labels.js';
import { Descriptions, Form, Select, Switch, Tag } from 'antd';
import type { Page } from '../../api/types.js';
import { useFetch } from '../../components/use-fetch.js';
import { ListPage, PowerItemSelect, StatusFilter, StatusTag } from './list-page.js';
import { matterLevelOptions, orUndefined } from './options.js';
import { SelectFilter, TextFilter } from '../../components/filter-fields.js';
import { TextItem } from '../../components/form-items.js';
import { optionsOf } from '../../components/options.js';

/** The categories whose power items an enforcement body carries out, by the 权责清单's names. */
const categoryLabels: Record<string, string> = Object.fromEntries(
  (['penalty', 'coercion', 'inspection', 'license', 'levy'] as const).map((c) => [c, powerCategoryLabels[c]]),
);

/** 执法事项: which enforcement body carries out which power item. */
export default function MattersPage() {
  const { data } = useFetch<Page<{ id: string; name: string }>>('/api/enforcement/bodies', { pageSize: 200 });
  const bodies = (data?.items ?? []).map((b) => ({ value: b.id, label: b.name }));
  return (
    <ListPage<Matter>
      title="执法事项"
      path="/api/powers/matters"
      editPermission="powers:matter:edit"
      scrollX={1100}
      initialValues={{ level: 'county', entrusted: false }}
      columns={[
        { title: '权责事项编码', dataIndex: 'powerItemCode', key: 'powerItemCode', width: 170, sorter: true },
        { title: '权责事项', dataIndex: 'powerItemName', key: 'powerItemName', sorter: true },
        {
          title: '类别',
          key: 'category',
          width: 90,
          render: (_, e) => categoryLabels[e.powerCategory] ?? e.powerCategory,
        },
        { title: '执法主体', dataIndex: 'bodyName', key: 'bodyName', width: 220, sorter: true },
        { title: '执法层级', dataIndex: 'levelLabel', key: 'level', width: 100, sorter: true },
        {
          title: '委托',
          key: 'entrusted',
          width: 70,
          render: (_, e) => (e.entrusted ? <Tag color="purple">委托</Tag> : '否'),
        },
        { title: '状态', key: 'status', width: 110, render: (_, e) => <StatusTag e={e} /> },
      ]}
      filters={
        <>
          <TextFilter name="q" label="事项/主体" width={160} />
          <SelectFilter name="bodyId" label="执法主体" options={bodies} width={220} search />
          <SelectFilter name="category" label="类别" options={optionsOf(categoryLabels)} width={110} />
          <SelectFilter name="level" label="层级" options={matterLevelOptions} width={110} />
          <StatusFilter />
        </>
      }
      formFields={(editing) => (
        <>
          <Form.Item
            name="powerItemId"
            label="权责事项"
            rules={[{ required: !editing, message: '请选择权责事项' }]}
          >
            <PowerItemSelect disabled={Boolean(editing)} />
          </Form.Item>
          <Form.Item
            name="bodyId"
            label="执法主体"
            rules={[{ required: !editing, message: '请选择执法主体' }]}
          >
            <Select showSearch optionFilterProp="label" options={bodies} disabled={Boolean(editing)} />
          </Form.Item>
          <Form.Item name="level" label="执法层级" rules={[{ required: true }]}>
            <Select options={matterLevelOptions} />
          </Form.Item>
          <Form.Item name="entrusted" label="委托执法(受委托组织以委托机关名义实施)" valuePropName="checked">
            <Switch />
          </Form.Item>
          <TextItem name="note" label="备注" max={1000} />
        </>
      )}
      identity={['powerItemId', 'bodyId']}
      toBody={(v) => ({ level: v.level, entrusted: Boolean(v.entrusted), note: orUndefined(v.note) ?? '' })}
      detail={(e) => (
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label="执法主体" span={2}>
            {e.bodyName}
          </Descriptions.Item>
          <Descriptions.Item label="执法层级">{e.levelLabel}</Descriptions.Item>
          <Descriptions.Item label="委托">{e.entrusted ? '是' : '否'}</Descriptions.Item>
          <Descriptions.Item label="备注" span={2}>
            {e.note || '—'}
          </Descriptions.Item>
        </Descriptions>
      )}
    />
  );
}
