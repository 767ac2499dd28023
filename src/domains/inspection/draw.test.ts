import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, HashPrng, sha256Hex } from './draw-hash.js';
import { syntheticInput, testSeed } from './draw-fixtures.js';
import {
  checkDrawInput,
  type DrawInput,
  type DrawRule,
  drawHashes,
  drawSeed,
  runDraw,
  stratumQuotas,
} from './draw.js';

function mustDraw(input: DrawInput, seed = testSeed(1)) {
  const out = runDraw(input, seed);
  if (!out.ok) throw new Error(`draw failed: ${out.failure.rule} ${out.failure.message}`);
  return out;
}

describe('canonical JSON and hashes', () => {
  it('sorts keys, drops undefined, keeps array order, refuses floats', () => {
    expect(canonicalJson({ b: 1, a: [3, 'x', null], c: undefined })).toBe('{"a":[3,"x",null],"b":1}');
    expect(() => canonicalJson({ r: 0.05 })).toThrow();
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('the PRNG is SHA-256 in counter mode: the first word is the first 4 bytes of H(seed‖0)', () => {
    const seed = testSeed(7);
    const prng = new HashPrng(seed);
    const block0 = createHash('sha256').update(Buffer.from(seed, 'hex')).update(Buffer.alloc(8)).digest();
    const block1 = createHash('sha256')
      .update(Buffer.from(seed, 'hex'))
      .update(Buffer.from([0, 0, 0, 0, 0, 0, 0, 1]))
      .digest();
    expect(prng.nextUint32()).toBe(block0.readUInt32BE(0));
    for (let i = 1; i < 8; i++) prng.nextUint32();
    expect(prng.nextUint32()).toBe(block1.readUInt32BE(0));
    expect(new HashPrng(seed).uniformInt(1)).toBe(0);
  });
});

describe('checkDrawInput refuses bad input with the rule at fault', () => {
  const base = syntheticInput({ candidates: 40, inspectors: 6, orgs: 2, joint: true });
  const cases: { name: string; input: DrawInput; rule: DrawRule }[] = [
    { name: 'empty candidate list', input: { ...base, candidates: [] }, rule: 'emptyCandidates' },
    {
      name: 'ratio above 100%',
      input: { ...base, params: { ...base.params, ratioBp: { A: 10001, B: 0, C: 0, D: 0 } } },
      rule: 'ratioRange',
    },
    {
      name: 'negative ratio',
      input: { ...base, params: { ...base.params, ratioBp: { A: -1, B: 0, C: 0, D: 0 } } },
      rule: 'ratioRange',
    },
    {
      name: 'all ratios zero',
      input: { ...base, params: { ...base.params, ratioBp: { A: 0, B: 0, C: 0, D: 0 } } },
      rule: 'ratioRange',
    },
    {
      name: 'count above the list',
      input: { ...base, params: { ...base.params, mode: 'count', count: 41 } },
      rule: 'countRange',
    },
    {
      name: 'one inspector per inspectee (RULES §2.5: ≥2)',
      input: { ...base, params: { ...base.params, inspectorsPerInspectee: 1 } },
      rule: 'inspectorsPerInspectee',
    },
    {
      name: 'inspector without a certificate',
      input: { ...base, inspectors: base.inspectors.map((i, n) => (n === 2 ? [i[0], i[1], ' ', i[3]] : i)) },
      rule: 'certified',
    },
    {
      name: 'certificate expiring before the task ends',
      input: {
        ...base,
        inspectors: base.inspectors.map((i, n) => (n === 0 ? [i[0], i[1], i[2], '2025-12-30'] : i)),
      },
      rule: 'certified',
    },
    {
      name: 'inspector of a non-participating org',
      input: { ...base, inspectors: base.inspectors.map((i) => [i[0], 'org-x', i[2], i[3]]) },
      rule: 'inspectorOrg',
    },
    {
      name: 'pool smaller than a team',
      input: { ...base, inspectors: base.inspectors.slice(0, 1) },
      rule: 'poolSize',
    },
    {
      name: 'joint task with an org that has no inspectors',
      input: { ...base, inspectors: base.inspectors.filter((i) => i[1] === 'org-000') },
      rule: 'jointStaffing',
    },
    {
      name: 'candidates out of order',
      input: { ...base, candidates: [...base.candidates].reverse() },
      rule: 'canonicalOrder',
    },
    { name: 'unknown algorithm', input: { ...base, algorithm: 'v0' }, rule: 'algorithm' },
  ];
  it.each(cases)('$name → $rule', ({ input, rule }) => {
    expect(checkDrawInput(input)?.rule).toBe(rule);
    const out = runDraw(input, testSeed(1));
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.failure.message).toMatch(/[\u4e00-\u9fff]/);
  });
  it('a sound input passes', () => expect(checkDrawInput(base)).toBeUndefined());
});

describe('stratum quotas', () => {
  const table = [
    // ratio mode rounds up so the drawn share is never below the ratio (RULES §2.5: ≥5%)
    {
      mode: 'ratio',
      ratio: { A: 2000, B: 1000, C: 500, D: 500 },
      sizes: { A: 7, B: 30, C: 101, D: 0 },
      want: { A: 2, B: 3, C: 6, D: 0 },
    },
    {
      mode: 'ratio',
      ratio: { A: 10000, B: 0, C: 0, D: 0 },
      sizes: { A: 5, B: 5, C: 5, D: 5 },
      want: { A: 5, B: 0, C: 0, D: 0 },
    },
    // count mode: proportional, largest remainder, ties go to the higher risk
    { mode: 'count', count: 10, sizes: { A: 10, B: 10, C: 10, D: 10 }, want: { A: 3, B: 3, C: 2, D: 2 } },
    { mode: 'count', count: 7, sizes: { A: 1, B: 2, C: 3, D: 94 }, want: { A: 0, B: 0, C: 0, D: 7 } },
    { mode: 'count', count: 5, sizes: { A: 3, B: 1, C: 0, D: 6 }, want: { A: 2, B: 0, C: 0, D: 3 } },
  ] as const;
  it.each(table)('$mode $sizes → $want', (row) => {
    const input = syntheticInput({ candidates: 1, inspectors: 2 });
    input.params.mode = row.mode;
    if (row.mode === 'ratio') input.params.ratioBp = { ...row.ratio };
    else input.params.count = row.count;
    expect(stratumQuotas(input, row.sizes)).toEqual(row.want);
  });
});

describe('runDraw', () => {
  it('is deterministic: the same input and seed give the same picks; another seed differs', () => {
    const input = syntheticInput({
      candidates: 2000,
      inspectors: 30,
      orgs: 3,
      ratioBp: { A: 2000, B: 1000, C: 500, D: 500 },
    });
    const a = mustDraw(input);
    const b = mustDraw(structuredClone(input));
    expect(b.picks).toEqual(a.picks);
    expect(b.resultHash).toBe(a.resultHash);
    expect(mustDraw(input, testSeed(2)).resultHash).not.toBe(a.resultHash);
    expect(a.strata).toEqual({
      A: { candidates: 500, drawn: 100 },
      B: { candidates: 500, drawn: 50 },
      C: { candidates: 500, drawn: 25 },
      D: { candidates: 500, drawn: 25 },
    });
  });

  it('draws each stratum only from its own grade, higher risk at a higher ratio', () => {
    const input = syntheticInput({
      candidates: 400,
      inspectors: 10,
      ratioBp: { A: 5000, B: 0, C: 0, D: 1000 },
    });
    const grades = new Map(input.candidates);
    const out = mustDraw(input);
    expect(out.picks.filter((p) => p.stratum === 'A')).toHaveLength(50);
    expect(out.picks.filter((p) => p.stratum === 'D')).toHaveLength(10);
    for (const p of out.picks) expect(grades.get(p.inspecteeId)).toBe(p.stratum);
    expect(new Set(out.picks.map((p) => p.inspecteeId)).size).toBe(out.picks.length);
  });

  it('gives every inspectee ≥2 distinct inspectors, none in conflict, loads within one of each other', () => {
    const input = syntheticInput({
      candidates: 1000,
      inspectors: 12,
      orgs: 3,
      ratioBp: { A: 10000, B: 10000, C: 0, D: 0 },
    });
    const first = input.candidates[0]?.[0] ?? '';
    input.conflicts = [
      [first, 'inspector', 'i000000'],
      [first, 'org', 'org-001'],
    ];
    const out = mustDraw(input);
    const orgOf = new Map(input.inspectors.map((i) => [i[0], i[1]]));
    const loads = new Map<string, number>();
    for (const p of out.picks) {
      expect(new Set(p.inspectorIds).size).toBe(2);
      for (const id of p.inspectorIds) loads.set(id, (loads.get(id) ?? 0) + 1);
    }
    const pick = out.picks.find((p) => p.inspecteeId === first);
    expect(pick?.inspectorIds).not.toContain('i000000');
    for (const id of pick?.inspectorIds ?? []) expect(orgOf.get(id)).not.toBe('org-001');
    const counts = [...loads.values()];
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(2);
    expect(counts.reduce((s, n) => s + n, 0)).toBe(1000);
  });

  it('staffs a joint task from every participating org', () => {
    const input = syntheticInput({
      candidates: 200,
      inspectors: 9,
      orgs: 3,
      joint: true,
      k: 2,
      ratioBp: { A: 10000 },
    });
    const orgOf = new Map(input.inspectors.map((i) => [i[0], i[1]]));
    const out = mustDraw(input);
    for (const p of out.picks) {
      expect(new Set(p.inspectorIds.map((id) => orgOf.get(id)))).toEqual(
        new Set(['org-000', 'org-001', 'org-002']),
      );
    }
  });

  it('refuses and draws nothing when an inspectee cannot get two inspectors without conflict', () => {
    const input = syntheticInput({ candidates: 4, inspectors: 3, ratioBp: { A: 10000 } });
    const a = input.candidates[0]?.[0] ?? '';
    input.conflicts = [
      [a, 'inspector', 'i000000'],
      [a, 'inspector', 'i000001'],
    ];
    const out = runDraw(input, testSeed(1));
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.failure.rule).toBe('minInspectors');
      expect(out.failure.details.inspecteeId).toBe(a);
      expect(out.failure.message).toContain('少于规定的 2 名');
    }
  });

  it('refuses a joint draw when a participating org must withdraw entirely', () => {
    const input = syntheticInput({
      candidates: 4,
      inspectors: 4,
      orgs: 2,
      joint: true,
      ratioBp: { A: 10000 },
    });
    const a = input.candidates[0]?.[0] ?? '';
    input.conflicts = [[a, 'org', 'org-001']];
    const out = runDraw(input, testSeed(1));
    expect(!out.ok && out.failure.rule).toBe('jointStaffing');
  });

  it('the seed binds commitment and reveal: a different reveal or input gives a different seed', () => {
    const input = syntheticInput({ candidates: 10, inspectors: 2 });
    const h = drawHashes(input);
    const reveal = { drawnAt: '2025-03-01T02:00:00.000Z', serverRandom: 'ab'.repeat(32) };
    const seed = drawSeed(h.commitment, reveal);
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    expect(drawSeed(h.commitment, { ...reveal, drawnAt: '2025-03-01T02:00:00.001Z' })).not.toBe(seed);
    const other = syntheticInput({ candidates: 11, inspectors: 2 });
    expect(drawHashes(other).commitment).not.toBe(h.commitment);
    expect(drawHashes(other).inspectorsHash).toBe(h.inspectorsHash);
  });

  it('is pinned: fazhi-draw-v1 gives these exact bytes forever (a change needs a new algorithm name)', () => {
    const input = syntheticInput({
      candidates: 500,
      inspectors: 9,
      orgs: 3,
      joint: true,
      ratioBp: { A: 2000, B: 1000, C: 500, D: 500 },
      conflicts: [
        ['e0000004', 'inspector', 'i000001'],
        ['e0000008', 'org', 'org-009'],
      ],
    });
    expect(drawHashes(input).commitment).toBe(
      'e3020ef8326f326a2d99f252f0190deccbae842808ad7ea4542c63c9a39ccff5',
    );
    const out = mustDraw(input, testSeed(42));
    expect(out.picks[0]).toEqual({
      inspecteeId: 'e0000440',
      stratum: 'A',
      inspectorIds: ['i000000', 'i000001', 'i000005'],
    });
    expect(out.resultHash).toBe('1a4a255ac2c6f07b153bdd837747ebdb5a15eeb784e755df90cd35ece3f929bd');
  });
});
