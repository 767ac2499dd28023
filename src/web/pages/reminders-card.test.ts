import { describe, expect, it } from 'vitest';
import { groupReminders } from './reminders-card.js';

const r = (key: string, unitName: string | null, title = '2025年度法治政府建设年度报告报送') => ({
  key,
  domainName: '年度报告',
  title,
  unitName,
  due: unitName ? '2026-03-01' : null,
  state: 'overdue' as const,
  count: unitName ? null : 5,
  basis: null,
  link: '/report/reports',
});

describe('待办提醒 lines', () => {
  it('lists the units that share a deadline on one line and keeps ledger counts apart', () => {
    const lines = groupReminders([
      r('a', '开远市统计局'),
      r('b', null, '行政执法案件办理期限'),
      r('c', '开远市司法局'),
      r('d', '开远市统计局', '2025年度法治政府建设年度报告向社会公开'),
    ]);
    expect(lines.map((l) => [l.title, l.units])).toEqual([
      ['2025年度法治政府建设年度报告报送', ['开远市统计局', '开远市司法局']],
      ['行政执法案件办理期限', []],
      ['2025年度法治政府建设年度报告向社会公开', ['开远市统计局']],
    ]);
  });
});
