import { List, Tag, Typography } from 'antd';
import type { CaseDetail } from '../types.js';

const REVIEW_ACTS = new Set(['submitReview', 'passReview', 'returnReview']);

/** 重大执法决定法制审核: why the case is major, and each submission, opinion and return from the log. */
export function ReviewPanel({ c }: { c: CaseDetail }) {
  const log = c.actions.filter((a) => a.action !== undefined && REVIEW_ACTS.has(a.action));
  return (
    <div>
      {c.majorReasons.length > 0 ? (
        <>
          <Tag color={c.reviewed ? 'green' : c.status === 'reviewing' ? 'blue' : 'red'}>
            {c.reviewed
              ? '已审核通过'
              : c.status === 'reviewing'
                ? '法制审核中'
                : '重大案件,决定前须法制审核'}
          </Tag>
          <ul style={{ margin: '8px 0', paddingInlineStart: 20 }}>
            {c.majorReasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      ) : (
        <Typography.Paragraph type="secondary">
          {c.reviewed
            ? '已经法制审核'
            : c.status === 'reviewing'
              ? '已提请法制审核,等待法制审核人员审核'
              : '目前不属于重大执法决定,无须法制审核'}
        </Typography.Paragraph>
      )}
      {log.length > 0 && (
        <List
          size="small"
          dataSource={log}
          renderItem={(a) => (
            <List.Item style={{ display: 'block' }}>
              <Tag
                color={a.action === 'returnReview' ? 'red' : a.action === 'passReview' ? 'green' : 'default'}
              >
                {a.label}
              </Tag>
              {a.date} {a.actorName}
              {(a.data.opinion || a.data.note) && (
                <div style={{ marginTop: 4, whiteSpace: 'pre-wrap' }}>{a.data.opinion ?? a.data.note}</div>
              )}
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
