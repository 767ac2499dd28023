import { z } from 'zod';
import {
  Count,
  labelledEnum,
  LocalDate,
  RequiredText,
  Text,
  Sha256,
  Id,
} from '../../../platform/validation.js';
import {
  channelLabels,
  actKindLabels,
  subjectAreaLabels,
  penaltyTypeLabels,
  procedureLabels,
  outcomeLabels,
  terminationGroundLabels,
  suspensionGroundLabels,
  reconActionLabels,
  reconStatusLabels,
} from './labels.js';

export const Channel = labelledEnum(channelLabels);
export type Channel = z.infer<typeof Channel>;

export const ActKind = labelledEnum(actKindLabels);
export type ActKind = z.infer<typeof ActKind>;

export const SubjectArea = labelledEnum(subjectAreaLabels);
export type SubjectArea = z.infer<typeof SubjectArea>;

export const PenaltyType = labelledEnum(penaltyTypeLabels);
export type PenaltyType = z.infer<typeof PenaltyType>;

export const Procedure = labelledEnum(procedureLabels);
export type Procedure = z.infer<typeof Procedure>;

export const Outcome = labelledEnum(outcomeLabels);
export type Outcome = z.infer<typeof Outcome>;

export const TerminationGround = labelledEnum(terminationGroundLabels);
export type TerminationGround = z.infer<typeof TerminationGround>;

export const SuspensionGround = labelledEnum(suspensionGroundLabels);
export type SuspensionGround = z.infer<typeof SuspensionGround>;

export const ReconAction = labelledEnum(reconActionLabels);
export type ReconAction = z.infer<typeof ReconAction>;

export const ReconStatus = labelledEnum(reconStatusLabels);
export type ReconStatus = z.infer<typeof ReconStatus>;

/** Facts an act carries, by kind (only what the statute asks for). */
export const ReconActionData = z.strictObject({
  /** requestCorrection: every item at once (第三十一条) */
  items: z.array(RequiredText(200)).min(1, '请列出需要补正的全部事项').max(30).optional(),
  /** accept / deemAccept / convertToOrdinary */
  procedure: Procedure.optional(),
  /** reject / withdraw */
  reason: Text(2000, { lines: true, min: 2 }).optional(),
  /** withdraw: after a 调解 (案前调解) or a 和解 */
  mediated: z.boolean().optional(),
  /** recordMediation */
  mediationResult: z.enum(['agreed', 'failed']).optional(),
  /** noticeHearing */
  hearingOn: LocalDate.optional(),
  /** suspend */
  suspensionGround: SuspensionGround.optional(),
  /** terminate */
  terminationGround: TerminationGround.optional(),
  /** extend: ≤ 30 days, approved by the head of the 复议机构 (第六十二条) */
  days: Count.optional(),
  approver: Text(40, { min: 2 }).optional(),
  /** decide */
  outcome: Outcome.optional(),
  documentNo: Text(60, { min: 2 }).optional(),
  /** decide: 决定书 main text; issueOpinion: the opinion */
  text: Text(8000, { lines: true, min: 4 }).optional(),
  /** requestNormReview: the 规范性文件 */
  normTitle: Text(200, { min: 2 }).optional(),
  normIssuer: Text(100, { min: 2 }).optional(),
  /** requestNormReview: the item the system put on the legality desk (set by the service, never by input) */
  reviewId: z.uuid().optional(),
  /** issueOpinion: 意见书 (to the respondent) or 建议书 (to other bodies) (第七十六条) */
  opinionKind: z.enum(['opinion', 'suggestion']).optional(),
  recipient: Text(100, { min: 2 }).optional(),
  note: Text(2000, { lines: true }).optional(),
});
export type ReconActionData = z.infer<typeof ReconActionData>;

export interface ReconActionRecord {
  action: ReconAction;
  /** the legal date of the act, in China */
  date: string;
  data: ReconActionData;
  actorId: string | null;
}

