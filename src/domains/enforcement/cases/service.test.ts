import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../platform/calendar/index.js';
import { DomainError } from '../../../platform/errors.js';
import { testEngines } from '../../../test/db.js';
import { decideOnTheSpot, getCase, openCase, searchCases } from './service.js';
import { recordAction } from './act-service.js';
import { updateOfficer } from '../officers/service.js';
import { marketCase, marketSetup, TODAY, userCtx } from '../test/fixtures.js';
import { fillGaps, testFiles } from '../test/records.js';
import { errorCodeOf } from '../../../test/ctx.js';
import { scopeRegions } from '../../../platform/scope.js';

const all = { offset: 0, limit: 500 };

describe.each(testEngines())('penalty cases on $name', (engine) => {
  const m = marketSetup(engine);
  let certified: string[];
  let expiredOfficer: string;
  let party: Record<string, unknown>;
  const caseCount = async () => (await searchCases(m.sys, {}, all)).total;

  beforeAll(async () => {
    const { officers } = m;
    certified = m.certified;
    expiredOfficer = officers.find((o) => o.certificateState === 'expired')?.id ?? '';
    // the reviewer account 赵丽 (fzsh) is also the officer certified[2]: she may not review cases she handles
    const fzsh = await m.h.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'fzsh')
      .executeTakeFirstOrThrow();
    const o2 = officers.find((o) => o.id === certified[2]);
    await updateOfficer(m.sys, certified[2] ?? '', { version: o2?.version ?? 0, userId: fzsh.id });
    party = marketCase(m, { partyName: '开远市某某食品有限公司', facts: '销售超过保质期的食品' });
  });

  it('opens a case with two certified handlers; the decision is due 90 days after 立案 (第六十条)', async () => {
    const c = await openCase(m.sys, { ...party, openedOn: '2025-06-03' });
    expect(c.status).toBe('investigating');
    expect(c.statusLabel).toBe('调查取证');
    expect(c.caseNo).toMatch(/^开市监罚〔2025〕\d+号$/);
    expect(c.dueDates[0]).toMatchObject({ kind: 'decision', due: '2025-09-01', state: 'normal' });
    expect(c.allowedActions.map((a) => a.action)).toEqual(['investigate', 'notify', 'extend', 'terminate']);
  });

  it.each([
    ['one handler (第四十二条)', () => ({ handlerIds: [certified[0]] }), 'enforcement.handlersTooFew'],
    [
      'a handler with an expired certificate (第四十二条)',
      () => ({ handlerIds: [certified[0], expiredOfficer] }),
      'enforcement.handlerUncertified',
    ],
    ['a 立案 date in the future', () => ({ openedOn: '2025-07-01' }), 'enforcement.futureDate'],
  ])('refuses %s and writes nothing', async (_w, patch, code) => {
    const before = await caseCount();
    expect(await errorCodeOf(openCase(m.sys, { ...party, openedOn: '2025-06-03', ...patch() }))).toBe(code);
    expect(await caseCount()).toBe(before);
  });

  it('refuses an act dated before 立案', async () => {
    const c = await openCase(m.sys, { ...party, openedOn: '2025-06-03' });
    expect(
      await errorCodeOf(
        recordAction(m.sys, c.id, { version: c.version, action: 'investigate', date: '2025-06-02' }),
      ),
    ).toBe('enforcement.beforeOpened');
    expect((await getCase(m.sys, c.id)).actions).toHaveLength(1);
  });

  it('gates a major decision on a legal review by a reviewer who is not a handler (第五十八条)', async () => {
    let c = await openCase(m.sys, {
      ...party,
      handlerIds: [certified[0], certified[2]],
      openedOn: '2025-04-01',
    });
    const sanction = { penalties: ['fine', 'confiscate'], amount: 150_000 };
    c = await recordAction(m.sys, c.id, { version: c.version, action: 'investigate', date: '2025-04-02' });
    c = await recordAction(m.sys, c.id, {
      version: c.version,
      action: 'notify',
      date: '2025-05-06',
      data: { sanction },
    });
    expect(c.isMajor).toBe(true);
    expect(c.majorReasons[0]).toContain('100000');
    const refused = await errorCodeOf(
      recordAction(m.sys, c.id, {
        version: c.version,
        action: 'decide',
        date: '2025-05-20',
        data: { sanction },
      }),
    );
    expect(refused).toBe('enforcement.reviewRequired');
    c = await recordAction(m.sys, c.id, { version: c.version, action: 'submitReview', date: '2025-05-20' });
    const handler = await userCtx(m.h, 'scjg');
    expect(
      await errorCodeOf(
        recordAction(handler, c.id, { version: c.version, action: 'passReview', date: '2025-05-21' }),
      ),
    ).toBe('auth.forbidden');
    const fzsh = await userCtx(m.h, 'fzsh');
    expect(
      await errorCodeOf(
        recordAction(fzsh, c.id, { version: c.version, action: 'passReview', date: '2025-05-21' }),
      ),
    ).toBe('enforcement.reviewerIsHandler');
    const admin = await userCtx(m.h, 'admin');
    c = await recordAction(admin, c.id, {
      version: c.version,
      action: 'passReview',
      date: '2025-05-21',
      data: { opinion: '事实清楚,证据确凿,同意' },
    });
    expect(c.status).toBe('reviewPassed');
    c = await recordAction(m.sys, c.id, {
      version: c.version,
      action: 'decide',
      date: '2025-05-22',
      data: { sanction, decisionNo: '开市监罚〔2025〕88号' },
    });
    expect(c.status).toBe('decided');
    // 送达 within 7 working days of the decision (第六十一条): 05-22 → 06-03 (端午 06-02)
    expect(c.dueDates.find((d) => d.kind === 'service')).toMatchObject({
      due: '2025-06-03',
      state: 'overdue',
    });
    expect(c.nextDue).toMatchObject({ kind: 'service', state: 'overdue' });
    c = await recordAction(m.sys, c.id, { version: c.version, action: 'serve', date: '2025-05-23' });
    c = await recordAction(m.sys, c.id, { version: c.version, action: 'execute', date: '2025-06-10' });
    // 全过程记录 (第四十七条): 结案 is refused while records are missing, naming them
    expect(c.recordGaps.map((g) => g.recordLabel)).toContain('决定书');
    const gapped = await recordAction(m.sys, c.id, {
      version: c.version,
      action: 'close',
      date: '2025-06-11',
    }).catch((e: DomainError) => e);
    expect(gapped).toBeInstanceOf(DomainError);
    expect((gapped as DomainError).code).toBe('enforcement.recordsMissing');
    expect((gapped as DomainError).message).toContain('第 6 环节“作出处罚决定”缺决定书');
    const t = await testFiles(m.sys);
    c = await fillGaps(m.sys, c, t);
    expect(c.recordGaps).toEqual([]);
    c = await recordAction(m.sys, c.id, { version: c.version, action: 'close', date: '2025-06-11' });
    expect(c.status).toBe('closed');
    expect(c.nextDue).toBeNull();
    expect(c.actions.map((a) => a.label)).toContain('法制审核通过');
    expect(c.actions.find((a) => a.action === 'passReview')?.actorName).toBe('系统管理员');
  });

  it('refuses a stale version', async () => {
    const c = await openCase(m.sys, { ...party, openedOn: '2025-06-03' });
    await recordAction(m.sys, c.id, { version: c.version, action: 'investigate', date: '2025-06-04' });
    expect(
      await errorCodeOf(
        recordAction(m.sys, c.id, { version: c.version, action: 'investigate', date: '2025-06-05' }),
      ),
    ).toBe('conflict.stale');
  });

  it('decides on the spot within the art. 51 limits only', async () => {
    const spot = { ...party, partyKind: 'person', partyName: '李某', decidedOn: '2025-06-10' };
    const ok = await decideOnTheSpot(m.sys, { ...spot, sanction: { penalties: ['fine'], amount: 200 } });
    expect(ok).toMatchObject({ procedure: 'summary', status: 'served', amount: 200, dueDates: [] });
    expect(ok.caseNo).toContain('简');
    expect(
      await errorCodeOf(decideOnTheSpot(m.sys, { ...spot, sanction: { penalties: ['fine'], amount: 201 } })),
    ).toBe('enforcement.summaryAmount');
  });

  it('lists 逾期 and 临期 cases as queries over the decision clock', async () => {
    const overdue = await openCase(m.sys, { ...party, openedOn: addDays(TODAY, -95) });
    const soon = await openCase(m.sys, { ...party, openedOn: addDays(TODAY, -88) });
    const fresh = await openCase(m.sys, { ...party, openedOn: addDays(TODAY, -10) });
    const ids = async (due: 'overdue' | 'dueSoon') =>
      (await searchCases(m.sys, { due }, all)).items.map((c) => c.id);
    expect(await ids('overdue')).toContain(overdue.id);
    expect(await ids('overdue')).not.toContain(soon.id);
    expect(await ids('dueSoon')).toContain(soon.id);
    expect([...(await ids('dueSoon')), ...(await ids('overdue'))]).not.toContain(fresh.id);
    const listed = (await searchCases(m.sys, { due: 'overdue' }, all)).items.find((c) => c.id === overdue.id);
    expect(listed?.nextDue?.state).toBe('overdue');
  });

  it('finds cases by a keyword of two or more characters in 当事人 or 案号, every word matching', async () => {
    const a = await openCase(m.sys, {
      ...party,
      partyName: '开远市恒达商贸有限公司',
      openedOn: addDays(TODAY, -3),
    });
    const b = await openCase(m.sys, {
      ...party,
      partyName: '开远市恒昌食品店',
      openedOn: addDays(TODAY, -3),
    });
    const ids = async (q: string) => (await searchCases(m.sys, { q }, all)).items.map((c) => c.id);
    expect(await ids('恒达')).toEqual([a.id]); // 2 characters: the bigram index
    expect(await ids('恒达商贸')).toEqual([a.id]); // 3+: the trigram index
    expect(await ids('恒')).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(await ids('恒昌 食品')).toEqual([b.id]);
    expect(await ids('恒达 食品')).toEqual([]);
    expect(await ids(a.caseNo)).toEqual([a.id]);
    const page = await searchCases(m.sys, { q: '恒达' }, all);
    expect(page).toMatchObject({ total: 1, totalKind: 'exact' });
    // within a region scope the two-character terms are looked up region by region: the same
    // answers, and nothing of the bureaus outside the scope
    const scjg = await userCtx(m.h, 'scjg');
    const township = await userCtx(m.h, 'township');
    expect(scopeRegions(scjg.scope)).toBeDefined();
    expect(scopeRegions(township.scope)).toBeDefined();
    const within = async (ctx: typeof scjg, q: string) =>
      (await searchCases(ctx, { q }, all)).items.map((c) => c.id);
    expect(await within(scjg, '恒达')).toEqual([a.id]);
    expect(await within(scjg, '恒昌 食品')).toEqual([b.id]);
    expect(await within(scjg, '恒达 食品')).toEqual([]);
    expect(await within(scjg, '恒达 商贸')).toEqual([a.id]);
    expect(await searchCases(scjg, { q: '恒达' }, { ...all, exactTotal: true })).toMatchObject({ total: 1 });
    expect(await within(township, '恒达')).toEqual([]);
  });

  it('lists one org’s cases in the ledger’s order, counted exactly, within the scope', async () => {
    const every = (await searchCases(m.sys, {}, all)).items;
    const market = every[0]?.orgId ?? '';
    expect(market).not.toBe('');
    const mine = every.filter((c) => c.orgId === market);
    const page = await searchCases(m.sys, { orgId: market }, all);
    // the same cases in the same order as the unfiltered ledger shows them
    expect(page.items.map((c) => c.id)).toEqual(mine.map((c) => c.id));
    expect(page).toMatchObject({ total: mine.length, totalKind: 'exact' });
    const second = await searchCases(m.sys, { orgId: market }, { offset: 1, limit: 2 });
    expect(second.items.map((c) => c.id)).toEqual(mine.slice(1, 3).map((c) => c.id));
    // with the other filters beside it, and inside a region scope
    const investigating = mine.filter((c) => c.status === 'investigating').map((c) => c.id);
    expect(
      (await searchCases(m.sys, { orgId: market, status: 'investigating' }, all)).items.map((c) => c.id),
    ).toEqual(investigating);
    const scjg = await userCtx(m.h, 'scjg');
    const within = (await searchCases(scjg, {}, all)).items
      .filter((c) => c.orgId === market)
      .map((c) => c.id);
    expect((await searchCases(scjg, { orgId: market }, all)).items.map((c) => c.id)).toEqual(within);
    const township = await userCtx(m.h, 'township');
    expect(await searchCases(township, { orgId: market }, all)).toMatchObject({ items: [], total: 0 });
    const other = (
      await m.h.db.selectFrom('org').select('id').where('id', '<>', market).executeTakeFirstOrThrow()
    ).id;
    expect(await searchCases(m.sys, { orgId: other }, all)).toMatchObject({ items: [], total: 0 });
  });

  it('shows a handler only their own bureau’s cases', async () => {
    const township = await userCtx(m.h, 'township');
    expect((await searchCases(township, {}, all)).total).toBe(0);
    const anyCase = (await searchCases(m.sys, {}, all)).items[0];
    expect(await errorCodeOf(getCase(township, anyCase?.id ?? ''))).toBe('enforcement.caseNotFound');
  });
});
