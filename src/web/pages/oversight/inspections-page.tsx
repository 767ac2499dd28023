import { Space, type TableColumnsType, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { can, useMe } from '../../auth/auth-context.js';
import { FetchedTable } from '../../components/fetched-table.js';
import { PageCard } from '../../components/ledger.js';
import { useFetch } from '../../components/use-fetch.js';
import { PlanButton, VisitButton } from './oversight-forms.js';

interface Plan {
  id: string;
  year: number;
  title: string;
  topics: string[];
  periodFrom: string;
  periodTo: string;
  orgName: string;
  subjectCount: number;
}

/** 法治督察: plans (subject orgs, topics, period) and visits whose findings become 整改 items. */
export default function InspectionsPage() {
  const me = useMe();
  const plans = useFetch<Plan[]>('/api/oversight/inspection-plans');
  const columns: TableColumnsType<Plan> = [
    { title: '年度', dataIndex: 'year', key: 'year', width: 70, sorter: (a, b) => a.year - b.year },
    { title: '督察计划', dataIndex: 'title', key: 'title' },
    {
      title: '督察事项',
      key: 'topics',
      render: (_, p) => (
        <Space size={4} wrap>
          {p.topics.map((t) => (
            <Tag key={t}>{t}</Tag>
          ))}
        </Space>
      ),
    },
    { title: '督察期间', key: 'period', width: 200, render: (_, p) => `${p.periodFrom} 至 ${p.periodTo}` },
    { title: '被督察单位(个)', dataIndex: 'subjectCount', key: 'n', width: 120 },
    { title: '发出单位', dataIndex: 'orgName', key: 'org', width: 160 },
    {
      title: '',
      key: 'op',
      width: 90,
      render: () => <Link to="/oversight/rectifications">整改情况</Link>,
    },
  ];
  return (
    <PageCard
      title="法治督察"
      extra={
        can(me, 'oversight:inspection:edit') && (
          <Space wrap>
            <VisitButton plans={plans.data ?? []} onDone={plans.reload} />
            <PlanButton onDone={plans.reload} />
          </Space>
        )
      }
    >
      <FetchedTable<Plan>
        rowKey="id"
        columns={columns}
        fetched={plans}
        pagination={{ pageSize: 50 }}
        scrollX={900}
      />
    </PageCard>
  );
}
