import { z } from 'zod';
import { Int32, labelledEnum, LocalDate, RequiredText, Text, Sha256 } from '../../../platform/validation.js';
import {
  rectificationSourceLabels,
  rectificationStatusLabels,
  rectificationActionLabels,
} from '../labels.js';

export { rectificationSourceLabels, rectificationStatusLabels, rectificationActionLabels };

export const RectificationSource = labelledEnum(rectificationSourceLabels);
export type RectificationSource = z.infer<typeof RectificationSource>;

export const RectificationStatus = labelledEnum(rectificationStatusLabels);
export type RectificationStatus = z.infer<typeof RectificationStatus>;

export const RectificationAction = labelledEnum(rectificationActionLabels);
export type RectificationAction = z.infer<typeof RectificationAction>;

/** A file uploaded through /api/files, cited by its SHA-256. */
export const EvidenceRef = z.strictObject({
  sha256: Sha256,
  name: RequiredText(255),
});
export type EvidenceRef = z.infer<typeof EvidenceRef>;

export const RectificationActInput = z.strictObject({
  action: RectificationAction.exclude(['raise']),
  version: Int32,
  occurredOn: LocalDate.optional(),
  measure: Text(2000, { lines: true }).optional(),
  note: Text(2000, { lines: true }).optional(),
  dueOn: LocalDate.optional(),
  evidence: z.array(EvidenceRef).max(20, '一次最多 20 份佐证材料').default([]),
});
export type RectificationActInput = z.infer<typeof RectificationActInput>;

/** A finding that becomes a rectification item (督察, 评查, 意见书 all take this shape). */
export const FindingInput = z.strictObject({
  problem: RequiredText(2000),
  measure: Text(2000, { lines: true }).optional(),
  dueOn: LocalDate,
});
export type FindingInput = z.infer<typeof FindingInput>;

export interface RectificationActionRecord {
  seq: number;
  action: RectificationAction;
  occurredOn: string;
  data: { measure?: string; note?: string; dueOn?: string };
  evidence: EvidenceRef[];
  actorName: string;
}
