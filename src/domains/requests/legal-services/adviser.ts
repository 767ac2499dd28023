import { entryKinds } from '../core/entry-kinds.js';

/** 村(居)法律顾问 work kinds (the adviserActivity register's categories). */
export const adviserActivityLabels = entryKinds.adviserActivity.categories;
export type AdviserActivityKind = keyof typeof adviserActivityLabels;
