import type { DomainModule } from '../module.js';
import { legalityPermissions } from './policy.js';

export const legalityModule: DomainModule = {
  key: 'legality',
  title: '合法性审查',
  permissions: legalityPermissions,
  menuPermission: 'legality:review:list',
};
