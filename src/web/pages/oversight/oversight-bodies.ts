import type { Dayjs } from 'dayjs';

/** What the 督察, 线索, 意见书 and 评查 forms send; oversight-bodies.test.ts checks each against its route. */

const day = (d: Dayjs) => d.format('YYYY-MM-DD');
/** One problem per line of a text box; each becomes a 整改 item due on the given day. */
export function findingsOf(text: string | undefined, dueOn: Dayjs | undefined) {
  if (!dueOn) return [];
  return (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((problem) => ({ problem, dueOn: day(dueOn) }));
}

export interface TipOffValues {
  orgId: string;
  description: string;
  receivedOn: Dayjs;
}
export const tipOffBody = (v: TipOffValues) => ({
  orgId: v.orgId,
  description: v.description.trim(),
  receivedOn: day(v.receivedOn),
});

export interface ClueActValues {
  action: 'assign' | 'answer' | 'close';
  assignee?: string;
  answer?: string;
  conclusion?: string;
  problems?: string;
  dueOn?: Dayjs;
}
export const clueActBody = (version: number, v: ClueActValues) => ({
  action: v.action,
  version,
  ...(v.action === 'assign' && v.assignee ? { assignee: v.assignee.trim() } : {}),
  ...(v.action === 'answer' && v.answer ? { answer: v.answer.trim() } : {}),
  ...(v.action === 'close' && v.conclusion ? { conclusion: v.conclusion.trim() } : {}),
  findings: v.action === 'close' ? findingsOf(v.problems, v.dueOn) : [],
});

export interface OpinionValues {
  orgId: string;
  kind: 'opinion' | 'suggestion';
  docNo: string;
  issuedOn: Dayjs;
  dueOn: Dayjs;
  content: string;
  problems: string;
}
export const opinionBody = (v: OpinionValues) => ({
  orgId: v.orgId,
  kind: v.kind,
  docNo: v.docNo.trim(),
  issuedOn: day(v.issuedOn),
  dueOn: day(v.dueOn),
  content: v.content.trim(),
  problems: v.problems
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean),
});

export interface PlanValues {
  year: number;
  title: string;
  topics?: string;
  subjectOrgIds: string[];
  period: [Dayjs, Dayjs];
}
export const planBody = (v: PlanValues) => ({
  year: v.year,
  title: v.title.trim(),
  topics: (v.topics ?? '')
    .split(/[\n、,，;；]/)
    .map((l) => l.trim())
    .filter(Boolean),
  subjectOrgIds: v.subjectOrgIds,
  periodFrom: day(v.period[0]),
  periodTo: day(v.period[1]),
});

export interface VisitValues {
  planId: string;
  orgId: string;
  visitedOn: Dayjs;
  inspectors: string;
  summary?: string;
  problems?: string;
  dueOn?: Dayjs;
}
export const visitBody = (v: VisitValues) => ({
  planId: v.planId,
  orgId: v.orgId,
  visitedOn: day(v.visitedOn),
  inspectors: v.inspectors.trim(),
  summary: (v.summary ?? '').trim(),
  findings: findingsOf(v.problems, v.dueOn),
});

export interface CampaignValues {
  year: number;
  title: string;
  rubricId: string;
  closed: [Dayjs, Dayjs];
  perStratum: number;
  orgIds?: string[];
}
export const campaignBody = (v: CampaignValues) => ({
  year: v.year,
  title: v.title.trim(),
  rubricId: v.rubricId,
  closedFrom: day(v.closed[0]),
  closedTo: day(v.closed[1]),
  perStratum: v.perStratum,
  orgIds: v.orgIds ?? [],
});
