import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../platform/context.js';
import { backup, restore } from '../../../platform/backup/backup.js';
import type { DatabaseHandle } from '../../../platform/db/open.js';
import type { MetricQuery } from '../../../platform/metrics/types.js';
import { onePass } from '../../../report/one-pass.js';
import { testEngines } from '../../../test/db.js';
import { recordAction } from './act-service.js';
import { createCases, getCase } from './service.js';
import { caseMetrics, wholeMonths } from './metrics.js';
import { createBody, createOfficers } from '../officers/service.js';
import { ctxAt, orgPeriod, withOrgs } from '../test/fixtures.js';

/**
 * The tally of decided cases (migration 0160) that the grouped 执法决定 figures read for whole
 * months: kept by triggers on every write — cases created, decided, amended and revoked through
 * the services, rows inserted and deleted by SQL — it always equals the tally rebuilt from the
 * ledger (also after a backup is restored), and every grouped figure over it equals the figure's own query over the ledger, for
 * periods of whole months, cut months and no whole month.
 */
const at = (day: string) => new Date(`${day}T02:00:00Z`);
const a = (action: string, date: string, data: object = {}, actorId: string | null = null) =>
  ({ action, date, data, actorId }) as never;
const fine = (amount: number, penalties = ['fine']) => ({ penalties, amount });
const decidedFigures = caseMetrics.filter((d) => d.grouped?.scan.key === 'enforcement_case.decided_on');

