import { Form, Select } from 'antd';
import { useMemo } from 'react';
import { useFetch } from '../../../components/use-fetch.js';
import type { Officer } from '../types.js';

const CERTIFIED = new Set(['valid', 'expiring90', 'expiring30']);

/** 执法人员: officers of the chosen body holding a valid certificate; 行政处罚法 第四十二条 wants at least two. */
export function HandlerPicker({ bodyId }: { bodyId: string | undefined }) {
  const { data, loading } = useFetch<{ items: Officer[] }>(
    bodyId ? '/api/enforcement/officers' : null,
    bodyId ? { bodyId, active: 'true', pageSize: 200 } : undefined,
  );
  const options = useMemo(
    () =>
      (data?.items ?? [])
        .filter((o) => CERTIFIED.has(o.certificateState))
        .map((o) => ({ value: o.id, label: `${o.name}(${o.certificate?.number ?? '无证'})` })),
    [data],
  );
  return (
    <Form.Item
      name="handlerIds"
      label="执法人员"
      extra={bodyId ? '仅列出本主体持有效执法证的人员' : '请先选择执法主体'}
      rules={[
        { required: true, message: '请指定执法人员' },
        { type: 'array', min: 2, message: '执法人员不得少于两人(《中华人民共和国行政处罚法》第四十二条)' },
      ]}
    >
      <Select
        mode="multiple"
        options={options}
        loading={loading}
        disabled={!bodyId}
        optionFilterProp="label"
        placeholder="选择两名以上执法人员"
      />
    </Form.Item>
  );
}
