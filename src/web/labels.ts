import type { DataScope } from './api/types.js';
import { dataScopeLabels as serverDataScopeLabels, orgKindLabels } from '../domains/org/labels.js';
import { optionsOf } from './components/options.js';

/** The org kinds as select options (the server's table, src/domains/org/labels.ts). */
export const orgKindOptions = optionsOf(orgKindLabels);

/** keyed by the server's DataScope; 自定义 is worded shorter than the server's 自定义机构 */
export const dataScopeLabels: Record<DataScope, string> = { ...serverDataScopeLabels, custom: '自定义' };

export const dataScopeOptions = (Object.keys(dataScopeLabels) as DataScope[]).map((value) => ({
  value,
  label: dataScopeLabels[value],
}));

export const activeOptions = [
  { value: 'true', label: '启用' },
  { value: 'false', label: '停用' },
];
