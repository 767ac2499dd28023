import { sql } from 'kysely';
import { addDays, compareDates, type LocalDate } from '../../../platform/calendar/index.js';
import { chinaDate, type Ctx } from '../../../platform/context.js';
import { DomainError } from '../../../platform/errors.js';
import { chineseName, intBetween, mulberry32, pickOne } from '../demo-names.js';
import { createReferral, recordReferralAction } from './service.js';
import crimes from './seed-crimes.json' with { type: 'json' };

/**
 * What the demo departments refer, with facts and evidence as their reports would state them:
 * demo data in seed-crimes.json, by department name.
 */
const CRIMES: Readonly<
  Record<string, readonly { crime: string; facts: string; evidence: readonly string[] }[]>
> = crimes;

const POLICE = '开远市公安局';
const PROCURATORATE = '开远市人民检察院';
/** Roughly one referral every 18 days across the county: a few dozen a year. */
const DAYS_PER_REFERRAL = 18;

type Step = { action: string; days: number; hour?: number; data?: Record<string, unknown> };

/** The path a referral takes after approval (days counted from the report). */
function pathFor(random: () => number, year: number, n: number, short: string): Step[] {
  const hour = intBetween(random, 9, 11);
  const approve: Step = {
    action: 'approve',
    days: intBetween(random, 0, 2),
    hour,
    data: { approverName: chineseName(random, 'male') },
  };
  const hand = (late: boolean): Step => ({
    action: 'handOver',
    days: approve.days + (late ? 1 : 0),
    hour: late ? hour + 6 : hour + intBetween(random, 2, 6),
    data: { policeOrg: POLICE, documentNo: `开${short}移〔${year}〕${n}号`, procuratorate: PROCURATORATE },
  });
  const accept: Step = { action: 'accept', days: approve.days + 1 };
  const file = (d: number): Step => ({
    action: 'file',
    days: d,
    data: { documentNo: `开公立字〔${year}〕${100 + n}号` },
  });
  const decline: Step = {
    action: 'decline',
    days: approve.days + 4,
    data: { reason: '经审查,涉案数额未达到立案追诉标准', documentNo: `开公不立字〔${year}〕${n}号` },
  };
  const exhibits = (d: number): Step => ({
    action: 'transferExhibits',
    days: d,
    data: { items: ['涉案物品', '案卷材料'] },
  });
  // handed over on time and declined by the police (a function: the handover draws its hour)
  const declined = (): Step[] => [approve, hand(false), accept, decline];
  const r = random();
  if (r < 0.08)
    return [
      {
        action: 'refuse',
        days: 2,
        data: { approverName: chineseName(random, 'male'), reason: '证据尚不足以证明达到追诉标准,继续调查' },
      },
    ];
  if (r < 0.55)
    return [
      approve,
      hand(r < 0.15),
      accept,
      file(approve.days + 3),
      exhibits(approve.days + 5),
      { action: 'close', days: approve.days + 40 },
    ];
  // art. 10: after 不予立案 the agency deals with the case itself; half are still open in the ledger
  if (r < 0.7) return [...declined(), ...(r < 0.63 ? [] : [{ action: 'close', days: approve.days + 12 }])];
  if (r < 0.85)
    return [
      ...declined(),
      { action: 'requestReconsideration', days: decline.days + 2 },
      {
        action: 'reconsiderFiled',
        days: decline.days + 4,
        data: { documentNo: `开公复立字〔${year}〕${n}号` },
      },
      exhibits(decline.days + 6),
      { action: 'close', days: decline.days + 45 },
    ];
  return [
    ...declined(),
    { action: 'requestReconsideration', days: decline.days + 1 },
    {
      action: 'reconsiderUpheld',
      days: decline.days + 3,
      data: { reason: '维持不予立案决定', documentNo: `开公复字〔${year}〕${n}号` },
    },
    {
      action: 'requestSupervision',
      days: decline.days + 5,
      data: { opinion: `建议${PROCURATORATE}依法进行立案监督` },
    },
    file(decline.days + 20),
    exhibits(decline.days + 22),
    { action: 'close', days: decline.days + 60 },
  ];
}

