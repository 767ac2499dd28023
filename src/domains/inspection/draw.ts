/**
 * 双随机、一公开 — the draw (随机抽取), as pure deterministic functions. See docs/draw.md.
 *
 * 1. Freeze. The task's candidate inspectees, the inspector pool, the declared conflicts (回避)
 *    and the parameters are written down as a `DrawInput` in canonical order (ids ascending)
 *    and stored as canonical JSON. Four hashes (SHA-256 of canonical JSON):
 *      candidatesHash = H(candidates)            — [inspecteeId, riskGrade] pairs
 *      inspectorsHash = H({inspectors, priorLoad}) — [id, orgId, certificateNo, validUntil]
 *      conflictsHash  = H(conflicts)             — [inspecteeId, 'inspector'|'org', id]
 *      paramsHash     = H({algorithm, taskId, params})
 * 2. Commit. commitment = H({algorithm, candidatesHash, conflictsHash, inspectorsHash,
 *    paramsHash, taskId}); recorded (and shown) before anything is drawn.
 * 3. Reveal. At draw time the server fixes reveal = {drawnAt: ISO instant, serverRandom: 32
 *    random bytes as hex} and records it. seed = SHA-256(commitment ‖ "|" ‖ canonical(reveal)).
 * 4. Select. A `HashPrng` (SHA-256 counter mode) from the seed. Strata A, B, C, D in that order
 *    (A = highest risk); in each, the members in id order; n_s to draw is
 *      ratio mode: ceil(N_s × ratio_s / 10000)   (ratios in basis points; ≥ the ratio, RULES §2.5)
 *      count mode: count split over strata in proportion to N_s by largest remainder (ties: A first)
 *    then a partial Fisher–Yates shuffle: for i in 0..n_s−1, j = i + uniformInt(N_s − i), swap
 *    i and j; the first n_s are drawn, in that order. Every n_s-subset is equally likely.
 * 5. Assign. For each drawn inspectee in draw order, the eligible inspectors are those without a
 *    declared conflict with it and not from an org declared in conflict with it. For a joint
 *    task, first one inspector from each participating org (org ids ascending), then any
 *    eligible inspector until the team has k (inspectorsPerInspectee, ≥ 2). Each pick takes the
 *    least loaded eligible inspector (load = priorLoad + teams so far in this draw); ties are
 *    broken by uniformInt(number tied) over the tied ids in ascending order.
 * 6. Result. picks = [inspecteeId, stratum, inspectorIds] in draw order; resultHash = H(picks).
 *
 * A rule that cannot be met returns `{ ok: false, failure }` naming the rule and why; nothing is
 * drawn. `verifyDraw` (draw-verify.ts) recomputes every step from the stored record.
 */
import { type DrawInput, RISK_GRADES, type RiskGrade } from './draw-input.js';
import { commitRevealSeed, HashPrng, hashOf } from './draw-hash.js';

export { ALGORITHM, DrawInputSchema, type DrawInput, RISK_GRADES, type RiskGrade } from './draw-input.js';

export type DrawRule =
  | 'algorithm'
  | 'canonicalOrder'
  | 'emptyCandidates'
  | 'ratioRange'
  | 'countRange'
  | 'inspectorsPerInspectee'
  | 'certified'
  | 'inspectorOrg'
  | 'poolSize'
  | 'jointStaffing'
  | 'minInspectors';

export interface DrawFailure {
  rule: DrawRule;
  /** Chinese, for the user: which rule and why. */
  message: string;
  details: Record<string, string | number>;
}

export interface DrawPick {
  inspecteeId: string;
  stratum: RiskGrade;
  inspectorIds: string[];
}

export interface DrawHashes {
  candidatesHash: string;
  inspectorsHash: string;
  conflictsHash: string;
  paramsHash: string;
  commitment: string;
}

export interface Reveal {
  drawnAt: string;
  serverRandom: string;
}

