import type { FileStore } from '../platform/files/index.js';
import type { PortalLink } from '../platform/http/portal-page.js';
import type { Ctx } from '../platform/context.js';
import type { RecomputeDueDates } from '../platform/calendar/recompute.js';
import type { MetricDefinition } from '../platform/metrics/types.js';
import type { AppOptions, TypedApp } from '../platform/http/types.js';

/** What a domain contributes to the platform; src/domains/index.ts lists them. */
export interface DomainModule {
  key: string;
  /** Chinese menu title */
  title: string;
  /** permission strings with Chinese names, for the role editor */
  permissions: readonly { code: string; name: string; group: string }[];
  /** a permission that makes the module appear in the menu; omitted = always */
  menuPermission?: string;
  registerRoutes?: (app: TypedApp, opts: AppOptions) => void;
  /** links of this domain's public pages (/portal/…), in the public site's navigation */
  portalLinks?: readonly PortalLink[];
  /** figures this domain computes (src/report/registry.ts collects them) */
  metrics?: readonly MetricDefinition[];
  /**
   * Recomputes this domain's stored due dates from each record's log after a year's holiday
   * arrangement is loaded or corrected, inside the load's transaction. Omitted by a domain whose
   * dates are calendar-day or typed in (they do not depend on the arrangement).
   */
  recomputeDueDates?: RecomputeDueDates;
  /** demo builders, run in order after the org seed (they go through services) */
  seed?: (
    ctx: Ctx,
    opts: {
      year: number;
      today: string;
      log: (msg: string) => void;
      files?: FileStore | undefined;
      /** fraction of the full demo volume (tests seed a small county) */
      scale?: number | undefined;
    },
  ) => Promise<void>;
}
