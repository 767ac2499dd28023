/** Permission strings of the disputes domain (行政复议 · 行政应诉 · 检察建议/司法建议). */
export const disputesPermissions = [
  { code: 'disputes:reconsideration:list', name: '查看行政复议案件', group: '复议应诉' },
  { code: 'disputes:reconsideration:edit', name: '办理行政复议案件(复议机构)', group: '复议应诉' },
  { code: 'disputes:litigation:list', name: '查看行政应诉案件', group: '复议应诉' },
  { code: 'disputes:litigation:edit', name: '登记行政应诉案件、庭审和出庭', group: '复议应诉' },
  { code: 'disputes:suggestion:list', name: '查看检察建议和司法建议', group: '复议应诉' },
  { code: 'disputes:suggestion:edit', name: '登记、答复检察建议和司法建议', group: '复议应诉' },
] as const;

export type DisputesPermission = (typeof disputesPermissions)[number]['code'];
