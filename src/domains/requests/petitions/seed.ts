import type { Ctx } from '../../../platform/context.js';
import { addEntry } from '../core/entry-service.js';
import type { DemoOrgIds } from '../seed.js';
import { type SeedOptions, scaled } from '../../demo-seed.js';
import { after, chain, seeded } from '../seed-kit.js';
import { createPetition } from './service.js';
import { petitionSpec } from './spec.js';

const CLAIMS = [
  '反映拖欠农民工工资问题,要求协调支付',
  '反映征地补偿款分配不公,要求重新核算',
  '反映小区物业服务差、收费不规范',
  '反映邻居违章搭建影响采光通行',
  '要求解决子女入学问题',
  '反映养老保险待遇核定有误',
  '反映房屋漏水开发商拒不维修',
  '要求办理不动产登记',
];
const ACCUSATIONS = ['举报村干部违规发放低保', '举报企业夜间偷排污水', '举报工地噪声扰民'];
const SUGGESTIONS = ['建议增设公交线路站点', '建议改善农贸市场周边交通秩序', '建议增加城区停车泊位'];

export async function seedPetitions(ctx: Ctx, orgs: DemoOrgIds, opts: SeedOptions, scale: number) {
  const r = seeded(14_002);
  const office = orgs.byShort.get('信访局') ?? orgs.rootId;
  const handlers = [
    office,
    ...['人社局', '住建局', '自然资源局', '市场监管局', '教体局', '民政局'].map(
      (s) => orgs.byShort.get(s) ?? office,
    ),
    ...orgs.townships.map((t) => t.id),
  ];
  // 35 county-level leaders, of whom 1 is the principal leader (the seeds: 11 batches by the principal)
  const leaders = Array.from({ length: scaled(35, scale, 3) }, () => r.name());
  const batches = scaled(112, scale, 3);
  const receptions: string[] = [];
  for (let i = 0; i < batches; i++) {
    const principal = i < scaled(11, scale);
    const month = (i % 12) + 1;
    const e = await addEntry(ctx, 'reception', {
      orgId: orgs.rootId,
      category: principal ? 'principal' : 'county',
      occurredOn: `${opts.year}-${String(month).padStart(2, '0')}-15`,
      title: r.pick(['信访接待中心接访', '下乡(镇)接访', '带案下访']),
      quantity: r.chance(0.3) ? 2 : 1,
      personName: principal ? (leaders[0] ?? '') : r.pick(leaders.slice(1)),
      place: r.pick(orgs.townships).name,
    });
    receptions.push(e.id);
  }
  const count = scaled(300, scale, 10);
  const thisYear = Number(opts.today.slice(0, 4));
  let open = 0;
  for (let i = 0; i < count + scaled(12, scale, 3); i++) {
    const current = i >= count;
    const fromReception = !current && i < receptions.length;
    const category = r.pick(['claim', 'claim', 'claim', 'accusation', 'suggestion', 'suggestion'] as const);
    const received = current ? after(opts.today, -r.int(2, 80)) : r.dayIn(opts.year, opts.today);
    const item = await createPetition(ctx, {
      orgId: fromReception ? office : r.pick(handlers),
      petitionerName: r.name(),
      petitionerKind: r.chance(0.9) ? 'person' : 'group',
      persons: r.chance(0.9) ? 1 : r.int(3, 12),
      petitionerContact: `13${r.int(100_000_000, 999_999_999)}`,
      subject:
        category === 'claim'
          ? r.pick(CLAIMS)
          : category === 'accusation'
            ? r.pick(ACCUSATIONS)
            : r.pick(SUGGESTIONS),
      channel: fromReception
        ? 'visit'
        : r.pick([
            'letter',
            'visit',
            'online',
            'online',
            'hotline12345',
            'hotline12345',
            'transferred',
          ] as const),
      category,
      receivedOn: fromReception ? `${opts.year}-${String((i % 12) + 1).padStart(2, '0')}-15` : received,
      ...(fromReception ? { receptionId: receptions[i] } : {}),
      escalated: !current && i % 150 === 149,
      backlog: !current && i % 40 === 7,
    });
    const t0 = item.receivedOn;
    const steps: [string, string, Record<string, unknown>?][] = [];
    const roll = r.random();
    if (roll < 0.1 && !fromReception) {
      steps.push([
        'route',
        after(t0, r.int(1, 10)),
        { toOrg: r.pick(['红河州人力资源和社会保障局', '开远市人民法院', '国网开远供电局']) },
      ]);
    } else if (roll < 0.13 && category === 'claim' && !fromReception) {
      steps.push([
        'decline',
        after(t0, r.int(1, 10)),
        { procedure: 'litigation', reason: '属于民事纠纷,已告知依法向人民法院起诉' },
      ]);
    } else {
      const accepted = after(t0, r.int(1, 12));
      steps.push(['accept', accepted]);
      const stall = current && i < count + 3;
      if (!stall) {
        const extend = r.chance(0.08);
        if (extend)
          steps.push([
            'extend',
            after(accepted, 50),
            { approverName: '王信', reason: '情况复杂,需多部门会商' },
          ]);
        const answerOn = after(
          accepted,
          extend ? r.int(62, 85) : r.chance(0.04) ? r.int(62, 70) : r.int(15, 55),
        );
        const resolved = r.chance(fromReception ? 0.72 : 0.9);
        steps.push([
          'answer',
          answerOn,
          {
            result: resolved ? r.pick(['supported', 'partlySupported', 'explained']) : 'notSupported',
            resolved,
            documentNo: `开信处〔${current ? thisYear : opts.year}〕${i + 1}号`,
          },
        ]);
        if (!resolved && r.chance(0.5)) {
          const rq = after(answerOn, r.int(5, 25));
          steps.push(['requestReview', rq]);
          const rv = after(rq, r.int(10, 28));
          steps.push([
            'answerReview',
            rv,
            {
              result: 'notSupported',
              resolved: r.chance(0.4),
              documentNo: `开信复〔${opts.year}〕${i + 1}号`,
            },
          ]);
          if (r.chance(0.3)) {
            const rc = after(rv, r.int(5, 25));
            steps.push(['requestRecheck', rc]);
            steps.push([
              'answerRecheck',
              after(rc, r.int(10, 28)),
              { result: 'notSupported', resolved: false, documentNo: `开信核〔${opts.year}〕${i + 1}号` },
            ]);
          }
        } else {
          steps.push([
            'rate',
            after(answerOn, r.int(3, 10)),
            { satisfaction: resolved ? r.pick(['satisfied', 'satisfied', 'basically']) : 'unsatisfied' },
          ]);
          steps.push(['close', after(answerOn, r.int(11, 20))]);
        }
      } else open++;
    }
    await chain(ctx, petitionSpec, item, opts.today, steps);
  }
  opts.log(`信访:${count} 件(本年在办 ${open} 件起),领导接访 ${batches} 批`);
}
