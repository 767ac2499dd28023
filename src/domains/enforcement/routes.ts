import type { AppOptions, TypedApp } from '../../platform/http/types.js';
import { registerPublicationPortal } from './portal-publication-pages.js';
import { registerCaseImportRoutes } from './routes-case-import.js';
import { registerCaseRoutes } from './routes-cases.js';
import { registerOfficerRoutes } from './routes-officers.js';
import { registerPowerRoutes } from './routes-powers.js';
import { registerReferralRoutes } from './routes-referrals.js';

/** Every route of the enforcement domain (行政执法), under /api/enforcement/. */
export function registerEnforcementRoutes(app: TypedApp, opts: AppOptions): void {
  registerOfficerRoutes(app, opts);
  registerPowerRoutes(app, opts);
  registerCaseRoutes(app, opts);
  registerPublicationPortal(app, opts);
  registerReferralRoutes(app, opts);
  registerCaseImportRoutes(app, opts);
}
