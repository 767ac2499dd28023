import { addDays, type LocalDate } from '../../../platform/calendar/index.js';
import type { Ctx } from '../../../platform/context.js';
import { chineseName, intBetween, mulberry32, pickOne } from '../demo-names.js';
import { createBody, createOfficers } from './service.js';
import type { BodyKind } from './schema.js';

/** Relative headcount and 执法领域 of the demo county's enforcing departments (by short name). */
const DEPARTMENT_PLAN: Record<string, { weight: number; field: string; scope: string }> = {
  市场监管局: {
    weight: 110,
    field: '市场监督管理',
    scope: '食品安全、药品、特种设备、产品质量、价格、广告、登记注册等市场监督管理',
  },
  综合执法局: {
    weight: 100,
    field: '城市管理综合执法',
    scope: '市容环境卫生、城乡规划、园林绿化、市政公用等城市管理领域',
  },
  交通运输局: { weight: 45, field: '交通运输', scope: '道路运输、公路路政、水路运输' },
  生态环境分局: {
    weight: 35,
    field: '生态环境保护',
    scope: '大气、水、固体废物、噪声污染防治及建设项目环境管理',
  },
  自然资源局: { weight: 40, field: '自然资源', scope: '土地、矿产、测绘地理信息' },
  农业农村科技局: { weight: 45, field: '农业综合执法', scope: '种子、农药、兽药、饲料、动物防疫、渔业' },
  卫健局: { weight: 35, field: '卫生健康', scope: '公共场所卫生、医疗机构、职业卫生、传染病防治' },
  应急局: { weight: 30, field: '应急管理', scope: '安全生产、危险化学品、非煤矿山' },
  林草局: { weight: 35, field: '林业和草原', scope: '森林资源、野生动植物保护、草原' },
  文旅局: { weight: 20, field: '文化市场综合执法', scope: '文化、旅游、新闻出版、广播电视市场' },
  住建局: { weight: 30, field: '住房和城乡建设', scope: '建筑市场、房地产市场、物业管理' },
  人社局: { weight: 18, field: '劳动保障监察', scope: '劳动用工、工资支付、社会保险' },
  水务局: { weight: 18, field: '水行政', scope: '水资源、河道管理、水土保持' },
  医保局: { weight: 15, field: '医疗保障', scope: '医疗保障基金使用监督' },
  教体局: { weight: 12, field: '教育体育', scope: '民办教育、校外培训、体育经营活动' },
  消防大队: { weight: 30, field: '消防监督', scope: '消防安全监督检查' },
  烟草专卖局: { weight: 20, field: '烟草专卖', scope: '烟草专卖品经营' },
  公安局: { weight: 40, field: '治安管理', scope: '治安管理、出入境、道路交通安全' },
};
const DEFAULT_PLAN = { weight: 8, field: '行政执法', scope: '本部门法定职责范围内的行政执法' };
const TOWNSHIP_TEAM = {
  weight: 25,
  field: '乡镇综合行政执法',
  scope: '省人民政府决定赋予乡镇(街道)的行政处罚权及相关行政检查、行政强制',
};
const ENFORCING = new Set([
  '发改局',
  '教体局',
  '工商信局',
  '公安局',
  '民政局',
  '司法局',
  '财政局',
  '人社局',
  '自然资源局',
  '生态环境分局',
  '住建局',
  '交通运输局',
  '水务局',
  '农业农村科技局',
  '文旅局',
  '卫健局',
  '应急局',
  '审计局',
  '市场监管局',
  '统计局',
  '医保局',
  '林草局',
  '综合执法局',
  '民宗局',
  '档案局',
  '消防大队',
  '烟草专卖局',
]);
const POSITIONS = [
  '科员',
  '一级科员',
  '四级主任科员',
  '三级主任科员',
  '执法队员',
  '执法队员',
  '执法队员',
  '中队长',
  '副队长',
  '股长',
];

export interface SeededBody {
  bodyId: string;
  orgId: string;
  shortName: string;
  officerIds: string[];
}

/** Target officer count of the demo county (about 900). */
export const DEMO_OFFICER_TARGET = 900;

/**
 * Enforcement bodies for every enforcing department and township 综合行政执法队, and about 900
 * officers with certificates: most valid, some expiring within 90 / 30 days, some expired, a few
 * without a certificate yet. Deterministic for a given `today`.
 */
