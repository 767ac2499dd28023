import { z } from 'zod';
import { Int32, labelledEnum, LocalDate, Text, Id } from '../../../platform/validation.js';
import { penaltyKindLabels, caseStatusLabels, disposalLabels, revocationLabels } from './labels.js';

export { penaltyKindLabels, caseStatusLabels, disposalLabels, revocationLabels } from './labels.js';

export const procedureLabels = {
  ordinary: '普通程序',
  summary: '简易程序(当场处罚)',
  license: '行政许可程序',
  coercion: '行政强制措施程序',
  generic: '一般程序',
} as const;
export const Procedure = labelledEnum(procedureLabels);
export type Procedure = z.infer<typeof Procedure>;

export const partyKindLabels = { person: '自然人', organisation: '法人或其他组织' } as const;
export const PartyKind = labelledEnum(partyKindLabels);
export type PartyKind = z.infer<typeof PartyKind>;

export const PenaltyKind = labelledEnum(penaltyKindLabels);
export type PenaltyKind = z.infer<typeof PenaltyKind>;

/** The acts of a penalty case, in the order the ordinary procedure takes them. */
export const caseActionLabels = {
  open: '立案',
  investigate: '调查取证',
  notify: '告知(陈述申辩、听证权利)',
  requestHearing: '当事人申请听证',
  holdHearing: '举行听证',
  submitReview: '提交法制审核',
  passReview: '法制审核通过',
  returnReview: '法制审核退回',
  extend: '延长办案期限',
  decide: '作出处罚决定',
  serve: '送达决定书',
  execute: '执行完毕',
  close: '结案',
  terminate: '不予处罚或撤销立案',
  onTheSpot: '当场作出处罚决定并交付',
  apply: '申请',
  accept: '受理',
  rejectApplication: '不予受理',
  requestCorrection: '一次性告知补正',
  correct: '申请人补正材料',
  examine: '审查',
  expertReview: '专家评审、检验检测',
  grant: '准予许可',
  refuse: '不予许可',
  issue: '送达决定、颁发证件',
  seize: '实施查封、扣押',
  extendSeizure: '延长查封、扣押期限',
  testSeized: '检测、检验、检疫或者技术鉴定',
  dispose: '作出处理决定(没收、销毁、解除)',
  amendDecision: '变更决定',
  revokeDecision: '撤销决定(确认违法、无效)',
} as const;
export const CaseAction = labelledEnum(caseActionLabels);
export type CaseAction = z.infer<typeof CaseAction>;

export const CaseStatus = labelledEnum(caseStatusLabels);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const Disposal = labelledEnum(disposalLabels);
export type Disposal = z.infer<typeof Disposal>;

export const Revocation = labelledEnum(revocationLabels);
export type Revocation = z.infer<typeof Revocation>;

/** 全过程记录 of an act: an attachment already stored by SHA-256 (POST /api/files). */
export const recordKindLabels = { document: '文书', audioVideo: '音像' } as const;
export const RecordKind = labelledEnum(recordKindLabels);
export type RecordKind = z.infer<typeof RecordKind>;
export const RecordInput = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, '不是有效的 SHA-256 摘要'),
  kind: RecordKind,
  name: Text(200).min(1, '请填写记录名称'),
});
export type RecordInput = z.infer<typeof RecordInput>;
export const RecordsInput = z.array(RecordInput).max(50, '一次最多 50 份记录');

/** What a decision (or a notified proposal) imposes. */
export const Sanction = z.strictObject({
  penalties: z.array(PenaltyKind).min(1, '至少选择一种处罚种类').max(6),
  /** 罚款 in yuan, whole fen allowed */
  amount: z.number().min(0).max(1e10).multipleOf(0.01).default(0),
});
export type Sanction = z.infer<typeof Sanction>;

