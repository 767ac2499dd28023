import { z } from 'zod';
import { labelledEnum, LocalDate, RequiredText, Text, Id } from '../../../platform/validation.js';

/** 信访工作条例 第十七条: 信息网络、书信、电话、传真、走访; 12345 热线 items come transferred. */
export const petitionChannelLabels = {
  letter: '来信',
  visit: '来访',
  online: '网上信访',
  phone: '来电',
  hotline12345: '12345 转办',
  transferred: '上级转送交办',
} as const;
export const PetitionChannel = labelledEnum(petitionChannelLabels, {
  error: '信访形式应为来信、来访、网上信访、电话、12345 转办或上级转交办',
});
export type PetitionChannel = z.infer<typeof PetitionChannel>;

/** 第二十九至三十一条: the three kinds, each handled its own way. */
export const petitionCategoryLabels = {
  suggestion: '建议意见类',
  accusation: '检举控告类',
  claim: '申诉求决类',
} as const;
export const PetitionCategory = labelledEnum(petitionCategoryLabels, {
  error: '信访事项类别应为建议意见类、检举控告类或申诉求决类',
});
export type PetitionCategory = z.infer<typeof PetitionCategory>;

export const petitionerKindLabels = { person: '个人', group: '集体(联名)', organization: '组织' } as const;
export const PetitionerKind = labelledEnum(petitionerKindLabels, {
  error: '信访人类型应为个人、集体(联名)或组织',
});

/** 第三十一条: 申诉求决类 matters go to the statutory procedure first. */
export const otherProcedureLabels = {
  litigation: '诉讼',
  reconsideration: '行政复议',
  arbitration: '仲裁',
  administrative: '其他行政程序',
} as const;
export const OtherProcedure = labelledEnum(otherProcedureLabels, {
  error: '法定途径应为诉讼、行政复议、仲裁或其他行政程序',
});

/** 信访处理意见书: the result of handling. */
export const petitionResultLabels = {
  supported: '支持',
  partlySupported: '部分支持',
  notSupported: '不支持',
  explained: '解释说明',
} as const;
export const PetitionResult = labelledEnum(petitionResultLabels, {
  error: '处理结果应为支持、部分支持、不支持或解释说明',
});

export const satisfactionLabels = {
  satisfied: '满意',
  basically: '基本满意',
  unsatisfied: '不满意',
} as const;
export const Satisfaction = labelledEnum(satisfactionLabels, { error: '评价应为满意、基本满意或不满意' });

export const petitionActionLabels = {
  register: '登记',
  route: '转送、交办有权处理机关',
  accept: '受理并告知',
  decline: '不予受理(导入法定途径)',
  extend: '延长办理期限',
  answer: '出具信访处理意见书',
  requestReview: '信访人请求复查',
  answerReview: '出具复查意见',
  requestRecheck: '信访人请求复核',
  answerRecheck: '出具复核意见',
  rate: '信访人评价',
  close: '办结归档',
} as const;
export const PetitionAction = labelledEnum(petitionActionLabels, { error: '办理环节不正确' });
export type PetitionAction = z.infer<typeof PetitionAction>;

export const petitionStatusLabels = {
  registered: '已登记待处理',
  routed: '已转送交办',
  declined: '不予受理',
  handling: '已受理办理中',
  answered: '已出具处理意见',
  reviewing: '复查中',
  reviewed: '已复查',
  rechecking: '复核中',
  rechecked: '已复核(终结)',
  closed: '已办结',
} as const;
export const PetitionStatus = labelledEnum(petitionStatusLabels);
export type PetitionStatus = z.infer<typeof PetitionStatus>;

export const CreatePetitionInput = z.strictObject({
  orgId: Id,
  petitionerName: RequiredText(100),
  petitionerKind: PetitionerKind,
  /** persons in a joint petition (联名或集体走访) */
  persons: z.number().int('应为整数').min(1, '人数至少为 1').max(10_000, '人数过大').default(1),
  petitionerContact: Text(100).optional(),
  subject: Text(1000, { lines: true, min: 4 }),
  channel: PetitionChannel,
  category: PetitionCategory,
  receivedOn: LocalDate,
  /** the 12345 work-order or the transfer's number */
  sourceNo: Text(60).optional(),
  /** 重复信访: the earlier item of the same matter */
  repeatOfId: Id.optional(),
  /** a visit received by a leader (领导接访), from the reception register */
  receptionId: Id.optional(),
  /** 越级: the item went beyond the county to a higher level */
  escalated: z.boolean().default(false),
  /** an event affecting safety and stability (影响安全稳定的重大事件) */
  majorIncident: z.boolean().default(false),
  /** 积案: an old matter carried as a backlog case */
  backlog: z.boolean().default(false),
});
export type CreatePetitionInput = z.infer<typeof CreatePetitionInput>;

export const PetitionActionData = z.strictObject({
  /** route: the organ with power to handle it (第二十二条) */
  toOrg: Text(100, { min: 2 }).optional(),
  /** decline: the statutory route (第三十一条) and the reason */
  procedure: OtherProcedure.optional(),
  reason: Text(1000, { lines: true, min: 2 }).optional(),
  /** extend: the agency head who approved (第三十四条) */
  approverName: Text(40, { min: 2 }).optional(),
  /** answer / answerReview / answerRecheck */
  result: PetitionResult.optional(),
  /** the matter was settled (化解) */
  resolved: z.boolean().optional(),
  documentNo: Text(60, { min: 2 }).optional(),
  /** answerRecheck: days of a hearing, not counted (第三十六条) */
  hearingDays: z.number().int('应为整数').min(0, '不能为负数').max(60, '听证天数过大').optional(),
  satisfaction: Satisfaction.optional(),
  note: Text(1000, { lines: true }).optional(),
});
export type PetitionActionData = z.infer<typeof PetitionActionData>;
