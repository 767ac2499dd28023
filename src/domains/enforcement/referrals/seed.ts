import { sql } from 'kysely';
import { addDays, compareDates, type LocalDate } from '../../../platform/calendar/index.js';
import { chinaDate, type Ctx } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { chineseName, intBetween, mulberry32, pickOne } from '../demo-names.js';
import { createReferral, recordReferralAction } from './service.js';

/** What the demo departments refer, with facts and evidence as their reports would state them. */
const CRIMES: Record<string, readonly { crime: string; facts: string; evidence: readonly string[] }[]> = {
  开远市市场监督管理局: [
    {
      crime: '生产、销售伪劣产品罪',
      facts: '销售的电线电缆经抽样检验导体电阻不合格,库存及已售货值金额合计逾 5 万元',
      evidence: ['产品质量检验报告', '涉案物品清单', '进销货台账', '询问笔录'],
    },
    {
      crime: '生产、销售不符合安全标准的食品罪',
      facts: '生产销售的腌制食品经检验亚硝酸盐严重超标,足以造成严重食物中毒事故',
      evidence: ['食品安全检验报告', '现场检查笔录', '涉案物品清单', '销售记录'],
    },
    {
      crime: '销售假冒注册商标的商品罪',
      facts: '销售假冒注册商标的白酒,经商标权利人鉴定为假冒,销售金额逾 5 万元',
      evidence: ['商标权利人鉴定意见', '扣押物品清单', '销售单据', '询问笔录'],
    },
  ],
  红河州生态环境局开远分局: [
    {
      crime: '污染环境罪',
      facts: '通过暗管向雨水管网排放含重金属废水,经监测总镍超过排放标准三倍以上',
      evidence: ['环境监测报告', '现场勘验笔录', '视听资料', '询问笔录'],
    },
  ],
  开远市自然资源局: [
    {
      crime: '非法占用农用地罪',
      facts: '未经批准占用永久基本农田建设厂房,经测绘占地面积 6.2 亩,种植条件严重毁坏',
      evidence: ['勘测定界报告', '土地利用现状图', '现场勘验笔录', '询问笔录'],
    },
    {
      crime: '非法采矿罪',
      facts: '未取得采矿许可证擅自开采砂石,经评估矿产资源破坏价值逾 10 万元',
      evidence: ['矿产资源破坏价值鉴定', '现场勘验笔录', '扣押设备清单', '询问笔录'],
    },
  ],
  开远市应急管理局: [
    {
      crime: '危险作业罪',
      facts: '在生产作业中拒不执行停产停业整改指令,擅自恢复涉及危险化学品的生产作业',
      evidence: ['现场检查记录', '责令限期整改指令书', '视听资料', '询问笔录'],
    },
  ],
  开远市林业和草原局: [
    {
      crime: '滥伐林木罪',
      facts: '超出林木采伐许可证范围采伐林木,经鉴定滥伐蓄积 32 立方米',
      evidence: ['林木蓄积鉴定报告', '采伐许可证', '现场勘验笔录', '询问笔录'],
    },
  ],
  开远市烟草专卖局: [
    {
      crime: '非法经营罪',
      facts: '无烟草专卖零售许可证经营卷烟,查获卷烟 420 条,经营数额逾 5 万元',
      evidence: ['涉案卷烟鉴别检验报告', '扣押物品清单', '价格认定书', '询问笔录'],
    },
  ],
  开远市农业农村和科学技术局: [
    {
      crime: '生产、销售伪劣农药、兽药、化肥、种子罪',
      facts: '销售的玉米种子经检验发芽率不合格,致使农户生产遭受较大损失',
      evidence: ['种子质量检验报告', '损失评估报告', '销售记录', '询问笔录'],
    },
  ],
};

const POLICE = '开远市公安局';
const PROCURATORATE = '开远市人民检察院';
/** Roughly one referral every 18 days across the county: a few dozen a year. */
const DAYS_PER_REFERRAL = 18;

type Step = { action: string; days: number; hour?: number; data?: Record<string, unknown> };

/** The path a referral takes after approval (days counted from the report). */
function pathFor(random: () => number, year: number, n: number, short: string): Step[] {
  const hour = intBetween(random, 9, 11);
  const approve: Step = {
    action: 'approve',
    days: intBetween(random, 0, 2),
    hour,
    data: { approverName: chineseName(random, 'male') },
  };
  const hand = (late: boolean): Step => ({
    action: 'handOver',
    days: approve.days + (late ? 1 : 0),
    hour: late ? hour + 6 : hour + intBetween(random, 2, 6),
    data: { policeOrg: POLICE, documentNo: `开${short}移〔${year}〕${n}号`, procuratorate: PROCURATORATE },
  });
  const accept: Step = { action: 'accept', days: approve.days + 1 };
  const file = (d: number): Step => ({
    action: 'file',
    days: d,
    data: { documentNo: `开公立字〔${year}〕${100 + n}号` },
  });
  const decline: Step = {
    action: 'decline',
    days: approve.days + 4,
    data: { reason: '经审查,涉案数额未达到立案追诉标准', documentNo: `开公不立字〔${year}〕${n}号` },
  };
  const exhibits = (d: number): Step => ({
    action: 'transferExhibits',
    days: d,
    data: { items: ['涉案物品', '案卷材料'] },
  });
  const r = random();
  if (r < 0.08)
    return [
      {
        action: 'refuse',
        days: 2,
        data: { approverName: chineseName(random, 'male'), reason: '证据尚不足以证明达到追诉标准,继续调查' },
      },
    ];
  if (r < 0.55)
    return [
      approve,
      hand(r < 0.15),
      accept,
      file(approve.days + 3),
      exhibits(approve.days + 5),
      { action: 'close', days: approve.days + 40 },
    ];
  // art. 10: after 不予立案 the agency deals with the case itself; half are still open in the ledger
  if (r < 0.7)
    return [
      approve,
      hand(false),
      accept,
      decline,
      ...(r < 0.63 ? [] : [{ action: 'close', days: approve.days + 12 }]),
    ];
  if (r < 0.85)
    return [
      approve,
      hand(false),
      accept,
      decline,
      { action: 'requestReconsideration', days: decline.days + 2 },
      {
        action: 'reconsiderFiled',
        days: decline.days + 4,
        data: { documentNo: `开公复立字〔${year}〕${n}号` },
      },
      exhibits(decline.days + 6),
      { action: 'close', days: decline.days + 45 },
    ];
  return [
    approve,
    hand(false),
    accept,
    decline,
    { action: 'requestReconsideration', days: decline.days + 1 },
    {
      action: 'reconsiderUpheld',
      days: decline.days + 3,
      data: { reason: '维持不予立案决定', documentNo: `开公复字〔${year}〕${n}号` },
    },
    {
      action: 'requestSupervision',
      days: decline.days + 5,
      data: { opinion: `建议${PROCURATORATE}依法进行立案监督` },
    },
    file(decline.days + 20),
    exhibits(decline.days + 22),
    { action: 'close', days: decline.days + 60 },
  ];
}

