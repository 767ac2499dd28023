import { addDays, compareDates, type LocalDate } from '../../../../platform/calendar/index.js';
import type { Ctx } from '../../../../platform/context.js';
import type { FileStore } from '../../../../platform/files/index.js';
import { recordAction } from '../act-service.js';
import { intBetween, mulberry32 } from '../../demo-names.js';
import { withdrawPublication } from '../../publications/withdrawal.js';
import type { DemoRecords } from './records.js';

/**
 * A few decisions changed or revoked (复议、诉讼、自行纠错) through the live path: the published ones
 * get their 3-working-day withdrawal clock and are mostly withdrawn (one late, some still 临期 /
 * 逾期); unpublished ones are withheld with the reason.
 */
export async function seedChanges(
  ctx: Ctx,
  today: LocalDate,
  records: DemoRecords | null,
  files: FileStore | undefined,
  count: number,
): Promise<{ changed: number; withdrawn: number }> {
  const random = mulberry32(4848);
  const rows = await ctx.db
    .selectFrom('enforcement_case as c')
    .innerJoin('enforcement_publication as p', 'p.case_id', 'c.id')
    .select(['c.id', 'c.version', 'c.case_no', 'p.id as pid', 'p.status as pstatus'])
    .where('c.status', 'in', ['decided', 'served', 'executed', 'closed'])
    .where('c.decided_on', 'is not', null)
    .where('c.procedure', 'in', ['ordinary', 'license', 'generic'])
    .where('p.status', 'in', ['published', 'pending'])
    .orderBy('c.decided_on', 'desc')
    .orderBy('c.case_no')
    .limit(count * 20)
    .execute();
  let changed = 0;
  let withdrawn = 0;
  for (const [i, r] of rows.entries()) {
    if (i % 20 !== 0) continue;
    const last = await ctx.db
      .selectFrom('enforcement_case_action')
      .select((eb) => eb.fn.max('occurred_on').as('d'))
      .where('case_id', '=', r.id)
      .executeTakeFirstOrThrow();
    const pub = await ctx.db
      .selectFrom('enforcement_publication')
      .select('published_on')
      .where('id', '=', r.pid)
      .executeTakeFirstOrThrow();
    const base = [String(last.d), pub.published_on ?? ''].sort().pop() ?? String(last.d);
    const date = addDays(base, intBetween(random, 1, 10));
    if (compareDates(date, today) > 0) continue;
    const revoke = random() < 0.6;
    const action = revoke ? 'revokeDecision' : 'amendDecision';
    await recordAction(
      ctx,
      r.id,
      {
        version: r.version,
        action,
        date,
        data: {
          reason: revoke ? '经行政复议,原决定认定事实不清,予以撤销' : '发现原决定适用依据有误,自行纠正',
          decisionNo: `${r.case_no.replace(/号$/, '')}-${revoke ? '撤' : '变'}号`,
          ...(revoke ? { revocation: 'revoke' } : {}),
        },
        ...(records ? { records: records(action) } : {}),
      },
      files ?? null,
    );
    changed++;
    if (r.pstatus !== 'published') continue;
    const p = await ctx.db
      .selectFrom('enforcement_publication')
      .select(['version', 'withdraw_due_on'])
      .where('id', '=', r.pid)
      .executeTakeFirstOrThrow();
    const roll = random();
    if (roll < 0.2 || !p.withdraw_due_on) continue; // not yet withdrawn: 临期 or 逾期
    const on = roll < 0.3 ? addDays(p.withdraw_due_on, 3) : addDays(date, intBetween(random, 0, 2));
    if (compareDates(on, today) > 0) continue;
    await withdrawPublication(ctx, r.pid, {
      version: p.version,
      date: on,
      note: revoke ? '原决定已被撤销,撤回公示信息' : '原决定已变更,撤回原公示信息,变更后的决定另行公示',
    });
    withdrawn++;
  }
  return { changed, withdrawn };
}
