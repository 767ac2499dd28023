import {
  Button,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { notifySuccess, showError } from '../../api/feedback.js';
import { can, useMe } from '../../auth/auth-context.js';
import { useFetch } from '../../components/use-fetch.js';
import {
  type Adoption,
  adoptionLabel,
  adoptionOptions,
  moderationBody,
  type StaffComment,
} from './comment-moderation.js';
import { useSubmit } from '../../components/use-submit.js';
import { useOpened } from '../../components/use-opened.js';

const statusColors = { pending: 'orange', shown: 'green', hidden: 'default' } as const;

/** The two ways a comment is moderated, each offered unless the comment already stands so. */
const MODERATIONS = [
  {
    status: 'shown',
    label: '公开',
    question: '公开这条意见?',
    description: '公开的意见在征求意见结束后连同答复显示在公开网站上,不含姓名和联系方式。',
    danger: false,
  },
  {
    status: 'hidden',
    label: '不予公开',
    question: '不予公开这条意见?',
    description: '不予公开的意见仍计入收到的意见数,但不显示内容。',
    danger: true,
  },
] as const;

/**
 * 公众意见: what the public sent on a draft during its 征求意见 period, with the sender's name and
 * contact (staff only). Each is published or withheld (confirmed) and answered 采纳 / 部分采纳 /
 * 不采纳 with a reply; the public page prints the shown ones and the tally once the period closes.
 */
export function CommentsPanel({ subjectId }: { subjectId: string }) {
  const me = useMe();
  const allowed = can(me, 'legality:comment:moderate');
  const list = useFetch<{ items: StaffComment[] }>(allowed ? '/api/legality/comments' : null, { subjectId });
  const [busy, setBusy] = useState<string | null>(null);
  const answering = useOpened<StaffComment>(list.reload);
  if (!allowed) return null;
  const items = list.data?.items ?? [];
  const count = (pred: (c: StaffComment) => boolean) => items.filter(pred).length;

  const moderate = async (c: StaffComment, status: 'shown' | 'hidden') => {
    setBusy(c.id);
    try {
      await api.post(`/api/legality/comments/${c.id}/moderate`, moderationBody(c, { status }));
      notifySuccess(status === 'shown' ? `意见 ${c.receiptNo} 已公开` : `意见 ${c.receiptNo} 不予公开`);
      list.reload();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-label="公众意见" style={{ marginTop: 16 }}>
      <Typography.Title level={5}>公众意见</Typography.Title>
      {list.loading && !list.data ? (
        <Spin />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未收到公众意见" />
      ) : (
        <>
          <Typography.Paragraph type="secondary" data-testid="comments-tally">
            共收到 {items.length} 条,待审核 {count((c) => c.status === 'pending')} 条,已公开{' '}
            {count((c) => c.status === 'shown')} 条,不予公开 {count((c) => c.status === 'hidden')} 条;采纳{' '}
            {count((c) => c.adoption === 'adopted')} 条,部分采纳{' '}
            {count((c) => c.adoption === 'partlyAdopted')} 条,不采纳{' '}
            {count((c) => c.adoption === 'notAdopted')} 条。
          </Typography.Paragraph>
          <List
            size="small"
            bordered
            dataSource={items}
            renderItem={(c) => (
              <List.Item style={{ display: 'block' }} data-testid={`comment-${c.receiptNo}`}>
                <Space wrap size={[8, 4]}>
                  <Typography.Text strong>{c.receiptNo}</Typography.Text>
                  <Typography.Text type="secondary">{c.submittedOn}</Typography.Text>
                  <Tag color={statusColors[c.status]}>{c.statusLabel}</Tag>
                  {c.adoption && <Tag color="blue">{adoptionLabel(c.adoption)}</Tag>}
                </Space>
                <Typography.Paragraph style={{ margin: '6px 0', whiteSpace: 'pre-wrap' }}>
                  {c.body}
                </Typography.Paragraph>
                {(c.name || c.contact) && (
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 6 }}>
                    提交人:{c.name || '未留姓名'}
                    {c.contact ? `,联系方式:${c.contact}` : ''}(不公开)
                  </Typography.Paragraph>
                )}
                {c.reply && (
                  <Typography.Paragraph style={{ marginBottom: 6 }}>答复:{c.reply}</Typography.Paragraph>
                )}
                <Space wrap>
                  {MODERATIONS.filter((m) => c.status !== m.status).map((m) => (
                    <Popconfirm
                      key={m.status}
                      title={m.question}
                      description={m.description}
                      okText={m.label}
                      cancelText="取消"
                      onConfirm={() => moderate(c, m.status)}
                    >
                      <Button size="small" danger={m.danger} loading={busy === c.id}>
                        {m.label}
                      </Button>
                    </Popconfirm>
                  ))}
                  <Button size="small" onClick={() => answering.open(c)}>
                    {c.adoption ? '修改采纳情况' : '答复采纳情况'}
                  </Button>
                </Space>
              </List.Item>
            )}
          />
        </>
      )}
      {answering.opened && (
        <AnswerModal comment={answering.opened} onClose={answering.close} onDone={answering.closeAndReload} />
      )}
    </section>
  );
}

function AnswerModal({
  comment,
  onClose,
  onDone,
}: {
  comment: StaffComment;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ adoption: Adoption; reply: string }>();
  const adoption = Form.useWatch('adoption', form);
  const { busy: saving, submit } = useSubmit(form, async (v) => {
    await api.post(
      `/api/legality/comments/${comment.id}/moderate`,
      moderationBody(comment, { adoption: v.adoption, reply: v.reply ?? '' }),
    );
    notifySuccess(`意见 ${comment.receiptNo}:已答复${adoptionLabel(v.adoption)}`);
    onDone();
  });
  return (
    <Modal
      open
      title={`答复采纳情况(${comment.receiptNo})`}
      onCancel={onClose}
      onOk={submit}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
        {comment.body}
      </Typography.Paragraph>
      {comment.status === 'pending' && (
        <Typography.Paragraph type="secondary">保存后这条意见将连同答复公开。</Typography.Paragraph>
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ adoption: comment.adoption ?? undefined, reply: comment.reply }}
      >
        <Form.Item name="adoption" label="采纳情况" rules={[{ required: true, message: '请选择采纳情况' }]}>
          <Select options={adoptionOptions} placeholder="请选择" />
        </Form.Item>
        <Form.Item
          name="reply"
          label="答复"
          rules={[
            {
              required: adoption !== undefined && adoption !== 'adopted',
              min: 2,
              message: '部分采纳或不采纳的,请填写答复理由',
            },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
