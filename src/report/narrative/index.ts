import type { SentenceTemplate } from '../sentences.js';
import { enforcementNarrative } from './enforcement.js';
import { inspectionNarrative } from './inspection.js';
import { powersNarrative } from './powers.js';

/**
 * The paragraph writer of each domain with records, keyed by its module key (DomainModule.key):
 * sentences composed from that domain's metric ids. A domain listed here is written only by its
 * writer (no generic list of figure names); a new domain adds its file and one line here.
 */
export const narrativeWriters: Readonly<Record<string, readonly SentenceTemplate[]>> = {
  enforcement: enforcementNarrative,
  inspection: inspectionNarrative,
  powers: powersNarrative,
};