export const ThirdParty = z.strictObject({ name: RequiredText(100), relation: Text(100).optional() });

export const ContestedAct = z.strictObject({
  title: RequiredText(200),
  documentNo: Text(60).optional(),
  kind: ActKind,
  actedOn: LocalDate.optional(),
  /** the day the applicant knew of the act (第二十条: 60 days from then) */
  knownOn: LocalDate,
  onTheSpot: z.boolean().default(false),
  penaltyTypes: z.array(PenaltyType).max(7).default([]),
  /** 款额 in 元 (第五十三条: 3,000 元以下) */
  amount: z.number().min(0, '金额不能为负数').max(1e12, '金额过大').optional(),
  /** the enforcement case of the act, when it is one */
  enforcementCaseId: Id.optional(),
});
export type ContestedAct = z.infer<typeof ContestedAct>;

export const Attachment = z.strictObject({
  name: RequiredText(200),
  sha256: Sha256,
});

export const CreateReconInput = z.strictObject({
  channel: Channel,
  /** the day the 复议机构 received it (邮寄: the day the mail arrived; 转交: the day the transfer arrived) */
  receivedOn: LocalDate,
  /** 邮寄: the postmark date; 转交: the day the respondent received the application (第二十条 period) */
  filedOn: LocalDate.optional(),
  respondentOrgId: Id,
  applicantKind: z.enum(['person', 'organisation']),
  applicantName: RequiredText(100),
  applicantIdNo: Text(30).optional(),
  applicantPhone: Text(30).optional(),
  applicantAddress: Text(200).optional(),
  agentName: Text(100).optional(),
  thirdParties: z.array(ThirdParty).max(20).default([]),
  act: ContestedAct,
  /** 争议领域 (optional; the figures by field count only cases that carry one) */
  subjectArea: SubjectArea.optional(),
  partiesAgreeSimple: z.boolean().default(false),
  /** 复议前置 by another law (第二十三条第一款第五项); the other grounds are computed */
  preconditionByLaw: z.boolean().default(false),
  request: RequiredText(2000),
  reasons: Text(8000, { lines: true, min: 4 }),
  normReview: z.strictObject({ title: RequiredText(200), issuer: RequiredText(100) }).optional(),
  attachments: z.array(Attachment).max(20).default([]),
});
export type CreateReconInput = z.infer<typeof CreateReconInput>;

export const RecordReconActionInput = z.strictObject({
  version: z.number().int().positive(),
  action: ReconAction.exclude(['apply']),
  date: LocalDate,
  data: ReconActionData.default({}),
});
export type RecordReconActionInput = z.infer<typeof RecordReconActionInput>;

/** Chinese names of input fields, for messages. */
export const reconFieldLabels: Record<string, string> = {
  channel: '申请方式',
  receivedOn: '收到申请日期',
  filedOn: '寄出或递交日期',
  respondentOrgId: '被申请人',
  applicantKind: '申请人类型',
  applicantName: '申请人',
  applicantIdNo: '身份证件号码',
  applicantPhone: '联系电话',
  applicantAddress: '通讯地址',
  agentName: '代理人',
  thirdParties: '第三人',
  act: '被申请复议的行政行为',
  subjectArea: '争议领域',
  title: '名称',
  knownOn: '知道该行为的日期',
  actedOn: '作出日期',
  kind: '行为类别',
  amount: '款额',
  request: '复议请求',
  reasons: '事实和理由',
  attachments: '附件',
  version: '版本',
  action: '办理环节',
  date: '日期',
  items: '补正事项',
  procedure: '审理程序',
  reason: '理由',
  hearingOn: '听证日期',
  suspensionGround: '中止事由',
  terminationGround: '终止事由',
  days: '延长天数',
  approver: '批准人',
  outcome: '决定类型',
  documentNo: '文书编号',
  text: '正文',
  normTitle: '规范性文件名称',
  normIssuer: '制定机关',
  recipient: '收件单位',
  mediationResult: '调解结果',
};
