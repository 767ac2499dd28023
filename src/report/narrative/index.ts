import type { SentenceTemplate } from '../sentences.js';
import { disputesNarrative } from './disputes.js';
import { enforcementNarrative } from './enforcement.js';
import { inspectionNarrative } from './inspection.js';
import {
  legalityAdvisersNarrative,
  legalityDocumentsNarrative,
  legalityReviewsNarrative,
} from './legality.js';
import {
  caseReviewNarrative,
  leadersNarrative,
  organisationNarrative,
  publicityNarrative,
  rectificationNarrative,
  workplanNarrative,
} from './oversight.js';
import { powersNarrative } from './powers.js';
import {
  disclosureNarrative,
  legalServicesNarrative,
  mediationNarrative,
  petitionsNarrative,
  proposalsNarrative,
} from './requests.js';

/**
 * The paragraph writers of the domains with records, keyed by section: the domain's module key
 * (DomainModule.key), or `<module key>.<part>` when the domain's work falls under several themes
 * of the report (合法性审查 writes 规范性文件 under 制度体系 and 审查 under 决策). A domain with
 * any writer is written only by its writers (no generic list of figure names); templates.ts
 * places each section key under a theme. A new domain adds its file and its lines here.
 */
export const narrativeWriters: Readonly<Record<string, readonly SentenceTemplate[]>> = {
  enforcement: enforcementNarrative,
  inspection: inspectionNarrative,
  powers: powersNarrative,
  'legality.documents': legalityDocumentsNarrative,
  'legality.reviews': legalityReviewsNarrative,
  'legality.advisers': legalityAdvisersNarrative,
  ...disputesNarrative,
  'requests.disclosure': disclosureNarrative,
  'requests.petitions': petitionsNarrative,
  'requests.mediation': mediationNarrative,
  'requests.legalServices': legalServicesNarrative,
  'requests.proposals': proposalsNarrative,
  'oversight.caseReview': caseReviewNarrative,
  'oversight.rectification': rectificationNarrative,
  'oversight.leaders': leadersNarrative,
  'oversight.publicity': publicityNarrative,
  'oversight.workplan': workplanNarrative,
  'oversight.organisation': organisationNarrative,
};

/** The module key a section key writes for ('legality.documents' → 'legality'). */
export const writerDomain = (key: string): string => key.split('.')[0] ?? key;

/** Domains written by their own paragraph writers. */
export const writtenDomains: ReadonlySet<string> = new Set(Object.keys(narrativeWriters).map(writerDomain));
