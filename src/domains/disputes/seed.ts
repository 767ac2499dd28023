import { addDays, compareDates, type LocalDate, loadWorkCalendar } from '../../platform/calendar/index.js';
import type { Ctx } from '../../platform/context.js';
import { type FileStore, storeAttachment } from '../../platform/files/index.js';
import { pick, seededRandom } from '../../platform/ids/prng.js';
import { listOrgs } from '../org/org-store.js';
import { addHearing, appealLawsuit, concludeLawsuit, createLawsuit } from './litigation/service.js';
import type { AppearerRole, LawsuitOutcome } from './litigation/schema.js';
import { reconDues } from './reconsideration/rules.js';
import type { Outcome, ReconAction, ReconActionData, SubjectArea } from './reconsideration/schema.js';
import { createReconsideration, recordReconAction } from './reconsideration/service.js';
import type { SuggestionKind } from './suggestions/schema.js';
import { createSuggestion, replySuggestion } from './suggestions/service.js';
import { type SeedOptions, scaled } from '../demo-seed.js';

/** Respondents of the demo county, by how often their acts are contested. */
const RESPONDENTS = [
  ['市场监督管理局', 5],
  ['自然资源局', 4],
  ['住房和城乡建设局', 3],
  ['公安局', 4],
  ['综合行政执法局', 3],
  ['人力资源和社会保障局', 2],
  ['交通运输局', 2],
  ['生态环境局', 1],
  ['卫生健康局', 1],
] as const;

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何罗高林';
const GIVEN = [
  '建华',
  '秀英',
  '志强',
  '丽萍',
  '国庆',
  '文斌',
  '海燕',
  '德明',
  '春梅',
  '永福',
  '晓东',
  '玉兰',
  '成林',
  '桂芳',
  '家豪',
];
const COMPANIES = [
  '商贸有限公司',
  '建材经营部',
  '餐饮店',
  '运输有限公司',
  '房地产开发有限公司',
  '种植专业合作社',
];

interface ActTemplate {
  title: string;
  kind:
    | 'penalty'
    | 'license'
    | 'infoDisclosure'
    | 'resourceOwnership'
    | 'nonPerformance'
    | 'complaintHandling'
    | 'coercion';
  penaltyTypes?: ('warning' | 'fine' | 'confiscation')[];
  amount?: number;
  onTheSpot?: boolean;
  /** 争议领域 */
  area: SubjectArea;
}
const ACTS: readonly ActTemplate[] = [
  { title: '行政处罚决定书', kind: 'penalty', penaltyTypes: ['fine'], amount: 20000, area: 'market' },
  {
    title: '行政处罚决定书',
    kind: 'penalty',
    penaltyTypes: ['fine', 'confiscation'],
    amount: 50000,
    area: 'ecology',
  },
  {
    title: '当场行政处罚决定书',
    kind: 'penalty',
    penaltyTypes: ['fine'],
    amount: 200,
    onTheSpot: true,
    area: 'transport',
  },
  { title: '行政处罚决定书(警告)', kind: 'penalty', penaltyTypes: ['warning'], area: 'publicSecurity' },
  { title: '政府信息公开申请答复书', kind: 'infoDisclosure', area: 'other' },
  { title: '土地权属争议处理决定', kind: 'resourceOwnership', area: 'naturalResources' },
  { title: '未履行法定职责(举报未处理)', kind: 'nonPerformance', area: 'housing' },
  { title: '投诉举报处理告知书', kind: 'complaintHandling', area: 'market' },
  { title: '责令限期拆除决定书', kind: 'coercion', area: 'landExpropriation' },
  { title: '工伤认定决定书', kind: 'license', area: 'humanResources' },
];

/** `n` copies of one entry, for the weighted mixes below. */
const times = <const T>(n: number, entry: T): T[] => Array.from({ length: n }, () => entry);

/** How a demo 复议 case ends, in the mix the seed reports show (维持 most, some 撤销 / 确认违法, a few 终止). */
type Plan =
  | { end: 'decide'; outcome: Outcome }
  | { end: 'terminate' }
  | { end: 'settle' }
  | { end: 'reject' }
  | { end: 'withdrawBefore'; mediated: boolean }
  | { end: 'lapse' }
  | { end: 'pending'; suspend?: boolean; overdue?: boolean };
