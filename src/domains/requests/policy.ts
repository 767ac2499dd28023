import { permissionGroup } from '../permission-group.js';

/** Permission strings of 群众诉求与建议提案 (requests). */
export const requestsPermissions = [
  ...permissionGroup('政务公开', {
    'requests:disclosure:list': '查看政府信息公开申请和主动公开登记',
    'requests:disclosure:edit': '办理政府信息公开申请、登记主动公开',
  }),
  ...permissionGroup('信访', {
    'requests:petition:list': '查看信访台账和领导接访',
    'requests:petition:edit': '登记办理信访事项、登记领导接访',
  }),
  ...permissionGroup('矛盾纠纷调解', {
    'requests:mediation:list': '查看调解台账和调解委员会',
    'requests:mediation:edit': '登记办理调解案件、维护调解委员会',
  }),
  ...permissionGroup('公共法律服务', {
    'requests:legalService:list': '查看法律援助、法律咨询和法律顾问台账',
    'requests:legalService:edit': '办理法律援助、登记法律咨询和法律顾问工作',
  }),
  ...permissionGroup('建议提案', {
    'requests:proposal:list': '查看人大建议政协提案和人大监督登记',
    'requests:proposal:edit': '办理建议提案、登记人大监督活动',
  }),
  ...permissionGroup('信访', {
    'requests:settings:edit': '维护诉求办理设置(退回期限、接访日、临期天数)',
  }),
];

export type RequestsPermission = (typeof requestsPermissions)[number]['code'];
