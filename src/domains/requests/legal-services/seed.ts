import { createAdviser } from '../../legality/advisers/service.js';
import type { Ctx } from '../../../platform/context.js';
import { addEntry } from '../core/entry-service.js';
import type { DemoOrgIds } from '../seed.js';
import { type SeedOptions, scaled } from '../../demo-seed.js';
import { after, chain, seeded } from '../seed-kit.js';
import { createLegalAid } from './service.js';
import { legalAidSpec } from './spec.js';

const FIRMS = ['云南开远某律师事务所', '云南红河某律师事务所', '开远市公共法律服务中心'];
const VILLAGES = ['太平村', '大坝村', '石洞村', '新寨村', '南桥社区', '东联村'];
/** per adviser per year at scale 1, roughly the seed report's 1,219 consultations / 640 opinions / … over ~40 villages */
const ACTIVITY = [
  ['opinion', 16, '为村(社区)重大事项出具法律意见'],
  ['publicity', 3, '开展法治宣传活动'],
  ['lecture', 3, '讲授法治课'],
  ['mediation', 3, '配合村(社区)调解纠纷'],
  ['document', 1, '草拟法律文书'],
] as const;

export async function seedLegalServices(ctx: Ctx, orgs: DemoOrgIds, opts: SeedOptions, scale: number) {
  const r = seeded(14_004);
  const centre = orgs.byShort.get('司法局') ?? orgs.rootId;
  const aid = scaled(18, scale, 3);
  for (let i = 0; i < aid + 2; i++) {
    const current = i >= aid;
    const channel = r.chance(0.3) ? 'notice' : 'application';
    const item = await createLegalAid(ctx, {
      orgId: centre,
      applicantName: r.name(),
      applicantKind: r.pick([
        'person',
        'migrantWorker',
        'migrantWorker',
        'elderly',
        'disabled',
        'minor',
      ] as const),
      category: channel === 'notice' ? 'criminal' : r.pick(['civil', 'civil', 'administrative'] as const),
      channel,
      subject:
        channel === 'notice'
          ? '被告人未委托辩护人,人民法院通知指派辩护'
          : r.pick(['追索劳动报酬', '工伤赔偿', '赡养费纠纷', '交通事故人身损害赔偿']),
      receivedOn: current ? after(opts.today, -r.int(1, 6)) : r.dayIn(opts.year, opts.today),
      ...(channel === 'notice' ? { notifiedBy: '开远市人民法院' } : {}),
    });
    const t = item.receivedOn;
    const steps: [string, string, Record<string, unknown>?][] = [];
    if (channel === 'application') {
      if (r.chance(0.08))
        steps.push(['refuse', after(t, r.int(1, 7)), { reason: '经济状况不符合法律援助条件' }]);
      else steps.push(['approve', after(t, r.int(1, 7))]);
    }
    if (steps[0]?.[0] !== 'refuse') {
      const decided = steps[0]?.[1] ?? t;
      steps.push([
        'assign',
        after(decided, r.int(0, r.chance(0.1) ? 5 : 3)),
        { lawyerName: r.name(), lawFirm: r.pick(FIRMS) },
      ]);
      steps.push([
        'close',
        after(decided, r.int(30, 150)),
        { result: r.pick(['won', 'settled', 'partly', 'lost']) },
      ]);
    }
    await chain(ctx, legalAidSpec, item, opts.today, steps);
  }
  // village advisers: one per village of each township, registered in the legality domain's
  // 法律顾问库 (the one registry); the assignments and activities here name them by id
  let villages = 0;
  const advisers: { id: string; orgId: string; name: string; firm: string; village: string }[] = [];
  for (const t of orgs.townships) {
    for (const v of VILLAGES.slice(0, scaled(6, scale))) {
      const orgId = t.justiceOfficeId ?? t.id;
      const name = r.name();
      const firm = r.pick(FIRMS);
      const village = `${t.name.replace(/(街道|回族乡|乡|镇)$/, '')}${v}`;
      const registered = await createAdviser(ctx, {
        kind: 'adviser',
        name,
        firm,
        orgId,
        appointedBy: 'village',
        village,
        contractFrom: `${opts.year - 1}-01-01`,
        contractTo: `${opts.year + 1}-12-31`,
        fields: ['村(社区)法律顾问'],
      });
      const a = { id: registered.id, orgId, name, firm, village };
      advisers.push(a);
      await addEntry(ctx, 'adviserAssignment', {
        orgId: a.orgId,
        category: 'village',
        occurredOn: `${opts.year - 1}-01-01`,
        title: `${a.village}法律顾问聘任`,
        quantity: 1,
        adviserId: a.id,
        place: a.village,
      });
      villages++;
    }
  }
  for (const a of advisers) {
    for (const [kind, perYear, title] of ACTIVITY) {
      const times = Math.max(1, Math.round(perYear * (0.5 + r.random())));
      await addEntry(ctx, 'adviserActivity', {
        orgId: a.orgId,
        category: kind,
        occurredOn: r.dayIn(opts.year, opts.today),
        title,
        quantity: times,
        adviserId: a.id,
        place: a.village,
      });
    }
    if (r.chance(0.25))
      await addEntry(ctx, 'adviserActivity', {
        orgId: a.orgId,
        category: r.pick(['villageRules', 'groupDispute', 'litigation']),
        occurredOn: r.dayIn(opts.year, opts.today),
        title: '专项法律服务',
        quantity: r.int(1, 2),
        adviserId: a.id,
        place: a.village,
      });
    // consultations answered in the village, a monthly tally
    for (let q = 0; q < 4; q++)
      await addEntry(ctx, 'consultation', {
        orgId: a.orgId,
        category: 'villageAdviser',
        occurredOn: r.dayIn(opts.year, opts.today, q * 3 + 1, q * 3 + 3),
        title: r.pick(['土地承包', '婚姻家庭', '劳动争议', '借贷纠纷']),
        quantity: r.int(4, 10),
        adviserId: a.id,
        place: a.village,
      });
  }
  for (const t of orgs.townships)
    for (let m = 1; m <= 12; m++)
      await addEntry(ctx, 'consultation', {
        orgId: t.justiceOfficeId ?? t.id,
        category: 'justiceOffice',
        occurredOn: `${opts.year}-${String(m).padStart(2, '0')}-20`,
        title: '司法所来访来电咨询(月度汇总)',
        quantity: scaled(r.int(15, 40), scale),
      });
  opts.log(`公共法律服务:法律援助 ${aid} 件,法律顾问 ${villages} 个村(社区)`);
}
