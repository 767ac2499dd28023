import type { Figure } from '../platform/metrics/types.js';
import { domainName, moduleMetrics } from './registry.js';

/** A figure counted from records (a module metric) over a year, as the registry hands it to the composer. */
export function computedFigure(
  metricId: string,
  value: number | null,
  at: { orgId: string; orgName: string; year: number },
): Figure {
  const d = moduleMetrics().find((x) => x.id === metricId);
  if (!d) throw new Error(`unknown ${metricId}`);
  return {
    metricId,
    name: d.name,
    unit: d.unit,
    definition: d.definition,
    domain: d.domain,
    domainName: domainName(d.domain),
    source: 'computed',
    value,
    orgId: at.orgId,
    orgName: at.orgName,
    from: `${at.year}-01-01`,
    to: `${at.year}-12-31`,
  };
}
