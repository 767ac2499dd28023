import type { DiscretionLevel, FineUnit } from './schema.js';

/**
 * Statutory fine ranges of common penalty items, by law and article as the demo 权责清单 cites
 * them (src/domains/enforcement/power-list/seed-catalogue.ts). yuan, or multiples of 货值金额 /
 * 违法所得 / 工程造价. Demo data after the laws' texts; not each checked against 国家法律法规数据库.
 */
export const STATUTORY_RANGES: Record<string, { min: number; max: number; unit: FineUnit; base?: string }> = {
  '中华人民共和国食品安全法/第一百二十二条': { min: 50_000, max: 100_000, unit: 'yuan' },
  '中华人民共和国食品安全法/第一百二十三条': { min: 100_000, max: 150_000, unit: 'yuan' },
  '中华人民共和国食品安全法/第一百二十四条': { min: 50_000, max: 100_000, unit: 'yuan' },
  '中华人民共和国食品安全法/第一百二十五条': { min: 5_000, max: 50_000, unit: 'yuan' },
  '中华人民共和国食品安全法/第一百二十六条': { min: 5_000, max: 50_000, unit: 'yuan' },
  '中华人民共和国产品质量法/第四十九条': { min: 1, max: 3, unit: 'multiple', base: '货值金额' },
  '中华人民共和国产品质量法/第五十条': { min: 0.5, max: 3, unit: 'multiple', base: '货值金额' },
  '中华人民共和国广告法/第五十五条': { min: 200_000, max: 1_000_000, unit: 'yuan' },
  '中华人民共和国价格法/第四十条': { min: 0, max: 5, unit: 'multiple', base: '违法所得' },
  '中华人民共和国特种设备安全法/第八十三条': { min: 10_000, max: 100_000, unit: 'yuan' },
  '中华人民共和国特种设备安全法/第八十四条': { min: 30_000, max: 300_000, unit: 'yuan' },
  '中华人民共和国药品管理法/第一百一十五条': { min: 15, max: 30, unit: 'multiple', base: '货值金额' },
  '中华人民共和国药品管理法/第一百一十六条': { min: 15, max: 30, unit: 'multiple', base: '货值金额' },
  '中华人民共和国药品管理法/第一百一十七条': { min: 10, max: 20, unit: 'multiple', base: '货值金额' },
  '中华人民共和国消费者权益保护法/第五十六条': { min: 0, max: 500_000, unit: 'yuan' },
  '中华人民共和国反不正当竞争法/第二十条': { min: 200_000, max: 1_000_000, unit: 'yuan' },
  '中华人民共和国市场主体登记管理条例/第四十三条': { min: 10_000, max: 100_000, unit: 'yuan' },
  '中华人民共和国城乡规划法/第六十四条': { min: 0.05, max: 0.1, unit: 'multiple', base: '建设工程造价' },
  '中华人民共和国大气污染防治法/第一百一十九条': { min: 10_000, max: 100_000, unit: 'yuan' },
  '中华人民共和国大气污染防治法/第一百一十八条': { min: 500, max: 20_000, unit: 'yuan' },
  '中华人民共和国大气污染防治法/第一百一十五条': { min: 10_000, max: 100_000, unit: 'yuan' },
  '中华人民共和国大气污染防治法/第九十九条': { min: 100_000, max: 1_000_000, unit: 'yuan' },
  '中华人民共和国噪声污染防治法/第七十七条': { min: 10_000, max: 100_000, unit: 'yuan' },
  '中华人民共和国固体废物污染环境防治法/第一百一十一条': { min: 50_000, max: 500_000, unit: 'yuan' },
  '中华人民共和国固体废物污染环境防治法/第一百一十二条': { min: 100_000, max: 1_000_000, unit: 'yuan' },
  '中华人民共和国水污染防治法/第八十三条': { min: 100_000, max: 1_000_000, unit: 'yuan' },
  '中华人民共和国环境影响评价法/第三十一条': {
    min: 0.01,
    max: 0.05,
    unit: 'multiple',
    base: '建设项目总投资额',
  },
  '中华人民共和国森林法/第七十六条': { min: 5, max: 10, unit: 'multiple', base: '盗伐林木价值' },
  '中华人民共和国森林法/第七十六条第二款': { min: 3, max: 5, unit: 'multiple', base: '滥伐林木价值' },
  '中华人民共和国公路法/第七十六条': { min: 0, max: 30_000, unit: 'yuan' },
  '中华人民共和国安全生产法/第九十七条': { min: 0, max: 100_000, unit: 'yuan' },
  '中华人民共和国安全生产法/第一百零一条': { min: 0, max: 100_000, unit: 'yuan' },
  '中华人民共和国安全生产法/第一百零二条': { min: 0, max: 50_000, unit: 'yuan' },
  '保障农民工工资支付条例/第五十四条': { min: 20_000, max: 50_000, unit: 'yuan' },
  '医疗机构管理条例/第四十三条': { min: 5, max: 20, unit: 'multiple', base: '违法所得' },
  '公共场所卫生管理条例/第十四条': { min: 500, max: 30_000, unit: 'yuan' },
  '中华人民共和国消防法/第六十条': { min: 5_000, max: 50_000, unit: 'yuan' },
  '中华人民共和国消防法/第六十一条': { min: 5_000, max: 50_000, unit: 'yuan' },
  '中华人民共和国种子法/第七十五条': { min: 20_000, max: 200_000, unit: 'yuan' },
  '中华人民共和国种子法/第七十六条': { min: 10_000, max: 100_000, unit: 'yuan' },
  '农药管理条例/第五十五条': { min: 5_000, max: 50_000, unit: 'yuan' },
  '互联网上网服务营业场所管理条例/第三十一条': { min: 0, max: 15_000, unit: 'yuan' },
  '中华人民共和国建筑法/第六十四条': { min: 0.01, max: 0.02, unit: 'multiple', base: '工程合同价款' },
  '建设工程质量管理条例/第六十四条': { min: 0.02, max: 0.04, unit: 'multiple', base: '工程合同价款' },
  '中华人民共和国水法/第六十九条': { min: 20_000, max: 100_000, unit: 'yuan' },
  '中华人民共和国水法/第六十五条': { min: 10_000, max: 100_000, unit: 'yuan' },
  '中华人民共和国统计法/第四十一条': { min: 0, max: 200_000, unit: 'yuan' },
  '中华人民共和国治安管理处罚法/第二十三条': { min: 0, max: 500, unit: 'yuan' },
  '中华人民共和国道路交通安全法/第九十一条': { min: 1_000, max: 2_000, unit: 'yuan' },
  '医疗保障基金使用监督管理条例/第三十八条': { min: 1, max: 2, unit: 'multiple', base: '造成的基金损失金额' },
  '医疗保障基金使用监督管理条例/第四十条': { min: 2, max: 5, unit: 'multiple', base: '骗取金额' },
};