const YEAR_PLANS: readonly Plan[] = [
  ...times(12, { end: 'decide', outcome: 'uphold' }),
  ...times(3, { end: 'decide', outcome: 'dismissRequest' }),
  { end: 'decide', outcome: 'dismissApplication' },
  ...times(2, { end: 'decide', outcome: 'revoke' }),
  ...times(3, { end: 'decide', outcome: 'confirmUnlawful' }),
  { end: 'decide', outcome: 'change' },
  { end: 'decide', outcome: 'mediation' },
  ...times(2, { end: 'terminate' }),
  { end: 'settle' },
  ...times(2, { end: 'reject' }),
  { end: 'withdrawBefore', mediated: true },
  { end: 'withdrawBefore', mediated: false },
  { end: 'lapse' },
];
const OPEN_PLANS: readonly Plan[] = [
  { end: 'pending' },
  { end: 'pending', suspend: true },
  { end: 'pending', overdue: true },
  { end: 'pending', overdue: true },
  { end: 'pending' },
];

/** Demo data of the disputes domain, through its services: a year of 复议, 应诉 and 建议, and this year to date. */
export async function seedDisputes(ctx: Ctx, opts: SeedOptions): Promise<void> {
  const scale = opts.scale ?? 1;
  const random = seededRandom(20240101 + opts.year);
  const { items: orgs } = await listOrgs(ctx.db, ctx.scope, {});
  const orgOf = (part: string) => orgs.find((o) => o.name.includes(part) && o.depth > 0);
  const respondents = RESPONDENTS.flatMap(([name, weight]) => {
    const o = orgOf(name);
    return o ? times(weight, o.id) : [];
  });
  const government = orgs.find((o) => o.depth === 0);
  if (respondents.length === 0 || !government) return;
  const calendar = await loadWorkCalendar(ctx.db);
  const person = () => `${pick(random, [...SURNAMES])}${pick(random, GIVEN)}`;
  const company = () =>
    `开远市${pick(random, ['鑫', '宏', '顺', '盛', '源', '泰', '隆'])}${pick(random, ['达', '发', '兴', '通', '丰'])}${pick(random, COMPANIES)}`;

  let reconCount = 0;
  const upheld: { id: string; orgId: string; applicant: string; decidedOn: string; act: string }[] = [];
  const plans = (list: readonly Plan[]) => list.slice(0, scaled(list.length, scale));
  const yearStart = `${opts.year}-01-06`;
  const seeds: { plan: Plan; receivedOn: LocalDate }[] = [];
  plans(YEAR_PLANS).forEach((plan, i, all) => {
    seeds.push({
      plan,
      receivedOn: addDays(yearStart, Math.floor((i * 300) / all.length) + Math.floor(random() * 6)),
    });
  });
  // this year to date: the open cases — one 中止, some past their decision deadline
  const thisYear = Number(opts.today.slice(0, 4));
  plans(OPEN_PLANS).forEach((plan, i) => {
    const back =
      plan.end === 'pending' && plan.overdue
        ? 95 + i * 5
        : plan.end === 'pending' && plan.suspend
          ? 50
          : 12 + i * 9;
    seeds.push({ plan, receivedOn: addDays(opts.today, -back) });
  });
  if (thisYear > opts.year) {
    // this year's closed cases so far
    plans(YEAR_PLANS.slice(0, 10)).forEach((plan, i) => {
      const r = addDays(`${thisYear}-01-06`, i * 20);
      if (compareDates(addDays(r, 80), opts.today) < 0) seeds.push({ plan, receivedOn: r });
    });
  }

  for (const { plan, receivedOn } of seeds) {
    const t = pick(random, ACTS);
    const isCompany = random() < 0.35;
    const applicant = isCompany ? company() : person();
    const channel = pick(random, ['inPerson', 'inPerson', 'mail', 'transfer'] as const);
    let c = await createReconsideration(ctx, {
      channel,
      receivedOn,
      ...(channel === 'mail'
        ? { filedOn: addDays(receivedOn, -2) }
        : channel === 'transfer'
          ? { filedOn: addDays(receivedOn, -3) }
          : {}),
      respondentOrgId: pick(random, respondents),
      applicantKind: isCompany ? 'organisation' : 'person',
      applicantName: applicant,
      ...(isCompany ? {} : { applicantPhone: `139${String(Math.floor(random() * 1e8)).padStart(8, '0')}` }),
      act: {
        title: t.title,
        documentNo:
          t.kind === 'penalty'
            ? `开罚决字〔${receivedOn.slice(0, 4)}〕${10 + Math.floor(random() * 180)}号`
            : undefined,
        kind: t.kind,
        knownOn: addDays(receivedOn, -(5 + Math.floor(random() * 40))),
        onTheSpot: t.onTheSpot ?? false,
        penaltyTypes: t.penaltyTypes ?? [],
        ...(t.amount ? { amount: t.amount } : {}),
      },
      subjectArea: t.area,
      request: t.kind === 'nonPerformance' ? '责令被申请人依法履行法定职责' : `撤销被申请人作出的${t.title}`,
      reasons: '被申请人认定事实不清、证据不足,适用依据错误,程序违法,请求复议机关依法审查。',
    });
    reconCount++;
    const step = async (action: ReconAction, date: LocalDate, data: ReconActionData = {}) => {
      c = await recordReconAction(ctx, c.id, { version: c.version, action, date, data });
    };
    const simple = c.simpleGround !== null && random() < 0.6;
    const acceptOn = addDays(receivedOn, 2);
    if (plan.end === 'reject') {
      await step('reject', addDays(receivedOn, 3), {
        reason: '申请超过法定申请期限,且无正当理由(《行政复议法》第二十条、第三十条)',
      });
      await step('serve', addDays(receivedOn, 4));
      continue;
    }
    if (plan.end === 'withdrawBefore') {
      if (plan.mediated)
        await step('recordMediation', addDays(receivedOn, 2), {
          mediationResult: 'agreed',
          note: '经案前调解,被申请人重新核查并作出说明',
        });
      await step('withdraw', addDays(receivedOn, 3), {
        mediated: plan.mediated,
        reason: '申请人自愿撤回申请',
      });
      continue;
    }
    if (plan.end === 'lapse') {
      await step('requestCorrection', addDays(receivedOn, 1), {
        items: ['申请人身份证明', '被申请复议的行政行为的相关材料'],
      });
      const answer = reconDues(
        [
          { action: 'apply', date: receivedOn, data: {}, actorId: null },
          { action: 'requestCorrection', date: addDays(receivedOn, 1), data: {}, actorId: null },
        ],
        calendar,
      ).find((d) => d.kind === 'correctionAnswer');
      if (answer?.dueOn && compareDates(addDays(answer.dueOn, 1), opts.today) <= 0)
        await step('correctionLapsed', addDays(answer.dueOn, 1));
      continue;
    }
    if (plan.end === 'pending' && plan.overdue) {
      // accepted long ago, copy sent, answer in, and the decision not yet made
      await step('accept', acceptOn, { procedure: 'ordinary' });
      await step('sendCopy', addDays(acceptOn, 3));
      await step('receiveAnswer', addDays(acceptOn, 12));
      continue;
    }
    await step('accept', acceptOn, { procedure: simple ? 'simple' : 'ordinary' });
    if (plan.end === 'pending' && !plan.suspend) {
      if (compareDates(addDays(acceptOn, 3), opts.today) <= 0) await step('sendCopy', addDays(acceptOn, 3));
      continue;
    }
    await step('sendCopy', addDays(acceptOn, simple ? 1 : 3));
    await step('receiveAnswer', addDays(acceptOn, simple ? 6 : 12));
    if (plan.end === 'pending') {
      await step('suspend', addDays(acceptOn, 20), {
        suspensionGround: 'awaitingOtherCase',
        note: '本案需以相关民事诉讼的审理结果为依据',
      });
      continue;
    }
    if (plan.end === 'terminate') {
      await step('withdraw', addDays(acceptOn, 25), { reason: '申请人主动撤回行政复议申请' });
      continue;
    }
    if (plan.end === 'settle') {
      await step('recordMediation', addDays(acceptOn, 20), {
        mediationResult: 'agreed',
        note: '双方自愿达成和解协议',
      });
      await step('withdraw', addDays(acceptOn, 22), { mediated: true, reason: '当事人达成和解' });
      continue;
    }
    const outcome = simple && plan.outcome === 'mediation' ? 'mediation' : plan.outcome;
    let decideOn = addDays(acceptOn, simple ? 20 + Math.floor(random() * 8) : 35 + Math.floor(random() * 20));
    if (!simple && random() < 0.15) {
      await step('extend', addDays(acceptOn, 50), { days: 30, approver: '李建华' });
      decideOn = addDays(acceptOn, 75);
    }
    if (outcome === 'mediation')
      await step('recordMediation', addDays(decideOn, -3), {
        mediationResult: 'agreed',
        note: '双方当事人自愿达成调解协议',
      });
    await step('decide', decideOn, {
      outcome,
      documentNo: `开政复决字〔${decideOn.slice(0, 4)}〕${reconCount}号`,
      text: decisionText(outcome, t.title),
    });
    await step('serve', addDays(decideOn, 2));
    await step('publish', addDays(decideOn, 5));
    if (outcome === 'revoke' || outcome === 'confirmUnlawful') {
      await step('issueOpinion', addDays(decideOn, 6), {
        opinionKind: 'opinion',
        recipient: c.orgName,
        text: '建议被申请人规范执法程序,加强证据收集和法制审核,于收到本意见书之日起 60 日内报送整改情况。',
      });
      if (compareDates(addDays(decideOn, 50), opts.today) <= 0)
        await step('receiveCorrectionReport', addDays(decideOn, 50));
    }
    if (outcome === 'uphold' || outcome === 'dismissRequest')
      upheld.push({ id: c.id, orgId: c.orgId, applicant, decidedOn: addDays(decideOn, 2), act: t.title });
  }
  opts.log(`行政复议案件 ${reconCount} 件`);

  // 行政应诉: ~19 suits a year, most withdrawn or dismissed, heads appearing in most hearings
  const SUIT_OUTCOMES: readonly LawsuitOutcome[] = [
    ...times(9, 'withdrawn'),
    ...times(4, 'dismissSuit'),
    ...times(4, 'dismissClaim'),
  ];
  const APPEARERS: readonly [string, AppearerRole][] = [
    ['局长', 'principal'],
    ['副局长', 'deputyInCharge'],
    ['副局长', 'deputy'],
  ];
  let suitCount = 0;
  const suitTotal = scaled(SUIT_OUTCOMES.length + 2, scale);
  for (let i = 0; i < suitTotal; i++) {
    const outcome = SUIT_OUTCOMES[i];
    const linked = i < 3 ? upheld[i] : undefined;
    const filedOn = outcome
      ? linked
        ? addDays(linked.decidedOn, 10)
        : addDays(yearStart, 10 + i * 17)
      : addDays(opts.today, -30 - i * 7);
    const defendant = linked?.orgId ?? pick(random, respondents);
    // drawn in the order the literal below used to draw them, so the demo stays the same
    const plaintiff = linked?.applicant ?? (random() < 0.5 ? company() : person());
    const suitAct = linked ? ACTS[0] : pick(random, ACTS);
    let s = await createLawsuit(ctx, {
      defendantOrgId: defendant,
      ...(linked ? { coDefendantOrgId: government.id, reconsiderationId: linked.id } : {}),
      court: '开远市人民法院',
      courtCaseNo: `(${filedOn.slice(0, 4)})云2502行初${20 + i}号`,
      plaintiff,
      contestedAct: linked ? `${linked.act}及行政复议决定` : (suitAct?.title ?? ''),
      ...(linked || !suitAct ? {} : { subjectArea: suitAct.area }),
      filedOn,
      claims: '请求依法撤销被诉行政行为,并由被告承担诉讼费用。',
    });
    suitCount++;
    const heard = outcome !== 'withdrawn' || i % 3 === 0;
    if (heard) {
      const hearingOn = addDays(filedOn, 25);
      if (compareDates(hearingOn, opts.today) <= 0) {
        const [title, role] = pick(random, APPEARERS);
        // one 负责人 excused with sealed proof, where a file store is at hand (规定 第八条、第九条)
        const excused = i === 9 && opts.files !== undefined;
        s = await addHearing(ctx, s.id, {
          version: s.version,
          summonsServedOn: addDays(hearingOn, -7),
          hearingOn,
          appearerName: person(),
          appearerTitle: excused ? '法制股股长' : title,
          appearerRole: excused ? 'staff' : role,
          ...(excused
            ? {
                excuse: {
                  ground: 'irreplaceableDuty',
                  note: '局长参加市委常委会议,无法出庭',
                  proofSha256: await proofFile(ctx, opts.files as FileStore),
                },
              }
            : {}),
        });
      }
    }
    if (outcome) {
      const concludedOn = addDays(filedOn, heard ? 40 : 30);
      s = await concludeLawsuit(ctx, s.id, {
        version: s.version,
        outcome,
        concludedOn,
        servedOn: addDays(concludedOn, 3),
      });
      if (outcome === 'dismissClaim' && i === SUIT_OUTCOMES.length - 1) {
        await appealLawsuit(ctx, s.id, {
          version: s.version,
          appellant: 'plaintiff',
          filedOn: addDays(concludedOn, 10),
          court: '红河哈尼族彝族自治州中级人民法院',
          courtCaseNo: `(${concludedOn.slice(0, 4)})云25行终${30 + i}号`,
        });
        suitCount++;
      }
    }
  }
  opts.log(`行政应诉案件 ${suitCount} 件`);

  // 检察建议 / 司法建议: a few a year, one urgent and overdue
  const SUGGESTIONS: readonly [SuggestionKind, string, string, boolean][] = [
    ['publicInterest', '开远市人民检察院', '督促依法履行饮用水水源地保护监管职责', false],
    ['publicInterest', '开远市人民检察院', '督促整治校园周边食品安全隐患', false],
    ['administrativeViolation', '开远市人民检察院', '纠正行政处罚案件程序违法问题', false],
    ['nonLitigationEnforcement', '开远市人民检察院', '规范行政非诉执行申请', false],
    ['socialGovernance', '开远市人民检察院', '加强电信网络诈骗源头治理', false],
    ['judicial', '开远市人民法院', '规范行政强制拆除程序的司法建议', false],
    ['publicInterest', '开远市人民检察院', '督促处置非法倾倒建筑垃圾,防止污染扩大', true],
  ];
  let sugCount = 0;
  const sugTotal = scaled(SUGGESTIONS.length, scale);
  for (let i = 0; i < sugTotal; i++) {
    const [kind, issuer, summary, urgent] = SUGGESTIONS[i] as (typeof SUGGESTIONS)[number];
    const open = i >= SUGGESTIONS.length - 2;
    const receivedOn = open ? addDays(opts.today, urgent ? -25 : -40) : addDays(yearStart, 30 + i * 45);
    const s = await createSuggestion(ctx, {
      kind,
      orgId: pick(random, respondents),
      issuer,
      documentNo: `${kind === 'judicial' ? '开法司建' : '开检行建'}〔${receivedOn.slice(0, 4)}〕${i + 1}号`,
      issuedOn: addDays(receivedOn, -2),
      receivedOn,
      urgent,
      summary,
    });
    sugCount++;
    if (!open)
      await replySuggestion(ctx, s.id, {
        version: s.version,
        repliedOn: addDays(receivedOn, i === 2 ? 70 : 40),
        reply: '已对照建议逐项整改,建立长效机制,现将整改情况书面回复。',
        rectification: '完成专项排查,整改问题并建立台账。',
      });
  }
  opts.log(`检察建议、司法建议 ${sugCount} 件`);
}

