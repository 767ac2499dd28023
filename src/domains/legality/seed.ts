import { addDays, loadWorkCalendar } from '../../platform/calendar/index.js';
import { addWorkdays } from '../../platform/clock/index.js';
import type { Ctx } from '../../platform/context.js';
import { pick, seededRandom } from '../../platform/ids/prng.js';
import { listScopeOrgs } from '../org/org-store.js';
import { createAdviser, recordWork } from './advisers/service.js';
import type { WorkKind } from './advisers/schema.js';
import { createCleanup, createDocument, recordCleanupResult } from './documents/service.js';
import { seedDecisions } from './decisions/seed.js';
import { seedConsultations } from './portal/seed.js';
import { answerOpinions, recordReviewAction, submitReview } from './review/service.js';
import type { ReviewKind } from './review/schema.js';
import { DEFAULT_SETTINGS, saveSettings } from './settings.js';
import { documentStep, reviewStep } from './steps.js';
import { type SeedOptions, scaled } from '../demo-seed.js';

/**
 * The demo county's desk, documents and advisers, through the services, at the volumes seed
 * report 003 states for a county of its size (≈100 agenda items and ≈100 contracts reviewed a
 * year, a handful of documents published, 4 government advisers, 13 公职律师, full coverage).
 */
const DOC_TITLES = [
  '城市养犬管理办法',
  '城区临时占道经营管理规定',
  '农村村民住房建设管理办法',
  '公共租赁住房管理办法',
  '城市户外广告设置管理办法',
  '困难群众临时救助实施办法',
  '国有土地上房屋征收与补偿实施办法',
  '促进民营经济发展若干措施',
  '政府投资项目管理办法',
  '城区停车场管理办法',
  '行政执法公示办法',
  '重大行政决策程序规定',
  '农村集体经济组织资产管理办法',
  '城乡居民基本医疗保险实施细则',
  '招商引资优惠政策兑现办法',
  '地下管线管理办法',
  '城市绿化管理办法',
  '建筑垃圾管理办法',
  '燃气安全管理办法',
  '殡葬管理实施办法',
  '中小学校舍安全管理办法',
  '水资源管理办法',
  '森林防火管理规定',
  '市场主体住所登记管理办法',
];
const AGENDA = ['关于审议', '关于研究', '关于印发'];
const CONTRACTS = [
  '特许经营协议',
  '国有土地使用权出让合同',
  '政府采购合同',
  '招商引资协议',
  'PPP项目合同',
  '房屋征收补偿协议',
];
const OPINIONS = [
  '第三条引用的上位法已修订,应更新依据',
  '设定的罚款缺乏法律、法规依据,应删除',
  '违约责任条款约定不明确,建议补充',
  '争议解决方式应约定由合同履行地人民法院管辖',
  '涉及市场主体经济活动,应补充公平竞争审查结论',
  '表述不规范,“必须”建议改为“应当”',
  '施行日期与公布日期间隔不足30日,应说明理由',
];
const ADVISER_NAMES = [
  '周立新',
  '段红梅',
  '普文华',
  '杨春林',
  '李娟',
  '王海涛',
  '张丽芬',
  '马建国',
  '赵云',
  '钱晓东',
  '孙丽华',
  '何正明',
  '罗琼',
  '吴志刚',
  '刘梅',
  '陈海',
  '黄丽',
];
const FIRMS = [
  '云南滇南律师事务所',
  '云南开远正扬律师事务所',
  '云南红河明理律师事务所',
  '云南泽信律师事务所',
];

