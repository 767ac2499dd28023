import { z } from 'zod';
import { labelledEnum, LocalDate, RequiredText, Text, Id } from '../../../platform/validation.js';

/** 人民调解 (人民调解法), 行政调解 and 诉前调解 (委派) are kinds of the same record. */
export const mediationKindLabels = {
  people: '人民调解',
  administrative: '行政调解',
  preLitigation: '诉前调解(法院委派)',
} as const;
export const MediationKind = labelledEnum(mediationKindLabels, {
  error: '调解类型应为人民调解、行政调解或诉前调解',
});
export type MediationKind = z.infer<typeof MediationKind>;

/** How the dispute came in: 排查 found it, a party applied, or it was referred (访调/诉调/警调对接). */
export const mediationSourceLabels = {
  screened: '排查发现',
  application: '当事人申请',
  court: '法院委派(诉调对接)',
  petition: '信访转来(访调对接)',
  police: '公安转来(警调对接)',
  other: '其他',
} as const;
export const MediationSource = labelledEnum(mediationSourceLabels, {
  error: '纠纷来源应为排查发现、当事人申请、法院委派、信访转来、公安转来或其他',
});
export type MediationSource = z.infer<typeof MediationSource>;

export const disputeTypeLabels = {
  family: '婚姻家庭',
  neighbour: '邻里纠纷',
  contract: '合同纠纷',
  debt: '债务纠纷',
  land: '土地山林',
  labour: '劳动争议',
  damages: '损害赔偿',
  traffic: '道路交通',
  medical: '医疗纠纷',
  property: '物业纠纷',
  other: '其他纠纷',
} as const;
export const DisputeType = labelledEnum(disputeTypeLabels, { error: '纠纷类型不正确' });
export type DisputeType = z.infer<typeof DisputeType>;

export const mediationActionLabels = {
  register: '登记受理',
  succeed: '调解成功,达成协议',
  fail: '调解不成功,终止调解',
  perform: '协议履行完毕',
  breach: '协议未履行',
  applyConfirmation: '双方申请司法确认',
  confirm: '法院裁定协议有效',
  rejectConfirmation: '法院驳回确认申请',
} as const;
export const MediationAction = labelledEnum(mediationActionLabels, { error: '办理环节不正确' });
export type MediationAction = z.infer<typeof MediationAction>;

export const mediationStatusLabels = {
  mediating: '调解中',
  succeeded: '达成协议待履行',
  failed: '调解不成功',
  confirming: '司法确认中',
  confirmed: '已司法确认',
  performed: '已履行',
  breached: '未履行',
} as const;
export const MediationStatus = labelledEnum(mediationStatusLabels);
export type MediationStatus = z.infer<typeof MediationStatus>;

export const mediationOutcomeLabels = { success: '成功', failure: '不成功' } as const;

export const CreateMediationInput = z.strictObject({
  orgId: Id,
  kind: MediationKind,
  /** 人民调解: the committee that mediates (人民调解法 第七条) */
  committeeId: Id.optional(),
  source: MediationSource,
  disputeType: DisputeType,
  subject: Text(1000, { lines: true, min: 4 }),
  parties: z.array(RequiredText(100)).min(2, '纠纷当事人至少两方').max(50, '当事人过多'),
  partyContact: Text(100).optional(),
  /** 人民调解法 第十七条: 一方明确拒绝调解的,不得调解 */
  consent: z.boolean({ error: '请确认双方当事人是否同意调解' }),
  mediatorName: RequiredText(40),
  /** 争议金额, 万元 */
  amount: z.number().min(0, '金额不能为负数').max(1_000_000, '金额过大').optional(),
  receivedOn: LocalDate,
  /** 访调对接: the petition it came from */
  petitionId: Id.optional(),
  /** 诉调对接: the court's referral number */
  courtRef: Text(60).optional(),
});
export type CreateMediationInput = z.infer<typeof CreateMediationInput>;

export const MediationActionData = z.strictObject({
  /** succeed: 人民调解法 第二十八、二十九条 — written or oral agreement */
  agreementForm: z.enum(['written', 'oral'], { error: '协议形式应为书面或口头' }).optional(),
  terms: Text(2000, { lines: true, min: 2 }).optional(),
  performanceDueOn: LocalDate.optional(),
  reason: Text(1000, { lines: true, min: 2 }).optional(),
  court: Text(100, { min: 2 }).optional(),
  documentNo: Text(60, { min: 2 }).optional(),
  note: Text(1000, { lines: true }).optional(),
});
export type MediationActionData = z.infer<typeof MediationActionData>;

/** 人民调解委员会 (人民调解法 第八、九条). */
export const CommitteeMember = z.strictObject({
  name: RequiredText(40),
  gender: z.enum(['male', 'female'], { error: '性别应为男或女' }),
  role: z.enum(['chair', 'viceChair', 'member'], { error: '职务应为主任、副主任或委员' }),
  minority: z.boolean().default(false),
});
export type CommitteeMember = z.infer<typeof CommitteeMember>;

export const CreateCommitteeInput = z.strictObject({
  orgId: Id,
  name: Text(100, { min: 4 }),
  members: z.array(CommitteeMember).max(50, '委员过多'),
  termStart: LocalDate,
  /** 多民族居住的地区 should have a member of the minority nationalities (第九条) */
  multiEthnic: z.boolean().default(false),
});
export type CreateCommitteeInput = z.infer<typeof CreateCommitteeInput>;
