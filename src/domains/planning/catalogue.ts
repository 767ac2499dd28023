import catalogue from './reported-metrics.json' with { type: 'json' };

/** A figure that lives in another system and reaches the platform through a data call. */
export interface ReportedMetricSpec {
  id: string;
  name: string;
  unit: string;
  definition: string;
  /** reported-figure group: a GLOSSARY code name (reconsideration, litigation …) */
  group: string;
  /** the group in Chinese, as the seed reports name the field */
  groupName: string;
  additive: boolean;
  /**
   * flow (added over the period, the default when additive), stock (a count as of a day: 人数,
   * 事项数 — the latest filing, never added across calls) or ratio (never summed)
   */
  kind?: 'flow' | 'stock' | 'ratio';
  /** units the seed reports also use for the same figure (起 for 件 …); a data call takes `unit` only */
  unitAliases?: string[];
}

/**
 * The reported figures the five seed reports state (src/report/seed-fact-map.json points each
 * seed fact here). A domain that later computes one of them replaces the mapping with its own id.
 */
export const reportedCatalogue: readonly ReportedMetricSpec[] = catalogue as ReportedMetricSpec[];
