import type { LedgerSpec } from '../ledger-kit.js';

/** 普法责任制“三单一书” (谁执法谁普法: 中办发〔2017〕31号): per org and year. */
export const publicityLists: LedgerSpec = {
  key: 'publicityList',
  table: 'oversight_publicity_list',
  title: '普法“三单一书”',
  dateLabel: '印发日期',
  fields: [
    {
      key: 'responsibilityList',
      column: 'responsibility_list',
      label: '普法责任清单',
      kind: 'longText',
      required: true,
    },
    { key: 'taskList', column: 'task_list', label: '普法任务清单', kind: 'longText', required: true },
    { key: 'dutyList', column: 'duty_list', label: '普法履职清单', kind: 'longText', required: true },
    { key: 'reminderIssuedOn', column: 'reminder_issued_on', label: '提示书送达日期', kind: 'date' },
  ],
};

export const activityKinds = {
  campaign: '集中宣传活动',
  lecture: '法治讲座',
  consultation: '法律咨询',
  exhibition: '法治展览',
  online: '网络推送',
} as const;
export const activityChannels = {
  onSite: '现场',
  weibo: '微博',
  wechat: '微信',
  sms: '短信',
  media: '广播电视报刊',
} as const;

export const publicityActivities: LedgerSpec = {
  key: 'publicity',
  table: 'oversight_publicity_activity',
  title: '普法活动',
  dateLabel: '活动日期',
  fields: [
    { key: 'kind', column: 'kind', label: '活动形式', kind: 'enum', required: true, options: activityKinds },
    {
      key: 'channel',
      column: 'channel',
      label: '渠道',
      kind: 'enum',
      required: true,
      options: activityChannels,
    },
    { key: 'title', column: 'title', label: '活动名称', kind: 'text', required: true, max: 200 },
    { key: 'audience', column: 'audience', label: '受众', kind: 'text', max: 100 },
    { key: 'participants', column: 'participants', label: '参与人数', kind: 'int' },
    { key: 'materials', column: 'materials', label: '发放资料(份)', kind: 'int' },
    { key: 'messages', column: 'messages', label: '推送信息(条)', kind: 'int' },
  ],
};

export const caseExplanations: LedgerSpec = {
  key: 'caseExplanation',
  table: 'oversight_case_explanation',
  title: '以案释法',
  dateLabel: '发布日期',
  fields: [
    { key: 'title', column: 'title', label: '案例标题', kind: 'text', required: true, max: 200 },
    { key: 'caseNo', column: 'case_no', label: '关联案件编号', kind: 'text', max: 60 },
    { key: 'channel', column: 'channel', label: '发布渠道', kind: 'text', max: 100 },
    { key: 'summary', column: 'summary', label: '释法要点', kind: 'longText', max: 4000 },
  ],
};
