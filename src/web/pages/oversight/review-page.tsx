import { Button, Descriptions, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.js';
import { notifySuccess, showError } from '../../api/feedback.js';
import { can, useMe } from '../../auth/auth-context.js';
import { formatInstant, PageCard } from '../../components/ledger.js';
import { FetchedTable } from '../../components/fetched-table.js';
import { useFetch } from '../../components/use-fetch.js';
import { gradeLabels } from './labels.js';
import { CampaignButton } from './oversight-forms.js';

interface CampaignRow {
  id: string;
  title: string;
  closedFrom: string;
  closedTo: string;
  candidateCount: number;
  drawnCount: number;
  scoredCount: number;
  drawnAt: string | null;
}
interface Campaign {
  id: string;
  title: string;
  commitment: string;
  seed: string | null;
  resultHash: string | null;
  candidateCount: number;
  committedAt: string;
  drawnAt: string | null;
  rubric: { name: string; edition: number };
  files: {
    id: string;
    seq: number;
    orgName: string;
    category: string;
    total: number | null;
    grade: string | null;
    reviewerName: string | null;
  }[];
}

/** 案卷评查: campaigns, the committed and drawn sample (verifiable), and the files to score. */
export default function ReviewPage() {
  const me = useMe();
  const [params] = useSearchParams();
  const id = params.get('id');
  const list = useFetch<CampaignRow[]>('/api/oversight/review-campaigns');
  const columns: TableColumnsType<CampaignRow> = [
    {
      title: '评查活动',
      key: 'title',
      render: (_, c) => <Link to={`/oversight/review?id=${c.id}`}>{c.title}</Link>,
    },
    { title: '结案期间', key: 'period', render: (_, c) => `${c.closedFrom} 至 ${c.closedTo}`, width: 200 },
    { title: '抽样范围(件)', dataIndex: 'candidateCount', key: 'n', width: 110 },
    { title: '抽中(件)', dataIndex: 'drawnCount', key: 'd', width: 90 },
    { title: '已评查(件)', dataIndex: 'scoredCount', key: 's', width: 100 },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <PageCard
        title="案卷评查活动"
        extra={can(me, 'oversight:review:edit') && <CampaignButton onDone={list.reload} />}
      >
        <FetchedTable<CampaignRow>
          rowKey="id"
          columns={columns}
          fetched={list}
          pagination={false}
          scrollX={640}
        />
      </PageCard>
      {id && <CampaignCard id={id} />}
    </Space>
  );
}

function CampaignCard({ id }: { id: string }) {
  const me = useMe();
  const { data, reload } = useFetch<Campaign>(`/api/oversight/review-campaigns/${id}`);
  const [check, setCheck] = useState<string | null>(null);
  if (!data) return null;
  const columns: TableColumnsType<Campaign['files'][number]> = [
    { title: '序号', dataIndex: 'seq', key: 'seq', width: 60, sorter: (a, b) => a.seq - b.seq },
    {
      title: '被评查单位',
      dataIndex: 'orgName',
      key: 'org',
      sorter: (a, b) => a.orgName.localeCompare(b.orgName),
    },
    { title: '案件类别', dataIndex: 'category', key: 'cat', width: 100 },
    {
      title: '得分',
      dataIndex: 'total',
      key: 'total',
      width: 70,
      sorter: (a, b) => (a.total ?? -1) - (b.total ?? -1),
    },
    {
      title: '等次',
      key: 'grade',
      width: 80,
      render: (_, f) =>
        f.grade ? (
          <Tag color={f.grade === 'fail' ? 'red' : 'green'}>{gradeLabels[f.grade]}</Tag>
        ) : (
          <Tag>待评查</Tag>
        ),
    },
    { title: '评查人', dataIndex: 'reviewerName', key: 'who', width: 90 },
    {
      title: '',
      key: 'op',
      width: 70,
      render: (_, f) => <Link to={`/oversight/review/files/${f.id}`}>{f.grade ? '查看' : '评查'}</Link>,
    },
  ];
  return (
    <PageCard
      title={data.title}
      extra={
        <Space wrap>
          {!data.seed && can(me, 'oversight:review:edit') && (
            <Button
              type="primary"
              onClick={async () => {
                try {
                  await api.post(`/api/oversight/review-campaigns/${id}/draw`);
                  notifySuccess('已抽取案卷');
                  reload();
                } catch (e) {
                  showError(e);
                }
              }}
            >
              抽取案卷
            </Button>
          )}
          <Button
            onClick={async () => {
              try {
                const v = await api.get<{ ok: boolean; message?: string; drawnCount?: number }>(
                  `/api/oversight/review-campaigns/${id}/verify`,
                );
                setCheck(
                  v.ok
                    ? `验证通过:抽样结果可重现(抽中 ${v.drawnCount ?? 0} 件)`
                    : `验证未通过:${v.message ?? ''}`,
                );
              } catch (e) {
                showError(e);
              }
            }}
          >
            验证抽样
          </Button>
        </Space>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label="评查标准">
          {data.rubric.name}(第 {data.rubric.edition} 版)
        </Descriptions.Item>
        <Descriptions.Item label="抽样范围">{data.candidateCount} 件已结案案件</Descriptions.Item>
        <Descriptions.Item label="承诺值(抽取前公布)">
          <Typography.Text copyable code>
            {data.commitment}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="承诺时间">{formatInstant(data.committedAt)}</Descriptions.Item>
        <Descriptions.Item label="抽取时间">
          {data.drawnAt ? formatInstant(data.drawnAt) : '尚未抽取'}
        </Descriptions.Item>
        <Descriptions.Item label="结果哈希">
          {data.resultHash ? <Typography.Text code>{data.resultHash.slice(0, 16)}…</Typography.Text> : ''}
        </Descriptions.Item>
      </Descriptions>
      {check && (
        <Typography.Paragraph
          style={{ marginTop: 8 }}
          type={check.startsWith('验证通过') ? 'success' : 'danger'}
        >
          {check}
        </Typography.Paragraph>
      )}
      <Table
        rowKey="id"
        size="small"
        style={{ marginTop: 12 }}
        columns={columns}
        dataSource={data.files}
        pagination={{ pageSize: 50 }}
        scroll={{ x: 600 }}
      />
    </PageCard>
  );
}