describe.each(testEngines())('the tally of decided cases on $name', (engine) => {
  let h: DatabaseHandle;
  let ctx: Ctx;
  let orgId: string;
  let ids: string[];
  const period = (from: string, to: string) => orgPeriod(orgId, from, to, '2026-05-01');
  const tally = async () =>
    (
      await sql<
        Record<string, unknown>
      >`select org_id, region_code, month::text, category, procedure, is_major,
        reviewed, penalties, outcome, n::int, amount::float8 as amount
      from enforcement_case_tally where n <> 0 order by 1, 2, 3, 4, 5, 6, 7, 8, 9`.execute(h.db)
    ).rows;
  /** the grouped figures that differ from their own query over the ledger */
  const mismatches = async (q: MetricQuery) => {
    const pass = await onePass(h.db, q, decidedFigures);
    const out: string[] = [];
    for (const d of decidedFigures) {
      const own = (await d.compute(h.db, q)).value;
      if (pass.get(d.id) !== own) out.push(`${d.id}: 一次统计 ${pass.get(d.id)},单独统计 ${own}`);
    }
    return out;
  };

  beforeAll(async () => {
    h = await engine.open();
    const orgs = await withOrgs(h);
    ctx = ctxAt(h, at('2026-05-01'));
    orgId = orgs.departments.get('林草局') ?? '';
    const bodyId = (await createBody(ctx, { orgId, kind: 'statutory' })).id;
    const cert = (n: number) => ({
      number: `LC-${n}`,
      field: '林业',
      issuedOn: '2020-01-01',
      validUntil: '2030-12-31',
    });
    const handlerIds = await createOfficers(ctx, [
      { bodyId, name: '张林', gender: 'male', certificate: cert(1) },
      { bodyId, name: '李木', gender: 'female', certificate: cert(2) },
    ]);
    const open = (openedOn: string, category = 'penalty') => ({
      bodyId,
      partyKind: 'organisation',
      partyName: '某某木材加工厂',
      facts: '违法运输木材',
      handlerIds,
      category,
      openedOn,
    });
    const reviewer = await h.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'fzsh')
      .executeTakeFirstOrThrow();
    // a major fine (≥ the threshold) is reviewed before the decision
    const decided = (openedOn: string, decideOn: string, amount: number) => ({
      kind: 'open',
      input: open(openedOn),
      actions: [
        a('notify', openedOn, { sanction: fine(amount) }),
        ...(amount >= 100_000
          ? [a('submitReview', openedOn), a('passReview', decideOn, {}, reviewer.id)]
          : []),
        a('decide', decideOn, { sanction: fine(amount) }),
      ],
    });
    ids = await createCases(ctx, [
      decided('2025-01-02', '2025-01-10', 2000),
      decided('2025-03-01', '2025-03-12', 3000),
      decided('2025-03-01', '2025-03-18', 150_000),
      decided('2025-06-01', '2025-06-20', 5000),
      decided('2025-12-01', '2025-12-31', 800),
      decided('2025-02-01', '2025-02-15', 4000),
      // still open: decided below through the service
      {
        kind: 'open',
        input: open('2025-06-25'),
        actions: [a('notify', '2025-06-30', { sanction: fine(6000) })],
      },
      {
        kind: 'open',
        input: open('2025-04-01', 'license'),
        actions: [a('accept', '2025-04-01'), a('grant', '2025-04-08')],
      },
    ] as never);
  }, 300_000);
  afterAll(() => h?.close());

  it('whole months of a period', () => {
    expect(wholeMonths('2025-01-01', '2025-12-31')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(wholeMonths('2025-01-15', '2025-06-20')).toEqual({ from: '2025-02-01', to: '2025-05-31' });
    expect(wholeMonths('2024-02-01', '2024-02-29')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(wholeMonths('2025-03-05', '2025-03-20')).toBeNull();
  });

  it('follows every write and gives each grouped figure its own query’s value', async () => {
    const q = period('2025-01-01', '2025-12-31');
    const decidedOf = (id: string) => decidedFigures.find((d) => d.id === id);
    const value = async (id: string) => (await onePass(h.db, q, [decidedOf(id) as never])).get(id);
    expect(await value('enforcement.cases.decided')).toBe(7);
    // an open case decided (it enters the tally), a fine amended, a decision revoked (it leaves)
    const [first, second, , , , , pending] = ids;
    let c = await getCase(ctx, pending ?? '');
    await recordAction(ctx, c.id, {
      version: c.version,
      action: 'decide',
      date: '2025-07-03',
      data: { sanction: fine(6000) },
    });
    c = await getCase(ctx, second ?? '');
    await recordAction(ctx, c.id, {
      version: c.version,
      action: 'amendDecision',
      date: '2025-04-01',
      data: {
        reason: '复议变更',
        decisionNo: '林复决〔2025〕2号',
        sanction: fine(1000, ['fine', 'warning']),
      },
    });
    c = await getCase(ctx, first ?? '');
    await recordAction(ctx, c.id, {
      version: c.version,
      action: 'revokeDecision',
      date: '2025-05-01',
      data: { reason: '复议撤销', decisionNo: '林复决〔2025〕3号' },
    });
    // a row written by SQL and deleted again
    await sql`insert into enforcement_case (id, region_code, org_id, body_id, case_no, category, procedure,
        party_kind, party_name, facts, handler_ids, status, opened_on, decided_on, penalties, amount)
      select gen_random_uuid(), region_code, org_id, body_id, 'SQL-1', category, procedure, party_kind,
        party_name, facts, handler_ids, status, opened_on, date '2025-08-08', penalties, 777
      from enforcement_case where id = ${second ?? ''}`.execute(h.db);
    expect(await value('enforcement.cases.decided')).toBe(8);
    await sql`delete from enforcement_case where case_no = 'SQL-1'`.execute(h.db);

    expect(await value('enforcement.cases.decided')).toBe(7);
    expect(await value('enforcement.penalty.kind.warning')).toBe(1);
    const kept = await tally();
    await sql`select enforcement_case_tally_rebuild()`.execute(h.db);
    expect(kept).toEqual(await tally());
    for (const [from, to] of [
      ['2025-01-01', '2025-12-31'],
      ['2025-01-15', '2025-06-20'],
      ['2025-03-01', '2025-03-31'],
      ['2025-03-05', '2025-03-20'],
      ['2024-12-01', '2026-02-28'],
    ] as const)
      expect(await mismatches(period(from, to))).toEqual([]);
  });

  it('is left out of backups and filled again by the restore', async () => {
    const kept = await tally();
    expect(kept.length).toBeGreaterThan(3);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-tally-'));
    try {
      const file = path.join(dir, 'backup.jsonl.gz');
      const { counts } = await backup(h.db, file);
      expect(counts.enforcement_case_tally).toBeUndefined();
      await restore(h.db, file);
      expect(await tally()).toEqual(kept);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
