import { describe, expect, it } from 'vitest';
import { canonicalJson, commitRevealSeed } from '../../../platform/draw/hash.js';
import { runSample, SAMPLE_ALGORITHM, type SampleInput, sampleHashes, verifySample } from './sample.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const orgA = id(900);
const orgB = id(901);
const input: SampleInput = {
  algorithm: SAMPLE_ALGORITHM,
  campaignId: id(999),
  closedFrom: '2025-01-01',
  closedTo: '2025-12-31',
  perStratum: 2,
  candidates: Array.from(
    { length: 12 },
    (_, i) =>
      [id(i + 1), i % 3 === 0 ? orgB : orgA, i % 2 === 0 ? 'penalty' : 'license'] as [string, string, string],
  ),
};
const reveal = { drawnAt: '2025-12-20T02:00:00.000Z', serverRandom: 'b'.repeat(64) };

function stored() {
  const { commitment } = sampleHashes(input);
  const seed = commitRevealSeed(commitment, reveal);
  const { picks, resultHash } = runSample(input, seed);
  return { frozenInput: canonicalJson(input), commitment, reveal, seed, resultHash, picks };
}

describe('案卷评查 sample (commit–reveal)', () => {
  it('draws min(perStratum, N) per org and category, the same on every run', () => {
    const s = stored();
    const perStratum = new Map<string, number>();
    for (const [, k] of s.picks) perStratum.set(k, (perStratum.get(k) ?? 0) + 1);
    expect([...perStratum.values()]).toEqual([2, 2, 2, 2]);
    expect(new Set(s.picks.map((p) => p[0])).size).toBe(s.picks.length);
    expect(runSample(input, s.seed).picks).toEqual(s.picks);
  });

  it('verifies an untouched record and names the step a tampered one fails at', () => {
    expect(verifySample(stored())).toEqual({
      ok: true,
      checked: ['frozenInput', 'commitment', 'seed', 'picks', 'resultHash'],
      drawnCount: 8,
    });
    const s = stored();
    expect(
      verifySample({ ...s, frozenInput: s.frozenInput.replace('"perStratum":2', '"perStratum":3') }),
    ).toMatchObject({ ok: false, step: 'commitment' });
    expect(verifySample({ ...s, reveal: { ...reveal, serverRandom: 'c'.repeat(64) } })).toMatchObject({
      ok: false,
      step: 'seed',
    });
    expect(verifySample({ ...s, picks: [...s.picks].reverse() })).toMatchObject({ ok: false, step: 'picks' });
    expect(verifySample({ ...s, picks: s.picks.slice(1) })).toMatchObject({ ok: false, step: 'picks' });
    expect(verifySample({ ...s, frozenInput: `${s.frozenInput} ` })).toMatchObject({
      ok: false,
      step: 'frozenInput',
    });
  });
});
