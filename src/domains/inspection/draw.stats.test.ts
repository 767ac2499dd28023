import { describe, expect, it } from 'vitest';
import { syntheticInput, testSeed } from './draw-fixtures.js';
import { runDraw } from './draw.js';

/**
 * Uniformity within a stratum over many seeded draws. Fixed seeds and fixed critical values at
 * p = 0.001, so the test is reproducible and does not flake.
 */
function chiSquare(observed: readonly number[], expected: number): number {
  return observed.reduce((s, o) => s + (o - expected) ** 2 / expected, 0);
}

describe('selection is uniform within a stratum (chi-square, p = 0.001)', () => {
  it('every 2-subset of a 6-member stratum is equally likely (15 cells, df 14, critical 36.123)', () => {
    // stratum A has 6 members (grades cycle A,B,C,D over 24 candidates); 2500 bp of 6 → ceil(1.5) = 2
    const input = syntheticInput({ candidates: 24, inspectors: 2, ratioBp: { A: 2500, B: 0, C: 0, D: 0 } });
    const members = input.candidates.filter((c) => c[1] === 'A').map((c) => c[0]);
    const cell = new Map<string, number>();
    for (let a = 0; a < members.length; a++)
      for (let b = a + 1; b < members.length; b++) cell.set(`${members[a]}|${members[b]}`, 0);
    const T = 3000;
    for (let t = 0; t < T; t++) {
      const out = runDraw(input, testSeed(1000 + t));
      if (!out.ok) throw new Error(out.failure.message);
      const key = out.picks
        .map((p) => p.inspecteeId)
        .sort()
        .join('|');
      cell.set(key, (cell.get(key) ?? Number.NaN) + 1);
    }
    expect(cell.size).toBe(15);
    const stat = chiSquare([...cell.values()], T / 15);
    expect(stat).toBeLessThan(36.123);
  });

  it('each member of a 20-member stratum is drawn first equally often (df 19, critical 43.820)', () => {
    const input = syntheticInput({
      candidates: 60,
      inspectors: 2,
      grade: (i) => (i % 3 === 0 ? 'B' : 'C'),
      ratioBp: { B: 1500 },
    });
    const members = input.candidates.filter((c) => c[1] === 'B').map((c) => c[0]);
    expect(members).toHaveLength(20);
    const first = new Map(members.map((m) => [m, 0]));
    const overall = new Map(members.map((m) => [m, 0]));
    const T = 4000;
    for (let t = 0; t < T; t++) {
      const out = runDraw(input, testSeed(50_000 + t));
      if (!out.ok) throw new Error(out.failure.message);
      expect(out.picks).toHaveLength(3);
      const head = out.picks[0]?.inspecteeId ?? '';
      first.set(head, (first.get(head) ?? Number.NaN) + 1);
      for (const p of out.picks) overall.set(p.inspecteeId, (overall.get(p.inspecteeId) ?? Number.NaN) + 1);
    }
    expect(chiSquare([...first.values()], T / 20)).toBeLessThan(43.82);
    // inclusion counts: without replacement the statistic is only smaller, so the same bound holds
    expect(chiSquare([...overall.values()], (T * 3) / 20)).toBeLessThan(43.82);
  });

  it('the test has power: a biased selection (always the lowest ids) fails it', () => {
    const biased = [3000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    expect(chiSquare(biased, 200)).toBeGreaterThan(36.123);
  });
});
