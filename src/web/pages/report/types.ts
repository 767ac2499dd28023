/** Shapes the report API answers (src/domains/planning, src/report). */
/** A computed figure as GET /api/metrics answers it: the server's own type, imported type-only. */
export type { Figure } from '../../../platform/metrics/types.js';
import type { SubmissionSummary as PlanningSubmissionSummary } from '../../../domains/planning/schema.js';

export interface DrillRecord {
  id: string;
  orgId: string;
  orgName?: string;
  label: string;
  date: string | null;
  value?: number;
  source?: string;
  evidence?: string;
}

/** Data calls and answers as /api/data-calls and /api/data-call-submissions answer them: the planning domain's own types. */
export type {
  DataCall,
  DataCallItem,
  DataCallSummary as DataCallRow,
  Submission,
  SubmissionLine,
} from '../../../domains/planning/schema.js';

/** A unit's answer; the inbox (GET /api/data-call-submissions) adds its call's title and deadline. */
export interface SubmissionSummary extends PlanningSubmissionSummary {
  title?: string;
  deadline?: string;
}

export interface ReportRow {
  id: string;
  year: number;
  orgName: string;
  latestNo: number;
  status: string;
  statusLabel: string;
}

export interface ReportPart {
  key: string;
  title: string;
  narrative: string;
  approved: boolean;
  approvedBy: string | null;
  sections: {
    key: string;
    title: string;
    narrative: string;
    sentences: { text: string; metricIds: string[] }[];
  }[];
}

export interface AnnualReport {
  id: string;
  dueState: 'normal' | 'dueSoon' | 'overdue' | null;
  orgId: string;
  orgName: string;
  year: number;
  current: {
    no: number;
    status: 'draft' | 'review' | 'approved' | 'published' | 'returned';
    statusLabel: string;
    version: number;
    content: {
      title: string;
      preamble: string;
      parts: ReportPart[];
      deadlines: { submitBy: string; publishBy: string };
      /** the day the figures were computed, 'YYYY-MM-DD' */
      generatedAt: string;
    };
  };
  versions: { no: number; status: string; statusLabel: string; publishedAt: string | null }[];
}

/** 临期 (orange) within `warnDays`, 逾期 (red) after the date; dates compared as 'YYYY-MM-DD'. */
export function dueTag(deadline: string, today: string, warnDays = 7): 'overdue' | 'dueSoon' | 'normal' {
  if (today > deadline) return 'overdue';
  const days = (Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  return days <= warnDays ? 'dueSoon' : 'normal';
}