export type DrawOutcome =
  | {
      ok: true;
      picks: DrawPick[];
      resultHash: string;
      strata: Record<RiskGrade, { candidates: number; drawn: number }>;
    }
  | { ok: false; failure: DrawFailure };

export function drawHashes(input: DrawInput): DrawHashes {
  const candidatesHash = hashOf(input.candidates);
  const inspectorsHash = hashOf({ inspectors: input.inspectors, priorLoad: input.priorLoad });
  const conflictsHash = hashOf(input.conflicts);
  const paramsHash = hashOf({ algorithm: input.algorithm, taskId: input.taskId, params: input.params });
  const commitment = hashOf({
    algorithm: input.algorithm,
    candidatesHash,
    conflictsHash,
    inspectorsHash,
    paramsHash,
    taskId: input.taskId,
  });
  return { candidatesHash, inspectorsHash, conflictsHash, paramsHash, commitment };
}

export function drawSeed(commitment: string, reveal: Reveal): string {
  return commitRevealSeed(commitment, reveal);
}

export function resultHash(picks: readonly DrawPick[]): string {
  return hashOf(picks.map((p) => [p.inspecteeId, p.stratum, p.inspectorIds]));
}

const fail = (
  rule: DrawRule,
  message: string,
  details: Record<string, string | number> = {},
): DrawFailure => ({
  rule,
  message,
  details,
});

function ascendingUnique(ids: readonly string[]): number {
  for (let i = 1; i < ids.length; i++) if (!((ids[i - 1] ?? '') < (ids[i] ?? ''))) return i;
  return -1;
}

/** The rules that do not depend on chance: checked before the commitment and again when drawing. */
export function checkDrawInput(input: DrawInput): DrawFailure | undefined {
  const { params } = input;
  if (input.algorithm !== 'fazhi-draw-v1') return fail('algorithm', `不支持的抽取算法“${input.algorithm}”`);
  if (input.candidates.length === 0) {
    return fail('emptyCandidates', '检查对象名单为空:没有符合本任务筛选条件(行业、区域、风险等级)的检查对象');
  }
  const badCandidate = ascendingUnique(input.candidates.map((c) => c[0]));
  if (badCandidate >= 0)
    return fail('canonicalOrder', '检查对象名单未按编号升序排列或有重复', { index: badCandidate });
  const badInspector = ascendingUnique(input.inspectors.map((c) => c[0]));
  if (badInspector >= 0)
    return fail('canonicalOrder', '检查人员名单未按编号升序排列或有重复', { index: badInspector });
  if (params.mode === 'ratio') {
    for (const g of RISK_GRADES) {
      const bp = params.ratioBp[g];
      if (!Number.isInteger(bp) || bp < 0 || bp > 10000) {
        return fail('ratioRange', `风险等级 ${g} 的抽取比例应在 0%–100% 之间`, { grade: g, ratioBp: bp });
      }
    }
    if (RISK_GRADES.every((g) => params.ratioBp[g] === 0))
      return fail('ratioRange', '各风险等级的抽取比例均为 0%,不会抽到任何检查对象');
  } else if (!Number.isInteger(params.count) || params.count < 1 || params.count > input.candidates.length) {
    return fail('countRange', `抽取数量应在 1 到 ${input.candidates.length}(名单人数)之间`, {
      count: params.count,
    });
  }
  const k = params.inspectorsPerInspectee;
  if (!Number.isInteger(k) || k < 2 || k > 10) {
    return fail(
      'inspectorsPerInspectee',
      '每个检查对象应由 2–10 名执法检查人员检查(《市场监管总局关于全面推进“双随机、一公开”监管工作的通知》:不少于 2 人)',
      { k },
    );
  }
  const orgs = new Set(params.participantOrgIds);
  for (const [id, orgId, certificate, validUntil] of input.inspectors) {
    if (certificate.trim() === '' || validUntil < params.certifiedThrough) {
      return fail('certified', `检查人员 ${id} 没有在任务期内(至 ${params.certifiedThrough})有效的执法证`, {
        inspectorId: id,
        validUntil,
      });
    }
    if (!orgs.has(orgId))
      return fail('inspectorOrg', `检查人员 ${id} 不属于参与本任务的单位`, { inspectorId: id, orgId });
  }
  if (input.inspectors.length < k) {
    return fail(
      'poolSize',
      `持有效执法证的检查人员只有 ${input.inspectors.length} 名,少于每个检查对象所需的 ${k} 名`,
      {
        available: input.inspectors.length,
        required: k,
      },
    );
  }
  if (params.joint) {
    for (const orgId of params.participantOrgIds) {
      if (!input.inspectors.some((i) => i[1] === orgId)) {
        return fail('jointStaffing', `联合抽查的参与单位 ${orgId} 没有持有效执法证的检查人员`, { orgId });
      }
    }
  }
  return undefined;
}

