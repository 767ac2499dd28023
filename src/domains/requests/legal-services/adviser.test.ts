import { beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/db.js';
import { appSetup, chinaToday } from '../../../test/app-suite.js';

describe.each(testEngines())('村(居)法律顾问 from the legality registry on $name', (engine) => {
  let adviserId = '';
  const today = chinaToday();

  const t = appSetup(engine, { users: ['yfzs'] });
  beforeAll(async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/legality/advisers',
      headers: t.as.yfzs.headers,
      payload: {
        kind: 'adviser',
        name: '顾问甲',
        firm: '某律师事务所',
        orgId: t.orgs.rootId,
        appointedBy: 'village',
        village: '某村',
        contractFrom: '2025-01-01',
        contractTo: '2027-12-31',
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    adviserId = r.json().id;
  });

  const add = (payload: object) =>
    t.app.inject({
      method: 'POST',
      url: '/api/requests/entries/adviserActivity',
      headers: t.as.yfzs.headers,
      payload,
    });
  const activity = () => ({
    orgId: t.orgs.rootId,
    category: 'lecture',
    occurredOn: today,
    title: '法治讲座',
    quantity: 2,
  });

  it('an activity names the registry’s adviser: name and village come from the registry', async () => {
    const r = await add({ ...activity(), adviserId });
    expect(r.statusCode, r.body).toBe(201);
    const list = (
      await t.app.inject({ url: '/api/requests/entries/adviserActivity', headers: t.as.yfzs.headers })
    ).json();
    expect(list.items[0]).toMatchObject({ personName: '顾问甲', place: '某村' });
  });

  it('a name typed in without the registry, or an id not in it, is refused naming the field; nothing written', async () => {
    const before = (
      await t.app.inject({ url: '/api/requests/entries/adviserActivity', headers: t.as.yfzs.headers })
    ).json().total;
    const typed = await add({ ...activity(), personName: '某人', place: '某村' });
    expect(typed.statusCode).toBe(400);
    expect(typed.json()).toMatchObject({ field: 'adviserId' });
    expect(typed.json().detail).toContain('法律顾问库');
    const unknown = await add({ ...activity(), adviserId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().field).toBe('adviserId');
    const after = (
      await t.app.inject({ url: '/api/requests/entries/adviserActivity', headers: t.as.yfzs.headers })
    ).json().total;
    expect(after).toBe(before);
  });
});
