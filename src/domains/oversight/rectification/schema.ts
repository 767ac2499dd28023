import { z } from 'zod';
import { Int32, labelledEnum, LocalDate, RequiredText, Text, Sha256 } from '../../../platform/validation.js';

/** Where a rectification item comes from: one 整改 ledger for all of them. */
export const rectificationSourceLabels = {
  inspection: '法治督察',
  caseReview: '案卷评查',
  opinion: '执法监督意见书/建议书',
  clue: '问题线索',
} as const;
export const RectificationSource = labelledEnum(rectificationSourceLabels);
export type RectificationSource = z.infer<typeof RectificationSource>;

export const rectificationStatusLabels = {
  open: '待整改',
  rectifying: '整改中',
  reported: '已报整改完成',
  closed: '已销号',
} as const;
export const RectificationStatus = labelledEnum(rectificationStatusLabels);
export type RectificationStatus = z.infer<typeof RectificationStatus>;

export const rectificationActionLabels = {
  raise: '交办',
  plan: '制定整改措施',
  progress: '报送整改进展',
  complete: '报整改完成',
  return: '退回重新整改',
  extend: '延长整改期限',
  close: '销号',
} as const;
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
