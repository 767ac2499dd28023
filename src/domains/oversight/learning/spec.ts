import type { LedgerSpec } from '../ledger-kit.js';

export const studySessionKinds = {
  centralGroup: '理论学习中心组学法',
  preMeeting: '常务会议会前学法',
  partyGroup: '党委(党组)集体学法',
  lecture: '法治讲座',
} as const;

/** 学法: 党政主要负责人履行推进法治建设第一责任人职责规定 第六条 (会前学法、集体学法). */
export const studySessions: LedgerSpec = {
  key: 'study',
  table: 'oversight_study_session',
  title: '学法活动',
  dateLabel: '学法日期',
  fields: [
    {
      key: 'kind',
      column: 'kind',
      label: '学法形式',
      kind: 'enum',
      required: true,
      options: studySessionKinds,
    },
    { key: 'topic', column: 'topic', label: '学习主题', kind: 'text', required: true, max: 200 },
    { key: 'laws', column: 'laws', label: '学习的法律法规', kind: 'longText', max: 2000 },
    { key: 'lecturer', column: 'lecturer', label: '主讲人', kind: 'text', max: 100 },
    { key: 'attendees', column: 'attendees', label: '参加人数', kind: 'int', required: true, upper: 100000 },
  ],
};

/** 任前考法: 领导干部任职前法律知识考查 (中办发〔2016〕 关于完善国家工作人员学法用法制度的意见). */
export const exams: LedgerSpec = {
  key: 'exam',
  table: 'oversight_exam',
  title: '任前考法',
  dateLabel: '考试日期',
  fields: [
    { key: 'title', column: 'title', label: '考试名称', kind: 'text', required: true, max: 200 },
    {
      key: 'passMark',
      column: 'pass_mark',
      label: '合格分数',
      kind: 'int',
      required: true,
      min: 1,
      upper: 100,
    },
  ],
  children: {
    table: 'oversight_exam_candidate',
    key: 'candidates',
    label: '参考人员',
    fields: [
      { key: 'personName', column: 'person_name', label: '姓名', kind: 'text', required: true, max: 50 },
      { key: 'position', column: 'position', label: '拟任职务', kind: 'text', max: 100 },
      { key: 'score', column: 'score', label: '成绩', kind: 'int', upper: 100 },
    ],
  },
};

export const dutyReportModes = { onSite: '现场述法', written: '书面述法' } as const;
export const dutyReportRatings = { good: '好', fair: '较好', poor: '一般' } as const;

/** 述法: 党政主要负责人履行推进法治建设第一责任人职责规定 第十一条 (年终述职述法). */
export const dutyReports: LedgerSpec = {
  key: 'dutyReport',
  table: 'oversight_duty_report',
  title: '述法',
  dateLabel: '述法日期',
  fields: [
    {
      key: 'mode',
      column: 'mode',
      label: '述法方式',
      kind: 'enum',
      required: true,
      options: dutyReportModes,
    },
    { key: 'reporter', column: 'reporter', label: '述法人', kind: 'text', required: true, max: 100 },
    { key: 'rating', column: 'rating', label: '评议结果', kind: 'enum', options: dutyReportRatings },
    { key: 'score', column: 'score', label: '评议得分', kind: 'int', upper: 100 },
  ],
};

export const trainingProviders = {
  partySchool: '党校(行政学院)',
  department: '部门自行组织',
  online: '网络学法',
  other: '其他',
} as const;

/** 法治培训: officers' yearly hours come from the attendance rows (行政执法人员每年不少于 60 学时, 国办发〔2018〕118号). */
export const trainings: LedgerSpec = {
  key: 'training',
  table: 'oversight_training_course',
  title: '法治培训',
  dateLabel: '培训日期',
  fields: [
    { key: 'title', column: 'title', label: '培训课程', kind: 'text', required: true, max: 200 },
    {
      key: 'provider',
      column: 'provider',
      label: '举办方式',
      kind: 'enum',
      required: true,
      options: trainingProviders,
    },
    {
      key: 'hours',
      column: 'hours',
      label: '课程学时',
      kind: 'decimal',
      required: true,
      min: 0.5,
      upper: 500,
    },
  ],
  children: {
    table: 'oversight_training_attendance',
    key: 'attendees',
    label: '参训人员',
    fields: [
      { key: 'personName', column: 'person_name', label: '姓名', kind: 'text', required: true, max: 50 },
      { key: 'position', column: 'position', label: '职务', kind: 'text', max: 100 },
      { key: 'hours', column: 'hours', label: '获得学时', kind: 'decimal', required: true, upper: 500 },
    ],
  },
};
