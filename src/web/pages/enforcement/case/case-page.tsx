import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Space, Spin, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { can, useMe } from '../../../auth/auth-context.js';
import { PageCard } from '../../../components/ledger.js';
import { useFetch } from '../../../components/use-fetch.js';
import { DueTag } from '../due-tag.js';
import type { CaseDetail, RecordGap } from '../types.js';
import { ActionForm } from './action-form.js';
import { CaseHeader } from './case-header.js';
import { CaseTimeline } from './case-timeline.js';
import { DueList } from './due-list.js';
import { PublicationPreview } from './publication-preview.js';
import { RecordGaps } from './record-gaps.js';
import { ReviewPanel } from './review-panel.js';
import { SupplementRecords } from './supplement-records.js';

const REVIEW_ACTS = new Set(['passReview', 'returnReview']);

/** One case: header, the acts allowed next, its clocks, record gaps, legal review, timeline and the public preview. */
export default function CasePage() {
  const { id = '' } = useParams();
  const me = useMe();
  const fetched = useFetch<CaseDetail>(`/api/enforcement/cases/${id}`);
  const [c, setCase] = useState<CaseDetail | undefined>(undefined);
  const [acting, setActing] = useState<{ action: string; label: string } | null>(null);
  const [gap, setGap] = useState<RecordGap | null>(null);
  useEffect(() => setCase(fetched.data?.id === id ? fetched.data : undefined), [fetched.data, id]);

  if (!c)
    return fetched.loading ? (
      <Spin style={{ display: 'block', margin: 48 }} />
    ) : (
      <Empty description="案件不存在或不在您的权限范围内" />
    );
  const mayAct = (action: string) =>
    can(me, REVIEW_ACTS.has(action) ? 'enforcement:case:review' : 'enforcement:case:edit');
  const allowed = c.allowedActions.filter((a) => mayAct(a.action));
  const done = (next: CaseDetail) => {
    setCase(next);
    setActing(null);
    setGap(null);
  };
  const section = (title: string, body: React.ReactNode, extra?: React.ReactNode) => (
    <Card size="small" title={title} extra={extra} style={{ marginBottom: 12 }}>
      {body}
    </Card>
  );
  return (
    <PageCard
      title={
        <Space wrap size={4}>
          <Link to="/enforcement/cases" aria-label="返回案件台账">
            <ArrowLeftOutlined />
          </Link>
          <span>{c.caseNo}</span>
          <Tag>{c.statusLabel}</Tag>
          {c.isMajor && <Tag color={c.reviewed ? 'blue' : 'red'}>重大</Tag>}
          {c.nextDue && (
            <DueTag state={c.nextDue.state} due={c.nextDue.due} provisional={c.nextDue.provisionalReason} />
          )}
        </Space>
      }
    >
      <CaseHeader c={c} />
      {c.status !== 'closed' &&
        section(
          '可办理',
          allowed.length > 0 ? (
            <Space wrap>
              {allowed.map((a) => (
                <Button key={a.action} onClick={() => setActing(a)}>
                  {a.label}
                </Button>
              ))}
            </Space>
          ) : (
            <span>您没有可以办理的环节</span>
          ),
        )}
      <div style={{ marginTop: 12 }}>
        <RecordGaps
          gaps={c.recordGaps ?? []}
          onSupplement={can(me, 'enforcement:case:edit') ? setGap : undefined}
        />
      </div>
      <Row gutter={12} style={{ marginTop: 12 }}>
        <Col xs={24} lg={14}>
          {section('执法全过程', <CaseTimeline c={c} />)}
        </Col>
        <Col xs={24} lg={10}>
          {section('法定期限', <DueList c={c} />)}
          {section('法制审核', <ReviewPanel c={c} />)}
          {section('公示预览', <PublicationPreview caseId={c.id} version={c.version} />)}
        </Col>
      </Row>
      <ActionForm detail={c} action={acting} onClose={() => setActing(null)} onDone={done} />
      <SupplementRecords c={c} gap={gap} onClose={() => setGap(null)} onDone={done} />
    </PageCard>
  );
}
