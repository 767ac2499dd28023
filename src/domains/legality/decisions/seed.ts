import { addDays, type WorkCalendar } from '../../../platform/calendar/index.js';
import { addWorkdays } from '../../../platform/clock/index.js';
import type { Ctx } from '../../../platform/context.js';
import type { Reviewer } from '../review/schema.js';
import { getReview } from '../review/service.js';
import { archiveChecklist, projectDecision } from './rules.js';
import type { DecisionCategory } from './schema.js';
import { createCatalogue, getDecision, listDecision, recordDecisionAction } from './service.js';
import { loadDecisionLog } from './store.js';
import { catalogueStep, decisionStep, reviewStep } from '../steps.js';

/**
 * The demo 决策事项目录 of the year and the next, through the services: a handful of decisions
 * (seed report 003 counts 9 reviewed, 7 decided), some finished and evaluated, some mid-way, one
 * taken out and one added by adjustment.
 */
type Stage =
  | 'listed'
  | 'comment'
  | 'expert'
  | 'risk'
  | 'submitted'
  | 'reviewed'
  | 'discussed'
  | 'published'
  | 'archived'
  | 'evaluated';
const order: Stage[] = [
  'listed',
  'comment',
  'expert',
  'risk',
  'submitted',
  'reviewed',
  'discussed',
  'published',
  'archived',
  'evaluated',
];

interface Plan {
  title: string;
  category: DecisionCategory;
  undertaking: string;
  start: number; // day of the year the procedure starts
  stage: Stage;
  shortComment?: boolean;
  waiveExpert?: boolean;
  highRisk?: boolean;
  hearing?: boolean;
}

const PLANS: Plan[] = [
  {
    title: '城市总体规划修编',
    category: 'plan',
    undertaking: '自然资源局',
    start: 20,
    stage: 'evaluated',
    hearing: true,
  },
  {
    title: '老旧小区改造三年行动计划',
    category: 'publicPolicy',
    undertaking: '住房和城乡建设局',
    start: 40,
    stage: 'archived',
  },
  {
    title: '城区集中供热价格调整',
    category: 'publicPolicy',
    undertaking: '发展和改革局',
    start: 70,
    stage: 'archived',
    hearing: true,
    highRisk: true,
  },
  {
    title: '农村饮水安全巩固提升工程',
    category: 'publicWorks',
    undertaking: '水务局',
    start: 95,
    stage: 'published',
    shortComment: true,
  },
  {
    title: '生活垃圾分类实施方案',
    category: 'publicPolicy',
    undertaking: '城市管理局',
    start: 130,
    stage: 'discussed',
    waiveExpert: true,
  },
  {
    title: '城区公共停车场建设项目',
    category: 'publicWorks',
    undertaking: '交通运输局',
    start: 250,
    stage: 'reviewed',
  },
];
const LATER: Plan[] = [
  {
    title: '城区交通组织优化方案',
    category: 'publicPolicy',
    undertaking: '公安局交通管理大队',
    start: 30,
    stage: 'reviewed',
  },
  {
    title: '矿山生态修复总体方案',
    category: 'resources',
    undertaking: '自然资源局',
    start: 50,
    stage: 'submitted',
  },
  {
    title: '职业教育园区建设项目',
    category: 'publicWorks',
    undertaking: '教育体育局',
    start: 80,
    stage: 'comment',
  },
];

const ATTENDANCE = [
  { name: '张志远', role: 'head' as const, present: true },
  { name: '李文华', role: 'member' as const, present: true },
  { name: '王建明', role: 'member' as const, present: true },
  { name: '赵丽', role: 'member' as const, present: true },
  { name: '陈国强', role: 'member' as const, present: false },
];

export async function seedDecisions(
  ctx: Ctx,
  opts: {
    rootId: string;
    year: number;
    today: string;
    calendar: WorkCalendar;
    reviewer: () => Reviewer[];
    log: (msg: string) => void;
  },
): Promise<void> {
  const { today } = opts;
  for (const [y, plans] of [
    [opts.year, PLANS],
    [opts.year + 1, LATER],
  ] as const) {
    const draftedOn = `${y}-01-06`;
    if (draftedOn > today) continue;
    let c = await createCatalogue(ctx, { year: y, orgId: opts.rootId, draftedOn });
    const dayOf = (n: number) => addDays(`${y}-01-01`, n);
    const ids: string[] = [];
    for (const p of plans) {
      const d = await listDecision(ctx, c.id, {
        title: p.title,
        category: p.category,
        undertakingOrg: p.undertaking,
        listedOn: addDays(draftedOn, 2),
        marketRelated: p.category === 'publicPolicy',
      });
      ids.push(d.id);
    }
    if (dayOf(19) <= today)
      c = await catalogueStep(ctx, c, {
        action: 'agree',
        date: dayOf(19),
        agreedBy: `中共市委常委会${y}年第2次会议`,
      });
    if (dayOf(31) <= today)
      c = await catalogueStep(ctx, c, { action: 'publish', date: dayOf(31), channel: '市人民政府门户网站' });
    for (const [i, p] of plans.entries()) await run(ctx, ids[i] as string, p, dayOf(p.start), opts);

    if (y === opts.year && dayOf(180) <= today) {
      // 目录调整: one item out, one in, each with its reason
      const out = await listDecision(ctx, c.id, {
        title: '城区河道综合整治工程',
        category: 'publicWorks',
        undertakingOrg: '水务局',
        listedOn: dayOf(150),
        reason: '列入省级重点项目,须纳入本年度目录',
      });
      await decisionStep(ctx, out, {
        action: 'withdraw',
        date: dayOf(180),
        reason: '项目由省级统筹实施,不再作为本级决策事项',
      });
    }
  }
}

