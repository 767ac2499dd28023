import { addDays } from '../../platform/calendar/index.js';
import type { Ctx } from '../../platform/context.js';
import { DomainError } from '../../platform/errors.js';
import { generateUscc } from '../../platform/ids/index.js';
import { seededRandom } from '../../platform/ids/prng.js';
import { prepareProblemCases, type ResultRow } from './case-link.js';
import { sha256Hex } from './draw-hash.js';
import { drawTask } from './draw-service.js';
import { createPlan, createTask } from './plan-service.js';
import {
  createChecklistItem,
  createConflict,
  createInspector,
  importInspectees,
  listInspectees,
  listInspectors,
  registerInspectorsFromOfficers,
} from './registry-service.js';
import { listTargets, publishTaskResults, recordTaskResults } from './result-service.js';
import { type InspectionResult, inspectionResults } from './rules.js';
import demo from './seed-departments.json' with { type: 'json' };
import type { SeedOptions } from '../demo-seed.js';

/**
 * The demo county's departments doing 双随机 checks (share of the ~10,000 inspectees, industries,
 * matters, legal basis) and its joint plans, lead org first (国发〔2019〕5号 部门联合“双随机、一公开”):
 * demo data in seed-departments.json.
 */
const { departments: DEPARTMENTS, joint: JOINT } = demo;

const RESULTS: [InspectionResult, number][] = [
  // problem results whose drawn team cannot lawfully open a case fall back to 未发现问题 (lawfulRows)
  ['noProblem', 0.62],
  ['problemCorrected', 0.2],
  ['notPublicized', 0.05],
  ['notOperating', 0.04],
  ['unreachable', 0.03],
  ['problemPending', 0.02],
  ['uncooperative', 0.01],
  ['closed', 0.02],
  ['deregistered', 0.01],
];

const TOWNSHIPS = ['532502001', '532502002', '532502003', '532502100', '532502101', '532502200', '532502201'];
const SHOPS = [
  '商贸',
  '餐饮',
  '科技',
  '建材',
  '农业开发',
  '物流',
  '酒店管理',
  '医药',
  '汽车服务',
  '文化传媒',
];
const PLACES = ['开远', '灵泉', '乐白道', '小龙潭', '中和营', '大庄', '羊街', '碑格', '南洞', '凤凰'];
// 字号 of the demo's firms and shops, two characters as a county's are (鑫达, 恒盛, 宏源 …): 600
const TRADE_FIRST = [...'鑫恒宏顺金华兴永瑞盛泰富嘉德源福昌隆祥合丰润佳新万东南云滇红'];
const TRADE_SECOND = [...'达发源通盛泰丰利成信安和元茂汇隆辉宇航昌'];

/**
 * A firm's or shop's name no other inspectee of the demo has: the place (none for the city
 * itself), a 字号 and the trade: the 字号 starts at one spread by the inspectee's number `n` and
 * moves to the next while the name is taken. Draws nothing from
 * the seed's random stream, so the rest of the demo stays as it was.
 */
function uniqueName(taken: Set<string>, n: number, name: (trade: string) => string): string {
  const all = TRADE_FIRST.length * TRADE_SECOND.length;
  for (let k = (n * 37) % all, tries = 0; tries < all; k = (k + 1) % all, tries++) {
    const trade = `${TRADE_FIRST[k % TRADE_FIRST.length]}${TRADE_SECOND[Math.floor(k / TRADE_FIRST.length)]}`;
    const candidate = name(trade);
    if (!taken.has(candidate)) {
      taken.add(candidate);
      return candidate;
    }
  }
  throw new Error(`no free demo name like ${name('某某')}`);
}

function pickResult(r: number): InspectionResult {
  let acc = 0;
  for (const [code, p] of RESULTS) {
    acc += p;
    if (r < acc) return code;
  }
  return 'noProblem';
}

const at = (day: string, hour = 1) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);

/**
 * 一单两库 (~10,000 inspectees, inspectors from the enforcement officers), and for `year` and the
 * current year to `today`: department and joint plans, tasks, draws, results and publication.
 */
