/**
 * 案卷评查 sample — the same commit–reveal approach as the 双随机 draw (docs/oversight.md):
 * 1. Freeze: the closed cases of the campaign's frame as [caseId, orgId, category], ids ascending,
 *    with the parameters, stored as canonical JSON.
 * 2. Commit: commitment = H({algorithm, campaignId, candidatesHash, paramsHash}), recorded before
 *    anything is drawn.
 * 3. Reveal: at draw time {drawnAt, serverRandom}; seed = SHA-256(commitment ‖ "|" ‖ canonical(reveal)).
 * 4. Select: strata are (orgId, category) in ascending order; in each, members in id order and
 *    n = min(perStratum, N) drawn by a partial Fisher–Yates shuffle from one HashPrng stream.
 * 5. Result: picks = [caseId, stratum] in draw order; resultHash = H(picks).
 */
import { z } from 'zod';
import {
  type CommitReveal,
  canonicalJson,
  commitRevealSeed,
  HashPrng,
  hashOf,
  partialShuffle,
} from '../../../platform/draw/hash.js';

export const SAMPLE_ALGORITHM = 'fazhi-sample-v1';

export const SampleInput = z.strictObject({
  algorithm: z.literal(SAMPLE_ALGORITHM),
  campaignId: z.uuid(),
  closedFrom: z.string(),
  closedTo: z.string(),
  perStratum: z.number().int().min(1).max(1000),
  candidates: z.array(z.tuple([z.uuid(), z.uuid(), z.string()])),
});
export type SampleInput = z.infer<typeof SampleInput>;

export interface SampleHashes {
  candidatesHash: string;
  paramsHash: string;
  commitment: string;
}

export type SamplePick = [caseId: string, stratum: string];

export function sampleHashes(input: SampleInput): SampleHashes {
  const candidatesHash = hashOf(input.candidates);
  const paramsHash = hashOf({
    algorithm: input.algorithm,
    campaignId: input.campaignId,
    closedFrom: input.closedFrom,
    closedTo: input.closedTo,
    perStratum: input.perStratum,
  });
  const commitment = hashOf({
    algorithm: input.algorithm,
    campaignId: input.campaignId,
    candidatesHash,
    paramsHash,
  });
  return { candidatesHash, paramsHash, commitment };
}

/** The stratum key of a candidate: its org and category. */
export const stratumOf = (c: readonly [string, string, string]) => `${c[1]}|${c[2]}`;

/** Picks in draw order and their hash; deterministic in (input, seed). */
export function runSample(input: SampleInput, seed: string): { picks: SamplePick[]; resultHash: string } {
  const strata = new Map<string, string[]>();
  for (const c of input.candidates) {
    const key = stratumOf(c);
    const list = strata.get(key) ?? [];
    list.push(c[0]);
    strata.set(key, list);
  }
  const prng = new HashPrng(seed);
  const picks: SamplePick[] = [];
  for (const key of [...strata.keys()].sort()) {
    const members = strata.get(key) ?? [];
    for (const i of partialShuffle(prng, members.length, input.perStratum))
      picks.push([members[i] as string, key]);
  }
  return { picks, resultHash: hashOf(picks) };
}

/** The candidates must be ascending and unique by case id (the canonical order the hash covers). */
export function canonicalCandidates(input: SampleInput): boolean {
  return input.candidates.every((c, i) => i === 0 || (input.candidates[i - 1]?.[0] ?? '') < c[0]);
}

export interface StoredSample {
  frozenInput: string;
  commitment: string;
  reveal: CommitReveal | null;
  seed: string | null;
  resultHash: string | null;
  picks: readonly SamplePick[];
}

export type SampleVerification =
  | { ok: true; checked: string[]; drawnCount: number }
  | { ok: false; checked: string[]; step: string; message: string };

/** Recomputes every step from the stored record; ok, or the first step that differs (in Chinese). */
export function verifySample(stored: StoredSample): SampleVerification {
  const checked: string[] = [];
  const differ = (step: string, message: string): SampleVerification => ({
    ok: false,
    checked,
    step,
    message,
  });
  let input: SampleInput;
  try {
    const parsed = SampleInput.safeParse(JSON.parse(stored.frozenInput));
    if (!parsed.success) return differ('frozenInput', '冻结的抽样输入格式不正确');
    input = parsed.data;
  } catch {
    return differ('frozenInput', '冻结的抽样输入不是有效的 JSON');
  }
  if (canonicalJson(input) !== stored.frozenInput || !canonicalCandidates(input))
    return differ('frozenInput', '冻结的抽样输入不是规范化 JSON,可能被改动');
  checked.push('frozenInput');
  const { commitment } = sampleHashes(input);
  if (commitment !== stored.commitment)
    return differ('commitment', `承诺值与冻结的输入不符:记录为 ${stored.commitment},重算为 ${commitment}`);
  checked.push('commitment');
  if (!stored.reveal) return { ok: true, checked, drawnCount: 0 };
  const seed = commitRevealSeed(commitment, stored.reveal);
  if (seed !== stored.seed)
    return differ('seed', `种子与“承诺值‖揭示值”不符:记录为 ${stored.seed},重算为 ${seed}`);
  checked.push('seed');
  const rerun = runSample(input, seed);
  const n = Math.max(rerun.picks.length, stored.picks.length);
  for (let i = 0; i < n; i++) {
    const a = rerun.picks[i];
    const b = stored.picks[i];
    if (!a || !b)
      return differ('picks', `抽中案卷数量不符:记录 ${stored.picks.length} 件,重算 ${rerun.picks.length} 件`);
    if (a[0] !== b[0] || a[1] !== b[1]) return differ('picks', `第 ${i + 1} 件抽中案卷不符`);
  }
  checked.push('picks');
  if (rerun.resultHash !== stored.resultHash) return differ('resultHash', '结果哈希与抽样结果不符');
  checked.push('resultHash');
  return { ok: true, checked, drawnCount: rerun.picks.length };
}
