import { randomBytes } from 'node:crypto';
import { type Actor, chinaDate, type Ctx } from '../../platform/context.js';
import { storeAttachment } from '../../platform/files/index.js';
import { pick, seededRandom } from '../../platform/ids/prng.js';
import { updateOrgStaffing } from '../org/staffing.js';
import { createUser } from '../org/user-service.js';
import { seedAssessment } from './assessment/seed.js';
import { createCampaign, createRubric, drawCampaign, scoreReviewFile } from './case-review/service.js';
import { RUBRIC } from './case-review/seed-rubric.js';
import { actOnClue, issueOpinion, listClues, scanClues } from './clues/service.js';
import { createInspectionPlan, recordInspectionVisit } from './inspections/service.js';
import { createLedgerEntry } from './ledgers.js';
import { actOnRectification, getRectification } from './rectification/service.js';
import { type SeedOptions, scaled } from '../demo-seed.js';

/** Demo data of the oversight domain, at the volumes seed report 003 (the demo county) states. */
export async function seedOversight(ctx: Ctx, opts: SeedOptions): Promise<void> {
  const scale = opts.scale ?? 1;
  const n = (full: number) => scaled(full, scale);
  const random = seededRandom(15);
  const y = opts.year;
  const date = (from: number, to: number) => {
    const m = from + Math.floor(random() * (to - from + 1));
    const d = 1 + Math.floor(random() * 28);
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  };
  const orgs = await ctx.db
    .selectFrom('org')
    .select(['id', 'name', 'short_name', 'kind', 'version', 'parent_id'])
    .orderBy('sort')
    .orderBy('path')
    .execute();
  const depts = orgs.filter((o) => o.kind === 'department');
  const towns = orgs.filter((o) => o.kind === 'township' || o.kind === 'subdistrict');
  const sfj = depts.find((o) => o.name.endsWith('司法局'));
  const root = orgs.find((o) => o.parent_id === null);
  if (!sfj || !root) return;

  // 机构职能: 编制, 法制工作人员, 三定方案 on the org record
  for (const o of orgs) {
    const team = o.kind === 'agency' && towns.some((t) => t.id === o.parent_id);
    if (!(o.kind === 'department' || team || towns.some((t) => t.id === o.id))) continue;
    const dept = o.kind === 'department';
    await updateOrgStaffing(ctx, o.id, {
      version: o.version,
      adminStaffing: team ? 0 : 8 + Math.floor(random() * 30),
      publicStaffing: team ? 5 : Math.floor(random() * 12),
      secondedStaffing: !dept && !team && random() < 0.7 ? 1 : 0,
      legalStaff: dept ? 1 + Math.floor(random() * 2) : 0,
      sandingStatus: team ? 'none' : random() < 0.9 ? 'issued' : 'drafting',
      sandingIssuedOn: team ? null : `2019-0${1 + Math.floor(random() * 9)}-15`,
    });
  }

  const hasFiles = opts.files !== undefined;
  const evidence = async (name: string) => {
    if (!opts.files) return [];
    const f = await storeAttachment(ctx.db, opts.files, {
      bytes: new TextEncoder().encode(`%PDF-1.4\n${name}\n%%EOF`),
      originalName: `${name}.pdf`,
      createdBy: null,
    });
    return [{ sha256: f.sha256, name: `${name}.pdf` }];
  };
  /** The owner reports with evidence and the office closes: only where attachments can be stored. */
  const rectify = async (id: string, close: boolean) => {
    let item = await getRectification(ctx, id);
    item = await actOnRectification(ctx, id, {
      action: 'plan',
      version: item.version,
      measure: '制定整改方案,明确责任人和时限',
      occurredOn: item.foundOn,
    });
    if (!close || !hasFiles) return;
    item = await actOnRectification(ctx, id, {
      action: 'complete',
      version: item.version,
      evidence: await evidence('整改情况报告'),
      occurredOn: earlierDate(item.dueOn, opts.today),
    });
    await actOnRectification(ctx, id, {
      action: 'close',
      version: item.version,
      note: '经核查整改到位,予以销号',
      occurredOn: earlierDate(item.dueOn, opts.today),
    });
  };

  // 法治督察: one plan, 9 visits, ~40 problems, most rectified
  const subjects = [...depts.slice(0, 9), ...towns.slice(0, 3)];
  const plan = await createInspectionPlan(ctx, {
    issuerOrgId: sfj.id,
    year: y,
    title: `${y}年度法治政府建设督察`,
    topics: ['行政执法“三项制度”落实', '法治政府示范创建', '党政主要负责人履行推进法治建设第一责任人职责'],
    subjectOrgIds: subjects.map((s) => s.id),
    periodFrom: `${y}-03-01`,
    periodTo: `${y}-11-30`,
  });
  const problems = [
    '执法公示不及时、不完整',
    '重大执法决定法制审核目录未公布',
    '执法案卷装订不规范',
    '行政执法人员培训学时不足',
    '普法责任清单未按时更新',
    '全过程记录归档不全',
  ];
  let found = 0;
  for (const s of subjects.slice(0, n(9))) {
    const visitedOn = date(4, 10);
    const count = 3 + Math.floor(random() * 3);
    const v = await recordInspectionVisit(ctx, {
      planId: plan.id,
      orgId: s.id,
      visitedOn,
      inspectors: '李建华、周强、杨帆',
      summary: '听取汇报、查阅资料、抽查案卷',
      findings: Array.from({ length: count }, () => ({
        problem: pick(random, problems),
        dueOn: `${y}-12-${10 + Math.floor(random() * 15)}`,
      })),
    });
    for (const id of v.rectificationIds) await rectify(id, random() < 0.85);
    found += count;
  }
  opts.log(`法治督察 ${n(9)} 次,发现问题 ${found} 个`);

  // 行政执法监督意见书
  for (const [i, d] of depts.slice(1, 1 + n(3)).entries()) {
    await issueOpinion(ctx, {
      issuerOrgId: sfj.id,
      orgId: d.id,
      kind: i === 0 ? 'suggestion' : 'opinion',
      docNo: `开司执监〔${y}〕${i + 1}号`,
      issuedOn: date(9, 10),
      dueOn: `${y}-12-20`,
      content: '经案卷评查和执法监督检查,发现你单位行政执法工作存在以下问题,请限期整改并书面报告。',
      problems: [pick(random, problems), pick(random, problems)],
    });
  }

  // 案卷评查: 29 reviewers from 15 units score ~116 randomly drawn files
  const reviewerOrgs = [sfj, ...depts.filter((d) => d.id !== sfj.id).slice(0, 14)];
  const reviewers: Actor[] = [];
  const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧';
  const given = ['建华', '丽华', '志强', '海燕', '文斌', '晓红', '国庆', '春梅', '永平', '玉兰'];
  for (let i = 0; i < n(29); i++) {
    const org = reviewerOrgs[i % reviewerOrgs.length] ?? sfj;
    const displayName = `${surnames[i % surnames.length]}${pick(random, given)}`;
    const u = await createUser(ctx, {
      username: `pcy${String(i + 1).padStart(2, '0')}`,
      displayName,
      orgId: org.id,
      roleIds: [],
      password: `Pc-${randomBytes(12).toString('hex')}`,
    });
    reviewers.push({ ...ctx.actor, userId: u.id, displayName, orgId: org.id, regionCode: null });
  }
  const rubric = await createRubric(ctx, { ...RUBRIC, orgId: sfj.id });
  const campaign = await createCampaign(ctx, {
    orgId: sfj.id,
    year: y,
    title: `${y}年度行政执法案卷集中评查`,
    rubricId: rubric.id,
    closedFrom: `${y}-01-01`,
    closedTo: `${y}-10-31`,
    perStratum: 3,
  });
  const drawn = await drawCampaign(ctx, campaign.id);
  const target = Math.min(drawn.files.length, n(116));
  for (const [i, f] of drawn.files.slice(0, target).entries()) {
    const reviewer = reviewers[i % reviewers.length];
    if (!reviewer) break;
    const rctx: Ctx = { ...ctx, actor: reviewer };
    const scores = Object.fromEntries(
      RUBRIC.items.map((it) => [
        it.key,
        Math.max(0, it.maxScore - Math.floor(random() * random() * it.maxScore * 0.6)),
      ]),
    );
    const weak = Object.values(scores).reduce((a, b) => a + b, 0) < 80;
    await scoreReviewFile(rctx, f.id, {
      version: f.version,
      scores,
      reviewedOn: date(11, 11),
      comment: weak ? '案卷存在程序或文书问题,需整改' : '案卷规范',
      findings: weak
        ? [
            {
              problem: pick(random, [
                '调查询问笔录缺少执法证件号',
                '处罚告知书未载明陈述申辩权利',
                '送达回证缺失',
                '未见全过程音像记录',
              ]),
              dueOn: `${y}-12-31`,
            },
          ]
        : [],
    });
  }
  opts.log(`案卷评查:抽取 ${drawn.files.length} 件,评查 ${target} 件,评查人员 ${reviewers.length} 名`);

  // 问题线索: rule scan over the enforcement records, some handled
  const scan = await scanClues({ ...ctx, now: () => new Date(`${opts.today}T02:00:00Z`) });
  const { items } = await listClues(ctx, { status: 'new' }, { offset: 0, limit: n(10) });
  for (const c of items) {
    let clue = await actOnClue(ctx, c.id, {
      action: 'assign',
      version: c.version,
      assignee: `${c.orgName}法规股`,
    });
    if (random() < 0.6) {
      clue = await actOnClue(ctx, c.id, {
        action: 'answer',
        version: clue.version,
        answer: '经核查情况属实,已督促承办人员整改',
      });
      await actOnClue(ctx, c.id, { action: 'close', version: clue.version, conclusion: '答复属实,予以办结' });
    }
  }
  opts.log(`问题线索:规则发现 ${scan.found} 条`);

  // 学法、考法、述法、培训
  const entry = (key: string, orgId: string, body: Record<string, unknown>) =>
    createLedgerEntry(ctx, key, { orgId, ...body });
  for (let i = 0; i < n(6); i++)
    await entry('study', root.id, {
      heldOn: date(1, 11),
      kind: 'centralGroup',
      topic: pick(random, ['学习习近平法治思想', '学习宪法', '学习行政复议法', '学习民法典']),
      laws: '《中华人民共和国宪法》《中华人民共和国行政复议法》',
      lecturer: '市委党校教师',
      attendees: 20 + Math.floor(random() * 20),
    });
  for (let i = 0; i < n(12); i++)
    await entry('study', root.id, {
      heldOn: date(1, 12),
      kind: 'preMeeting',
      topic: '常务会议会前学法',
      laws: pick(random, ['《优化营商环境条例》', '《安全生产法》', '《行政处罚法》']),
      attendees: 15 + Math.floor(random() * 10),
    });
  for (const d of depts.slice(0, n(depts.length)))
    await entry('study', d.id, {
      heldOn: date(2, 11),
      kind: 'partyGroup',
      topic: '党组(党委)集体学法',
      attendees: 8 + Math.floor(random() * 10),
    });
  for (let i = 0; i < n(2); i++)
    await entry('study', root.id, {
      heldOn: date(5, 11),
      kind: 'lecture',
      topic: '领导干部法治讲座',
      lecturer: '省委党校教授',
      attendees: 120,
    });
  for (let i = 0; i < n(8); i++)
    await entry('exam', sfj.id, {
      heldOn: date(2, 11),
      title: `领导干部任前法律知识考试(第${i + 1}场)`,
      passMark: 60,
      candidates: Array.from({ length: 25 + Math.floor(random() * 10) }, (_, k) => ({
        personName: `${surnames[k % surnames.length]}${pick(random, given)}`,
        position: '拟任科级领导职务',
        score: 60 + Math.floor(random() * 40),
      })),
    });
  for (const [i, o] of [...towns.slice(0, 2), ...depts.slice(0, 2)].entries())
    await entry('dutyReport', o.id, {
      heldOn: `${y}-12-${10 + i}`,
      mode: 'onSite',
      reporter: '单位主要负责人',
      rating: pick(random, ['good', 'fair']),
      score: 85 + Math.floor(random() * 10),
    });
  for (const o of [...depts.slice(2), ...towns.slice(2)].slice(0, n(35)))
    await entry('dutyReport', o.id, {
      heldOn: `${y}-12-15`,
      mode: 'written',
      reporter: '单位主要负责人',
      rating: 'good',
    });
  for (let i = 0; i < n(39); i++)
    await entry('training', root.id, {
      heldOn: date(3, 11),
      title: pick(random, ['习近平法治思想专题', '行政执法程序规范', '行政复议法解读', '依法行政能力提升']),
      provider: 'partySchool',
      hours: 3,
      attendees: Array.from({ length: 10 }, (_, k) => ({
        personName: `${surnames[(i + k) % surnames.length]}${pick(random, given)}`,
        hours: 3,
      })),
    });

  // 普法
  for (const d of depts.slice(0, n(depts.length)))
    await entry('publicityList', d.id, {
      heldOn: `${y}-03-01`,
      responsibilityList: '本系统法律法规宣传',
      taskList: '开展“八五”普法重点任务',
      dutyList: '执法过程中实时普法',
      reminderIssuedOn: `${y}-03-10`,
    });
  for (let i = 0; i < n(80); i++)
    await entry('publicity', pick(random, depts).id, {
      heldOn: i === 0 ? `${y}-12-04` : date(1, 12),
      kind: 'campaign',
      channel: 'onSite',
      title: pick(random, ['宪法宣传周', '民法典宣传月', '安全生产月法治宣传', '国家安全教育日']),
      audience: '群众',
      participants: 100 + Math.floor(random() * 400),
      materials: 625,
    });
  const online = [
    ['weibo', '全年微博普法', 120],
    ['wechat', '全年微信普法', 57],
    ['sms', '普法短信', 100000],
  ] as const;
  for (const [channel, title, messages] of online)
    await entry('publicity', sfj.id, {
      heldOn: `${y}-12-31`,
      kind: 'online',
      channel,
      title,
      messages: n(messages),
    });
  for (let i = 0; i < n(10); i++)
    await entry('caseExplanation', pick(random, depts).id, {
      heldOn: date(3, 11),
      title: pick(random, ['一起无证经营案的处理', '违规排污案以案释法', '食品安全典型案例']),
      channel: '政务新媒体',
    });

  // 年度工作要点、第一责任人履职、职能划转
  for (let i = 0; i < n(12); i++)
    await entry('workplan', pick(random, depts).id, {
      heldOn: `${y}-02-20`,
      title: `法治政府建设“六大工程”任务 ${i + 1}`,
      supportingOrgs: '各乡镇(街道)',
      dueOn: `${y}-12-31`,
      progress: random() < 0.8 ? 100 : 60,
      lastUpdate: '按计划推进',
    });
  const duties = [
    ['meeting', 4, '政府常务会议专题研究法治政府建设'],
    ['instruction', 6, '对行政执法监督工作作出批示'],
    ['reportHeard', 3, '听取司法局法治政府建设工作汇报'],
  ] as const;
  for (const [kind, count, subject] of duties)
    for (let i = 0; i < n(count); i++)
      await entry('leaderDuty', root.id, {
        heldOn: date(1, 12),
        kind,
        leader: '市长',
        subject,
        // a meeting studies items; an instruction or a report heard has none
        ...(kind === 'meeting' ? { items: 2 + Math.floor(random() * 3) } : {}),
      });
  const zwfw = depts.find((d) => d.name.endsWith('政务服务管理局')) ?? sfj;
  for (const [i, d] of depts
    .filter((x) => x.id !== zwfw.id)
    .slice(0, n(14))
    .entries())
    await entry('functionTransfer', zwfw.id, {
      heldOn: `${y}-0${i < 7 ? 3 : 9}-01`,
      fromOrg: d.name,
      kind: 'license',
      batch: i < 7 ? 1 : 2,
      items: 13 + (i % 2),
      staffMoved: i < 11 ? 1 + (i % 2) : 0,
      staffingMoved: i < 11 ? 1 + (i % 3 === 0 ? 1 : 0) : 0,
    });
  opts.log(`学法、考法、述法、培训、普法、工作要点、第一责任人台账已生成(${chinaDate(ctx.now())})`);

  // 考评: the departments and townships assessed for the demo year
  await seedAssessment(ctx, {
    year: y,
    today: opts.today,
    officeId: sfj.id,
    unitIds: [...depts.slice(0, n(30)), ...towns].map((o) => o.id),
    random,
    evidence,
    withEvidence: hasFiles,
    log: opts.log,
  });
}

/** The earlier of two 'YYYY-MM-DD' dates. */
function earlierDate(a: string, b: string): string {
  if (a < b) return a;
  return b;
}
