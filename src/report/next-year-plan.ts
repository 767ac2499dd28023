import { fullWidth } from './punctuation.js';
import type { ReportSentence } from './report-model.js';

/** One task of next year's 年度工作要点 (the oversight workplan ledger), as part four drafts it. */
export interface PlanTask {
  title: string;
  /** the lead unit: the org the task was assigned to */
  leadOrg: string;
  /** 配合单位, as entered ('' when none) */
  supportingOrgs: string;
  /** 完成时限, 'YYYY-MM-DD' */
  dueOn: string;
}

/** "2026-12-31" → "2026年底前", "2026-06-30" → "2026年6月30日前" */
export function dueText(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return m === 12 && d === 31 ? `${y}年底前` : `${y}年${m}月${d}日前`;
}

const bare = (title: string) => title.trim().replace(/[。;；,，、\s]+$/u, '');

/**
 * Part four drafted from next year's tasks: one sentence per lead unit, in the order the units
 * first appear, its tasks grouped by 完成时限 and 配合单位 — "县司法局牵头A、B,2026年底前完成,各乡镇
 * 配合;C,2026年6月30日前完成。" Nothing is invented: no task, no sentence.
 */
export function planSentences(tasks: readonly PlanTask[]): ReportSentence[] {
  const byLead = new Map<string, PlanTask[]>();
  for (const t of [...tasks].sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0)))
    byLead.set(t.leadOrg, [...(byLead.get(t.leadOrg) ?? []), t]);
  return [...byLead].map(([lead, list]) => {
    const groups = new Map<string, PlanTask[]>();
    for (const t of list) {
      const key = `${t.dueOn}\u0000${t.supportingOrgs.trim()}`;
      groups.set(key, [...(groups.get(key) ?? []), t]);
    }
    const clauses = [...groups.values()].map((g) => {
      const first = g[0] as PlanTask; // a group is made with its first task
      const support = first.supportingOrgs.trim();
      return `${g.map((t) => bare(t.title)).join('、')},${dueText(first.dueOn)}完成${support ? `,${support}配合` : ''}`;
    });
    return { text: fullWidth(`${lead}牵头${clauses.join(';')}。`), metricIds: [], links: [] };
  });
}
