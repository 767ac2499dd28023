import type { AppOptions, TypedApp } from '../../platform/http/types.js';
import { registerPublicationPortal } from './publications/portal-pages.js';
import { registerCaseImportRoutes } from './cases/import/routes.js';
import { registerCaseRoutes } from './cases/routes.js';
import { registerOfficerRoutes } from './officers/routes.js';
import { registerPowerRoutes } from './power-list/routes.js';
import { registerReferralRoutes } from './referrals/routes.js';

/** Every route of the enforcement domain (行政执法), under /api/enforcement/. */
export function registerEnforcementRoutes(app: TypedApp, opts: AppOptions): void {
  registerOfficerRoutes(app, opts);
  registerPowerRoutes(app, opts);
  registerCaseRoutes(app, opts);
  registerPublicationPortal(app, opts);
  registerReferralRoutes(app, opts);
  registerCaseImportRoutes(app, opts);
}