const round = (n: number, unit: FineUnit) =>
  unit === 'yuan' ? Math.round(n / 100) * 100 : Math.round(n * 100) / 100;

/**
 * The statutory range split by 情节 the way county standards usually do: 一般 the lower 30%,
 * 较重 30–70%, 严重 the upper 30%; a range from zero ("X元以下") also has 轻微 at its bottom 10%.
 */
export function gradedLevels(r: {
  min: number;
  max: number;
  unit: FineUnit;
  base?: string;
}): DiscretionLevel[] {
  const at = (f: number) => round(r.min + (r.max - r.min) * f, r.unit);
  const base = r.base ? `(按${r.base}计)` : '';
  const levels: DiscretionLevel[] = [];
  if (r.min === 0)
    levels.push({
      circumstance: 'minor',
      description: `违法行为轻微,及时改正,没有造成危害后果或者危害后果轻微${base}`,
      fineUnit: r.unit,
      fineMin: 0,
      fineMax: at(0.1),
      otherPenalties: '警告',
    });
  levels.push(
    {
      circumstance: 'general',
      description: `初次违法,涉案数额较小,危害后果较轻,配合调查${base}`,
      fineUnit: r.unit,
      fineMin: r.min === 0 ? at(0.1) : r.min,
      fineMax: at(0.3),
      otherPenalties: '没收违法所得',
    },
    {
      circumstance: 'serious',
      description: `违法行为持续时间较长或者涉及面较广,造成一定危害后果${base}`,
      fineUnit: r.unit,
      fineMin: at(0.3),
      fineMax: at(0.7),
      otherPenalties: '没收违法所得、非法财物',
    },
    {
      circumstance: 'grave',
      description: `多次违法或者拒不改正,造成严重危害后果或者恶劣社会影响${base}`,
      fineUnit: r.unit,
      fineMin: at(0.7),
      fineMax: r.max,
      otherPenalties: '没收违法所得、非法财物;情节严重的,依法责令停产停业或者吊销许可证件',
    },
  );
  return levels;
}