export async function seedInspection(ctx: Ctx, opts: SeedOptions): Promise<void> {
  const random = seededRandom(20250404);
  const orgRows = await ctx.db.selectFrom('org').select(['id', 'short_name', 'parent_id']).execute();
  const orgOf = new Map(orgRows.filter((o) => o.short_name).map((o) => [o.short_name as string, o.id]));
  const root = orgRows.find((o) => o.parent_id === null);
  const depts = DEPARTMENTS.filter((d) => orgOf.has(d.short));
  if (!root || depts.length === 0) return;

  const items = new Map<string, string[]>();
  for (const d of depts) {
    const orgId = orgOf.get(d.short) ?? '';
    const ids: string[] = [];
    for (const [i, matter] of d.matters.entries()) {
      const item = await createChecklistItem(ctx, {
        orgId,
        matter,
        category: d.industries[i % d.industries.length],
        legalBasis: d.basis,
        method: i % 2 ? '书面检查、网络监测' : '现场检查',
        defaultRatioPercent: 5,
        joint: i === 0,
      });
      ids.push(item.id);
    }
    items.set(d.short, ids);
  }

  opts.log('  检查对象名录库…');
  let n = 0;
  const taken = new Set<string>();
  for (const d of depts) {
    const count = Math.round(10_000 * d.share);
    const rows = Array.from({ length: count }, () => {
      n++;
      const individual = random() < 0.3;
      const place = PLACES[Math.floor(random() * PLACES.length)] ?? '';
      const area = place === '开远' ? '' : place;
      const trade = individual
        ? `${d.industries[0]?.slice(0, 2) ?? ''}经营部`
        : `${SHOPS[Math.floor(random() * SHOPS.length)]}有限公司`;
      const name = uniqueName(taken, n, (t) => `开远市${area}${t}${trade}`);
      const g = random();
      return {
        kind: individual ? 'individual' : 'enterprise',
        name,
        ...(individual && random() < 0.2
          ? {}
          : { uscc: generateUscc(500_000 + n, { regionCode: '532502', category: individual ? '2' : '1' }) }),
        industry: d.industries[Math.floor(random() * d.industries.length)] ?? '',
        locationCode: TOWNSHIPS[Math.floor(random() * TOWNSHIPS.length)] ?? '532502001',
        // 市场监管 信用风险分类: A 低风险 … D 高风险; few firms are high-risk
        riskGrade: g < 0.05 ? 'D' : g < 0.25 ? 'C' : g < 0.8 ? 'B' : 'A',
        address: `开远市${PLACES[Math.floor(random() * PLACES.length)]}路${Math.floor(random() * 300) + 1}号`,
      };
    });
    await importInspectees(ctx, { orgId: orgOf.get(d.short) ?? '', rows });
  }

  opts.log('  执法检查人员名录库…');
  await registerInspectorsFromOfficers(ctx, root.id);
  for (const d of depts) {
    const orgId = orgOf.get(d.short) ?? '';
    const have = (
      await listInspectors(ctx.db, ctx.scope, { orgIds: [orgId] }, { offset: 0, limit: 1, exactTotal: true })
    ).total;
    // the enforcement demo may give a department few certified officers: top up to six
    for (let i = have; i < 6; i++) {
      await createInspector(ctx, {
        orgId,
        name: `${d.short}检查员${i + 1}`,
        certificateNumber: `KY-JC-${d.short}-${i + 1}`,
        certificateValidUntil: `${opts.year + 4}-12-31`,
        fields: [d.industries[0] ?? ''],
      });
    }
  }
  for (const [k, d] of depts.slice(0, 4).entries()) {
    const orgId = orgOf.get(d.short) ?? '';
    // an org-level conflict names another department (the inspectee's own would leave no one to send)
    const otherOrg = orgOf.get(depts[(k + 1) % depts.length]?.short ?? '') ?? orgId;
    const some = (await listInspectees(ctx.db, ctx.scope, { orgIds: [orgId] }, { offset: 0, limit: 3 }))
      .items;
    const inspector = (
      await listInspectors(ctx.db, ctx.scope, { orgIds: [orgId] }, { offset: 0, limit: 1, exactTotal: true })
    ).items[0];
    for (const [i, e] of some.entries()) {
      if (i === 2)
        await createConflict(ctx, {
          inspecteeId: e.id,
          conflictOrgId: otherOrg,
          reason: '该单位负责人系参与单位领导干部的近亲属',
        });
      else if (inspector)
        await createConflict(ctx, {
          inspecteeId: e.id,
          inspectorId: inspector.id,
          reason: i ? '近三年内曾在该单位任职' : '与该单位负责人有近亲属关系',
        });
    }
  }

  opts.log('  抽查计划、抽取与结果…');
  const currentYear = Number(opts.today.slice(0, 4));
  for (const y of [opts.year, currentYear]) {
    if (y > currentYear) continue;
    for (const d of depts) {
      const lead = orgOf.get(d.short) ?? '';
      const plan = await createPlan(ctx, {
        year: y,
        name: `${y}年${d.short}“双随机、一公开”抽查工作计划`,
        kind: 'department',
        leadOrgId: lead,
      });
      const periods = [
        [`${y}-03-01`, `${y}-05-31`],
        [`${y}-06-01`, `${y}-08-31`],
        [`${y}-09-01`, `${y}-11-30`],
      ] as const;
      for (const [q, [startOn, endOn]] of periods.entries()) {
        const industry = d.industries[q % d.industries.length] ?? '';
        const task = await createTask(ctx, {
          planId: plan.id,
          name: `${y}年${d.short}${industry}随机抽查(第${q + 1}批)`,
          checklistItemIds: (items.get(d.short) ?? []).slice(0, 2),
          mode: 'ratio',
          ratioPercent: { A: 5, B: 5, C: 10, D: 20 },
          industries: [industry],
          startOn,
          endOn,
        });
        await runTask(ctx, task.id, startOn, endOn, opts.today, random);
      }
    }
    for (const [j, members] of JOINT.entries()) {
      const ids = members.map((m) => orgOf.get(m)).filter((x): x is string => Boolean(x));
      if (ids.length !== members.length) continue;
      const [lead, ...others] = ids;
      const leadDept = depts.find((d) => d.short === members[0]);
      const plan = await createPlan(ctx, {
        year: y,
        name: `${y}年${members.join('、')}部门联合抽查计划`,
        kind: 'joint',
        leadOrgId: lead,
        participantOrgIds: others,
      });
      const startOn = j % 2 ? `${y}-04-01` : `${y}-09-01`;
      const endOn = j % 2 ? `${y}-06-30` : `${y}-10-31`;
      const task = await createTask(ctx, {
        planId: plan.id,
        name: `${y}年${members.join('、')}联合抽查`,
        checklistItemIds: members.flatMap((m) => (items.get(m) ?? []).slice(0, 1)),
        mode: 'ratio',
        ratioPercent: { A: 5, B: 5, C: 10, D: 30 },
        industries: leadDept
          ? [
              ...leadDept.industries.slice(0, 1),
              ...members
                .slice(1)
                .flatMap((m) => depts.find((d) => d.short === m)?.industries.slice(0, 1) ?? []),
            ]
          : [],
        allIndustries: !leadDept,
        startOn,
        endOn,
      });
      await runTask(ctx, task.id, startOn, endOn, opts.today, random);
    }
  }
}

