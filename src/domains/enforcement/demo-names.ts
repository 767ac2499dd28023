/** A small seeded PRNG (mulberry32) so the demo data is the same on every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pickOne<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pickOne: empty list');
  return item;
}

export function intBetween(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

// The most common surnames, roughly by frequency (repeated ones are drawn more often).
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周'.repeat(4),
  ...'徐孙马朱胡郭何高林罗'.repeat(2),
  ...'郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤普李杨者',
];
const MALE = [...'伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林锋建文国志海成东亮云兵春红'];
const FEMALE = [...'芳娜敏静丽艳娟霞秀英华玲燕萍红梅琳莉琴雪婷倩颖洁慧蓉佳瑶欣怡丹莹兰凤云'];

/** A plausible Chinese full name: a common surname and one or two given-name characters. */
export function chineseName(random: () => number, gender: 'male' | 'female'): string {
  const pool = gender === 'male' ? MALE : FEMALE;
  const given = random() < 0.7 ? pickOne(random, pool) + pickOne(random, pool) : pickOne(random, pool);
  return pickOne(random, SURNAMES) + given;
}
