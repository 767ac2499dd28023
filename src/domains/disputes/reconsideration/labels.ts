/** The Chinese names of the 行政复议 codes: no zod here, so the web imports them as values. */

/** 申请方式: the receipt date follows it (行政复议法 第二十二条、第三十二条). */
export const channelLabels = {
  inPerson: '当面递交',
  mail: '邮寄',
  online: '网上申请',
  transfer: '被申请人转交',
} as const;

/** The kind of contested act (decides 复议前置, art. 23, and 简易 eligibility, art. 53). */
export const actKindLabels = {
  penalty: '行政处罚',
  coercion: '行政强制',
  license: '行政许可',
  infoDisclosure: '政府信息公开',
  resourceOwnership: '自然资源权属确认',
  nonPerformance: '不履行法定职责',
  complaintHandling: '举报投诉处理',
  agreement: '行政协议',
  other: '其他行政行为',
} as const;

/** 争议领域: the field of administration a dispute arises in, as offices break their figures down. */
export const subjectAreaLabels = {
  landExpropriation: '征地拆迁(含房屋征收)',
  naturalResources: '自然资源',
  housing: '住房和城乡建设',
  publicSecurity: '公安',
  market: '市场监管',
  humanResources: '人力资源和社会保障',
  ecology: '生态环境',
  transport: '交通运输',
  other: '其他领域',
} as const;

/** The short name in a figure's name (行政复议申请收到数·征地拆迁). */
export const subjectAreaShort = {
  landExpropriation: '征地拆迁',
  naturalResources: '自然资源',
  housing: '住房城乡建设',
  publicSecurity: '公安',
  market: '市场监管',
  humanResources: '人社',
  ecology: '生态环境',
  transport: '交通运输',
  other: '其他领域',
} as const satisfies Record<keyof typeof subjectAreaLabels, string>;

export const penaltyTypeLabels = {
  warning: '警告',
  criticism: '通报批评',
  fine: '罚款',
  confiscation: '没收违法所得、没收非法财物',
  suspension: '暂扣许可证件、限制开展生产经营活动',
  revocation: '吊销许可证件、责令停产停业',
  detention: '行政拘留',
} as const;

export const procedureLabels = { ordinary: '普通程序', simple: '简易程序' } as const;

/** 复议决定的类型 (行政复议法 第六十三条至第七十三条; 驳回申请 第三十三条). */
export const outcomeLabels = {
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
} as const;

export const outcomeArticles = {
  change: '第六十三条',
  revoke: '第六十四条',
  confirmUnlawful: '第六十五条',
  orderPerformance: '第六十六条',
  confirmInvalid: '第六十七条',
  uphold: '第六十八条',
  dismissRequest: '第六十九条',
  dismissApplication: '第三十三条',
  agreementRemedy: '第七十一条',
  compensation: '第七十二条',
  mediation: '第七十三条',
} as const satisfies Record<keyof typeof outcomeLabels, string>;

/** 终止 grounds (第四十一条); 和解 leads to 撤回 and 终止 (第七十四条). */
export const terminationGroundLabels = {
  withdrawal: '申请人撤回行政复议申请,行政复议机构准予撤回',
  settlement: '当事人达成和解,申请人撤回申请',
  deathNoHeir: '申请人死亡,没有近亲属或者近亲属放弃复议权利',
  entityEnded: '申请人终止,其权利义务承受人放弃复议权利',
  detentionChange: '申请人对行政拘留或强制措施不服申请复议后,因同一违法行为涉嫌犯罪被采取刑事强制措施',
  suspensionExpired: '中止满六十日中止原因仍未消除',
} as const;

/** 中止 grounds (第三十九条, abbreviated). */
export const suspensionGroundLabels = {
  death: '申请人死亡,须等待近亲属表明是否参加复议',
  incapacity: '申请人丧失参加复议的行为能力,尚未确定法定代理人',
  entityEnded: '申请人终止,尚未确定权利义务承受人',
  forceMajeure: '因不可抗力或其他正当理由不能参加复议',
  awaitingOtherCase: '案件涉及法律适用问题或须以其他案件审理结果为依据',
  awaitingNormReview: '正在依法处理有关规范性文件或依据的附带审查',
  mediationSettlement: '当事人同意调解或和解,需要中止',
  lostContact: '申请人下落不明',
  other: '其他需要中止的情形',
} as const;

/** The acts of a 复议 case, in the order the 行政复议法 takes them. */
export const reconActionLabels = {
  apply: '收到复议申请',
  requestCorrection: '通知补正',
  supplyCorrection: '收到补正材料',
  correctionLapsed: '逾期未补正,视为放弃申请',
  accept: '受理',
  deemAccept: '审查期限届满,视为受理',
  reject: '不予受理',
  withdraw: '申请人撤回申请',
  recordMediation: '调解记录',
  requestNormReview: '申请附带审查规范性文件',
  convertToOrdinary: '简易程序转为普通程序',
  sendCopy: '向被申请人发送申请书副本',
  receiveAnswer: '收到被申请人答复和证据',
  noticeHearing: '发出听证通知',
  holdHearing: '举行听证',
  suspend: '中止审理',
  resume: '恢复审理',
  extend: '延长审理期限',
  terminate: '终止审理',
  decide: '作出复议决定',
  serve: '送达',
  publish: '公开复议决定书',
  issueOpinion: '制发行政复议意见书/建议书',
  receiveCorrectionReport: '收到整改情况报告',
  archive: '归档',
} as const;

export const reconStatusLabels = {
  received: '待审查',
  correcting: '补正中',
  accepted: '审理中',
  suspended: '中止',
  decided: '已决定',
  terminated: '已终止',
  rejected: '不予受理',
  withdrawn: '已撤回',
  archived: '已归档',
} as const;
