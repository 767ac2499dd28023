import {
  addDays,
  compareDates,
  type LocalDate,
  loadWorkCalendar,
  type WorkCalendar,
} from '../../../../platform/calendar/index.js';
import { addWorkdays } from '../../../../platform/clock/index.js';
import { generatePassword } from '../../../../platform/auth/secrets.js';
import type { Ctx } from '../../../../platform/context.js';
import type { FileStore } from '../../../../platform/files/index.js';
import { demoIdNumber } from '../../../../platform/ids/index.js';
import { createUser } from '../../../org/user-service.js';
import type { ActionRecord, CaseCategory, PenaltyKind, Sanction } from '../schema.js';
import { type CaseDraft, createCases, type DraftAction } from '../service.js';
import {
  CASES_PER_OFFICER_BY_CATEGORY,
  type CategoryDraftContext,
  coercionDraft,
  genericDraft,
  licenseDraft,
} from './categories.js';
import { type DemoRecords, demoRecordFiles } from './records.js';
import { chineseName, intBetween, mulberry32, pickOne } from '../../demo-names.js';
import type { SeededBody } from '../../officers/seed.js';
import type { SeededPowerItem } from '../../power-list/seed.js';

/** Penalty cases a year per officer, roughly (a county's summary and ordinary cases together). */
const CASES_PER_OFFICER = 4.5;
const BATCH = 800;

const SHOPS = [
  '食品店',
  '餐馆',
  '超市',
  '药店',
  '五金店',
  '建材经营部',
  '汽车修理厂',
  '网吧',
  '农资店',
  '养殖场',
  '砂石厂',
  '物流有限公司',
  '商贸有限公司',
  '建筑工程有限公司',
  '食品有限公司',
];
const PLACES = [
  '灵泉',
  '乐白道',
  '小龙潭',
  '中和营',
  '大庄',
  '羊街',
  '碑格',
  '南洞',
  '凤凰',
  '东联',
  '新华',
  '人民',
];

interface OfficerSpan {
  id: string;
  from: LocalDate;
  until: LocalDate;
}

/** Only the date filter of the seed: the service re-checks every rule on the way in. */
function pickHandlers(
  random: () => number,
  officers: readonly OfficerSpan[],
  from: LocalDate,
  to: LocalDate,
): string[] | null {
  const ok = officers.filter((o) => o.from <= from && o.until >= to);
  if (ok.length < 2) return null;
  const a = pickOne(random, ok);
  let b = pickOne(random, ok);
  for (let i = 0; b.id === a.id && i < 10; i++) b = pickOne(random, ok);
  return a.id === b.id ? null : [a.id, b.id];
}

function ordinarySanction(random: () => number, person: boolean): Sanction {
  const r = random();
  if (r < 0.015) return { penalties: ['revokeLicense', 'fine'], amount: intBetween(random, 20, 100) * 1000 };
  if (r < 0.03) return { penalties: ['suspendBusiness', 'fine'], amount: intBetween(random, 10, 50) * 1000 };
  const big = random() < 0.06;
  const amount = person
    ? big
      ? intBetween(random, 10, 50) * 1000
      : intBetween(random, 5, 80) * 100
    : big
      ? intBetween(random, 100, 500) * 1000
      : intBetween(random, 2, 60) * 1000;
  const penalties: PenaltyKind[] =
    random() < 0.18 ? ['fine', 'confiscate'] : random() < 0.1 ? ['warning', 'fine'] : ['fine'];
  return { penalties, amount };
}

/**
 * Demo penalty cases for `year` and the current year up to `today`: summary and ordinary
 * procedures, some major (reviewed before decision), some still open, some 临期 or 逾期.
 * Built through `createCases`, which checks every act by the same rules as live work.
 */
