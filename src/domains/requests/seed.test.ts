import { describe, expect, it } from 'vitest';
import { ALL_SCOPE, systemCtx } from '../../platform/context.js';
import { generateUscc } from '../../platform/ids/index.js';
import { testEngines } from '../../test/db.js';
import { databaseSetup } from '../../test/suite.js';
import { metricValue, wholeTreeYear } from '../../test/year-figures.js';
import { seedOrgs } from '../org/seed.js';
import { requestsModule } from './module.js';
import { searchItems } from './core/service.js';
import { disclosureSpec } from './disclosure/spec.js';
import { seedRequests } from './seed.js';

describe.each(testEngines())('requests demo seed and figures on $name', (engine) => {
  const value = (id: string) => metricValue(requestsModule.metrics ?? [], id, t.h.db, t.q);

  const t = databaseSetup(
    engine,
    async (h) => {
      const ctx = systemCtx(h.db, () => new Date('2026-11-23T04:00:00Z'));
      const orgs = await seedOrgs(ctx, 'Passw0rd1', (n) => generateUscc(n, { regionCode: '532502' }));
      await seedRequests(ctx, { year: 2025, today: '2026-11-23', log: () => {}, scale: 0.1 });
      return { ctx, q: await wholeTreeYear(h.db, orgs.rootId, 2025, ALL_SCOPE) };
    },
    300_000,
  );

  it('counts 依申请公开 from the applications, by outcome, on time', async () => {
    const received = (await value('requests.disclosure.received')) ?? 0;
    expect(received).toBe(4);
    const answered = (await value('requests.disclosure.answered')) ?? 0;
    const parts = await Promise.all(
      ['disclosed', 'partial', 'withheld', 'unable', 'declined'].map(
        async (k) => (await value(`requests.disclosure.${k}`)) ?? 0,
      ),
    );
    expect(parts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(answered);
    expect(answered).toBeGreaterThan(0);
    expect(await value('requests.disclosure.proactive')).toBeGreaterThan(100);
  });

  it('shows this year’s stalled applications as 逾期 in the ledger', async () => {
    const overdue = await searchItems(t.ctx, disclosureSpec, { due: 'overdue' }, { offset: 0, limit: 50 });
    expect(overdue.total).toBeGreaterThanOrEqual(2);
    expect(overdue.items.every((i) => i.dueState === 'overdue')).toBe(true);
  });

  it('counts 信访 intake, acceptance, conclusion and leaders’ receptions', async () => {
    expect(await value('requests.petitions.received')).toBe(30);
    const rate = (await value('requests.petitions.acceptanceRate')) ?? 0;
    expect(rate).toBeGreaterThan(80);
    expect(rate).toBeLessThanOrEqual(100);
    expect(await value('requests.petitions.receptions')).toBe(11);
    expect(await value('requests.petitions.receptions.principal')).toBe(1);
    expect(await value('requests.petitions.receptionDay')).toBe(15);
    expect((await value('requests.petitions.concluded')) ?? 0).toBeGreaterThan(15);
  });

  it('counts 调解 by kind and outcome, and the committees', async () => {
    const cases = (await value('requests.mediation.cases')) ?? 0;
    expect(cases).toBe(40);
    const byKind = await Promise.all(
      ['people', 'administrative', 'preLitigation'].map(
        async (k) => (await value(`requests.mediation.cases.${k}`)) ?? 0,
      ),
    );
    expect(byKind.reduce((a, b) => a + b, 0)).toBe(cases);
    const rate = (await value('requests.mediation.successRate')) ?? 0;
    expect(rate).toBeGreaterThan(60);
    expect(await value('requests.mediation.committees')).toBe(14);
  });

  it('counts 法律援助, village advisers and 建议提案', async () => {
    expect(await value('requests.legalServices.legalAid.received')).toBe(3);
    expect(await value('requests.legalServices.villagesCovered')).toBe(7);
    expect((await value('requests.legalServices.consultations.villageAdviser')) ?? 0).toBeGreaterThan(0);
    expect(await value('requests.proposals.npc')).toBe(2);
    expect(await value('requests.proposals.answerRate')).toBe(100);
    expect(await value('requests.proposals.oversight.evaluation')).toBe(5);
  });
});
