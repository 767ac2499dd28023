/** Permission strings of 群众诉求与建议提案 (requests). */
export const requestsPermissions = [
  { code: 'requests:disclosure:list', name: '查看政府信息公开申请和主动公开登记', group: '政务公开' },
  { code: 'requests:disclosure:edit', name: '办理政府信息公开申请、登记主动公开', group: '政务公开' },
  { code: 'requests:petition:list', name: '查看信访台账和领导接访', group: '信访' },
  { code: 'requests:petition:edit', name: '登记办理信访事项、登记领导接访', group: '信访' },
  { code: 'requests:mediation:list', name: '查看调解台账和调解委员会', group: '矛盾纠纷调解' },
  { code: 'requests:mediation:edit', name: '登记办理调解案件、维护调解委员会', group: '矛盾纠纷调解' },
  { code: 'requests:legalService:list', name: '查看法律援助、法律咨询和法律顾问台账', group: '公共法律服务' },
  {
    code: 'requests:legalService:edit',
    name: '办理法律援助、登记法律咨询和法律顾问工作',
    group: '公共法律服务',
  },
  { code: 'requests:proposal:list', name: '查看人大建议政协提案和人大监督登记', group: '建议提案' },
  { code: 'requests:proposal:edit', name: '办理建议提案、登记人大监督活动', group: '建议提案' },
  { code: 'requests:settings:edit', name: '维护诉求办理设置(退回期限、接访日、临期天数)', group: '信访' },
] as const;

export type RequestsPermission = (typeof requestsPermissions)[number]['code'];
