import { Button, Space, type TableColumnsType, Tag } from 'antd';
import { api } from '../../api/client.js';
import { notifySuccess, showError } from '../../api/feedback.js';
import { can, useMe } from '../../auth/auth-context.js';
import { FilterForm, PageCard } from '../../components/ledger.js';
import { useList } from '../../components/use-list.js';
import { clueRuleLabels, clueStatusLabels } from './labels.js';
import { ClueActButton, OpinionButton, TipOffButton } from './oversight-forms.js';
import { SelectFilter } from '../../components/filter-fields.js';
import { LedgerTable } from '../../components/ledger-table.js';
import { optionsOf } from '../../components/options.js';

/** What each status allows (clues/rules.ts), and who: 答复 is the org's, the rest the office's. */
const clueActions: Record<string, ('assign' | 'answer' | 'close')[]> = {
  new: ['assign', 'close'],
  assigned: ['answer', 'assign'],
  answered: ['close', 'assign'],
  closed: [],
};

interface Clue {
  id: string;
  orgName: string;
  source: string;
  rule: string | null;
  caseNo: string | null;
  description: string;
  foundOn: string;
  status: string;
  assignee: string | null;
  version: number;
}

/** 问题线索: found by rules over the enforcement records or from 举报; assigned, answered, closed. */
export default function CluesPage() {
  const me = useMe();
  const list = useList<Clue>('/api/oversight/clues');
  const columns: TableColumnsType<Clue> = [
    { title: '发现日期', dataIndex: 'foundOn', key: 'foundOn', width: 110 },
    { title: '单位', dataIndex: 'orgName', key: 'org', width: 180 },
    { title: '来源', key: 'src', width: 170, render: (_, c) => (c.rule ? clueRuleLabels[c.rule] : '举报') },
    { title: '线索', dataIndex: 'description', key: 'd' },
    { title: '承办', dataIndex: 'assignee', key: 'a', width: 140 },
    {
      title: '状态',
      key: 's',
      width: 90,
      render: (_, c) => (
        <Tag color={c.status === 'closed' ? 'green' : 'blue'}>{clueStatusLabels[c.status]}</Tag>
      ),
    },
    {
      title: '',
      key: 'op',
      width: 80,
      render: (_, c) => (
        <ClueActButton
          clue={c}
          actions={(clueActions[c.status] ?? []).filter((a) =>
            can(me, a === 'answer' ? 'oversight:clue:answer' : 'oversight:clue:edit'),
          )}
          onDone={list.reload}
        />
      ),
    },
  ];
  return (
    <PageCard
      title="问题线索"
      extra={
        can(me, 'oversight:clue:edit') && (
          <Space wrap>
            <TipOffButton onDone={list.reload} />
            <OpinionButton onDone={list.reload} />
            <Button
              onClick={async () => {
                try {
                  const r = await api.post<{ found: number; added: number }>('/api/oversight/clues/scan');
                  notifySuccess(`规则发现 ${r.found} 条,新增 ${r.added} 条`);
                  list.reload();
                } catch (e) {
                  showError(e);
                }
              }}
            >
              按规则扫描执法记录
            </Button>
          </Space>
        )
      }
    >
      <FilterForm onSearch={(q) => list.setFilters(q)}>
        <SelectFilter name="rule" label="规则" options={optionsOf(clueRuleLabels)} width={190} />
        <SelectFilter name="status" label="状态" options={optionsOf(clueStatusLabels)} width={110} />
      </FilterForm>
      <LedgerTable list={list} columns={columns} scrollX={900} />
    </PageCard>
  );
}
