import { Alert, Button, DatePicker, Form, InputNumber, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, api } from '../api/client.js';
import type { CalendarAdd } from '../api/types.js';
import { optionsOf } from '../components/options.js';

interface DeadlineValues {
  date: Dayjs;
  n: number;
  unit: 'workday' | 'calendarDay';
}

const unitLabels = { workday: '个工作日', calendarDay: '日(自然日)' } as const;

function weekdayOf(date: string): string {
  return dayjs(date).format('dddd');
}

/** 期限计算: a start date plus n workdays or calendar days, by the server's calendar. */
export function DeadlineTool() {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ values: DeadlineValues; answer: CalendarAdd } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function compute(values: DeadlineValues) {
    setBusy(true);
    setError(null);
    try {
      const answer = await api.get<CalendarAdd>('/api/calendar/add', {
        date: values.date.format('YYYY-MM-DD'),
        n: values.n,
        unit: values.unit,
      });
      setResult({ values, answer });
    } catch (e) {
      setResult(null);
      setError(e instanceof ApiError ? e.detail : '计算失败,请稍后再试');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <Form<DeadlineValues>
        name="deadline"
        layout="inline"
        size="small"
        style={{ rowGap: 8 }}
        initialValues={{ date: dayjs(), n: 7, unit: 'workday' }}
        onFinish={compute}
      >
        <Form.Item label="起算日" name="date" rules={[{ required: true, message: '请选择起算日' }]}>
          <DatePicker allowClear={false} style={{ width: 130 }} />
        </Form.Item>
        <Form.Item label="期间" name="n" rules={[{ required: true, message: '请输入天数' }]}>
          <InputNumber min={0} max={3650} style={{ width: 80 }} />
        </Form.Item>
        <Form.Item name="unit">
          <Select style={{ width: 110 }} options={optionsOf({ workday: '工作日', calendarDay: '自然日' })} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            计算
          </Button>
        </Form.Item>
      </Form>
      {result && (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          message={
            <span>
              自 {result.answer.date} 起 {result.values.n} {unitLabels[result.values.unit]},期限届满日为{' '}
              <Typography.Text strong>
                {result.answer.result}({weekdayOf(result.answer.result)})
              </Typography.Text>
            </span>
          }
          description="按国务院办公厅公布的节假日安排(含管理员载入的安排)计算。"
        />
      )}
      {error && <Alert style={{ marginTop: 12 }} type="warning" showIcon message={error} />}
    </div>
  );
}