/** Action data by kind: only the acts that carry facts have any. */
export const ActionData = z.strictObject({
  sanction: Sanction.optional(),
  /** 告知: the proposal; decide / onTheSpot: what was decided */
  decisionNo: Text(60).optional(),
  /** holdHearing: the day the party was told of the hearing (处罚法 art. 64: 七日前通知) */
  noticedOn: LocalDate.optional(),
  /**
   * extend: the approved extra calendar days (处罚法 art. 60 "法律、法规、规章另有规定的");
   * testSeized: the calendar days of 检测、检验、检疫或者技术鉴定 from the act's date, not counted in
   * the seizure period (行政强制法 第二十五条第三款)
   */
  days: z.number().int().min(1).max(365).optional(),
  opinion: Text(2000, { lines: true }).optional(),
  note: Text(2000, { lines: true }).optional(),
  /** expertReview / a license hearing: working days not counted in the license clock (许可法 第四十五条) */
  workdays: z.number().int().min(1).max(250).optional(),
  /** dispose: what the 处理决定 does (行政强制法 第二十七条) */
  disposal: Disposal.optional(),
  /** amendDecision / revokeDecision: why (shown with the withdrawal) */
  reason: Text(500, { lines: true }).optional(),
  revocation: Revocation.optional(),
  /** grant: the license number issued */
  licenseNo: Text(60).optional(),
  /** amount of a non-penalty decision (征收、给付、奖励 …), yuan */
  amount: z.number().min(0).max(1e10).multipleOf(0.01).optional(),
  /** decide: 违法情节 under the 裁量权基准 (src/domains/powers) */
  circumstance: z.enum(['minor', 'general', 'serious', 'grave']).optional(),
  /** decide: why the fine leaves the 裁量权基准 range (国办发〔2022〕27号) */
  discretionReason: Text(2000, { lines: true }).optional(),
  /** decide / terminate: the 包容审慎“四张清单” entry applied */
  leniencyItemId: Id.optional(),
  /** decide: 违法所得 / 货值金额 in yuan, when the range is in multiples of it */
  fineBase: z.number().min(0).max(1e12).optional(),
});
export type ActionData = z.infer<typeof ActionData>;

export interface ActionRecord {
  action: CaseAction;
  date: string;
  data: ActionData;
  /** the user who recorded it; for reviews, the reviewer */
  actorId: string | null;
  /** 全过程记录 attached to the act (checked against the file store before writing) */
  records?: readonly { sha256: string; kind: RecordKind; name: string; size?: number }[];
}

/** The categories of an enforcement case (GLOSSARY powerItem.category). */
export const CaseCategory = z.enum([
  'license',
  'penalty',
  'coercion',
  'inspection',
  'levy',
  'confirmation',
  'reward',
  'adjudication',
  'benefit',
  'other',
]);
export type CaseCategory = z.infer<typeof CaseCategory>;

export const OpenCaseInput = z.strictObject({
  /** default penalty (行政处罚); license opens with 申请, every other category with 立案/启动 */
  category: CaseCategory.optional(),
  bodyId: Id,
  powerItemId: Id.optional(),
  partyKind: PartyKind,
  partyName: Text(100).min(2, '当事人名称至少 2 个字'),
  partyIdNumber: Text(18).optional(),
  partyUscc: Text(18).optional(),
  partyMinor: z.boolean().optional(),
  /** a natural person's address: kept for service, never published */
  partyAddress: Text(200).optional(),
  /** other natural persons named in the facts (证人、被侵害人 …): hidden in every publication */
  privateNames: z.array(Text(30).min(2, '姓名至少 2 个字')).max(20).optional(),
  facts: Text(4000, { lines: true }).min(4, '请简述案情'),
  handlerIds: z.array(Id).min(1, '请指定执法人员').max(10),
  openedOn: LocalDate,
  /** 重大公共利益 / 疑难复杂 etc. (处罚法 art. 58(1),(3),(4)) as the handler records it */
  majorReason: Text(500, { lines: true }).optional(),
});
export type OpenCaseInput = z.infer<typeof OpenCaseInput>;

export const OnTheSpotInput = OpenCaseInput.omit({
  openedOn: true,
  majorReason: true,
  category: true,
}).extend({
  decidedOn: LocalDate,
  sanction: Sanction,
  decisionNo: Text(60).optional(),
});
export type OnTheSpotInput = z.infer<typeof OnTheSpotInput>;

export const RecordActionInput = z.strictObject({
  version: Int32.min(1),
  action: CaseAction,
  date: LocalDate,
  data: ActionData.default({}),
  records: RecordsInput.optional(),
});
export type RecordActionInput = z.infer<typeof RecordActionInput>;

/** Region-configurable thresholds that make a case major (处罚法 art. 58(4) "法律、法规规定的其他情形"). */
export interface MajorThresholds {
  /** a fine at or above this, for a natural person (yuan) */
  personAmount: number;
  /** … for an organisation (yuan) */
  organisationAmount: number;
  revokeLicense: boolean;
  suspendBusiness: boolean;
  hearingHeld: boolean;
}