export async function seedOfficers(ctx: Ctx, today: LocalDate): Promise<SeededBody[]> {
  const random = mulberry32(20250101);
  const orgs = await ctx.db
    .selectFrom('org')
    .select(['id', 'name', 'short_name', 'kind', 'path'])
    .where('kind', 'in', ['department', 'agency'])
    .where('active', '=', true)
    // not by path: paths are made of random uuids, and the demo must come out the same every run
    .orderBy('kind')
    .orderBy('sort')
    .orderBy('name')
    .execute();
  const zhifaju = orgs.find((o) => o.short_name === '综合执法局');
  const plans: {
    orgId: string;
    shortName: string;
    kind: BodyKind;
    plan: typeof DEFAULT_PLAN;
    entrustedBy?: string;
  }[] = [];
  let teamIndex = 0;
  for (const o of orgs) {
    const short = o.short_name ?? o.name;
    if (o.kind === 'department' && ENFORCING.has(short)) {
      plans.push({
        orgId: o.id,
        shortName: short,
        kind: 'statutory',
        plan: DEPARTMENT_PLAN[short] ?? DEFAULT_PLAN,
      });
    } else if (o.kind === 'agency' && o.name.endsWith('综合行政执法队')) {
      // Two teams act on the county bureau's entrustment (处罚法 art. 20); the rest by provincial grant (art. 24).
      const entrusted = teamIndex++ % 4 === 3 && zhifaju;
      plans.push({
        orgId: o.id,
        shortName: o.name,
        kind: entrusted ? 'entrusted' : 'authorized',
        plan: TOWNSHIP_TEAM,
        ...(entrusted ? { entrustedBy: zhifaju.id } : {}),
      });
    }
  }
  const totalWeight = plans.reduce((s, p) => s + p.plan.weight, 0);
  const result: SeededBody[] = [];
  const rows: unknown[] = [];
  const owners: number[] = [];
  let seq = 1;
  for (const [i, p] of plans.entries()) {
    const body = await createBody(ctx, {
      orgId: p.orgId,
      kind: p.kind,
      scope: p.plan.scope,
      basis:
        p.kind === 'entrusted'
          ? '行政执法委托书(开综执委〔2023〕1号)'
          : p.kind === 'authorized'
            ? '云南省人民政府关于赋予乡镇(街道)部分县级行政处罚权的决定'
            : '',
      ...(p.entrustedBy ? { entrustedByOrgId: p.entrustedBy } : {}),
    });
    result.push({ bodyId: body.id, orgId: p.orgId, shortName: p.shortName, officerIds: [] });
    const count = Math.max(2, Math.round((p.plan.weight / totalWeight) * DEMO_OFFICER_TARGET));
    for (let k = 0; k < count; k++) {
      const gender = random() < 0.72 ? 'male' : 'female';
      rows.push({
        bodyId: body.id,
        name: chineseName(random, gender),
        gender,
        position: pickOne(random, POSITIONS),
        trainingHours: intBetween(random, 16, 96),
        ...demoCertificate(
          random,
          today,
          `5325${String(i + 1).padStart(2, '0')}${String(seq++).padStart(5, '0')}`,
          p.plan.field,
        ),
      });
      owners.push(result.length - 1);
    }
  }
  const ids = await createOfficers(ctx, rows);
  ids.forEach((id, n) => {
    const owner = result[owners[n] ?? -1];
    if (owner) owner.officerIds.push(id);
  });
  return result;
}

/** A certificate spread: ~4% expired, ~4% within 30 days, ~7% within 31–90 days, ~2% none. */
function demoCertificate(random: () => number, today: LocalDate, number: string, field: string) {
  const r = random();
  if (r < 0.02) return {};
  let validUntil: LocalDate;
  if (r < 0.06) validUntil = addDays(today, -intBetween(random, 1, 300));
  else if (r < 0.1) validUntil = addDays(today, intBetween(random, 0, 30));
  else if (r < 0.17) validUntil = addDays(today, intBetween(random, 31, 90));
  else validUntil = addDays(today, intBetween(random, 91, 1700));
  // 执法证 are issued for five years here; a renewal is a new certificate.
  const issuedOn = addDays(validUntil, -(5 * 365 + 1));
  return { certificate: { number, field, issuedOn, validUntil } };
}
