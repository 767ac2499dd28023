import type { ColumnType, Generated } from 'kysely';
import type { ActionLogColumns, LedgerColumns } from '../../platform/db/types.js';

declare module '../../platform/db/types.js' {
  interface Database {
    oversight_inspection_plan: InspectionPlanTable;
    oversight_inspection_visit: InspectionVisitTable;
    oversight_opinion: OpinionTable;
    oversight_rectification: RectificationTable;
    oversight_action: ActionTable;
    oversight_evidence: EvidenceTable;
    oversight_clue: ClueTable;
    oversight_rubric: RubricTable;
    oversight_review_campaign: ReviewCampaignTable;
    oversight_review_file: ReviewFileTable;
    oversight_study_session: StudySessionTable;
    oversight_exam: ExamTable;
    oversight_exam_candidate: ExamCandidateTable;
    oversight_duty_report: DutyReportTable;
    oversight_training_course: TrainingCourseTable;
    oversight_training_attendance: TrainingAttendanceTable;
    oversight_publicity_list: PublicityListTable;
    oversight_publicity_activity: PublicityActivityTable;
    oversight_case_explanation: CaseExplanationTable;
    oversight_workplan_task: WorkplanTaskTable;
    oversight_leader_duty: LeaderDutyTable;
    oversight_function_transfer: FunctionTransferTable;
  }
}

type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Json<T> = ColumnType<T, string, string>;

export interface InspectionPlanTable extends LedgerColumns {
  id: string;
  year: number;
  title: string;
  topics: Defaulted<string[]>;
  subject_org_ids: string[];
  period_from: string;
  period_to: string;
}

export interface InspectionVisitTable extends LedgerColumns {
  id: string;
  plan_id: string;
  visited_on: string;
  inspectors: string;
  summary: Defaulted<string>;
}

export interface OpinionTable extends LedgerColumns {
  id: string;
  issuer_org_id: string;
  kind: string;
  doc_no: string;
  issued_on: string;
  due_on: string;
  content: string;
}

export interface RectificationTable extends LedgerColumns {
  id: string;
  issuer_org_id: string;
  source: string;
  source_id: string;
  source_label: string;
  problem: string;
  measure: Defaulted<string>;
  found_on: string;
  due_on: string;
  status: string;
  evidence_count: Defaulted<number>;
  closed_on: string | null;
  action_count: Defaulted<number>;
}

export interface ActionTable extends ActionLogColumns {
  entity: 'rectification' | 'clue';
  entity_id: string;
  data: Json<Record<string, unknown>>;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface EvidenceTable {
  id: string;
  action_id: string;
  region_code: string;
  org_id: string;
  sha256: string;
  name: string;
}

export interface ClueTable extends LedgerColumns {
  id: string;
  source: string;
  rule: string | null;
  case_id: string | null;
  case_no: string | null;
  description: string;
  found_on: string;
  status: string;
  assignee: string | null;
  closed_on: string | null;
  action_count: Defaulted<number>;
}

export interface RubricTable extends LedgerColumns {
  id: string;
  name: string;
  edition: number;
  items: Json<unknown>;
  excellent_from: number;
  pass_from: number;
}

export interface ReviewCampaignTable extends LedgerColumns {
  id: string;
  year: number;
  title: string;
  rubric_id: string;
  closed_from: string;
  closed_to: string;
  per_stratum: number;
  frozen_input: string;
  commitment: string;
  candidate_count: number;
  committed_at: Date;
  reveal: Json<{ drawnAt: string; serverRandom: string }> | null;
  seed: string | null;
  result_hash: string | null;
  drawn_at: Date | null;
}

export interface ReviewFileTable {
  id: string;
  campaign_id: string;
  region_code: string;
  org_id: string;
  case_id: string;
  seq: number;
  stratum: string;
  scores: Json<Record<string, number>> | null;
  total: string | null;
  grade: string | null;
  comment: string | null;
  reviewer_id: string | null;
  reviewer_name: string | null;
  scored_on: string | null;
  version: Generated<number>;
}

interface Entry extends LedgerColumns {
  id: string;
  held_on: string;
}
export interface StudySessionTable extends Entry {
  kind: string;
  topic: string;
  laws: Defaulted<string>;
  lecturer: Defaulted<string>;
  attendees: number;
}
export interface ExamTable extends Entry {
  title: string;
  pass_mark: number;
}
interface ChildRow {
  id: string;
  parent_id: string;
  region_code: string;
  org_id: string;
  person_name: string;
  position: Defaulted<string>;
}
export interface ExamCandidateTable extends ChildRow {
  score: number | null;
}
export interface DutyReportTable extends Entry {
  mode: string;
  reporter: string;
  rating: string | null;
  score: number | null;
}
export interface TrainingCourseTable extends Entry {
  title: string;
  provider: string;
  hours: string;
}
export interface TrainingAttendanceTable extends ChildRow {
  hours: string;
}
export interface PublicityListTable extends Entry {
  responsibility_list: string;
  task_list: string;
  duty_list: string;
  reminder_issued_on: string | null;
}
export interface PublicityActivityTable extends Entry {
  kind: string;
  channel: Defaulted<string>;
  title: string;
  audience: Defaulted<string>;
  participants: Defaulted<number>;
  materials: Defaulted<number>;
  messages: Defaulted<number>;
}
export interface CaseExplanationTable extends Entry {
  title: string;
  case_no: Defaulted<string>;
  channel: Defaulted<string>;
  summary: Defaulted<string>;
}
export interface WorkplanTaskTable extends Entry {
  title: string;
  supporting_orgs: Defaulted<string>;
  due_on: string;
  progress: Defaulted<number>;
  last_update: Defaulted<string>;
}
export interface LeaderDutyTable extends Entry {
  kind: string;
  leader: string;
  subject: string;
  items: Defaulted<number>;
}
export interface FunctionTransferTable extends Entry {
  from_org: string;
  kind: string;
  batch: number;
  items: number;
  staff_moved: Defaulted<number>;
  staffing_moved: Defaulted<number>;
}