export async function seedLegality(ctx: Ctx, opts: SeedOptions): Promise<void> {
  const scale = opts.scale ?? 1;
  const n = (full: number, min = 1) => scaled(full, scale, min);
  const random = seededRandom(12_2025);
  const orgs = await listScopeOrgs(ctx.db, ctx.scope);
  const root = orgs.find((o) => o.parentId === null);
  if (!root) return;
  const rootRow = await ctx.db
    .selectFrom('org')
    .select('region_code')
    .where('id', '=', root.id)
    .executeTakeFirstOrThrow();
  const depts = orgs.filter((o) => o.kind === 'department');
  const towns = orgs.filter((o) => o.kind === 'township' || o.kind === 'subdistrict');
  const calendar = await loadWorkCalendar(ctx.db);
  const { year, today } = opts;
  const yearEnd = `${year}-12-31` < today ? `${year}-12-31` : today;
  const dayOfYear = (frac: number) => {
    const d = addDays(`${year}-01-04`, Math.floor(frac * 340));
    if (d > yearEnd) return yearEnd;
    return d;
  };

  // the statutory defaults, with the county's 文号 abbreviation and its 村(社区) count
  await saveSettings(ctx, {
    ...DEFAULT_SETTINGS,
    regionCode: rootRow.region_code,
    numberAbbr: '开政',
    villageCount: 79,
  });

  opts.log('  法律顾问和公职律师…');
  const advisers: string[] = [];
  const teams = ['行政执法组', '合同审查组', '诉讼代理组'];
  for (let i = 0; i < 4; i++) {
    const a = await createAdviser(ctx, {
      kind: 'adviser',
      name: ADVISER_NAMES[i] as string,
      firm: FIRMS[i % FIRMS.length],
      orgId: root.id,
      appointedBy: 'government',
      contractFrom: `${year}-01-01`,
      contractTo: `${year + 1}-12-31`,
      fields: ['行政法', '合同法'],
      team: teams[i % teams.length],
    });
    advisers.push(a.id);
  }
  const lawyerOrgs = depts.slice(0, n(13));
  for (const [i, o] of lawyerOrgs.entries()) {
    const a = await createAdviser(ctx, {
      kind: 'governmentLawyer',
      name: ADVISER_NAMES[(i + 4) % ADVISER_NAMES.length] as string,
      orgId: o.id,
      appointedBy: 'department',
      certificateNo: `1532520${String(1000000000 + i * 7919).slice(-10)}`,
      fields: ['行政法'],
    });
    advisers.push(a.id);
  }
  // every other department and each township retains a firm as its adviser (coverage)
  for (const o of [...depts.slice(lawyerOrgs.length), ...towns]) {
    await createAdviser(ctx, {
      kind: 'adviser',
      party: 'firm',
      name: pick(random, FIRMS),
      orgId: o.id,
      appointedBy: o.kind === 'department' ? 'department' : 'township',
      contractFrom: `${year}-01-01`,
      contractTo: `${year}-12-31`,
      fields: ['常年法律顾问'],
    });
  }
  const govAdvisers = advisers.slice(0, 4);
  const manual: [WorkKind, string, number][] = [
    ['training', '法治培训讲座', n(46)],
    ['nonLitigation', '非诉讼法律事务', n(68)],
    ['litigation', '代理行政诉讼案件', n(2)],
    ['civilCase', '代理民事案件', n(1)],
    ['meeting', '列席政府常务会议', n(24)],
    ['petition', '参与信访接待', n(12)],
    ['consultation', '法律咨询', n(30)],
  ];
  for (const [kind, title, count] of manual)
    for (let i = 0; i < count; i++)
      await recordWork(ctx, pick(random, advisers), { kind, occurredOn: dayOfYear(random()), title });

  opts.log('  合法性审查台…');
  const reviewer = () => {
    const i = Math.floor(random() * govAdvisers.length);
    return [
      { kind: 'adviser' as const, name: ADVISER_NAMES[i] as string, adviserId: govAdvisers[i] as string },
    ];
  };
  async function runReview(
    kind: ReviewKind,
    title: string,
    orgId: string,
    submittedOn: string,
    itemCount = 1,
  ) {
    const r = await submitReview(ctx, {
      kind,
      title,
      orgId,
      submittedOn,
      itemCount,
      materials: [{ name: '送审文本' }, { name: '起草说明' }],
    });
    const concludeOn = addWorkdays(calendar, submittedOn, 1 + Math.floor(random() * 4));
    if (concludeOn > today) return;
    const withOpinions = random() < 0.35;
    const opinions = withOpinions
      ? [pick(random, OPINIONS), pick(random, OPINIONS)].filter((v, i, a) => a.indexOf(v) === i)
      : [];
    const c = await reviewStep(ctx, r, {
      action: 'conclude',
      date: concludeOn,
      conclusion: withOpinions ? 'lawfulAfterRevision' : 'lawful',
      opinions,
      reviewers:
        kind === 'majorDecision' || random() < 0.4 ? reviewer() : [{ kind: 'staff', name: '李建华' }],
    });
    const answerOn = addDays(concludeOn, 3);
    if (withOpinions && answerOn <= today)
      await answerOpinions(ctx, r.id, {
        date: answerOn,
        version: c.version,
        answers: c.opinions.map((o, i) =>
          i === 0
            ? { opinionId: o.id, adoption: 'adopted' }
            : { opinionId: o.id, adoption: 'partlyAdopted', reason: '结合实际部分采纳' },
        ),
      });
  }
  for (let i = 0; i < n(99); i++)
    await runReview(
      'agendaItem',
      `${pick(random, AGENDA)}${pick(random, DOC_TITLES).replace(/办法|规定|细则|措施/, '')}有关事项的议题`,
      root.id,
      dayOfYear(i / n(99)),
    );
  for (let i = 0; i < n(100); i++) {
    const o = pick(random, depts);
    await runReview(
      'contract',
      `${o.name.replace(/^开远市/, '')}${pick(random, CONTRACTS)}`,
      o.id,
      dayOfYear(random()),
    );
  }
  for (let i = 0; i < n(40); i++) {
    const o = pick(random, [...depts, ...towns]);
    await runReview(
      'otherDocument',
      `${o.name.replace(/^开远市/, '')}工作方案(送审稿)`,
      o.id,
      dayOfYear(random()),
    );
  }
  opts.log('  重大行政决策…');
  await seedDecisions(ctx, { rootId: root.id, year, today, calendar, reviewer, log: opts.log });
  await runReview('powersList', '行政许可事项调整权责清单', root.id, dayOfYear(0.5), n(200));
  // the queue today: a few running, 临期 and 逾期
  for (const back of [2, 5, 13, 14, 18, 25]) {
    const o = pick(random, depts);
    await submitReview(ctx, {
      kind: 'contract',
      title: `${o.name.replace(/^开远市/, '')}${pick(random, CONTRACTS)}`,
      orgId: o.id,
      submittedOn: addWorkdays(calendar, today, -back),
      materials: [{ name: '合同文本' }],
    });
  }

  opts.log('  规范性文件…');
  // documents of earlier years (for 清理) and of the year
  const published: string[] = [];
  const earlierCount = n(18, 3);
  const docCount = earlierCount + n(6, 2);
  for (let i = 0; i < docCount; i++) {
    const earlier = i < earlierCount;
    const y = earlier ? year - 1 - (i % 3) : year;
    const base = earlier ? `${y}-03-01` : dayOfYear(i / docCount / 2);
    const title = `开远市${DOC_TITLES[i % DOC_TITLES.length]}`;
    let d = await createDocument(ctx, {
      title,
      orgId: root.id,
      draftedOn: base,
      marketRelated: i % 5 === 0,
      provisional: i % 7 === 0,
      body: `第一条 为了规范${title.slice(3)},根据有关法律法规,结合本市实际,制定本办法。`,
    });
    const from = addDays(base, 2);
    const to = d.marketRelated ? addDays(from, 30) : addWorkdays(calendar, from, 9);
    d = await documentStep(ctx, d, { action: 'openComment', date: from, commentFrom: from, commentTo: to });
    if (d.marketRelated) d = await documentStep(ctx, d, { action: 'fairCompetition', date: addDays(to, 1) });
    const submitOn = addDays(to, 2);
    if (submitOn > today) continue;
    d = await documentStep(ctx, d, { action: 'submitReview', date: submitOn, reviewers: reviewer() });
    const concludeOn = addWorkdays(calendar, submitOn, 5);
    if (concludeOn > today || d.reviewId === null) continue;
    await recordReviewAction(ctx, d.reviewId, {
      action: 'conclude',
      date: concludeOn,
      version: 1,
      conclusion: 'lawful',
      opinions: [],
      reviewers: reviewer(),
    });
    const deliberateOn = addDays(concludeOn, 7);
    if (deliberateOn > today) continue;
    d = await documentStep(ctx, d, {
      action: 'deliberate',
      date: deliberateOn,
      meeting: `市人民政府第${10 + i}次常务会议`,
    });
    const publishOn = addDays(deliberateOn, 5);
    if (publishOn > today) continue;
    d = await documentStep(ctx, d, { action: 'publish', date: publishOn });
    published.push(d.id);
    // one of the year's documents is still being filed
    if (!earlier && i === docCount - 1) continue;
    const late = i % 9 === 4;
    const fileOn = addDays(publishOn, late ? 36 : 12 + (i % 10));
    if (fileOn > today) continue;
    d = await documentStep(ctx, d, {
      action: 'file',
      date: fileOn,
      receipt: `红政备〔${fileOn.slice(0, 4)}〕${i + 1}号`,
      ...(late ? { late: true, reason: '报备说明材料退回补正' } : {}),
    });
    const outcomeOn = addDays(fileOn, 20);
    if (outcomeOn <= today)
      await documentStep(ctx, d, { action: 'filingOutcome', date: outcomeOn, outcome: 'accepted' });
  }

  opts.log('  规范性文件清理…');
  const campaigns = n(2);
  const older = published.slice(0, earlierCount);
  for (let c = 0; c < campaigns && older.length > 0; c++) {
    const startedOn = dayOfYear(0.4 + c * 0.3);
    const { id } = await createCleanup(ctx, {
      name: `${year}年度规范性文件${c === 0 ? '集中' : '专项'}清理`,
      orgId: root.id,
      startedOn,
    });
    for (const [k, docId] of older.entries()) {
      if (k % campaigns !== c) continue;
      const outcome = k % 4 === 0 ? 'repeal' : k % 4 === 1 ? 'amend' : 'keep';
      await recordCleanupResult(ctx, id, {
        documentId: docId,
        outcome,
        reason:
          outcome === 'keep'
            ? '符合现行法律法规,继续有效'
            : outcome === 'amend'
              ? '与新修订的上位法不一致'
              : '上位法已废止,调整对象已消失',
        decidedOn: addDays(startedOn, 20),
      });
    }
  }

  opts.log('  意见征集…');
  await seedConsultations(ctx, { rootId: root.id, today, closedDocumentId: published.at(-1) });
}
