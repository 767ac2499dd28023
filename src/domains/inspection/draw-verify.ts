import { canonicalJson } from './draw-hash.js';
import {
  type DrawFailure,
  type DrawHashes,
  type DrawPick,
  drawHashes,
  drawSeed,
  type Reveal,
  runDraw,
} from './draw.js';
import { type DrawInput, DrawInputSchema } from './draw-input.js';

/** A draw as stored: what anyone holding the record (or its export) can check. */
export interface StoredDraw extends DrawHashes {
  frozenInput: string;
  status: 'committed' | 'drawn' | 'failed';
  reveal: Reveal | null;
  seed: string | null;
  resultHash: string | null;
  /** the drawn targets in draw order */
  picks: readonly DrawPick[];
  failure: Pick<DrawFailure, 'rule'> | null;
}

export interface Difference {
  /** which step of docs/draw.md differs */
  step: string;
  expected: string;
  actual: string;
  /** Chinese, for the user */
  message: string;
}

export type Verification =
  | { ok: true; checked: string[]; drawnCount: number }
  | { ok: false; checked: string[]; difference: Difference };

/**
 * Re-runs a stored draw from its frozen input and returns ok, or the first difference: the
 * frozen input is canonical JSON of a valid input, the four hashes and the commitment match it,
 * the seed matches commitment + reveal, and the re-run gives the stored picks (and the stored
 * result hash), or the same failed rule.
 */
export function verifyDraw(stored: StoredDraw): Verification {
  const checked: string[] = [];
  const differ = (step: string, expected: string, actual: string, message: string): Verification => ({
    ok: false,
    checked,
    difference: { step, expected, actual, message },
  });

  let input: DrawInput;
  try {
    const parsed = DrawInputSchema.safeParse(JSON.parse(stored.frozenInput));
    if (!parsed.success)
      return differ(
        'frozenInput',
        '有效的抽取输入',
        parsed.error.issues[0]?.message ?? '',
        '冻结的抽取输入格式不正确',
      );
    input = parsed.data;
  } catch {
    return differ('frozenInput', 'JSON', stored.frozenInput.slice(0, 40), '冻结的抽取输入不是有效的 JSON');
  }
  if (canonicalJson(input) !== stored.frozenInput) {
    return differ('frozenInput', '规范化 JSON', '非规范化文本', '冻结的抽取输入不是规范化 JSON,可能被改动');
  }
  checked.push('frozenInput');

  const hashes = drawHashes(input);
  const labels: Record<keyof DrawHashes, string> = {
    candidatesHash: '检查对象名单哈希',
    inspectorsHash: '检查人员名单哈希',
    conflictsHash: '回避关系哈希',
    paramsHash: '抽取参数哈希',
    commitment: '承诺值',
  };
  for (const key of [
    'candidatesHash',
    'inspectorsHash',
    'conflictsHash',
    'paramsHash',
    'commitment',
  ] as const) {
    if (hashes[key] !== stored[key]) {
      return differ(
        key,
        stored[key],
        hashes[key],
        `${labels[key]}与冻结的输入不符:记录为 ${stored[key]},重算为 ${hashes[key]}`,
      );
    }
    checked.push(key);
  }
  if (stored.status === 'committed') return { ok: true, checked, drawnCount: 0 };

  if (!stored.reveal || !stored.seed)
    return differ('seed', '揭示值与种子', '缺失', '抽取记录缺少揭示值或种子');
  const seed = drawSeed(hashes.commitment, stored.reveal);
  if (seed !== stored.seed)
    return differ(
      'seed',
      stored.seed,
      seed,
      `种子与“承诺值‖揭示值”不符:记录为 ${stored.seed},重算为 ${seed}`,
    );
  checked.push('seed');

  const rerun = runDraw(input, seed);
  if (!rerun.ok) {
    if (stored.status === 'failed' && stored.failure?.rule === rerun.failure.rule) {
      checked.push('failure');
      return { ok: true, checked, drawnCount: 0 };
    }
    return differ(
      'result',
      stored.status,
      `failed:${rerun.failure.rule}`,
      `重新抽取未能完成:${rerun.failure.message}`,
    );
  }
  if (stored.status === 'failed') {
    return differ('result', `failed:${stored.failure?.rule ?? ''}`, 'drawn', '记录为抽取失败,但重新抽取成功');
  }
  const n = Math.max(rerun.picks.length, stored.picks.length);
  for (let i = 0; i < n; i++) {
    const a = rerun.picks[i];
    const b = stored.picks[i];
    if (!a || !b) {
      return differ(
        `picks[${i}]`,
        b?.inspecteeId ?? '(无)',
        a?.inspecteeId ?? '(无)',
        `抽中数量不符:记录 ${stored.picks.length} 个,重算 ${rerun.picks.length} 个`,
      );
    }
    if (a.inspecteeId !== b.inspecteeId || a.stratum !== b.stratum) {
      return differ(
        `picks[${i}].inspecteeId`,
        `${b.inspecteeId}(${b.stratum})`,
        `${a.inspecteeId}(${a.stratum})`,
        `第 ${i + 1} 个抽中对象不符`,
      );
    }
    if (a.inspectorIds.join(',') !== b.inspectorIds.join(',')) {
      return differ(
        `picks[${i}].inspectorIds`,
        b.inspectorIds.join(','),
        a.inspectorIds.join(','),
        `第 ${i + 1} 个抽中对象的检查人员不符`,
      );
    }
  }
  checked.push('picks');
  if (stored.resultHash !== rerun.resultHash) {
    return differ('resultHash', stored.resultHash ?? '', rerun.resultHash, '结果哈希与抽取结果不符');
  }
  checked.push('resultHash');
  return { ok: true, checked, drawnCount: rerun.picks.length };
}