async function run(
  ctx: Ctx,
  id: string,
  p: Plan,
  start: string,
  opts: { today: string; calendar: WorkCalendar; reviewer: () => Reviewer[] },
): Promise<void> {
  const reach = order.indexOf(p.stage);
  let version = (await getDecision(ctx, id)).version;
  const act = async (date: string, body: Record<string, unknown>) => {
    if (date > opts.today) return false;
    version = (await recordDecisionAction(ctx, id, { ...body, date, version })).version;
    return true;
  };
  const commentTo = addDays(start, p.shortComment ? 14 : 30);
  if (
    !(await act(addDays(start, 1), {
      action: 'publicComment',
      commentFrom: addDays(start, 1),
      commentTo,
      commentCount: 12 + (start.charCodeAt(9) % 20),
      ...(p.shortComment ? { reason: '汛期前须开工,缩短征求意见期限' } : {}),
    }))
  )
    return;
  if (p.hearing && !(await act(addDays(commentTo, 5), { action: 'hearing', participants: 21 }))) return;
  if (reach < order.indexOf('expert')) return;
  const expert = p.waiveExpert
    ? { action: 'waive', procedure: 'expertReview', reason: '事项专业性、技术性不强' }
    : { action: 'expertReview', experts: ['城市规划专家', '法学教授', '财政审计专家'] };
  if (!(await act(addDays(commentTo, 10), expert))) return;
  if (reach < order.indexOf('risk')) return;
  if (
    !(await act(addDays(commentTo, 15), {
      action: 'riskAssessment',
      riskLevel: p.highRisk ? 'high' : 'low',
      ...(p.highRisk ? { mitigation: '分档调整价格,对低保户给予补贴,设立咨询热线' } : {}),
    }))
  )
    return;
  if (reach < order.indexOf('submitted')) return;
  const submittedOn = addDays(commentTo, 20);
  if (!(await act(submittedOn, { action: 'submitReview', reviewers: opts.reviewer() }))) return;
  if (reach < order.indexOf('reviewed')) return;
  const reviewId = (await getDecision(ctx, id)).reviewId as string;
  const concludedOn = addWorkdays(opts.calendar, submittedOn, 6);
  if (concludedOn > opts.today) return;
  await reviewStep(ctx, await getReview(ctx, reviewId), {
    action: 'conclude',
    date: concludedOn,
    conclusion: 'lawful',
    opinions: [],
    reviewers: opts.reviewer(),
  });
  if (reach < order.indexOf('discussed')) return;
  const discussedOn = addDays(concludedOn, 10);
  if (
    !(await act(discussedOn, {
      action: 'discuss',
      meeting: `市人民政府第${discussedOn.slice(5, 7)}次常务会议`,
      attendance: ATTENDANCE,
      opinions: [
        { speaker: '李文华', stance: 'agree' },
        { speaker: '王建明', stance: 'agree' },
        {
          speaker: '赵丽',
          stance: p.highRisk ? 'disagree' : 'agree',
          text: p.highRisk ? '建议暂缓调整' : '',
        },
        { speaker: '张志远', stance: 'agree' },
      ],
      result: 'approved',
    }))
  )
    return;
  if (reach < order.indexOf('published')) return;
  if (
    !(await act(addDays(discussedOn, 7), {
      action: 'publish',
      channel: '市人民政府门户网站',
      adoptionNote: '收到的意见已逐条研究,采纳情况随决策文件一并公布',
    }))
  )
    return;
  if (!(await act(addDays(discussedOn, 14), { action: 'execute', executor: p.undertaking }))) return;
  if (reach < order.indexOf('archived')) return;
  const checklist = archiveChecklist(projectDecision(await loadDecisionLog(ctx.db, id)));
  if (!(await act(addDays(discussedOn, 30), { action: 'archive', archived: checklist }))) return;
  if (reach < order.indexOf('evaluated')) return;
  await act(addDays(discussedOn, 200), {
    action: 'evaluate',
    trigger: 'planned',
    thirdParty: true,
    outcome: 'continue',
    note: '委托第三方评估,决策实施效果良好',
  });
}
