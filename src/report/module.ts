import type { DomainModule } from '../domains/module.js';
import { registerAssessmentScoringRoutes } from './assessment-routes.js';
import { registerDisclosureReportRoutes } from './disclosure-annual-routes.js';
import { registerReportRoutes } from './planning/report-routes.js';
import { registerPlanningRoutes } from './planning/routes.js';
import { seedPlanning } from './planning/seed.js';

/**
 * The report layer's part of the running platform: the routes of figures, data calls, the annual
 * reports, the 驾驶舱, reminders, the 政务公开 annual report and 考评 scoring, and the demo's data
 * calls and published report. They read every domain's figures, so they sit above the domains
 * (platform ← domains ← report ← server / cli / web): the server registers them after the domains'
 * routes and the demo runs their seed after every domain's.
 */
export const reportLayer: Required<Pick<DomainModule, 'registerRoutes' | 'seed'>> = {
  registerRoutes: (app, opts) => {
    registerPlanningRoutes(app, opts);
    registerReportRoutes(app, opts);
    registerDisclosureReportRoutes(app, opts);
    registerAssessmentScoringRoutes(app, opts);
  },
  seed: seedPlanning,
};
