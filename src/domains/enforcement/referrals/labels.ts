/**
 * 两法衔接 (行政执法机关移送涉嫌犯罪案件的规定, 2020 rev.): the Chinese names of a referral's acts,
 * in the order the 规定 takes them, and of its statuses. No imports: the web app reads them without
 * pulling zod into the browser bundle (schema.ts builds the enums).
 */
export const referralActionLabels = {
  report: '提出移送(专案组报告)',
  approve: '负责人批准移送',
  refuse: '负责人不批准移送',
  handOver: '移送公安机关',
  accept: '公安机关受理',
  file: '公安机关立案',
  decline: '公安机关不予立案',
  requestReconsideration: '提请公安机关复议',
  reconsiderFiled: '复议决定立案',
  reconsiderUpheld: '复议维持不予立案',
  requestSupervision: '提请检察院立案监督',
  transferExhibits: '移交涉案物品和材料',
  close: '结案',
} as const;

export const referralStatusLabels = {
  reported: '待负责人审批',
  refused: '不批准移送',
  approved: '已批准待移送',
  handedOver: '已移送待受理',
  accepted: '公安审查中',
  filed: '公安已立案',
  declined: '公安不予立案',
  reconsidering: '复议中',
  upheld: '复议维持不立案',
  supervising: '检察监督中',
  exhibitsTransferred: '涉案物品已移交',
  closed: '已结案',
} as const;
