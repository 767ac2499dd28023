import { permissionGroup } from '../permission-group.js';

/** Permission strings of the disputes domain (行政复议 · 行政应诉 · 检察建议/司法建议). */
export const disputesPermissions = permissionGroup('复议应诉', {
  'disputes:reconsideration:list': '查看行政复议案件',
  'disputes:reconsideration:edit': '办理行政复议案件(复议机构)',
  'disputes:litigation:list': '查看行政应诉案件',
  'disputes:litigation:edit': '登记行政应诉案件、庭审和出庭',
  'disputes:suggestion:list': '查看检察建议和司法建议',
  'disputes:suggestion:edit': '登记、答复检察建议和司法建议',
});

export type DisputesPermission = (typeof disputesPermissions)[number]['code'];
