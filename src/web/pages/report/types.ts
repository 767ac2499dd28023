/** Shapes the report API answers (src/domains/planning, src/report). */
/** A computed figure as GET /api/metrics answers it: the server's own type, imported type-only. */
export type { Figure } from '../../../platform/metrics/types.js';

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

export interface DataCallRow {
  id: string;
  title: string;
  orgName: string;
  periodFrom: string;
  periodTo: string;
  deadline: string;
  status: 'draft' | 'open' | 'closed';
  statusLabel: string;
  version: number;
}

export interface SubmissionSummary {
  id: string;
  orgId: string;
  orgName: string;
  status: 'pending' | 'submitted' | 'accepted' | 'returned';
  statusLabel: string;
  returnReason: string | null;
  version: number;
  title?: string;
  deadline?: string;
}

export interface DataCallItem {
  id: string;
  metricId: string;
  source: 'reported' | 'computed';
  name: string;
  unit: string;
  definition: string;
}

export interface DataCall extends DataCallRow {
  items: DataCallItem[];
  submissions: SubmissionSummary[];
}

export interface SubmissionLine extends DataCallItem {
  readOnly: boolean;
  value: number | null;
  evidenceText: string | null;
  evidenceHash: string | null;
}

export interface Submission extends SubmissionSummary {
  callTitle: string;
  periodFrom: string;
  periodTo: string;
  deadline: string;
  open: boolean;
  lines: SubmissionLine[];
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
