import type { DomainModule } from '../module.js';
import { orgPermissions } from './permissions.js';
import { registerOrgRoutes } from './routes.js';

export const orgModule: DomainModule = {
  key: 'admin',
  title: '系统管理',
  permissions: orgPermissions,
  menuPermission: 'system:org:list',
  registerRoutes: registerOrgRoutes,
};
