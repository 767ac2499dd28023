import { permissionGroup } from '../permission-group.js';

/** Permission strings of 合法性审查 · 规范性文件 · 法律顾问. */
export const legalityPermissions = permissionGroup('合法性审查', {
  'legality:review:list': '查看合法性审查',
  'legality:review:submit': '报送合法性审查、反馈意见采纳情况',
  'legality:review:handle': '办理合法性审查、备案审查和清理',
  'legality:document:list': '查看规范性文件',
  'legality:document:edit': '起草、报送、公布和报备规范性文件',
  'legality:decision:list': '查看重大行政决策',
  'legality:decision:edit': '编制决策事项目录、办理重大行政决策程序',
  'legality:comment:moderate': '审核公众意见并反馈采纳情况',
  'legality:adviser:list': '查看法律顾问和公职律师',
  'legality:adviser:edit': '登记法律顾问、公职律师及其工作',
  'legality:settings:edit': '设置审查期限和文号格式',
});

export type LegalityPermission = (typeof legalityPermissions)[number]['code'];