function decisionText(outcome: Outcome, act: string): string {
  const body: Record<Outcome, string> = {
    uphold: `根据《中华人民共和国行政复议法》第六十八条的规定,本机关决定:维持被申请人作出的${act}。`,
    dismissRequest: '根据《中华人民共和国行政复议法》第六十九条的规定,本机关决定:驳回申请人的行政复议请求。',
    dismissApplication:
      '根据《中华人民共和国行政复议法》第三十三条的规定,本机关决定:驳回申请人的行政复议申请。',
    revoke: `根据《中华人民共和国行政复议法》第六十四条的规定,本机关决定:撤销被申请人作出的${act},责令被申请人在六十日内重新作出行政行为。`,
    confirmUnlawful: `根据《中华人民共和国行政复议法》第六十五条的规定,本机关决定:确认被申请人作出的${act}违法。`,
    change: `根据《中华人民共和国行政复议法》第六十三条的规定,本机关决定:变更被申请人作出的${act}。`,
    orderPerformance:
      '根据《中华人民共和国行政复议法》第六十六条的规定,本机关决定:责令被申请人在法定期限内履行法定职责。',
    confirmInvalid: `根据《中华人民共和国行政复议法》第六十七条的规定,本机关决定:确认被申请人作出的${act}无效。`,
    agreementRemedy:
      '根据《中华人民共和国行政复议法》第七十一条的规定,本机关决定:责令被申请人依法履行行政协议。',
    compensation: '根据《中华人民共和国行政复议法》第七十二条的规定,本机关决定:被申请人依法给予申请人赔偿。',
    mediation:
      '经本机关主持调解,双方当事人自愿达成调解协议,根据《中华人民共和国行政复议法》第七十三条的规定制作本调解书。',
  };
  return body[outcome];
}

/** A sealed explanation (情况说明) for a 负责人 who could not appear, stored as an attachment. */
async function proofFile(ctx: Ctx, files: FileStore): Promise<string> {
  const pdf = Buffer.from(
    '%PDF-1.4\n% 情况说明(加盖公章)\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n',
    'utf8',
  );
  const f = await storeAttachment(ctx.db, files, {
    bytes: pdf,
    originalName: '负责人不能出庭情况说明.pdf',
    createdBy: ctx.actor.userId,
  });
  return f.sha256;
}
