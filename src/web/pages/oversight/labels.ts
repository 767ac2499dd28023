/**
 * The oversight screens' label tables: the server's own (src/domains/oversight/labels.ts, no zod),
 * read by any code string an answer carries.
 */
import * as server from '../../../domains/oversight/labels.js';

type Labels = Readonly<Record<string, string>>;

export const rectificationStatusLabels: Labels = server.rectificationStatusLabels;
export const rectificationSourceLabels: Labels = server.rectificationSourceLabels;
export const rectificationActionLabels: Labels = server.rectificationActionLabels;
export const clueStatusLabels: Labels = server.clueStatusLabels;
export const clueRuleLabels: Labels = server.clueRuleLabels;
export const gradeLabels: Labels = server.gradeLabels;
export const dimensionLabels: Labels = server.rubricDimensionLabels;