/** Draws a task that has started; records results up to today; publishes most of them. */
async function runTask(
  ctx: Ctx,
  taskId: string,
  startOn: string,
  endOn: string,
  today: string,
  random: () => number,
): Promise<void> {
  if (startOn > today) return;
  const drawCtx = { ...ctx, now: () => at(startOn) };
  try {
    await drawTask(drawCtx, taskId, {
      serverRandom: sha256Hex(`fazhi demo draw ${startOn} ${Math.floor(random() * 1e9)}`),
    });
  } catch (err) {
    // a declared conflict can leave a drawn inspectee without a lawful team: the draw is on
    // record as failed (as it would be in real use) and the demo moves on
    if (err instanceof DomainError && err.code === 'inspection.drawRule') return;
    throw err;
  }
  const targets = (await listTargets(ctx, { taskId }, { offset: 0, limit: 100_000 })).items;
  const last = endOn < today ? endOn : today;
  const span = Math.max(0, Math.round((Date.parse(last) - Date.parse(startOn)) / 86_400_000));
  const rows = targets
    .filter(() => endOn < today || random() < 0.5)
    .map((t) => ({
      targetId: t.id,
      result: pickResult(random()),
      inspectedOn: addDays(startOn, Math.floor(random() * (span + 1))),
    }))
    .map((r) => ({ ...r, note: r.result === 'problemCorrected' ? '现场发现问题,已当场责令改正并复查' : '' }));
  if (rows.length > 0) await recordTaskResults(ctx, taskId, await lawfulRows(ctx, taskId, rows));
  if (endOn >= today) return;
  const r = random();
  // most publish within 20 working days (~28 calendar days); some late; a few not yet
  const publishOn = addDays(
    endOn,
    r < 0.75 ? 5 + Math.floor(random() * 20) : r < 0.92 ? 30 + Math.floor(random() * 20) : 400,
  );
  if (publishOn <= today) await publishTaskResults(ctx, taskId, publishOn);
}

/**
 * A problem result opens a case, which needs a lawful team (≥ 2 certified officers of one body on
 * the day). Where the drawn team cannot lawfully open one (a topped-up inspector without an officer
 * record, an expired certificate), the demo records the result as 未发现问题 instead.
 */
async function lawfulRows(ctx: Ctx, taskId: string, rows: ResultRow[]): Promise<ResultRow[]> {
  const task = await ctx.db
    .selectFrom('inspection_task')
    .select('org_id')
    .where('id', '=', taskId)
    .executeTakeFirstOrThrow();
  try {
    await prepareProblemCases(ctx, task.org_id, rows);
    return rows;
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
  }
  const out: ResultRow[] = [];
  for (const r of rows) {
    if (!inspectionResults[r.result].problem) {
      out.push(r);
      continue;
    }
    try {
      await prepareProblemCases(ctx, task.org_id, [r]);
      out.push(r);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      out.push({ ...r, result: 'noProblem', note: '' });
    }
  }
  return out;
}
