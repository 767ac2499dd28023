import { Form, Select } from 'antd';
import { useState } from 'react';
import { useFetch } from '../../../components/use-fetch.js';
import type { PowerItem } from '../types.js';

/** 权力事项 from the body's org 权责清单, searched by name or code as the user types. */
export function PowerPicker({
  orgId,
  category,
}: {
  orgId: string | undefined;
  /** only the items of the case's 类别: picking an item never changes the 类别 chosen */
  category?: string | undefined;
}) {
  const [q, setQ] = useState('');
  const { data, loading } = useFetch<{ items: PowerItem[] }>(
    orgId ? '/api/enforcement/powers' : null,
    orgId ? { orgId, status: 'active', q, pageSize: 50, ...(category ? { category } : {}) } : undefined,
  );
  const items = data?.items ?? [];
  return (
    <Form.Item
      name="powerItemId"
      label="权力事项"
      extra="从本单位权责清单中本类别的事项中选择,可输入名称或编码搜索"
    >
      <Select
        showSearch
        allowClear
        filterOption={false}
        onSearch={setQ}
        loading={loading}
        disabled={!orgId}
        placeholder="选择权力事项"
        options={items.map((p) => ({ value: p.id, label: `${p.name}(${p.categoryLabel})` }))}
      />
    </Form.Item>
  );
}
