import type { DomainModule } from './module.js';
import { enforcementModule } from './enforcement/module.js';
import { inspectionModule } from './inspection/module.js';
import { orgModule } from './org/module.js';
import { planningModule } from './planning/module.js';
import { powersModule } from './powers/module.js';
import { disputesModule } from './disputes/module.js';
import { legalityModule } from './legality/module.js';
import { oversightModule } from './oversight/module.js';
import { requestsModule } from './requests/module.js';

/** Every domain of the platform, in menu order. A new domain adds one line here. */
export const domainModules: readonly DomainModule[] = [
  orgModule,
  enforcementModule,
  powersModule,
  inspectionModule,
  planningModule,
  disputesModule,
  legalityModule,
  oversightModule,
  requestsModule,
];

export function allPermissions() {
  return domainModules.flatMap((m) => m.permissions);
}

export function knownPermissionCodes(): ReadonlySet<string> {
  return new Set(allPermissions().map((p) => p.code));
}

/** Every domain's recompute of its stored due dates, run by a holiday-arrangement load. */
export const dueDateRecomputes = domainModules.flatMap((m) =>
  m.recomputeDueDates ? [m.recomputeDueDates] : [],
);
