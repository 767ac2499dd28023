/**
 * Shapes of the /api/inspection answers, as the screens use them: the server's own types where it
 * has them (type-only, no server code in the bundle), and its zod-free label tables as they are.
 */
import { inspectionResults } from '../../../domains/inspection/labels.js';

export type { RiskGrade } from '../../../domains/inspection/draw-input.js';
export { RISK_GRADES, riskGradeLabels } from '../../../domains/inspection/labels.js';
export type { Plan, Task } from '../../../domains/inspection/plan-store.js';
export type { ChecklistItem } from '../../../domains/inspection/registry-store.js';
export type { Target } from '../../../domains/inspection/result-service.js';
import type { DrawRecord } from '../../../domains/inspection/draw-store.js';
import type { Wire } from '../../api/types.js';

/** A 抽取 as the server answers it. */
export type Draw = Wire<DrawRecord>;

export type Verification =
  | { ok: true; checked: string[]; drawnCount: number }
  | {
      ok: false;
      checked: string[];
      difference: { step: string; expected: string; actual: string; message: string };
    };

/** 抽查检查结果, in the server's order. */
export const resultOptions = Object.entries(inspectionResults).map(([value, r]) => ({
  value,
  label: r.label,
}));
