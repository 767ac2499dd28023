import { Button, DatePicker, Form, Modal, Popconfirm, Select, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { todayInChina } from '../enforcement/case/dates.js';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { notifySuccess, sendAction } from '../../api/feedback.js';
import { ProvisionalTag } from '../../components/provisional-tag.js';
import { resultOptions, type Target } from './types.js';
import { useSubmit } from '../../components/use-submit.js';
import { TextItem } from '../../components/form-items.js';

/** Where the publication stands: 临期 orange, 逾期 red (20 working days after the task ends). */
export function PublicationTag({ target }: { target: Target }) {
  const reason = target.publicationDueProvisionalReason;
  const tag = <PublicationStateTag target={target} />;
  return reason && !target.publishedOn ? (
    <>
      {tag}
      <ProvisionalTag reason={reason} />
    </>
  ) : (
    tag
  );
}

function PublicationStateTag({ target }: { target: Target }) {
  const due = target.publicationDue ? `,期限 ${target.publicationDue}` : '';
  switch (target.publicationState) {
    case 'published':
      return <Tag color="green">已公示 {target.publishedOn}</Tag>;
    case 'publishedLate':
      return <Tag color="volcano">逾期公示 {target.publishedOn}</Tag>;
    case 'overdue':
      return <Tag color="red">公示逾期{due}</Tag>;
    case 'dueSoon':
      return <Tag color="orange">公示临期{due}</Tag>;
    case 'normal':
      return <Tag>待公示{due}</Tag>;
    default:
      return <Tag>公示期限待节假日安排公布</Tag>;
  }
}

interface ResultForm {
  result: string;
  inspectedOn: Dayjs;
  note?: string;
}

/** Result entry: one column of large fields so that it works on a phone at the inspection site. */
function ResultModal({ target, onClose }: { target: Target; onClose: (saved: boolean) => void }) {
  const [form] = Form.useForm<ResultForm>();
  const { busy, submit: save } = useSubmit(form, async (v) => {
    await api.patch(`/api/inspection/targets/${target.id}/result`, {
      version: target.version,
      result: v.result,
      inspectedOn: v.inspectedOn.format('YYYY-MM-DD'),
      note: v.note ?? '',
    });
    notifySuccess('已保存检查结果');
    onClose(true);
  });
  return (
    <Modal
      open
      title={`检查结果 — ${target.inspecteeName}`}
      onCancel={() => onClose(false)}
      onOk={save}
      confirmLoading={busy}
      width="min(560px, 96vw)"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          result: target.result ?? undefined,
          // today in China: the server refuses a later day, and the browser's own clock may be ahead
          inspectedOn: target.inspectedOn ? dayjs(target.inspectedOn) : todayInChina(),
          note: target.resultNote,
        }}
      >
        <Form.Item
          name="result"
          label="检查结果"
          extra="“发现问题”类结果保存时即以抽取的检查人员为承办人立案(行政处罚案件)"
          rules={[{ required: true, message: '请选择检查结果' }]}
        >
          <Select options={resultOptions} size="large" />
        </Form.Item>
        <Form.Item
          name="inspectedOn"
          label="检查日期"
          rules={[{ required: true, message: '请选择检查日期' }]}
        >
          <DatePicker
            size="large"
            style={{ width: '100%' }}
            inputReadOnly
            disabledDate={(d) => d.isAfter(todayInChina(), 'day')}
          />
        </Form.Item>
        <TextItem name="note" label="情况说明" max={2000} rows={3} />
      </Form>
    </Modal>
  );
}

export function ResultCell({
  target,
  mayEdit,
  onChange,
}: {
  target: Target;
  mayEdit: boolean;
  onChange: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const publish = () =>
    sendAction(
      () => api.post(`/api/inspection/targets/${target.id}/publish`, { version: target.version }),
      '已公示:结果已在公开网站发布',
      onChange,
    );
  return (
    <Space wrap size={4}>
      {target.resultLabel ? (
        <Tag color={target.result === 'noProblem' ? 'default' : 'gold'}>{target.resultLabel}</Tag>
      ) : (
        <Tag>未录入</Tag>
      )}
      <PublicationTag target={target} />
      {target.caseId && (
        <Tag color="blue" title="发现问题已立案,案件见“行政执法 › 行政执法案件”">
          已立案
        </Tag>
      )}
      {mayEdit && !target.publishedOn && (
        <Button size="small" type="link" onClick={() => setEditing(true)}>
          录入
        </Button>
      )}
      {mayEdit && target.result && !target.publishedOn && (
        <Popconfirm
          title={`公示 ${target.inspecteeName} 的检查结果?`}
          description="公示后检查结果在公开网站上向社会公开,不能撤回。"
          onConfirm={publish}
        >
          <Button size="small" type="link">
            公示
          </Button>
        </Popconfirm>
      )}
      {editing && (
        <ResultModal
          target={target}
          onClose={(saved) => {
            setEditing(false);
            if (saved) onChange();
          }}
        />
      )}
    </Space>
  );
}
