// The draw (双随机) at county-plus scale: 5% of 100,000 inspectees with 1,000 inspectors under the
// avoidance rules, against a plain shuffle of the same list (Fisher–Yates with Math.random).
import { syntheticInput, testSeed } from '../src/domains/inspection/draw-fixtures.js';
import { canonicalJson } from '../src/domains/inspection/draw-hash.js';
import { type DrawInput, drawHashes, drawSeed, runDraw } from '../src/domains/inspection/draw.js';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function timeIt(runs: number, fn: () => void): number {
  fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

function plainShuffle(input: DrawInput): string[] {
  const ids = input.candidates.map((c) => c[0]);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    const t = ids[i] as string;
    ids[i] = ids[j] as string;
    ids[j] = t;
  }
  return ids.slice(0, Math.ceil(ids.length * 0.05));
}

/** Freeze (canonical JSON + hashes), commitment, seed, stratified selection and assignment. */
function fullDraw(input: DrawInput, n: number): number {
  const frozen = canonicalJson(input);
  const hashes = drawHashes(input);
  const seed = drawSeed(hashes.commitment, {
    drawnAt: new Date(1_700_000_000_000 + n).toISOString(),
    serverRandom: testSeed(n),
  });
  const out = runDraw(input, seed);
  if (!out.ok) throw new Error(out.failure.message);
  return frozen.length + out.picks.length;
}

export async function runDrawBench(): Promise<
  { name: string; baselineMs: number; subjectMs: number; ratio: number }[]
> {
  const rows: { name: string; baselineMs: number; subjectMs: number; ratio: number }[] = [];
  const conflicts = (count: number): DrawInput['conflicts'] =>
    Array.from({ length: count }, (_, i): DrawInput['conflicts'][number] => [
      `e${String(i * 37).padStart(7, '0')}`,
      i % 5 === 0 ? 'org' : 'inspector',
      i % 5 === 0 ? 'org-999' : `i${String(i % 1000).padStart(6, '0')}`,
    ]).sort((a, b) => (a.join('|') < b.join('|') ? -1 : 1));
  const cases: { name: string; input: DrawInput }[] = [
    {
      name: '随机抽取 5% × 100,000 对象, 1,000 名检查人员, 2,000 条回避 (vs 普通洗牌)',
      input: syntheticInput({ candidates: 100_000, inspectors: 1000, orgs: 1, conflicts: conflicts(2000) }),
    },
    {
      name: '联合抽查 3 个单位, 同上规模 (vs 普通洗牌)',
      input: syntheticInput({
        candidates: 100_000,
        inspectors: 1000,
        orgs: 3,
        joint: true,
        conflicts: conflicts(2000),
      }),
    },
  ];
  for (const c of cases) {
    let n = 0;
    const subjectMs = timeIt(5, () => {
      fullDraw(c.input, n++);
    });
    const baselineMs = timeIt(5, () => {
      plainShuffle(c.input);
    });
    rows.push({ name: c.name, baselineMs, subjectMs, ratio: subjectMs / baselineMs });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await runDrawBench()) {
    process.stdout.write(
      `${r.name}\t基线 ${r.baselineMs.toFixed(1)} ms\t抽取 ${r.subjectMs.toFixed(1)} ms\t比值 ${r.ratio.toFixed(1)}\n`,
    );
  }
}