/**
 * Demo 两法衔接 referrals through the referral service: a few dozen over the demo period from the
 * departments that meet crimes most (市场监管, 生态环境, 自然资源, 应急管理, 林草, 烟草, 农业农村),
 * most filed by the police, some refused with 复议 or 检察监督, and the latest still running —
 * one handover overdue (approved, not handed over within 24 hours) and one police review overdue.
 */
export async function seedReferrals(ctx: Ctx, opts: { year: number; today: LocalDate }): Promise<number> {
  const random = mulberry32(20250303);
  const now = ctx.now();
  const today = chinaDate(now);
  const cases = await ctx.db
    .selectFrom('enforcement_case as c')
    .innerJoin('org as g', 'g.id', 'c.org_id')
    .select(['c.id', 'c.opened_on', 'c.decided_on', 'g.name as org_name'])
    .where('g.name', 'in', Object.keys(CRIMES))
    .where('c.procedure', '=', 'ordinary')
    .where('c.opened_on', '>=', `${opts.year}-01-01`)
    .where(
      sql<boolean>`not exists (select 1 from enforcement_case_action a where a.case_id = c.id and a.action = 'terminate')`,
    )
    .orderBy('c.opened_on')
    .orderBy('c.case_no')
    .execute();
  const target = Math.round(
    (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${opts.year}-01-01T00:00:00Z`)) /
      86_400_000 /
      DAYS_PER_REFERRAL,
  );
  const stride = Math.max(1, Math.floor(cases.length / Math.max(1, target)));
  let made = 0;
  let stalled = 0;
  const serials = new Map<string, number>();
  for (let i = Math.floor(stride / 2); i < cases.length && made < target; i += stride) {
    const c = cases[i];
    if (!c) continue;
    const crime = pickOne(random, CRIMES[c.org_name] ?? []);
    // every fifth referral comes after the penalty decision (art. 11: the decision stands, a fine offsets)
    const reportedOn =
      made % 5 === 4 && c.decided_on
        ? addDays(c.decided_on, intBetween(random, 5, 30))
        : addDays(c.opened_on, intBetween(random, 3, 15));
    if (compareDates(reportedOn, addDays(today, -1)) > 0) continue;
    const year = Number(reportedOn.slice(0, 4));
    const n = (serials.get(`${c.org_name}/${year}`) ?? 0) + 1;
    serials.set(`${c.org_name}/${year}`, n);
    const short = c.org_name.replace(/^(开远市|红河州)/, '').slice(0, 2);
    const handlers = await ctx.db
      .selectFrom('enforcement_case')
      .select('handler_ids')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    let r: Awaited<ReturnType<typeof createReferral>>;
    try {
      r = await createReferral(ctx, {
        caseId: c.id,
        teamIds: handlers.handler_ids,
        suspectedCrime: crime.crime,
        facts: `${crime.facts},涉嫌构成${crime.crime},依法应当移送公安机关追究刑事责任。`,
        evidence: crime.evidence.map((name) => ({ name })),
        reportedOn,
      });
    } catch (e) {
      // a handler whose certificate lapsed by the report date: the service refuses; so does the demo
      if (e instanceof DomainError) continue;
      throw e;
    }
    made++;
    let steps = pathFor(random, year, n, short);
    // the two most recent live referrals are left overdue: one not handed over, one not decided by the police
    const age = Math.round(
      (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${reportedOn}T00:00:00Z`)) / 86_400_000,
    );
    if (age < 25 && steps[0]?.action === 'approve' && stalled < 2)
      steps = steps.slice(0, stalled++ === 0 ? 1 : 3);
    for (const s of steps) {
      const date = addDays(reportedOn, s.days);
      const at =
        s.hour === undefined
          ? undefined
          : `${date}T${String(s.hour).padStart(2, '0')}:${String(intBetween(random, 0, 59)).padStart(2, '0')}:00+08:00`;
      if (compareDates(date, today) >= 0 || (at && Date.parse(at) > now.getTime())) break;
      r = await recordReferralAction(ctx, r.id, {
        version: r.version,
        action: s.action,
        ...(at ? { at } : { date }),
        data: s.data ?? {},
      });
    }
  }
  return made;
}
