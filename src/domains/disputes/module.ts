import type { DomainModule } from '../module.js';
import { disputesPermissions } from './policy.js';

export const disputesModule: DomainModule = {
  key: 'disputes',
  title: '复议应诉',
  permissions: disputesPermissions,
  menuPermission: 'disputes:reconsideration:list',
};
