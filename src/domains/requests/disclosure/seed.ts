import type { Ctx } from '../../../platform/context.js';
import { addEntry } from '../core/entry-service.js';
import type { DemoOrgIds } from '../seed.js';
import { type SeedOptions, scaled } from '../../demo-seed.js';
import { after, chain, seeded } from '../seed-kit.js';
import { createDisclosure } from './service.js';
import { disclosureSpec } from './spec.js';

const SUBJECTS = [
  '某地块征收补偿安置方案及批复文件',
  '本村集体土地征收的用地批准文件',
  '某路段道路改造工程的立项和环评批复',
  '2024 年度农村危房改造补助对象名单',
  '某小区规划许可及竣工验收资料',
  '某企业排污许可证及监测数据',
  '城区老旧小区改造项目资金使用情况',
  '本人所在单位的社保缴费基数核定文件',
  '某行政处罚决定书及案卷目录',
  '学区划分方案及依据',
];
const OUTCOMES = [
  ['disclosed', 30],
  ['alreadyPublic', 10],
  ['partial', 10],
  ['withheld.process', 4],
  ['withheld.thirdParty', 4],
  ['withheld.enforcementFile', 2],
  ['unable.notHeld', 18],
  ['unable.notOurs', 8],
  ['unable.needsCreation', 4],
  ['declined.petition', 5],
  ['declined.repeat', 3],
  ['other.other', 2],
] as const;

/** 主动公开 register: monthly releases by category at roughly the seeds' totals (~900 a year). */
const PROACTIVE = [
  ['meeting', 1, '政府常务会议信息'],
  ['interpretation', 1, '政策文件解读'],
  ['hotspot', 1, '回应社会关切'],
  ['consultation', 1, '征求意见公告及反馈'],
  ['normativeDocument', 2, '行政规范性文件'],
  ['licensing', 25, '行政许可结果公示'],
  ['penalty', 12, '行政处罚结果公示'],
  ['budget', 2, '部门预决算'],
  ['other', 30, '工作动态和通知公告'],
] as const;

export async function seedDisclosure(ctx: Ctx, orgs: DemoOrgIds, opts: SeedOptions, scale: number) {
  const r = seeded(14_001);
  const weights = OUTCOMES.flatMap(([o, w]) => Array<string>(w).fill(o));
  const handlers = [
    orgs.rootId,
    ...['自然资源局', '住建局', '人社局', '生态环境分局', '教体局', '市场监管局'].map(
      (s) => orgs.byShort.get(s) ?? orgs.rootId,
    ),
  ];
  const count = scaled(40, scale, 4);
  const thisYear = Number(opts.today.slice(0, 4));
  let n = 0;
  for (let i = 0; i < count + scaled(6, scale, 2); i++) {
    const current = i >= count; // this year's applications, some still open
    const year = current ? thisYear : opts.year;
    // the first two of this year stall past their due date (逾期), the last one is fresh
    const stalled = current && i < count + 2;
    const day = stalled
      ? after(opts.today, -34 - (i - count) * 3)
      : current
        ? after(opts.today, -r.int(1, 40))
        : r.dayIn(opts.year, opts.today);
    const channel = r.pick(['inPerson', 'online', 'online', 'mailSigned', 'mailOrdinary'] as const);
    const item = await createDisclosure(ctx, {
      orgId: r.pick(handlers),
      applicantName: r.chance(0.85)
        ? r.name()
        : `${r.pick(['开远', '云南'])}${r.pick(['某建设', '某商贸', '某律师事务所'])}有限公司`,
      applicantKind: r.chance(0.85) ? 'person' : r.pick(['business', 'legalService', 'other']),
      applicantContact: `139${String(r.int(10_000_000, 99_999_999))}`,
      subject: r.pick(SUBJECTS),
      channel,
      ...(channel === 'inPerson'
        ? { submittedOn: day }
        : channel === 'mailSigned'
          ? { signedOn: day }
          : { confirmedOn: day }),
      form: r.pick(['纸质', '电子']),
    });
    n++;
    if (stalled) continue;
    const received = item.receivedOn;
    const steps: [string, string, Record<string, unknown>?][] = [];
    let t = received;
    if (r.chance(0.15)) {
      steps.push([
        'requestCorrection',
        after(t, 3),
        { reason: '申请内容描述不明确,请补正所需信息的名称、文号或者便于查询的其他特征性描述' },
      ]);
      t = after(t, r.int(5, 12));
      steps.push(['correct', t]);
    }
    if (r.chance(0.1)) {
      steps.push(['consultThirdParty', after(t, 4), { thirdParty: '开远某房地产开发有限公司' }]);
      t = after(t, r.int(8, 18));
      steps.push(['thirdPartyReply', t, { thirdPartyView: r.pick(['agree', 'object', 'silent']) }]);
    }
    const extend = r.chance(0.15);
    if (extend)
      steps.push(['extend', after(t, 20), { approverName: '李政', reason: '需调取多年档案、涉及多个部门' }]);
    const late = r.chance(0.06);
    const answerOn = after(t, extend ? r.int(30, 50) : late ? r.int(32, 45) : r.int(6, 26));
    const type = r.pick(weights);
    const answer: Record<string, unknown> = { answerType: type, documentNo: `开政公开〔${year}〕${n}号` };
    if (type === 'partial')
      Object.assign(answer, {
        disclosedPart: '征收补偿方案及批复',
        withheldPart: '被征收户个人信息,属于个人隐私',
      });
    if (type.startsWith('withheld.')) answer.reason = '依据《政府信息公开条例》第十五、十六条';
    steps.push(['answer', answerOn, answer]);
    steps.push(['serve', after(answerOn, 2), { method: channel === 'online' ? '网上送达' : '邮寄送达' }]);
    await chain(ctx, disclosureSpec, item, opts.today, steps);
  }
  // the register of proactive releases (county government office and departments)
  let entries = 0;
  for (let m = 1; m <= 12; m++) {
    for (const [category, perMonth, title] of PROACTIVE) {
      const quantity = Math.max(1, Math.round(perMonth * scale * (0.7 + r.random() * 0.6)));
      await addEntry(ctx, 'proactive', {
        orgId: category === 'licensing' || category === 'penalty' ? r.pick(handlers) : orgs.rootId,
        category,
        occurredOn: `${opts.year}-${String(m).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
        title: `${m}月${title}`,
        quantity,
      });
      entries++;
    }
  }
  opts.log(`政府信息公开:依申请 ${n} 件,主动公开登记 ${entries} 条`);
}
