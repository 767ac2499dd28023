/** Permission strings of 合法性审查 · 规范性文件 · 法律顾问. */
export const legalityPermissions = [
  { code: 'legality:review:list', name: '查看合法性审查', group: '合法性审查' },
  { code: 'legality:review:submit', name: '报送合法性审查、反馈意见采纳情况', group: '合法性审查' },
  { code: 'legality:review:handle', name: '办理合法性审查、备案审查和清理', group: '合法性审查' },
  { code: 'legality:document:list', name: '查看规范性文件', group: '合法性审查' },
  { code: 'legality:document:edit', name: '起草、报送、公布和报备规范性文件', group: '合法性审查' },
  { code: 'legality:decision:list', name: '查看重大行政决策', group: '合法性审查' },
  { code: 'legality:decision:edit', name: '编制决策事项目录、办理重大行政决策程序', group: '合法性审查' },
  { code: 'legality:comment:moderate', name: '审核公众意见并反馈采纳情况', group: '合法性审查' },
  { code: 'legality:adviser:list', name: '查看法律顾问和公职律师', group: '合法性审查' },
  { code: 'legality:adviser:edit', name: '登记法律顾问、公职律师及其工作', group: '合法性审查' },
  { code: 'legality:settings:edit', name: '设置审查期限和文号格式', group: '合法性审查' },
] as const;

export type LegalityPermission = (typeof legalityPermissions)[number]['code'];
