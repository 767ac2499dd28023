import { beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/db.js';
import { decideOnTheSpot, getCase, openCase } from '../cases/service.js';
import { recordAction } from '../cases/act-service.js';
import { publishPublications, searchPublications } from './service.js';
import { marketCase, marketSetup } from '../test/fixtures.js';
import { errorCodeOf } from '../../../test/ctx.js';

const all = { offset: 0, limit: 500 };
const ID = '532502199003071234';

describe.each(testEngines())('公示 of penalty decisions on $name', (engine) => {
  const m = marketSetup(engine);
  let party: Record<string, unknown>;
  beforeAll(async () => {
    party = marketCase(m, {
      partyKind: 'person',
      partyName: '王某某',
      partyIdNumber: ID,
      facts: `当事人王某某(身份证号${ID},电话13812345678)销售过期食品`,
    });
  });

  it('a decision creates its publication, due 7 working days later, with the ID number and phone removed', async () => {
    let c = await openCase(m.sys, { ...party, openedOn: '2025-05-06' });
    c = await recordAction(m.sys, c.id, {
      version: c.version,
      action: 'notify',
      date: '2025-05-20',
      data: { sanction: { penalties: ['fine'], amount: 3000 } },
    });
    c = await recordAction(m.sys, c.id, {
      version: c.version,
      action: 'decide',
      date: '2025-06-03',
      data: { sanction: { penalties: ['fine'], amount: 3000 }, decisionNo: '开市监罚〔2025〕9号' },
    });
    const pub = c.publication;
    expect(pub).toMatchObject({ status: 'pending', dueOn: '2025-06-12', dueState: 'overdue' });
    const text = JSON.stringify(pub?.content);
    expect(text).not.toContain(ID);
    expect(text).not.toContain('13812345678');
    expect(pub?.content).toMatchObject({
      partyName: '王某某',
      decisionNo: '开市监罚〔2025〕9号',
      penalties: ['罚款'],
      amount: 3000,
    });
    expect(
      await publishPublications(m.sys, [
        { id: pub?.id ?? '', date: '2025-06-10', version: pub?.version ?? 0 },
      ]),
    ).toBe(1);
    expect((await getCase(m.sys, c.id)).publication).toMatchObject({
      status: 'published',
      publishedOn: '2025-06-10',
      late: false,
    });
    expect(await errorCodeOf(publishPublications(m.sys, [{ id: pub?.id ?? '', date: '2025-06-11' }]))).toBe(
      'enforcement.publicationNotPending',
    );
  });

  it('does not publish a minor’s case', async () => {
    const c = await decideOnTheSpot(m.sys, {
      ...party,
      partyMinor: true,
      decidedOn: '2025-06-02',
      sanction: { penalties: ['warning'], amount: 0 },
    });
    expect(c.publication).toMatchObject({ status: 'withheld', content: null });
    expect(c.publication?.withheldReason).toContain('未成年人');
    expect(
      await errorCodeOf(publishPublications(m.sys, [{ id: c.publication?.id ?? '', date: '2025-06-03' }])),
    ).toBe('enforcement.publicationNotPending');
  });

  it('lists unpublished decisions past their due date as 逾期', async () => {
    const late = await decideOnTheSpot(m.sys, {
      ...party,
      decidedOn: '2025-05-05',
      sanction: { penalties: ['fine'], amount: 100 },
    });
    const overdue = await searchPublications(m.sys, { due: 'overdue' }, all);
    expect(overdue.items.map((p) => p.caseId)).toContain(late.id);
    expect(overdue.items.every((p) => p.status === 'pending' && p.dueState === 'overdue')).toBe(true);
  });
});
