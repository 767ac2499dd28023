import { describe, expect, it } from 'vitest';
import { canonicalJson } from './draw-hash.js';
import { syntheticInput } from './draw-fixtures.js';
import { drawHashes, drawSeed, runDraw } from './draw.js';
import { type StoredDraw, verifyDraw } from './draw-verify.js';

function storedDraw(): StoredDraw {
  const input = syntheticInput({
    candidates: 300,
    inspectors: 8,
    orgs: 2,
    joint: true,
    ratioBp: { A: 1000, B: 1000, C: 500, D: 500 },
  });
  const hashes = drawHashes(input);
  const reveal = { drawnAt: '2025-04-01T01:02:03.000Z', serverRandom: '5f'.repeat(32) };
  const seed = drawSeed(hashes.commitment, reveal);
  const out = runDraw(input, seed);
  if (!out.ok) throw new Error(out.failure.message);
  return {
    ...hashes,
    frozenInput: canonicalJson(input),
    status: 'drawn',
    reveal,
    seed,
    resultHash: out.resultHash,
    picks: out.picks,
    failure: null,
  };
}

describe('verifyDraw', () => {
  it('accepts an untouched draw and reports what it checked', () => {
    const v = verifyDraw(storedDraw());
    expect(v).toMatchObject({ ok: true, drawnCount: 24 });
    expect(v.checked).toEqual([
      'frozenInput',
      'candidatesHash',
      'inspectorsHash',
      'conflictsHash',
      'paramsHash',
      'commitment',
      'seed',
      'picks',
      'resultHash',
    ]);
  });

  const tamper: { name: string; change: (s: StoredDraw) => StoredDraw; step: string }[] = [
    {
      name: 'a risk grade changed in the frozen list',
      change: (s) => ({ ...s, frozenInput: s.frozenInput.replace('"e0000001","B"', '"e0000001","A"') }),
      step: 'candidatesHash',
    },
    {
      name: 'frozen input re-serialised with spaces',
      change: (s) => ({ ...s, frozenInput: s.frozenInput.replace('{"algorithm"', '{ "algorithm"') }),
      step: 'frozenInput',
    },
    {
      name: 'a different commitment',
      change: (s) => ({ ...s, commitment: '0'.repeat(64) }),
      step: 'commitment',
    },
    {
      name: 'a re-rolled server random',
      change: (s) => ({ ...s, reveal: { drawnAt: s.reveal?.drawnAt ?? '', serverRandom: '00'.repeat(32) } }),
      step: 'seed',
    },
    {
      name: 'a drawn inspectee swapped',
      change: (s) => ({
        ...s,
        picks: s.picks.map((p, i) => (i === 3 ? { ...p, inspecteeId: 'e0000299' } : p)),
      }),
      step: 'picks[3].inspecteeId',
    },
    {
      name: 'an inspector replaced',
      change: (s) => ({
        ...s,
        picks: s.picks.map((p, i) => (i === 5 ? { ...p, inspectorIds: [...p.inspectorIds].reverse() } : p)),
      }),
      step: 'picks[5].inspectorIds',
    },
    {
      name: 'a drawn inspectee removed',
      change: (s) => ({ ...s, picks: s.picks.slice(0, -1) }),
      step: 'picks[23]',
    },
  ];
  it.each(tamper)('finds the first difference: $name → $step', ({ change, step }) => {
    const v = verifyDraw(change(storedDraw()));
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.difference.step).toBe(step);
      expect(v.difference.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('a committed draw verifies its hashes only; a failed draw must fail the same rule', () => {
    const s = storedDraw();
    expect(verifyDraw({ ...s, status: 'committed', reveal: null, seed: null, picks: [] })).toMatchObject({
      ok: true,
      drawnCount: 0,
    });
    const wrong = verifyDraw({ ...s, status: 'failed', picks: [], failure: { rule: 'minInspectors' } });
    expect(wrong.ok).toBe(false);
  });
});
