import { ALL_SCOPE, type Ctx } from '../../platform/context.js';
import { listBodies } from '../enforcement/officers/store.js';
import type { PowerItem } from '../enforcement/power-list/schema.js';
import { iteratePowerItems } from '../enforcement/power-list/store.js';
import { demoDepartments } from '../org/demo-county.js';
import { listOrgs } from '../org/org-store.js';
import { createEntries } from './list-service.js';
import { lists } from './lists.js';
import type { LeniencyKind, MatterLevel } from './schema.js';
import { gradedLevels, STATUTORY_RANGES } from './seed-discretion.js';
import { LENIENCY_TEMPLATES } from './seed-leniency.js';
import { LICENSE_CATALOGUE } from './seed-licenses.js';

const ENFORCING = new Set(['penalty', 'coercion', 'inspection']);
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** '对X的处罚' → 'X': the violation a penalty item is about. */
export function violationOf(name: string): string {
  return name.replace(/^对/, '').replace(/的(处罚|处理)$/, '');
}

interface Demo {
  deptOrg: Map<string, { id: string; name: string }>;
  items: PowerItem[];
}

async function load(ctx: Ctx): Promise<Demo> {
  const orgs = (await listOrgs(ctx.db, ALL_SCOPE, {})).items;
  const byName = new Map(orgs.map((o) => [o.name, o]));
  const deptOrg = new Map<string, { id: string; name: string }>();
  for (const d of demoDepartments) {
    const o = byName.get(d.name);
    if (o) deptOrg.set(d.short, { id: o.id, name: o.name });
  }
  const items: PowerItem[] = [];
  for await (const p of iteratePowerItems(ctx.db, ALL_SCOPE, { status: 'active' })) items.push(p);
  return { deptOrg, items };
}

function licenseInputs(demo: Demo) {
  const out: Record<string, unknown>[] = [];
  let d = 0;
  for (const [short, templates] of Object.entries(LICENSE_CATALOGUE)) {
    const org = demo.deptOrg.get(short);
    d++;
    if (!org) continue;
    templates.forEach((t, i) => {
      const linked = demo.items.find(
        (p) => p.orgId === org.id && p.category === 'license' && p.name === (t.power ?? t.name),
      );
      const implementingOrg =
        t.level === 'county' || t.level === 'township'
          ? org.name
          : `${t.level === 'prefecture' ? '红河州' : t.level === 'province' ? '云南省' : '国家'}${short}`;
      for (const [s, sub] of (t.subs ?? ['']).entries())
        out.push({
          orgId: org.id,
          powerItemId: linked?.id ?? null,
          code: `532502-XK-${pad(d, 2)}${pad(i + 1, 2)}-${pad(s + 1, 2)}`,
          name: t.name,
          subItem: sub ? `${t.name}(${sub})` : '',
          implementingOrg,
          lawName: t.law,
          article: t.article,
          implementationBasis: t.basis ?? '',
          approvalLevel: t.level,
          statutoryDays: t.statutory,
          promisedDays: t.promised,
          charges: Boolean(t.fee),
          feeNote: t.fee ?? '',
          prerequisite: Boolean(t.prerequisite),
          prerequisiteNote: t.prerequisite ?? '',
        });
    });
  }
  return out;
}

async function matterInputs(ctx: Ctx, demo: Demo) {
  const bodies = (await listBodies(ctx.db, ALL_SCOPE, {}, { offset: 0, limit: 10_000 })).items;
  const out: Record<string, unknown>[] = [];
  for (const b of bodies) {
    if (!b.active) continue;
    const entrusted = b.kind === 'entrusted';
    const owner = entrusted ? b.entrustedByOrgId : b.orgId;
    const level: MatterLevel = b.name.endsWith('综合行政执法队') ? 'township' : 'county';
    for (const p of demo.items)
      if (p.orgId === owner && ENFORCING.has(p.category))
        out.push({
          powerItemId: p.id,
          bodyId: b.id,
          level,
          entrusted,
          ...(entrusted ? { note: '以委托机关名义实施' } : {}),
        });
  }
  return out;
}

function leniencyInputs(demo: Demo) {
  const out: Record<string, unknown>[] = [];
  const prefix: Record<LeniencyKind, string> = {
    noPenalty: 'BY',
    lighterPenalty: 'CQ',
    reducedPenalty: 'JQ',
    noCoercion: 'MQ',
  };
  let d = 0;
  for (const [, org] of demo.deptOrg) {
    d++;
    const own = demo.items.filter((p) => p.orgId === org.id);
    const counters: Record<LeniencyKind, number> = {
      noPenalty: 0,
      lighterPenalty: 0,
      reducedPenalty: 0,
      noCoercion: 0,
    };
    const add = (kind: LeniencyKind, p: PowerItem, n: number) => {
      const t = LENIENCY_TEMPLATES[kind];
      counters[kind]++;
      out.push({
        orgId: org.id,
        kind,
        powerItemId: p.id,
        code: `532502-${prefix[kind]}-${pad(d, 2)}-${pad(counters[kind], 3)}`,
        violation: violationOf(p.name),
        conditions: t.conditions[n % t.conditions.length],
        lawName: t.law,
        article: t.article,
        outcome: t.outcome,
      });
    };
    own.forEach((p, n) => {
      if (p.category === 'penalty') {
        add('noPenalty', p, n);
        add('lighterPenalty', p, n);
        add('reducedPenalty', p, n);
      } else if (p.category === 'coercion') add('noCoercion', p, n);
    });
  }
  return out;
}

function discretionInputs(demo: Demo) {
  const out: Record<string, unknown>[] = [];
  for (const p of demo.items) {
    if (p.category !== 'penalty') continue;
    const range = STATUTORY_RANGES[`${p.lawName}/${p.article}`];
    if (!range) continue;
    out.push({
      powerItemId: p.id,
      code: `532502-CL-${p.code.replace(/^532502-/, '')}`,
      violation: violationOf(p.name),
      lawName: p.lawName,
      article: p.article,
      levels: gradedLevels(range),
    });
  }
  return out;
}

/** Demo lists of the powers domain, built through its services over the seeded 权责清单. */
export async function seedPowersLists(ctx: Ctx, opts: { log: (msg: string) => void }): Promise<void> {
  const demo = await load(ctx);
  const licenses = await createEntries(ctx, lists.licenses, licenseInputs(demo));
  const matters = await createEntries(ctx, lists.matters, await matterInputs(ctx, demo));
  const leniency = await createEntries(ctx, lists['leniency-items'], leniencyInputs(demo));
  const standards = await createEntries(ctx, lists['discretion-standards'], discretionInputs(demo));
  opts.log(
    `行政许可事项 ${licenses.length} 项,执法事项 ${matters.length} 项,四张清单事项 ${leniency.length} 项,裁量权基准 ${standards.length} 项`,
  );
}
