import { sha256Hex } from './draw-hash.js';
import { ALGORITHM, type DrawInput, RISK_GRADES, type RiskGrade } from './draw-input.js';

/**
 * Synthetic draw inputs for tests and the benchmark: ids are zero-padded so that their order is
 * the canonical order; grades cycle A, B, C, D unless `grade` says otherwise.
 */
export function syntheticInput(opts: {
  candidates: number;
  inspectors: number;
  orgs?: number;
  joint?: boolean;
  ratioBp?: Partial<Record<RiskGrade, number>>;
  count?: number;
  k?: number;
  grade?: (i: number) => RiskGrade;
  conflicts?: DrawInput['conflicts'];
}): DrawInput {
  const orgCount = opts.orgs ?? 1;
  const orgIds = Array.from({ length: orgCount }, (_, i) => `org-${String(i).padStart(3, '0')}`);
  const grade = opts.grade ?? ((i: number) => RISK_GRADES[i % 4] as RiskGrade);
  const ratio = { A: 0, B: 0, C: 0, D: 0, ...(opts.ratioBp ?? { A: 500, B: 500, C: 500, D: 500 }) };
  return {
    algorithm: ALGORITHM,
    taskId: 'task-1',
    params: {
      mode: opts.count === undefined ? 'ratio' : 'count',
      ratioBp: ratio,
      count: opts.count ?? 0,
      inspectorsPerInspectee: opts.k ?? 2,
      participantOrgIds: orgIds,
      joint: opts.joint ?? false,
      certifiedThrough: '2025-12-31',
    },
    candidates: Array.from(
      { length: opts.candidates },
      (_, i) => [`e${String(i).padStart(7, '0')}`, grade(i)] as const,
    ).map(([id, g]) => [id, g]),
    inspectors: Array.from({ length: opts.inspectors }, (_, i) => [
      `i${String(i).padStart(6, '0')}`,
      orgIds[i % orgCount] ?? 'org-000',
      `53250220${String(i).padStart(6, '0')}`,
      '2027-06-30',
    ]),
    conflicts: opts.conflicts ?? [],
    priorLoad: [],
  };
}

/** The n-th fixed test seed. */
export const testSeed = (n: number): string => sha256Hex(`fazhi test seed ${n}`);
