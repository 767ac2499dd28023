import { compareDates, type LocalDate } from '../../../platform/calendar/index.js';
import { conflict, invalid } from '../../../platform/errors.js';
import { deadline, dueList } from '../core/clock.js';
import {
  checkExtension,
  checkNext,
  type ExtensionRule,
  foldStatus,
  lastOf,
  onTimeBy,
  requireData,
} from '../core/rules.js';
import type { ActTable } from '../../../platform/service/act-table.js';
import type { ActionRecord, Due, Projection, RuleContext } from '../core/spec.js';
import {
  type PetitionAction,
  type PetitionActionData,
  type PetitionStatus,
  petitionActionLabels,
  petitionStatusLabels,
} from './schema.js';

export type PetitionRecord = ActionRecord<PetitionAction, PetitionActionData>;

/** 信访工作条例: the periods, all in calendar days. */
export const ROUTE_DAYS = 15; // 第二十二条 登记、转送、交办; 第二十三条 受理告知
export const HANDLE_DAYS = 60; // 第三十四条
export const EXTEND_DAYS = 30; // 第三十四条: 延长期限不得超过 30 日
export const REVIEW_REQUEST_DAYS = 30; // 第三十五条
export const REVIEW_DAYS = 30; // 第三十五条
export const RECHECK_REQUEST_DAYS = 30; // 第三十六条
export const RECHECK_DAYS = 30; // 第三十六条

export const allowedPetitionActions = {
  registered: ['route', 'accept', 'decline'],
  routed: [],
  declined: [],
  handling: ['extend', 'answer'],
  answered: ['requestReview', 'rate', 'close'],
  reviewing: ['answerReview'],
  reviewed: ['requestRecheck', 'rate', 'close'],
  rechecking: ['answerRecheck'],
  // 第三十六条: after 复核 the same request is not accepted again — no requestRecheck here
  rechecked: ['rate', 'close'],
  closed: ['rate'],
} as const satisfies Record<PetitionStatus, readonly PetitionAction[]>;

const statusAfter = (s: PetitionStatus, a: PetitionAction): PetitionStatus =>
  (
    ({
      register: 'registered',
      route: 'routed',
      accept: 'handling',
      decline: 'declined',
      extend: 'handling',
      answer: 'answered',
      requestReview: 'reviewing',
      answerReview: 'reviewed',
      requestRecheck: 'rechecking',
      answerRecheck: 'rechecked',
      rate: s,
      close: 'closed',
    }) as const satisfies Record<PetitionAction, PetitionStatus>
  )[a];

const TABLE: ActTable<PetitionStatus, PetitionAction> = {
  code: 'requests.actionNotAllowed',
  noun: '信访事项',
  allowed: allowedPetitionActions,
  statusLabels: petitionStatusLabels,
  actionLabels: petitionActionLabels,
};

export function derivePetitionStatus(log: readonly Pick<PetitionRecord, 'action'>[]): PetitionStatus {
  return foldStatus<PetitionStatus, PetitionAction>(log, 'register', 'registered', TABLE, statusAfter);
}

const days = (ctx: Pick<RuleContext, 'calendar'>, start: LocalDate, amount: number, extra = 0) =>
  deadline(ctx.calendar, {
    start,
    rule: { unit: 'calendarDay', amount },
    extensions: extra ? [{ amount: extra }] : [],
  });

/** 第三十六条: a matter already 复核 is not accepted again, as a new item or as a second 复核. */
export function checkNotFinal(earlierRechecked: boolean, field = 'repeatOfId'): void {
  if (earlierRechecked)
    throw conflict(
      'requests.petition.final',
      '该信访事项已经复核,信访人仍以同一事实和理由提出的,不再受理(《信访工作条例》第三十六条)',
      { field },
    );
}

const NAMES: Record<string, string> = {
  toOrg: '有权处理的机关',
  reason: '理由',
  procedure: '应当导入的法定途径',
  approverName: '批准延期的机关负责人',
  result: '处理结果',
  documentNo: '意见书文号',
  satisfaction: '评价',
};

/** 第三十四条: 延长办理期限 once, by up to 30 days, with the head's approval. */
const EXTENSION: ExtensionRule = {
  code: 'requests.petition',
  period: '办理期限',
  approval: '本机关负责人批准',
  limit: '不超过 30 日',
  basis: '《信访工作条例》第三十四条',
};