/** How many to draw from each stratum (step 4). */
export function stratumQuotas(input: DrawInput, sizes: Record<RiskGrade, number>): Record<RiskGrade, number> {
  const { params } = input;
  const out = { A: 0, B: 0, C: 0, D: 0 } satisfies Record<RiskGrade, number>;
  if (params.mode === 'ratio') {
    for (const g of RISK_GRADES) out[g] = Math.floor((sizes[g] * params.ratioBp[g] + 9999) / 10000);
    return out;
  }
  const total = RISK_GRADES.reduce((s, g) => s + sizes[g], 0);
  let given = 0;
  for (const g of RISK_GRADES) {
    out[g] = Math.floor((params.count * sizes[g]) / total);
    given += out[g];
  }
  // largest remainder; a stable sort keeps A before B … on ties
  const order = [...RISK_GRADES].sort(
    (a, b) => ((params.count * sizes[b]) % total) - ((params.count * sizes[a]) % total),
  );
  for (const g of order) {
    if (given >= params.count) break;
    if (out[g] < sizes[g]) {
      out[g]++;
      given++;
    }
  }
  return out;
}

/** Steps 4–6 on a checked input. */
export function runDraw(input: DrawInput, seed: string): DrawOutcome {
  const invalid = checkDrawInput(input);
  if (invalid) return { ok: false, failure: invalid };
  const prng = new HashPrng(seed);

  const members: Record<RiskGrade, string[]> = { A: [], B: [], C: [], D: [] };
  for (const [id, grade] of input.candidates) members[grade].push(id);
  const sizes = { A: members.A.length, B: members.B.length, C: members.C.length, D: members.D.length };
  const quotas = stratumQuotas(input, sizes);
  const selected: { id: string; stratum: RiskGrade }[] = [];
  for (const g of RISK_GRADES) {
    const list = members[g];
    const n = quotas[g];
    for (let i = 0; i < n; i++) {
      const j = i + prng.uniformInt(list.length - i);
      const chosen = list[j] as string; // j < list.length by uniformInt's range
      list[j] = list[i] as string; // i < j + 1 ≤ list.length
      list[i] = chosen;
      selected.push({ id: chosen, stratum: g });
    }
  }

  const assigned = assignInspectors(input, selected, prng);
  if ('failure' in assigned) return { ok: false, failure: assigned.failure };
  const strata = {} as Record<RiskGrade, { candidates: number; drawn: number }>;
  for (const g of RISK_GRADES) strata[g] = { candidates: sizes[g], drawn: quotas[g] };
  return { ok: true, picks: assigned.picks, resultHash: resultHash(assigned.picks), strata };
}

/**
 * Step 5: teams under the avoidance rules, least loaded first, ties by the PRNG. Written with
 * typed arrays over pool indexes (the pool is in id order, so "ties in ascending id order" is
 * index order) because it runs once per drawn inspectee over the whole pool.
 */
