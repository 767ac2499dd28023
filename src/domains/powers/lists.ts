import { discretionList } from './discretion.js';
import { leniencyList } from './leniency.js';
import { licenseList } from './license.js';
import { matterList } from './matter.js';

/** The four lists by their URL segment under /api/powers/. */
export const lists = {
  licenses: licenseList,
  matters: matterList,
  'leniency-items': leniencyList,
  'discretion-standards': discretionList,
} as const;
