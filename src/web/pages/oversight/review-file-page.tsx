import { Button, Card, Col, Descriptions, Form, Input, InputNumber, Row, Space, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useParams } from 'react-router-dom';
import { api } from '../../api/client.js';
import { applyFormError, notifySuccess } from '../../api/feedback.js';
import { can, useMe } from '../../auth/auth-context.js';
import { useFetch } from '../../components/use-fetch.js';
import { dimensionLabels, gradeLabels } from './labels.js';
import { DateItem, TextItem } from '../../components/form-items.js';
import { WholeTable } from '../../components/whole-table.js';

interface ReviewFile {
  id: string;
  campaignId: string;
  campaignTitle: string;
  seq: number;
  rubric: {
    name: string;
    edition: number;
    items: { key: string; dimension: string; title: string; maxScore: number }[];
    excellentFrom: number;
    passFrom: number;
  };
  scores: Record<string, number> | null;
  total: number | null;
  grade: string | null;
  comment: string | null;
  version: number;
  findings: { id: string; problem: string; dueOn: string }[];
  caseFile: {
    caseNo: string;
    orgName: string;
    partyName: string;
    facts: string;
    statusLabel?: string;
    actions: {
      seq: number;
      label: string;
      action: string;
      date: string;
      actorName: string;
      records: { name: string }[];
    }[];
    recordGaps: { recordLabel: string; label: string }[];
  };
}

/** 评查打分: the rubric beside the case file; scores within each item's range; findings become 整改 items. */
export default function ReviewFilePage() {
  const { id } = useParams();
  const me = useMe();
  const { data, reload } = useFetch<ReviewFile>(id ? `/api/oversight/review-files/${id}` : null);
  const [form] = Form.useForm();
  if (!data) return null;
  const mayScore = can(me, 'oversight:review:score');
  const submit = async (v: {
    scores: Record<string, number>;
    comment?: string;
    problem?: string;
    dueOn?: Dayjs;
  }) => {
    try {
      await api.post(`/api/oversight/review-files/${data.id}/score`, {
        version: data.version,
        scores: v.scores,
        comment: v.comment ?? '',
        findings: v.problem && v.dueOn ? [{ problem: v.problem, dueOn: v.dueOn.format('YYYY-MM-DD') }] : [],
      });
      notifySuccess('评查结果已保存');
      reload();
    } catch (e) {
      applyFormError(form, e);
    }
  };
  const c = data.caseFile;
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} lg={12}>
        <Card size="small" title={`案卷:${c.caseNo}`}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="执法单位">{c.orgName}</Descriptions.Item>
            <Descriptions.Item label="当事人">{c.partyName}</Descriptions.Item>
            <Descriptions.Item label="案情">{c.facts}</Descriptions.Item>
            <Descriptions.Item label="全过程记录缺项">
              {c.recordGaps.length === 0
                ? '无'
                : c.recordGaps.map((g) => `${g.label}:${g.recordLabel}`).join(';')}
            </Descriptions.Item>
          </Descriptions>
          <WholeTable
            rowKey="seq"
            style={{ marginTop: 8 }}
            dataSource={c.actions}
            columns={[
              { title: '日期', dataIndex: 'date', key: 'd', width: 110 },
              { title: '环节', key: 'a', render: (_, a) => a.label },
              { title: '记录', key: 'r', render: (_, a) => a.records.map((r) => r.name).join('、') },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card
          size="small"
          title={`${data.campaignTitle} · 第 ${data.seq} 件 · ${data.rubric.name}(第 ${data.rubric.edition} 版)`}
        >
          {data.grade && (
            <p>
              得分 {data.total} 分{' '}
              <Tag color={data.grade === 'fail' ? 'red' : 'green'}>{gradeLabels[data.grade]}</Tag>
            </p>
          )}
          <Form
            form={form}
            layout="vertical"
            disabled={!mayScore}
            initialValues={{ scores: data.scores ?? {}, comment: data.comment ?? '' }}
            onFinish={submit}
          >
            {data.rubric.items.map((it) => (
              <Form.Item
                key={it.key}
                name={['scores', it.key]}
                label={`${dimensionLabels[it.dimension] ?? ''} · ${it.title}(0–${it.maxScore} 分)`}
                rules={[{ required: true, message: '请打分' }]}
              >
                <InputNumber min={0} max={it.maxScore} precision={0} style={{ width: 120 }} />
              </Form.Item>
            ))}
            <TextItem name="comment" label="评查意见" max={2000} rows={2} />
            <Space align="start" wrap>
              <Form.Item name="problem" label="发现的问题(交办整改)">
                <Input style={{ width: 260 }} maxLength={2000} />
              </Form.Item>
              <DateItem name="dueOn" label="整改期限" />
            </Space>
            {data.findings.map((f) => (
              <p key={f.id}>
                已交办整改:{f.problem}(期限 {f.dueOn})
              </p>
            ))}
            {mayScore && (
              <Button type="primary" htmlType="submit">
                保存评查结果
              </Button>
            )}
            <p style={{ marginTop: 8, color: '#888' }}>
              优秀 ≥ {data.rubric.excellentFrom} 分,合格 ≥ {data.rubric.passFrom} 分
            </p>
          </Form>
        </Card>
      </Col>
    </Row>
  );
}