export function checkPetitionAction(
  category: string,
  log: readonly PetitionRecord[],
  next: PetitionRecord,
  ctx: RuleContext,
): void {
  const status = derivePetitionStatus(log);
  if (next.action === 'requestRecheck' && log.some((a) => a.action === 'answerRecheck'))
    checkNotFinal(true, 'action');
  checkNext(TABLE, status, log, next, ctx.today);
  const d = next.data;
  const window = (from: PetitionAction, amount: number, article: string, what: string) => {
    const base = lastOf(log, [from]);
    if (!base) return;
    const end = days(ctx, base.date, amount).due;
    if (end && compareDates(next.date, end) > 0)
      throw invalid(
        'requests.petition.windowPassed',
        `${what}应当自收到意见之日起 ${amount} 日内提出(期限至 ${end},《信访工作条例》${article})`,
        'date',
      );
  };
  switch (next.action) {
    case 'route':
      requireData(d, ['toOrg'], NAMES);
      break;
    case 'decline':
      // 第三十一条: 申诉求决类 matters for 诉讼/复议/仲裁/行政程序 are guided there first
      if (category === 'claim') requireData(d, ['procedure'], NAMES);
      requireData(d, ['reason'], NAMES);
      break;
    case 'extend':
      checkExtension(EXTENSION, log, next, () => {
        const accepted = lastOf(log, ['accept']);
        return accepted ? days(ctx, accepted.date, HANDLE_DAYS).due : null;
      });
      break;
    case 'answer':
    case 'answerReview':
    case 'answerRecheck':
      requireData(d, ['result', 'documentNo'], NAMES);
      break;
    case 'requestReview':
      window('answer', REVIEW_REQUEST_DAYS, '第三十五条', '请求复查');
      break;
    case 'requestRecheck':
      window('answerReview', RECHECK_REQUEST_DAYS, '第三十六条', '请求复核');
      break;
    case 'rate':
      requireData(d, ['satisfaction'], NAMES);
      break;
    default:
      break;
  }
}

/**
 * 第三十五、三十六条: the 30-day steps between an answer and the 复核 request — the act that starts
 * each clock, the act that meets it, and whether the petitioner (party) or the organ must act.
 */
const REVIEW_STEPS = [
  {
    from: 'answer',
    kind: 'reviewRequest',
    label: '信访人请求复查(收到意见之日起 30 日内,第三十五条)',
    days: REVIEW_REQUEST_DAYS,
    metBy: 'requestReview',
    party: true,
  },
  {
    from: 'requestReview',
    kind: 'review',
    label: '出具复查意见(收到请求之日起 30 日内,第三十五条)',
    days: REVIEW_DAYS,
    metBy: 'answerReview',
    party: false,
  },
  {
    from: 'answerReview',
    kind: 'recheckRequest',
    label: '信访人请求复核(收到复查意见之日起 30 日内,第三十六条)',
    days: RECHECK_REQUEST_DAYS,
    metBy: 'requestRecheck',
    party: true,
  },
] as const satisfies readonly {
  from: PetitionAction;
  kind: string;
  label: string;
  days: number;
  metBy: PetitionAction;
  party: boolean;
}[];

/** The clocks of a petition, from its log (第二十二、二十三、三十四、三十五、三十六条). */
export function petitionDues(receivedOn: LocalDate, log: readonly PetitionRecord[], ctx: RuleContext): Due[] {
  const { dues, add } = dueList();
  const after = (i: number, kinds: readonly PetitionAction[]) =>
    log.slice(i + 1).find((a) => kinds.includes(a.action));
  add(
    'route',
    '登记并转送、交办或受理告知(收到之日起 15 日内,第二十二、二十三条)',
    days(ctx, receivedOn, ROUTE_DAYS),
    log.find((a) => a.action === 'route' || a.action === 'accept' || a.action === 'decline'),
  );
  log.forEach((a, i) => {
    if (a.action === 'accept') {
      const extended = log.some((x) => x.action === 'extend');
      add(
        'handle',
        extended
          ? '办结(60 日,经批准延长 30 日,第三十四条)'
          : '办结并出具信访处理意见书(受理之日起 60 日内,第三十四条)',
        days(ctx, a.date, HANDLE_DAYS, extended ? EXTEND_DAYS : 0),
        after(i, ['answer']),
      );
    }
    const step = REVIEW_STEPS.find((x) => x.from === a.action);
    if (step) add(step.kind, step.label, days(ctx, a.date, step.days), after(i, [step.metBy]), step.party);
    if (a.action === 'requestRecheck') {
      const answer = after(i, ['answerRecheck']);
      add(
        'recheck',
        '出具复核意见(收到请求之日起 30 日内,听证时间不计入,第三十六条)',
        days(ctx, a.date, RECHECK_DAYS, answer?.data.hearingDays ?? 0),
        answer,
      );
    }
  });
  return dues;
}

export function projectPetition(
  receivedOn: LocalDate,
  log: readonly PetitionRecord[],
  ctx: RuleContext,
): Projection {
  const status = derivePetitionStatus(log);
  const dues = petitionDues(receivedOn, log, ctx);
  const open = dues.find((d) => d.metOn === null && !d.party);
  const handle = dues.find((d) => d.kind === 'handle');
  const firstAnswer = log.find((a) => a.action === 'answer');
  const lastAnswer = lastOf(log, ['answer', 'answerReview', 'answerRecheck']);
  const routedOrDeclined = lastOf(log, ['route', 'decline']);
  return {
    status,
    outcome:
      lastAnswer?.data.result ??
      (routedOrDeclined ? (routedOrDeclined.action === 'route' ? 'routed' : 'declined') : null),
    dueKind: open?.kind ?? null,
    dueOn: open?.dueOn ?? null,
    dueProvisional: open?.provisional ?? false,
    extended: log.some((a) => a.action === 'extend'),
    answeredOn: firstAnswer?.date ?? null,
    closedOn: lastOf(log, ['close'])?.date ?? routedOrDeclined?.date ?? null,
    onTime: firstAnswer && handle ? onTimeBy(firstAnswer.date, handle.dueOn) : null,
    resolved: lastAnswer ? lastAnswer.data.resolved === true : null,
  };
}