/**
 * Demo 两法衔接 referrals through the referral service: a few dozen over the demo period from the
 * departments that meet crimes most (市场监管, 生态环境, 自然资源, 应急管理, 林草, 烟草, 农业农村),
 * most filed by the police, some refused with 复议 or 检察监督, and the latest still running —
 * one handover overdue (approved, not handed over within 24 hours) and one police review overdue.
 */
export async function seedReferrals(ctx: Ctx, opts: { year: number; today: LocalDate }): Promise<number> {
  const random = mulberry32(20250303);
  const now = ctx.now();
  const today = chinaDate(now);
  const cases = await ctx.db
    .selectFrom('enforcement_case as c')
    .innerJoin('org as g', 'g.id', 'c.org_id')
    .select(['c.id', 'c.opened_on', 'c.decided_on', 'g.name as org_name'])
    .where('g.name', 'in', Object.keys(CRIMES))
    .where('c.procedure', '=', 'ordinary')
    .where('c.opened_on', '>=', `${opts.year}-01-01`)
    .where(
      sql<boolean>`not exists (select 1 from enforcement_case_action a where a.case_id = c.id and a.action = 'terminate')`,
    )
    .orderBy('c.opened_on')
    .orderBy('c.case_no')
    .execute();
  const target = Math.round(
    (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${opts.year}-01-01T00:00:00Z`)) /
      86_400_000 /
      DAYS_PER_REFERRAL,
  );
  const stride = Math.max(1, Math.floor(cases.length / Math.max(1, target)));
  let made = 0;
  let stalled = 0;
  const serials = new Map<string, number>();
  for (let i = Math.floor(stride / 2); i < cases.length && made < target; i += stride) {
    const c = cases[i];
    if (!c) continue;
    const crime = pickOne(random, CRIMES[c.org_name] ?? []);
    // every fifth referral comes after the penalty decision (art. 11: the decision stands, a fine offsets)
    const reportedOn =
      made % 5 === 4 && c.decided_on
        ? addDays(c.decided_on, intBetween(random, 5, 30))
        : addDays(c.opened_on, intBetween(random, 3, 15));
    if (compareDates(reportedOn, addDays(today, -1)) > 0) continue;
    const year = Number(reportedOn.slice(0, 4));
    const n = (serials.get(`${c.org_name}/${year}`) ?? 0) + 1;
    serials.set(`${c.org_name}/${year}`, n);
    const short = c.org_name.replace(/^(开远市|红河州)/, '').slice(0, 2);
    const handlers = await ctx.db
      .selectFrom('enforcement_case')
      .select('handler_ids')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    let r: Awaited<ReturnType<typeof createReferral>>;
    try {
      r = await createReferral(ctx, {
        caseId: c.id,
        teamIds: handlers.handler_ids,
        suspectedCrime: crime.crime,
        facts: `${crime.facts},涉嫌构成${crime.crime},依法应当移送公安机关追究刑事责任。`,
        evidence: crime.evidence.map((name) => ({ name })),
        reportedOn,
      });
    } catch (e) {
      // a handler whose certificate lapsed by the report date: the service refuses; so does the demo
      if (e instanceof DomainError) continue;
      throw e;
    }
    made++;
    let steps = pathFor(random, year, n, short);
    // the two most recent live referrals are left overdue: one not handed over, one not decided by the police
    const age = Math.round(
      (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${reportedOn}T00:00:00Z`)) / 86_400_000,
    );
    if (age < 25 && steps[0]?.action === 'approve' && stalled < 2)
      steps = steps.slice(0, stalled++ === 0 ? 1 : 3);
    for (const s of steps) {
      const date = addDays(reportedOn, s.days);
      const at =
        s.hour === undefined
          ? undefined
          : `${date}T${String(s.hour).padStart(2, '0')}:${String(intBetween(random, 0, 59)).padStart(2, '0')}:00+08:00`;
      if (compareDates(date, today) >= 0 || (at && Date.parse(at) > now.getTime())) break;
      r = await recordReferralAction(ctx, r.id, {
        version: r.version,
        action: s.action,
        ...(at ? { at } : { date }),
        data: s.data ?? {},
      });
    }
  }
  return made;
}