function assignInspectors(
  input: DrawInput,
  selected: readonly { id: string; stratum: RiskGrade }[],
  prng: HashPrng,
): { picks: DrawPick[] } | { failure: DrawFailure } {
  const size = input.inspectors.length;
  const ids = input.inspectors.map((i) => i[0]);
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  const orgIds = [...new Set(input.inspectors.map((i) => i[1]))].sort();
  const orgIndex = new Map(orgIds.map((o, i) => [o, i]));
  const orgOf = Int32Array.from(input.inspectors, (i) => orgIndex.get(i[1]) ?? -1);
  const load = new Float64Array(size);
  for (const [id, n] of input.priorLoad) {
    const i = indexOf.get(id);
    if (i !== undefined) load[i] = n;
  }
  const all = Int32Array.from(ids, (_, i) => i);
  const byOrg = new Map(orgIds.map((o) => [o, all.filter((i) => orgOf[i] === orgIndex.get(o))]));
  // per inspectee: pool indexes and org indexes it may not be inspected by
  const conflicts = new Map<string, { inspectors: Set<number>; orgs: Set<number> }>();
  for (const [inspecteeId, kind, otherId] of input.conflicts) {
    let c = conflicts.get(inspecteeId);
    if (!c) {
      c = { inspectors: new Set(), orgs: new Set() };
      conflicts.set(inspecteeId, c);
    }
    const i = kind === 'inspector' ? indexOf.get(otherId) : orgIndex.get(otherId);
    if (i !== undefined) (kind === 'inspector' ? c.inspectors : c.orgs).add(i);
  }
  const k = input.params.inspectorsPerInspectee;
  const blocked = new Uint8Array(size); // 1 = conflicted with, or already on, this team
  const ties = new Int32Array(size);
  const picks: DrawPick[] = [];

  const pickLeastLoaded = (candidates: Int32Array): number => {
    let min = Number.POSITIVE_INFINITY;
    let n = 0;
    for (let x = 0; x < candidates.length; x++) {
      const i = candidates[x] as number;
      if (blocked[i]) continue;
      const l = load[i] as number;
      if (l < min) {
        min = l;
        n = 0;
      }
      if (l === min) ties[n++] = i;
    }
    return n === 0 ? -1 : (ties[prng.uniformInt(n)] as number);
  };

  for (const s of selected) {
    const c = conflicts.get(s.id);
    if (c)
      for (let i = 0; i < size; i++)
        blocked[i] = c.inspectors.has(i) || c.orgs.has(orgOf[i] as number) ? 1 : 0;
    const team: number[] = [];
    const take = (i: number) => {
      team.push(i);
      blocked[i] = 1;
    };
    if (input.params.joint) {
      for (const orgId of input.params.participantOrgIds) {
        const i = pickLeastLoaded(byOrg.get(orgId) ?? new Int32Array(0));
        if (i < 0) {
          return {
            failure: fail(
              'jointStaffing',
              `联合抽查的参与单位 ${orgId} 没有可派往检查对象 ${s.id} 的检查人员(均需回避)`,
              {
                inspecteeId: s.id,
                orgId,
              },
            ),
          };
        }
        take(i);
      }
    }
    while (team.length < k) {
      const i = pickLeastLoaded(all);
      if (i < 0) {
        return {
          failure: fail(
            'minInspectors',
            `检查对象 ${s.id} 只有 ${team.length} 名无需回避的检查人员,少于规定的 ${k} 名`,
            {
              inspecteeId: s.id,
              available: team.length,
              required: k,
            },
          ),
        };
      }
      take(i);
    }
    for (const i of team) load[i] = (load[i] as number) + 1;
    // reset what this inspectee blocked; a full sweep only when it had conflicts
    if (c) blocked.fill(0);
    else for (const i of team) blocked[i] = 0;
    picks.push({ inspecteeId: s.id, stratum: s.stratum, inspectorIds: team.map((i) => ids[i] as string) });
  }
  return { picks };
}
