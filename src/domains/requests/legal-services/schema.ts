import { z } from 'zod';
import { labelledEnum, LocalDate, RequiredText, Text, Id } from '../../../platform/validation.js';

/** 法律援助 cases (法律援助法, 2021). */
export const legalAidCategoryLabels = { civil: '民事', criminal: '刑事', administrative: '行政' } as const;
export const LegalAidCategory = labelledEnum(legalAidCategoryLabels, {
  error: '案件类别应为民事、刑事或行政',
});
export type LegalAidCategory = z.infer<typeof LegalAidCategory>;

/** 依申请 (第四十一条起) or 通知辩护/代理 by a court, procuratorate or police (第三十六条). */
export const legalAidChannelLabels = { application: '当事人申请', notice: '办案机关通知' } as const;
export const LegalAidChannel = labelledEnum(legalAidChannelLabels, {
  error: '来源应为当事人申请或办案机关通知',
});
export type LegalAidChannel = z.infer<typeof LegalAidChannel>;

export const aidApplicantKindLabels = {
  person: '一般困难群众',
  migrantWorker: '农民工',
  elderly: '老年人',
  minor: '未成年人',
  disabled: '残疾人',
  veteran: '军人军属',
  other: '其他',
} as const;
export const AidApplicantKind = labelledEnum(aidApplicantKindLabels, { error: '受援人类型不正确' });

export const legalAidActionLabels = {
  apply: '收到申请或通知',
  approve: '决定给予法律援助',
  refuse: '决定不予法律援助',
  assign: '指派法律援助人员',
  close: '结案',
} as const;
export const LegalAidAction = labelledEnum(legalAidActionLabels, { error: '办理环节不正确' });
export type LegalAidAction = z.infer<typeof LegalAidAction>;

export const legalAidStatusLabels = {
  reviewing: '审查中',
  approved: '已决定援助待指派',
  refused: '不予援助',
  assigned: '已指派承办中',
  closed: '已结案',
} as const;
export const LegalAidStatus = labelledEnum(legalAidStatusLabels);
export type LegalAidStatus = z.infer<typeof LegalAidStatus>;

export const legalAidOutcomeLabels = {
  won: '胜诉或主张得到支持',
  settled: '调解和解结案',
  partly: '部分支持',
  lost: '未获支持',
  ended: '终止援助',
  refused: '不予援助',
} as const;

export const CreateLegalAidInput = z.strictObject({
  orgId: Id,
  applicantName: RequiredText(100),
  applicantKind: AidApplicantKind,
  applicantContact: Text(100).optional(),
  category: LegalAidCategory,
  channel: LegalAidChannel,
  subject: Text(500, { min: 4 }),
  receivedOn: LocalDate,
  /** 通知: the notifying organ */
  notifiedBy: Text(100).optional(),
});
export type CreateLegalAidInput = z.infer<typeof CreateLegalAidInput>;

export const LegalAidActionData = z.strictObject({
  reason: Text(1000, { lines: true, min: 2 }).optional(),
  lawyerName: Text(40, { min: 2 }).optional(),
  lawFirm: Text(100, { min: 2 }).optional(),
  result: z.enum(['won', 'settled', 'partly', 'lost', 'ended'], { error: '结案结果不正确' }).optional(),
  /** 为受援人挽回或避免的经济损失, 万元 */
  amount: z.number().min(0, '金额不能为负数').max(1_000_000, '金额过大').optional(),
  note: Text(1000, { lines: true }).optional(),
});
export type LegalAidActionData = z.infer<typeof LegalAidActionData>;

export { adviserActivityLabels, type AdviserActivityKind } from './adviser.js';
