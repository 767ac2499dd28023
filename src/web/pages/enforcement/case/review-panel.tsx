import { List, Tag, Typography } from 'antd';
import type { CaseDetail } from '../types.js';
import { reviewState } from './review-state.js';

const REVIEW_ACTS = new Set(['submitReview', 'passReview', 'returnReview']);

/** 重大执法决定法制审核: why the case is major, and each submission, opinion and return from the log. */
export function ReviewPanel({ c }: { c: CaseDetail }) {
  const log = c.actions.filter((a) => a.action !== undefined && REVIEW_ACTS.has(a.action));
  return (
    <div>
      {c.majorReasons.length > 0 ? (
        <>
          <Tag color={c.reviewed ? 'green' : c.status === 'reviewing' ? 'blue' : 'red'}>{reviewState(c)}</Tag>
          <ul style={{ margin: '8px 0', paddingInlineStart: 20 }}>
            {c.majorReasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      ) : (
        <Typography.Paragraph type="secondary">{reviewState(c)}</Typography.Paragraph>
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
