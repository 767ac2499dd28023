import { z } from 'zod';
import { RISK_GRADES } from './labels.js';

/** The name of the algorithm in docs/draw.md; a change to any step needs a new name. */
export const ALGORITHM = 'fazhi-draw-v1';

export { RISK_GRADES };
export const RiskGrade = z.enum(RISK_GRADES);
export type RiskGrade = z.infer<typeof RiskGrade>;

const Id = z.string().min(1);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const DrawParams = z.strictObject({
  mode: z.enum(['ratio', 'count']),
  /** basis points per grade (10000 = 100%); used in ratio mode */
  ratioBp: z.strictObject({ A: z.number(), B: z.number(), C: z.number(), D: z.number() }),
  /** used in count mode; 0 in ratio mode */
  count: z.number(),
  inspectorsPerInspectee: z.number(),
  /** every org whose inspectors may be sent, ascending; the lead org alone for a department task */
  participantOrgIds: z.array(Id),
  /** joint task: each participating org sends one inspector to every drawn inspectee */
  joint: z.boolean(),
  /** certificates must be valid through this day (the task's last day) */
  certifiedThrough: Day,
});
export type DrawParams = z.infer<typeof DrawParams>;

/** Everything a draw depends on, frozen before the commitment (canonical order: ids ascending). */
export const DrawInputSchema = z.strictObject({
  algorithm: z.string(),
  taskId: Id,
  params: DrawParams,
  /** [inspecteeId, riskGrade] */
  candidates: z.array(z.tuple([Id, RiskGrade])),
  /** [inspectorId, orgId, certificateNumber, certificateValidUntil] */
  inspectors: z.array(z.tuple([Id, Id, z.string(), Day])),
  /** [inspecteeId, 'inspector' | 'org', inspectorId | orgId] */
  conflicts: z.array(z.tuple([Id, z.enum(['inspector', 'org']), Id])),
  /** [inspectorId, inspections already assigned this year] — the starting load */
  priorLoad: z.array(z.tuple([Id, z.number().int().min(0)])),
});
export type DrawInput = z.infer<typeof DrawInputSchema>;
