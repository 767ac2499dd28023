/** Shapes of the /api/inspection answers, as the screens use them. */
export type RiskGrade = 'A' | 'B' | 'C' | 'D';
export const RISK_GRADES: RiskGrade[] = ['A', 'B', 'C', 'D'];
/** 市场监管 企业信用风险分类: A 类风险最低, D 类最高 (the server's export prints the same). */
export const riskGradeLabels: Record<RiskGrade, string> = {
  A: 'A类(低风险)',
  B: 'B类(一般风险)',
  C: 'C类(较高风险)',
  D: 'D类(高风险)',
};

export interface Plan {
  id: string;
  orgId: string;
  orgName: string;
  year: number;
  name: string;
  kind: 'department' | 'joint';
  participantOrgIds: string[];
  note: string;
  taskCount: number;
  version: number;
}

export interface Task {
  id: string;
  orgId: string;
  planId: string;
  planName: string;
  planKind: 'department' | 'joint';
  name: string;
  checklistItemIds: string[];
  mode: 'ratio' | 'count';
  ratioPercent: Record<RiskGrade, number>;
  count: number | null;
  industries: string[];
  allIndustries: boolean;
  locationCodes: string[];
  riskGrades: RiskGrade[];
  inspectorsPerInspectee: number;
  startOn: string;
  endOn: string;
  drawId: string | null;
  drawStatus: 'committed' | 'drawn' | null;
  version: number;
}

export interface Draw {
  id: string;
  taskId: string;
  taskName: string;
  status: 'committed' | 'drawn' | 'failed';
  algorithm: string;
  candidatesHash: string;
  inspectorsHash: string;
  conflictsHash: string;
  paramsHash: string;
  commitment: string;
  committedAt: string;
  drawnAt: string | null;
  serverRandom: string | null;
  seed: string | null;
  resultHash: string | null;
  candidateCount: number;
  drawnCount: number | null;
  failure: { rule: string; message: string } | null;
}

export type Verification =
  | { ok: true; checked: string[]; drawnCount: number }
  | {
      ok: false;
      checked: string[];
      difference: { step: string; expected: string; actual: string; message: string };
    };

export interface Target {
  id: string;
  taskId: string;
  taskName: string;
  seq: number;
  inspecteeName: string;
  uscc: string | null;
  stratum: RiskGrade;
  inspectors: { id: string; name: string }[];
  result: string | null;
  resultLabel: string | null;
  resultNote: string;
  inspectedOn: string | null;
  publishedOn: string | null;
  publicationDue: string | null;
  /** why publicationDue is provisional (a year whose holiday arrangement is not published) */
  publicationDueProvisionalReason: string | null;
  publicationState: 'published' | 'publishedLate' | 'normal' | 'dueSoon' | 'overdue' | 'unknown';
  /** the enforcement case (立案) a problem result opened */
  caseId: string | null;
  version: number;
}

export interface ChecklistItem {
  id: string;
  orgId: string;
  orgName: string;
  matter: string;
  legalBasis: string;
  method: string;
  defaultRatioPercent: number;
  frequencyPerYear: number;
  joint: boolean;
}

/** 抽查检查结果 (the same list as src/domains/inspection/rules.ts). */
export const resultOptions = [
  { value: 'noProblem', label: '未发现问题' },
  { value: 'problemCorrected', label: '发现问题已责令改正' },
  { value: 'problemPending', label: '发现问题待后续处理' },
  { value: 'notPublicized', label: '未按规定公示应当公示的信息' },
  { value: 'falsePublicity', label: '公示信息隐瞒真实情况、弄虚作假' },
  { value: 'unreachable', label: '通过登记的住所(经营场所)无法联系' },
  { value: 'uncooperative', label: '不配合检查' },
  { value: 'notOperating', label: '未发现开展本次抽查涉及的经营活动' },
  { value: 'closed', label: '已关闭停业或正在组织清算' },
  { value: 'deregistered', label: '已注销或被吊销营业执照' },
];
