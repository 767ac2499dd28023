import { z } from 'zod';
import { labelledEnum, LocalDate, RequiredText, Text, Id } from '../../../platform/validation.js';

/** 政府信息公开条例 第二十九条、第三十一条: how an application was submitted. */
export const disclosureChannelLabels = {
  inPerson: '当面提交',
  mailSigned: '邮寄(签收)',
  mailOrdinary: '平常信函',
  online: '网络申请',
  fax: '传真',
} as const;
export const DisclosureChannel = labelledEnum(disclosureChannelLabels, {
  error: '提交方式应为当面、邮寄(签收)、平常信函、网络或传真',
});
export type DisclosureChannel = z.infer<typeof DisclosureChannel>;

/** The applicant kinds of the 政务公开年报 application table (国办公开办函〔2021〕30号). */
export const applicantKindLabels = {
  person: '自然人',
  business: '商业企业',
  research: '科研机构',
  publicInterest: '社会公益组织',
  legalService: '法律服务机构',
  other: '其他',
} as const;
export const ApplicantKind = labelledEnum(applicantKindLabels, {
  error: '申请人类型应为自然人、商业企业、科研机构、社会公益组织、法律服务机构或其他',
});
export type ApplicantKind = z.infer<typeof ApplicantKind>;

/**
 * 政府信息公开条例 第三十六条 (with 第三十七条 区分处理, 第三十条 补正, 第三十五条 and 第三十九条),
 * in the rows of the 2021 年报 table so the report counts them without a second mapping.
 */
export const answerTypeLabels = {
  disclosed: '予以公开',
  alreadyPublic: '已主动公开,告知获取方式和途径',
  partial: '部分公开(区分处理)',
  'withheld.stateSecret': '不予公开:属于国家秘密',
  'withheld.lawForbidden': '不予公开:其他法律行政法规禁止公开',
  'withheld.safety': '不予公开:危及“三安全一稳定”',
  'withheld.thirdParty': '不予公开:保护第三方合法权益',
  'withheld.internal': '不予公开:属于三类内部事务信息',
  'withheld.process': '不予公开:属于四类过程性信息',
  'withheld.enforcementFile': '不予公开:属于行政执法案卷',
  'withheld.query': '不予公开:属于行政查询事项',
  'unable.notHeld': '无法提供:本机关不掌握相关政府信息',
  'unable.notOurs': '无法提供:不属于本机关负责公开,告知负责机关',
  'unable.needsCreation': '无法提供:没有现成信息需要另行制作',
  'unable.unclear': '无法提供:补正后申请内容仍不明确',
  'declined.petition': '不予处理:信访举报投诉类申请',
  'declined.repeat': '不予处理:重复申请',
  'declined.publication': '不予处理:要求提供公开出版物',
  'declined.excessive': '不予处理:无正当理由大量反复申请',
  'declined.confirmation': '不予处理:要求行政机关确认或重新出具已获取信息',
  'other.unpaidFee': '其他处理:逾期未按收费通知缴纳费用',
  'other.other': '其他处理',
} as const;
export const AnswerType = labelledEnum(answerTypeLabels, {
  error: '答复类型不属于《政府信息公开条例》第三十六条规定的处理方式',
});
export type AnswerType = z.infer<typeof AnswerType>;

/** Outcomes beyond the answer: 逾期不补正 (第三十条 视为放弃) and 撤回. */
export const disclosureOutcomeLabels = {
  ...answerTypeLabels,
  'other.lapsedCorrection': '其他处理:无正当理由逾期不补正,不再处理',
  'other.withdrawn': '其他处理:申请人撤回申请',
} as const;

export const disclosureActionLabels = {
  receive: '收到申请',
  requestCorrection: '告知补正',
  correct: '收到补正',
  lapse: '逾期未补正,视为放弃',
  consultThirdParty: '书面征求第三方意见',
  thirdPartyReply: '收到第三方意见',
  extend: '延长答复期限',
  answer: '作出答复',
  serve: '送达答复',
  withdraw: '申请人撤回',
} as const;
export const DisclosureAction = labelledEnum(disclosureActionLabels, { error: '办理环节不正确' });
export type DisclosureAction = z.infer<typeof DisclosureAction>;

export const disclosureStatusLabels = {
  processing: '办理中',
  awaitingCorrection: '待补正',
  consulting: '征求第三方意见中',
  answered: '已答复待送达',
  served: '已送达',
  withdrawn: '已撤回',
  abandoned: '视为放弃',
} as const;
export const DisclosureStatus = labelledEnum(disclosureStatusLabels);
export type DisclosureStatus = z.infer<typeof DisclosureStatus>;

/** 依申请公开: the application as received (第二十九条: 申请人信息、所需信息的描述、形式要求). */
export const CreateDisclosureInput = z.strictObject({
  orgId: Id,
  applicantName: RequiredText(100),
  applicantKind: ApplicantKind,
  applicantContact: Text(100).optional(),
  subject: Text(500, { min: 2 }),
  channel: DisclosureChannel,
  /** 当面提交之日 (第三十一条第一项) */
  submittedOn: LocalDate.optional(),
  /** 邮寄的签收之日 (第三十一条第二项) */
  signedOn: LocalDate.optional(),
  /** 平常信函、网络、传真: 双方确认之日 (第三十一条第二、三项) */
  confirmedOn: LocalDate.optional(),
  /** the form of the information asked for (纸质、电子) */
  form: Text(50).optional(),
});
export type CreateDisclosureInput = z.infer<typeof CreateDisclosureInput>;

export const DisclosureActionData = z.strictObject({
  /** extend: 政府信息公开工作机构负责人 (第三十三条第二款) */
  approverName: Text(40, { min: 2 }).optional(),
  reason: Text(1000, { lines: true, min: 2 }).optional(),
  /** requestCorrection: the reasonable period the applicant is given */
  correctionDueOn: LocalDate.optional(),
  /** consultThirdParty / thirdPartyReply */
  thirdParty: Text(100, { min: 2 }).optional(),
  thirdPartyView: z
    .enum(['agree', 'object', 'silent'], { error: '第三方意见应为同意、不同意或逾期未提出' })
    .optional(),
  /** answer (第三十六条) */
  answerType: AnswerType.optional(),
  /** partial (第三十七条): what is disclosed and what is withheld, with the reason */
  disclosedPart: Text(1000, { lines: true, min: 2 }).optional(),
  withheldPart: Text(1000, { lines: true, min: 2 }).optional(),
  /** 信息处理费 in yuan (第四十二条) and its basis */
  fee: z.number().min(0, '信息处理费不能为负数').max(1_000_000, '信息处理费数额过大').optional(),
  feeBasis: Text(500, { min: 2 }).optional(),
  documentNo: Text(60, { min: 2 }).optional(),
  /** serve: 送达方式 */
  method: Text(30, { min: 2 }).optional(),
  note: Text(1000, { lines: true }).optional(),
});
export type DisclosureActionData = z.infer<typeof DisclosureActionData>;
