import type { LedgerSpec } from '../ledger-kit.js';

export const transferKinds = {
  license: '划转行政许可事项',
  otherPower: '划转其他行政权力事项',
  entrustedReview: '委托受理(审核转报)事项',
  entrustedService: '委托受理(公共服务)事项',
} as const;

/**
 * 机构职能: functions moved to an org (the entry's org receives them) from another — 相对集中行政
 * 许可权改革 (行政许可法 第二十五条), entrusted acceptance, and the staff and posts moved with them.
 */
export const functionTransfers: LedgerSpec = {
  key: 'functionTransfer',
  table: 'oversight_function_transfer',
  title: '职能划转',
  dateLabel: '划转日期',
  fields: [
    { key: 'fromOrg', column: 'from_org', label: '划出单位', kind: 'text', required: true, max: 100 },
    { key: 'kind', column: 'kind', label: '划转类别', kind: 'enum', required: true, options: transferKinds },
    { key: 'batch', column: 'batch', label: '批次', kind: 'int', required: true, min: 1, upper: 20 },
    { key: 'items', column: 'items', label: '事项数(项)', kind: 'int', required: true },
    { key: 'staffMoved', column: 'staff_moved', label: '转隶人员(人)', kind: 'int' },
    { key: 'staffingMoved', column: 'staffing_moved', label: '划转编制(个)', kind: 'int' },
  ],
};
