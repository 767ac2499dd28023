import { DownloadOutlined, GlobalOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { downloadFile, type Query } from '../../api/client.js';
import { showError } from '../../api/feedback.js';
import { PageCard } from '../../components/ledger.js';

type Kind = 'penalty' | 'license';
const kindOptions: { value: Kind; label: string }[] = [
  { value: 'penalty', label: '行政处罚' },
  { value: 'license', label: '行政许可' },
];

interface Values {
  kind: Kind;
  decided?: [Dayjs | null, Dayjs | null] | null;
}

/**
 * 行政执法公示: the link to the public portal and the 双公示 export in the 信用中国 columns
 * (published decisions of the user's units; a natural person's 证件号码 is never exported).
 */
export default function PublicityPage() {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState<'xlsx' | 'csv' | null>(null);

  async function download(format: 'xlsx' | 'csv') {
    const v = await form.validateFields();
    const [from, to] = v.decided ?? [];
    const query: Query = {
      kind: v.kind,
      from: from ? from.format('YYYY-MM-DD') : undefined,
      to: to ? to.format('YYYY-MM-DD') : undefined,
    };
    const label = v.kind === 'penalty' ? '行政处罚' : '行政许可';
    setBusy(format);
    try {
      await downloadFile(`/api/enforcement/credit-export.${format}`, query, `双公示${label}信息.${format}`);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  }

  return (
    <PageCard
      title="行政执法公示"
      extra={
        <Button icon={<GlobalOutlined />} href="/portal/publications" target="_blank">
          打开公示网站
        </Button>
      }
    >
      <Typography.Paragraph>
        已公示的行政处罚、行政许可决定在公示网站向社会公开(无需登录,可按部门、类别、决定日期筛选和全文检索)。
        当事人的身份证号码、联系方式、住址、银行账号等个人信息依法隐去,涉及未成年人的决定不予公开。
      </Typography.Paragraph>
      <Typography.Title level={5}>“双公示”信息导出</Typography.Title>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message="按信用中国“双公示”数据格式导出本单位已公示的决定;自然人的证件号码一律留空。"
      />
      <Form form={form} layout="inline" initialValues={{ kind: 'penalty' }} style={{ rowGap: 8 }}>
        <Form.Item label="类别" name="kind" rules={[{ required: true, message: '请选择类别' }]}>
          <Select options={kindOptions} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item label="决定日期" name="decided">
          <DatePicker.RangePicker style={{ width: 240 }} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button
              type="primary"
              icon={<DownloadOutlined />}
              loading={busy === 'xlsx'}
              onClick={() => void download('xlsx')}
            >
              导出Excel
            </Button>
            <Button icon={<DownloadOutlined />} loading={busy === 'csv'} onClick={() => void download('csv')}>
              导出CSV
            </Button>
          </Space>
        </Form.Item>
      </Form>
    </PageCard>
  );
}
