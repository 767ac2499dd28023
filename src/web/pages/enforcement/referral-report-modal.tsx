import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.js';
import { notifySuccess, showError } from '../../api/feedback.js';
import type { CaseDetail, CaseSummary } from './types.js';
import { useSubmit } from '../../components/use-submit.js';
import { DateItem } from '../../components/form-items.js';
import { FormInModal } from '../../components/edit-modal.js';

interface Values {
  caseId: string;
  teamIds: string[];
  suspectedCrime: string;
  facts: string;
  evidence: { name: string }[];
  reportedOn: Dayjs;
}

/** 提出移送: the 专案组 (≥ 2 of the case's handlers) reports the suspected crime (移送规定 art. 5). */
export function ReferralReportModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [cases, setCases] = useState<CaseSummary[]>([]);
  const [handlers, setHandlers] = useState<CaseDetail['handlers']>([]);
  const search = (q: string) =>
    api
      .get<{ items: CaseSummary[] }>('/api/enforcement/cases', { q, procedure: 'ordinary', pageSize: 20 })
      .then((r) => setCases(r.items))
      .catch(showError);
  // biome-ignore lint/correctness/useExhaustiveDependencies: load the first cases each time the dialog opens
  useEffect(() => {
    if (open) void search('');
  }, [open]);
  async function pickCase(id: string) {
    try {
      const c = await api.get<CaseDetail>(`/api/enforcement/cases/${id}`);
      setHandlers(c.handlers);
      form.setFieldsValue({ teamIds: c.handlers.map((h) => h.id) });
    } catch (e) {
      showError(e);
    }
  }
  const save = useSubmit(form, async (v) => {
    const r = await api.post<{ id: string }>('/api/enforcement/referrals', {
      ...v,
      reportedOn: v.reportedOn.format('YYYY-MM-DD'),
      evidence: v.evidence.filter((e) => e?.name?.trim()),
    });
    notifySuccess('已提出移送,待负责人审批(3 日内)');
    form.resetFields();
    onCreated(r.id);
  });
  return (
    <FormInModal
      title="提出移送涉嫌犯罪案件"
      open={open}
      onClose={onClose}
      save={save}
      okText="提交报告"
      width={640}
      form={form}
      initialValues={{ reportedOn: dayjs(), evidence: [{ name: '' }] }}
    >
      <Form.Item name="caseId" label="行政执法案件" rules={[{ required: true, message: '请选择案件' }]}>
        <Select
          showSearch
          filterOption={false}
          onSearch={search}
          onChange={pickCase}
          placeholder="输入案件编号或当事人"
          options={cases.map((c) => ({
            value: c.id,
            label: `${c.caseNo} ${c.partyName}(${c.statusLabel})`,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="teamIds"
        label="专案组(2 名以上本案执法人员)"
        rules={[{ required: true, message: '请选择专案组成员' }]}
      >
        <Select
          mode="multiple"
          options={handlers.map((h) => ({
            value: h.id,
            label: `${h.name}(${h.certificateNumber ?? '无证'})`,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="suspectedCrime"
        label="涉嫌罪名"
        rules={[{ required: true, message: '请填写涉嫌罪名' }]}
      >
        <Input placeholder="如:生产、销售伪劣产品罪" />
      </Form.Item>
      <Form.Item
        name="facts"
        label="涉嫌犯罪事实"
        rules={[{ required: true, message: '请写明涉嫌犯罪的事实' }]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.List name="evidence">
        {(fields, { add, remove }) => (
          <Form.Item label="证据材料(检验报告、涉案物品清单、笔录等)">
            {fields.map((f) => (
              <Space key={f.key} style={{ display: 'flex', marginBottom: 4 }}>
                <Form.Item
                  name={[f.name, 'name']}
                  noStyle
                  rules={[{ required: true, message: '请填写证据名称' }]}
                >
                  <Input style={{ width: 360 }} />
                </Form.Item>
                {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
              </Space>
            ))}
            <Button size="small" icon={<PlusOutlined />} onClick={() => add({ name: '' })}>
              添加证据
            </Button>
          </Form.Item>
        )}
      </Form.List>
      <DateItem name="reportedOn" label="报告日期" required="请选择报告日期" />
    </FormInModal>
  );
}
