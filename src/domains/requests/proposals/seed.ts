import type { Ctx } from '../../../platform/context.js';
import { addEntry } from '../core/entry-service.js';
import type { DemoOrgIds } from '../seed.js';
import { type SeedOptions, scaled } from '../../demo-seed.js';
import { after, chain, seeded } from '../seed-kit.js';
import { createProposal } from './service.js';
import { proposalSpec } from './spec.js';

const TOPICS = [
  ['教体局', '关于加强农村学校寄宿条件建设的建议'],
  ['住建局', '关于加快老旧小区改造的建议'],
  ['交通运输局', '关于完善城乡公交线路的建议'],
  ['卫健局', '关于提升乡镇卫生院服务能力的建议'],
  ['农业农村科技局', '关于发展高原特色农业的建议'],
  ['市场监管局', '关于加强校园周边食品安全监管的建议'],
  ['生态环境分局', '关于加强南盘江流域污染治理的建议'],
  ['人社局', '关于加大返乡创业扶持力度的建议'],
] as const;

export async function seedProposals(ctx: Ctx, orgs: DemoOrgIds, opts: SeedOptions, scale: number) {
  const r = seeded(14_005);
  const count = scaled(40, scale, 4);
  const assignedOn = `${opts.year}-03-20`;
  for (let i = 0; i < count; i++) {
    const [short, subject] = r.pick(TOPICS);
    const source = i % 2 === 0 ? 'npc' : 'cppcc';
    const item = await createProposal(ctx, {
      orgId: orgs.byShort.get(short) ?? orgs.rootId,
      source,
      role: r.chance(0.8) ? 'lead' : 'co',
      number: `第${i + 1}号`,
      deputyName: r.name(),
      subject,
      assignedOn,
      otherOrgs: r.chance(0.4) ? ['开远市财政局'] : [],
    });
    const steps: [string, string, Record<string, unknown>?][] = [];
    if (i === 5)
      steps.push(['return', after(assignedOn, 6), { reason: '所提事项属于州级事权,非本单位职责' }]);
    else {
      const extend = i % 9 === 3;
      if (extend)
        steps.push([
          'extend',
          after(assignedOn, 80),
          { approverName: '张副市长', months: 2, reason: '涉及项目立项,需待年度计划确定' },
        ]);
      const answerOn = after(assignedOn, extend ? r.int(100, 150) : r.int(40, 88));
      const grade = r.pick(['A', 'A', 'B', 'B', 'C', 'D'] as const);
      steps.push([
        'answer',
        answerOn,
        {
          grade,
          documentNo: `开${source === 'npc' ? '建' : '提'}复〔${opts.year}〕${i + 1}号`,
          contacted: true,
        },
      ]);
      const unsatisfied = i % 13 === 4;
      steps.push([
        'feedback',
        after(answerOn, 10),
        { satisfaction: unsatisfied ? 'unsatisfied' : r.pick(['satisfied', 'satisfied', 'basically']) },
      ]);
      if (unsatisfied) {
        steps.push(['rehandle', after(answerOn, 15), { reason: '代表对答复不满意,重新办理' }]);
        steps.push([
          'answer',
          after(answerOn, 60),
          { grade: 'B', documentNo: `开建复〔${opts.year}〕${i + 1}-1号` },
        ]);
        steps.push(['feedback', after(answerOn, 70), { satisfaction: 'basically' }]);
      }
      steps.push(['close', after(answerOn, unsatisfied ? 80 : 20)]);
    }
    await chain(ctx, proposalSpec, item, opts.today, steps);
  }
  const rootId = orgs.rootId;
  for (let i = 0; i < scaled(5, scale); i++)
    await addEntry(ctx, 'npcOversight', {
      orgId: rootId,
      category: 'lawInspection',
      occurredOn: `${opts.year}-${String(4 + i).padStart(2, '0')}-10`,
      title: r.pick(['《食品安全法》执法检查', '《安全生产法》执法检查', '《义务教育法》执法检查']),
      quantity: 1,
    });
  for (let i = 0; i < scaled(6, scale); i++)
    await addEntry(ctx, 'npcOversight', {
      orgId: rootId,
      category: 'research',
      occurredOn: `${opts.year}-${String(3 + i).padStart(2, '0')}-18`,
      title: '配合上级人大开展立法“回头看”调研',
      quantity: 1,
    });
  await addEntry(ctx, 'npcOversight', {
    orgId: rootId,
    category: 'evaluation',
    occurredOn: `${opts.year}-09-25`,
    title: '对市教育体育局等政府工作部门开展工作评议',
    quantity: 5,
  });
  opts.log(`建议提案:${count} 件`);
}
