import type { Ctx } from '../../../platform/context.js';
import type { DemoOrgIds } from '../seed.js';
import { type SeedOptions, scaled } from '../../demo-seed.js';
import { after, chain, seeded } from '../seed-kit.js';
import { createCommittee, createMediation } from './service.js';
import { mediationSpec } from './spec.js';

const SUBJECTS: Record<string, string[]> = {
  family: ['夫妻因家庭琐事发生矛盾,女方要求离婚', '兄弟之间因赡养老人费用分担发生纠纷'],
  neighbour: ['两户因宅基地界址和排水沟发生纠纷', '邻居装修噪声扰民引发争吵'],
  contract: ['农资买卖合同货款结算纠纷', '房屋租赁合同押金退还纠纷'],
  debt: ['民间借贷到期未还', '工程款欠付纠纷'],
  land: ['两村民小组因林地权属发生争议', '承包地流转租金纠纷'],
  labour: ['务工人员工伤赔偿纠纷', '拖欠劳务报酬纠纷'],
  damages: ['饲养的牲畜毁坏庄稼赔偿纠纷', '人身损害赔偿纠纷'],
  traffic: ['两车相撞财产损失赔偿纠纷'],
  medical: ['就诊后病情加重,患者家属要求赔偿'],
  property: ['业主与物业公司物业费纠纷'],
  other: ['村民之间其他纠纷'],
};
const VILLAGES = [
  '太平村',
  '大坝村',
  '马者哨村',
  '石洞村',
  '新寨村',
  '卧龙谷社区',
  '南桥社区',
  '东联村',
  '白云村',
  '雨露村',
];

export async function seedMediation(ctx: Ctx, orgs: DemoOrgIds, opts: SeedOptions, scale: number) {
  const r = seeded(14_003);
  const committees: { id: string; orgId: string; mediators: string[] }[] = [];
  const termStart = `${opts.year - 1}-03-01`;
  for (const t of orgs.townships) {
    const names = [
      t.name,
      ...VILLAGES.slice(0, scaled(2, scale)).map((v) => `${t.name.replace(/(街道|回族乡|乡|镇)$/, '')}${v}`),
    ];
    for (const [j, n] of names.entries()) {
      const size = r.int(3, j === 0 ? 9 : 5);
      const members = Array.from({ length: size }, (_, k) => ({
        name: r.name(),
        // the second member is a woman (人民调解法 第八条), others drawn
        gender: k === 1 || r.chance(0.3) ? ('female' as const) : ('male' as const),
        role: k === 0 ? ('chair' as const) : k === 1 ? ('viceChair' as const) : ('member' as const),
        minority: k === 0 || r.chance(0.3),
      }));
      const c = await createCommittee(ctx, {
        orgId: t.id,
        name: `${n}人民调解委员会`,
        members,
        termStart,
        multiEthnic: true,
      });
      committees.push({ id: c.id, orgId: t.id, mediators: members.map((m) => m.name) });
    }
  }
  const court = orgs.byShort.get('司法局') ?? orgs.rootId;
  const adminOrgs = ['人社局', '市场监管局', '自然资源局', '住建局', '公安局'].map(
    (s) => orgs.byShort.get(s) ?? orgs.rootId,
  );
  const count = scaled(400, scale, 10);
  let n = 0;
  for (let i = 0; i < count + scaled(10, scale, 3); i++) {
    const current = i >= count;
    const roll = r.random();
    const kind = roll < 0.6 ? 'people' : roll < 0.88 ? 'administrative' : 'preLitigation';
    const c = r.pick(committees);
    const type = r.pick(Object.keys(SUBJECTS)) as keyof typeof SUBJECTS;
    const received = current ? after(opts.today, -r.int(1, 25)) : r.dayIn(opts.year, opts.today);
    const item = await createMediation(ctx, {
      orgId: kind === 'people' ? c.orgId : kind === 'administrative' ? r.pick(adminOrgs) : court,
      kind,
      ...(kind === 'people' ? { committeeId: c.id } : {}),
      source:
        kind === 'preLitigation'
          ? 'court'
          : r.pick([
              'screened',
              'screened',
              'application',
              'application',
              'application',
              'police',
              'other',
            ] as const),
      disputeType: type,
      subject: r.pick(SUBJECTS[type] ?? ['纠纷']),
      parties: [r.name(), r.name()],
      consent: true,
      mediatorName: kind === 'people' ? r.pick(c.mediators) : r.name(),
      amount: r.chance(0.6) ? Math.round(r.random() * 5 * 100) / 100 : 0,
      receivedOn: received,
      ...(kind === 'preLitigation' ? { courtRef: `(${opts.year})云2502民诉前调${i + 1}号` } : {}),
    });
    n++;
    const done = after(item.receivedOn, r.int(1, 20));
    const success = r.chance(kind === 'preLitigation' ? 0.65 : 0.9);
    const steps: [string, string, Record<string, unknown>?][] = [];
    if (success) {
      const written = r.chance(0.75);
      steps.push([
        'succeed',
        done,
        {
          agreementForm: written ? 'written' : 'oral',
          terms: '双方自愿达成协议,一方于约定期限内支付款项或履行义务',
          performanceDueOn: after(done, r.int(10, 60)),
        },
      ]);
      let last = done;
      if (written && r.chance(0.12)) {
        const ap = after(done, r.int(3, 25));
        steps.push(['applyConfirmation', ap, { court: '开远市人民法院' }]);
        last = after(ap, r.int(5, 15));
        steps.push(['confirm', last, { documentNo: `(${opts.year})云2502民特${i + 1}号` }]);
      }
      steps.push(
        r.chance(0.9) ? ['perform', after(last, r.int(5, 60))] : ['breach', after(last, r.int(61, 90))],
      );
    } else steps.push(['fail', done, { reason: '双方分歧较大,未能达成协议,已告知通过诉讼等途径解决' }]);
    await chain(ctx, mediationSpec, item, opts.today, steps);
  }
  opts.log(`调解:委员会 ${committees.length} 个,案件 ${n} 件`);
}