export async function seedCases(
  ctx: Ctx,
  opts: { year: number; today: LocalDate; files?: FileStore | undefined; scale?: number | undefined },
  bodies: readonly SeededBody[],
  powers: readonly SeededPowerItem[],
): Promise<Record<string, number>> {
  const random = mulberry32(20240601);
  const scale = opts.scale ?? 1;
  const records = await demoRecordFiles(ctx, opts.files);
  const calendar = await loadWorkCalendar(ctx.db);
  const reviewers = await seedReviewers(ctx, bodies);
  const certs = await ctx.db
    .selectFrom('enforcement_certificate')
    .select(['officer_id', 'issued_on', 'valid_until'])
    .where('status', '=', 'valid')
    .execute();
  const spanOf = new Map(certs.map((c) => [c.officer_id, { from: c.issued_on, until: c.valid_until }]));
  const start = `${opts.year}-01-01`;
  const span = Math.max(1, daysBetweenSafe(start, opts.today));
  const drafts: CaseDraft[] = [];
  let seq = 0;
  // its own sequence, so that the rest of the demo is the same with or without it
  const queueRandom = mulberry32(20240602);
  for (const body of bodies) {
    const first = drafts.length;
    const officers = body.officerIds.flatMap((id) => {
      const s = spanOf.get(id);
      return s ? [{ id, ...s }] : [];
    });
    const items = powers.filter((p) => p.orgId === body.orgId && p.category === 'penalty');
    const reviewer = reviewers.get(body.orgId) ?? null;
    const count = Math.round(officers.length * CASES_PER_OFFICER * (span / 365) * scale);
    for (let k = 0; k < count; k++) {
      const day = addDays(start, Math.floor(random() * span));
      const draft = buildDraft(random, calendar, opts.today, day, body, officers, items, reviewer, seq++);
      if (draft) drafts.push(draft);
    }
    for (const [category, rate] of Object.entries(CASES_PER_OFFICER_BY_CATEGORY) as [
      CaseCategory,
      number,
    ][]) {
      // rounded at random, so a small category still appears at a small scale
      const x = officers.length * rate * (span / 365) * scale;
      const n = Math.floor(x) + (random() < x - Math.floor(x) ? 1 : 0);
      const catItems = powers.filter((p) => p.orgId === body.orgId && p.category === category);
      for (let k = 0; k < n; k++) {
        const day = addDays(start, Math.floor(random() * span));
        const handlerIds = pickHandlers(random, officers, day, addDays(day, 120));
        if (!handlerIds) continue;
        const item = catItems.length > 0 ? pickOne(random, catItems) : undefined;
        const person = random() < 0.5;
        const c: CategoryDraftContext = {
          random,
          calendar,
          today: opts.today,
          day,
          reviewer,
          input: {
            bodyId: body.bodyId,
            partyKind: person ? 'person' : 'organisation',
            partyName: person
              ? chineseName(random, random() < 0.6 ? 'male' : 'female')
              : `开远市${pickOne(random, PLACES)}${pickOne(random, SHOPS)}`,
            ...(person ? { partyIdNumber: demoIdNumber(++seq, '532502') } : {}),
            ...(item ? { powerItemId: item.id } : {}),
            handlerIds,
          },
        };
        drafts.push(
          category === 'license'
            ? licenseDraft(c)
            : category === 'coercion'
              ? coercionDraft(c)
              : genericDraft(c, category),
        );
      }
    }
    // a 法制审核 account always has work: at a small scale no drawn case may stop under review
    if (reviewer && !drafts.slice(first).some(underReview)) {
      const draft = reviewDraft(queueRandom, opts.today, body, officers, items);
      if (draft) drafts.push(draft);
    }
  }
  if (records) for (const d of drafts) attachRecords(random, d, records);
  // opening dates in order, so each body's case numbers run with the calendar
  drafts.sort((a, b) => openedOn(a).localeCompare(openedOn(b)));
  for (let i = 0; i < drafts.length; i += BATCH)
    await createCases(ctx, drafts.slice(i, i + BATCH), { files: opts.files ?? null, archive: !records });
  const counts: Record<string, number> = {};
  for (const d of drafts) {
    const input = d.input as { category?: string };
    const k = d.kind === 'onTheSpot' ? 'penalty' : (input.category ?? 'penalty');
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}

const openedOn = (d: CaseDraft) => {
  const i = d.input as { openedOn?: string; decidedOn?: string };
  return i.openedOn ?? i.decidedOn ?? '';
};

/**
 * 全过程记录 for every act of a demo case. An open case sometimes still lacks the records of its
 * latest act (the detail lists the gap); a closed one never does (结案 would be refused).
 */
function attachRecords(random: () => number, d: CaseDraft, records: DemoRecords): void {
  const first =
    d.kind === 'onTheSpot'
      ? 'onTheSpot'
      : (d.input as { category?: string }).category === 'license'
        ? 'apply'
        : 'open';
  d.records = records(first);
  const acts = (d.actions ?? []) as DraftAction[];
  const closed = acts.some((a) => a.action === 'close');
  acts.forEach((a, i) => {
    const gap = !closed && i === acts.length - 1 && random() < 0.15;
    if (!gap) a.records = records(a.action);
  });
}

function daysBetweenSafe(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function buildDraft(
  random: () => number,
  calendar: WorkCalendar,
  today: LocalDate,
  day: LocalDate,
  body: SeededBody,
  officers: readonly OfficerSpan[],
  items: readonly SeededPowerItem[],
  reviewer: string | null,
  seq: number,
): CaseDraft | null {
  const person = random() < 0.55;
  const partyName = person
    ? chineseName(random, random() < 0.7 ? 'male' : 'female')
    : `开远市${pickOne(random, PLACES)}${pickOne(random, SHOPS)}`;
  const item = items.length > 0 ? pickOne(random, items) : undefined;
  const party = {
    bodyId: body.bodyId,
    partyKind: person ? 'person' : 'organisation',
    partyName,
    ...(person ? { partyIdNumber: demoIdNumber(seq + 1, '532502'), partyMinor: random() < 0.01 } : {}),
    ...(item ? { powerItemId: item.id } : {}),
    facts: item ? `当事人涉嫌违法行为,适用“${item.name}”。` : '当事人涉嫌违反行政管理秩序。',
  };
  if (random() < 0.45) {
    const handlerIds = pickHandlers(random, officers, day, day);
    if (!handlerIds) return null;
    const sanction: Sanction =
      random() < 0.3
        ? { penalties: ['warning'], amount: 0 }
        : {
            penalties: ['fine'],
            amount: person ? intBetween(random, 1, 4) * 50 : intBetween(random, 2, 30) * 100,
          };
    const actions: DraftAction[] = [];
    const paid = addDays(day, intBetween(random, 0, 5));
    if (compareDates(paid, today) <= 0) {
      actions.push({ action: 'execute', date: paid, actorId: null });
      const closed = addDays(paid, intBetween(random, 0, 3));
      if (compareDates(closed, today) <= 0) actions.push({ action: 'close', date: closed, actorId: null });
    }
    return { kind: 'onTheSpot', input: { ...party, handlerIds, decidedOn: day, sanction }, actions };
  }
  const handlerIds = pickHandlers(random, officers, day, addDays(day, 330));
  if (!handlerIds) return null;
  const sanction = ordinarySanction(random, person);
  const slow = random() < 0.06; // investigations that overrun the 90-day clock
  const plan: {
    action: ActionRecord['action'];
    gap: number;
    data?: ActionRecord['data'];
    reviewer?: boolean;
  }[] = [{ action: 'investigate', gap: intBetween(random, 1, 10) }];
  if (random() < 0.05) plan.push({ action: 'terminate', gap: intBetween(random, 5, 30) });
  else {
    if (slow) plan.push({ action: 'investigate', gap: intBetween(random, 85, 120) });
    if (random() < 0.03)
      plan.push({
        action: 'extend',
        gap: intBetween(random, 60, 80),
        data: { days: 30, note: '案情复杂,经负责人批准延长' },
      });
    plan.push({ action: 'notify', gap: intBetween(random, 5, 35), data: { sanction } });
    const hearing = random() < (sanction.amount >= 10_000 ? 0.5 : 0.05);
    if (hearing)
      plan.push(
        { action: 'requestHearing', gap: intBetween(random, 1, 4) },
        { action: 'holdHearing', gap: 0 },
      );
    const major =
      hearing ||
      sanction.amount >= (person ? 10_000 : 100_000) ||
      sanction.penalties.some((p) => p === 'revokeLicense' || p === 'suspendBusiness');
    if ((major || random() < 0.15) && reviewer) {
      plan.push({ action: 'submitReview', gap: intBetween(random, 1, 3) });
      if (random() < 0.06) {
        plan.push(
          { action: 'returnReview', gap: intBetween(random, 1, 4), reviewer: true },
          { action: 'investigate', gap: intBetween(random, 2, 8) },
        );
        plan.push(
          { action: 'notify', gap: intBetween(random, 2, 8), data: { sanction } },
          { action: 'submitReview', gap: intBetween(random, 1, 3) },
        );
      }
      plan.push({
        action: 'passReview',
        gap: intBetween(random, 1, 5),
        reviewer: true,
        data: { opinion: '事实清楚,证据确凿,适用依据正确,程序合法,同意' },
      });
    } else if (major) return null;
    plan.push({ action: 'decide', gap: intBetween(random, 2, 15), data: { sanction } });
    plan.push({
      action: 'serve',
      gap: random() < 0.03 ? intBetween(random, 12, 20) : intBetween(random, 0, 6),
    });
    plan.push(
      { action: 'execute', gap: intBetween(random, 3, 30) },
      { action: 'close', gap: intBetween(random, 1, 10) },
    );
  }
  const actions: DraftAction[] = [];
  let date = day;
  for (const step of plan) {
    let next = addDays(date, step.gap);
    if (step.action === 'holdHearing') {
      const noticedOn = addDays(date, 1);
      next = addDays(addWorkdays(calendar, noticedOn, 7), intBetween(random, 0, 5));
      step.data = { noticedOn };
    }
    if (compareDates(next, today) > 0) break;
    actions.push({
      action: step.action,
      date: next,
      actorId: step.reviewer ? reviewer : null,
      ...(step.data ? { data: step.data } : {}),
    });
    date = next;
  }
  return { kind: 'open', input: { ...party, handlerIds, openedOn: day }, actions };
}

const underReview = (d: CaseDraft) => d.actions?.[d.actions.length - 1]?.action === 'submitReview';

/** A penalty case investigated, notified and submitted for 法制审核 in the last few weeks. */
function reviewDraft(
  random: () => number,
  today: LocalDate,
  body: SeededBody,
  officers: readonly OfficerSpan[],
  items: readonly SeededPowerItem[],
): CaseDraft | null {
  const day = addDays(today, -intBetween(random, 15, 25));
  const handlerIds = pickHandlers(random, officers, day, today);
  if (!handlerIds) return null;
  const item = items.length > 0 ? pickOne(random, items) : undefined;
  const sanction = ordinarySanction(random, false);
  const step = (gap: number) => addDays(day, gap);
  return {
    kind: 'open',
    input: {
      bodyId: body.bodyId,
      partyKind: 'organisation',
      partyName: `开远市${pickOne(random, PLACES)}${pickOne(random, SHOPS)}`,
      ...(item ? { powerItemId: item.id } : {}),
      facts: item ? `当事人涉嫌违法行为,适用“${item.name}”。` : '当事人涉嫌违反行政管理秩序。',
      handlerIds,
      openedOn: day,
    },
    actions: [
      { action: 'investigate', date: step(2), actorId: null },
      { action: 'notify', date: step(9), actorId: null, data: { sanction } },
      { action: 'submitReview', date: step(14), actorId: null },
    ],
  };
}

/** One 法制审核 account per enforcing org (they log in after an admin sets their password). */
async function seedReviewers(ctx: Ctx, bodies: readonly SeededBody[]): Promise<Map<string, string>> {
  const role = await ctx.db.selectFrom('role').select('id').where('code', '=', 'reviewer').executeTakeFirst();
  const out = new Map<string, string>();
  if (!role) return out;
  const existing = await ctx.db
    .selectFrom('app_user as u')
    .innerJoin('user_role as ur', 'ur.user_id', 'u.id')
    .select(['u.id', 'u.org_id'])
    .where('ur.role_id', '=', role.id)
    .execute();
  for (const u of existing) if (!out.has(u.org_id)) out.set(u.org_id, u.id);
  const random = mulberry32(777);
  const password = generatePassword(16);
  for (const [i, b] of bodies.entries()) {
    if (out.has(b.orgId)) continue;
    const user = await createUser(ctx, {
      username: `fzsh${String(i + 1).padStart(2, '0')}`,
      displayName: chineseName(random, random() < 0.5 ? 'male' : 'female'),
      orgId: b.orgId,
      roleIds: [role.id],
      password,
    });
    out.set(b.orgId, user.id);
  }
  return out;
}
