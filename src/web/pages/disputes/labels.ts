import type {
  appearerRoleLabels,
  excuseGroundLabels,
  instanceLabels,
  lawsuitOutcomeLabels,
} from '../../../domains/disputes/litigation/schema.js';
import type {
  actKindLabels,
  channelLabels,
  outcomeLabels,
  procedureLabels,
  reconStatusLabels,
  subjectAreaLabels,
  suspensionGroundLabels,
  terminationGroundLabels,
} from '../../../domains/disputes/reconsideration/schema.js';
import type { suggestionKindLabels } from '../../../domains/disputes/suggestions/schema.js';
import { optionsOf } from '../../components/options.js';

/**
 * Option lists of the 复议应诉 forms: the server labels of each schema.ts under src/domains/disputes,
 * imported type-only (no zod in the bundle), so a copy that drifts from them fails the type check.
 */

export const outcomeOptions = optionsOf({
  change: '变更',
  revoke: '撤销',
  confirmUnlawful: '确认违法',
  orderPerformance: '责令履行',
  confirmInvalid: '确认无效',
  uphold: '维持',
  dismissRequest: '驳回复议请求',
  dismissApplication: '驳回复议申请',
  agreementRemedy: '行政协议责令履行或补偿',
  compensation: '行政赔偿',
  mediation: '调解',
} satisfies typeof outcomeLabels);
/** 简易程序 decides without these (convert to 普通 first, 第五十五条) */
export const NOT_SIMPLE = new Set(['confirmInvalid', 'agreementRemedy', 'compensation']);

export const suspensionOptions = optionsOf({
  death: '申请人死亡,须等待近亲属表明是否参加复议',
  incapacity: '申请人丧失参加复议的行为能力,尚未确定法定代理人',
  entityEnded: '申请人终止,尚未确定权利义务承受人',
  forceMajeure: '因不可抗力或其他正当理由不能参加复议',
  awaitingOtherCase: '案件涉及法律适用问题或须以其他案件审理结果为依据',
  awaitingNormReview: '正在依法处理有关规范性文件或依据的附带审查',
  mediationSettlement: '当事人同意调解或和解,需要中止',
  lostContact: '申请人下落不明',
  other: '其他需要中止的情形',
} satisfies typeof suspensionGroundLabels);
/** the codes of the server's grounds; 刑事强制措施 is worded shorter than the statute's text, to fit the select */
export const terminationOptions = optionsOf({
  withdrawal: '申请人撤回行政复议申请,行政复议机构准予撤回',
  settlement: '当事人达成和解,申请人撤回申请',
  deathNoHeir: '申请人死亡,没有近亲属或者近亲属放弃复议权利',
  entityEnded: '申请人终止,其权利义务承受人放弃复议权利',
  detentionChange: '因同一违法行为涉嫌犯罪被采取刑事强制措施',
  suspensionExpired: '中止满六十日中止原因仍未消除',
} satisfies Record<keyof typeof terminationGroundLabels, string>);
export const procedureOptions = optionsOf({
  ordinary: '普通程序',
  simple: '简易程序',
} satisfies typeof procedureLabels);
export const channelOptions = optionsOf({
  inPerson: '当面递交',
  mail: '邮寄',
  transfer: '被申请人转交',
} satisfies Omit<typeof channelLabels, 'online'>);
export const channelFilterOptions = optionsOf({
  inPerson: '当面递交',
  mail: '邮寄',
  online: '网上申请',
  transfer: '被申请人转交',
} satisfies typeof channelLabels);
export const actKindOptions = optionsOf({
  penalty: '行政处罚',
  coercion: '行政强制',
  license: '行政许可',
  infoDisclosure: '政府信息公开',
  resourceOwnership: '自然资源权属确认',
  nonPerformance: '不履行法定职责',
  complaintHandling: '举报投诉处理',
  agreement: '行政协议',
  other: '其他行政行为',
} satisfies typeof actKindLabels);
export const reconStatusOptions = optionsOf({
  received: '待审查',
  correcting: '补正中',
  accepted: '审理中',
  suspended: '中止',
  decided: '已决定',
  terminated: '已终止',
  rejected: '不予受理',
  withdrawn: '已撤回',
  archived: '已归档',
} satisfies typeof reconStatusLabels);
export const instanceOptions = optionsOf({
  first: '一审',
  second: '二审',
  retrial: '再审',
} satisfies typeof instanceLabels);
export const lawsuitOutcomeOptions = optionsOf({
  dismissClaim: '判决驳回诉讼请求',
  revoke: '判决撤销',
  confirmUnlawful: '判决确认违法',
  confirmInvalid: '判决确认无效',
  performance: '判决履行',
  change: '判决变更',
  compensation: '判决赔偿',
  dismissSuit: '裁定驳回起诉',
  withdrawn: '撤诉',
  mediation: '调解',
} satisfies typeof lawsuitOutcomeLabels);
export const appearerRoleOptions = optionsOf({
  principal: '正职负责人',
  deputy: '副职负责人',
  deputyInCharge: '参与分管被诉行为的副职级负责人',
  otherInCharge: '其他参与分管的负责人',
  staff: '工作人员',
  entrustedHead: '受委托组织的负责人',
  subordinateHead: '下级行政机关的负责人',
} satisfies typeof appearerRoleLabels);
/** 出庭应诉规定 第二条: these count as 负责人; anyone else needs an excuse (第八条) */
export const HEAD_ROLES = new Set(['principal', 'deputy', 'deputyInCharge', 'otherInCharge']);
export const excuseOptions = optionsOf({
  forceMajeure: '不可抗力',
  accident: '意外事件',
  irreplaceableDuty: '需要履行他人不能代替的公务',
  other: '其他正当事由',
} satisfies typeof excuseGroundLabels);
export const suggestionKindOptions = optionsOf({
  publicInterest: '行政公益诉讼诉前检察建议',
  administrativeViolation: '行政违法行为监督检察建议',
  nonLitigationEnforcement: '行政非诉执行监督检察建议',
  civilEnforcement: '民事执行活动监督检察建议',
  civilTrial: '民事审判监督检察建议',
  socialGovernance: '社会治理检察建议',
  judicial: '司法建议',
} satisfies typeof suggestionKindLabels);
export const subjectAreaOptions = optionsOf({
  landExpropriation: '征地拆迁(含房屋征收)',
  naturalResources: '自然资源',
  housing: '住房和城乡建设',
  publicSecurity: '公安',
  market: '市场监管',
  humanResources: '人力资源和社会保障',
  ecology: '生态环境',
  transport: '交通运输',
  other: '其他领域',
} satisfies typeof subjectAreaLabels);
