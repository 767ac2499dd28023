import type { AppOptions, TypedApp } from '../../server/types.js';
import { registerPublicationPortal } from './portal-publication-pages.js';
import { registerCaseRoutes } from './routes-cases.js';
import { registerOfficerRoutes } from './routes-officers.js';
import { registerPowerRoutes } from './routes-powers.js';

/** Every route of the enforcement domain (行政执法), under /api/enforcement/. */
export function registerEnforcementRoutes(app: TypedApp, opts: AppOptions): void {
  registerOfficerRoutes(app, opts);
  registerPowerRoutes(app, opts);
  registerCaseRoutes(app, opts);
  registerPublicationPortal(app, opts);
}
