import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../platform/db/open.js';
import { appWithOrgs, loginAs, type Session } from '../../../test/app.js';
import { testEngines } from '../../../test/db.js';
import type { DemoOrgs } from '../../org/seed.js';

describe.each(testEngines())('村(居)法律顾问 from the legality registry on $name', (engine) => {
  let h: DatabaseHandle;
  let app: FastifyInstance;
  let orgs: DemoOrgs;
  let yfzs: Session;
  let adviserId = '';
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    h = await engine.open();
    ({ app, orgs } = await appWithOrgs(h));
    yfzs = await loginAs(app, 'yfzs');
    const r = await app.inject({
      method: 'POST',
      url: '/api/legality/advisers',
      headers: yfzs.headers,
      payload: {
        kind: 'adviser',
        name: '顾问甲',
        firm: '某律师事务所',
        orgId: orgs.rootId,
        appointedBy: 'village',
        village: '某村',
        contractFrom: '2025-01-01',
        contractTo: '2027-12-31',
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    adviserId = r.json().id;
  }, 300_000);
  afterAll(async () => {
    await app.close();
    await h.close();
  });

  const add = (payload: object) =>
    app.inject({
      method: 'POST',
      url: '/api/requests/entries/adviserActivity',
      headers: yfzs.headers,
      payload,
    });
  const activity = () => ({
    orgId: orgs.rootId,
    category: 'lecture',
    occurredOn: today,
    title: '法治讲座',
    quantity: 2,
  });

  it('an activity names the registry’s adviser: name and village come from the registry', async () => {
    const r = await add({ ...activity(), adviserId });
    expect(r.statusCode, r.body).toBe(201);
    const list = (
      await app.inject({ url: '/api/requests/entries/adviserActivity', headers: yfzs.headers })
    ).json();
    expect(list.items[0]).toMatchObject({ personName: '顾问甲', place: '某村' });
  });

  it('a name typed in without the registry, or an id not in it, is refused naming the field; nothing written', async () => {
    const before = (
      await app.inject({ url: '/api/requests/entries/adviserActivity', headers: yfzs.headers })
    ).json().total;
    const typed = await add({ ...activity(), personName: '某人', place: '某村' });
    expect(typed.statusCode).toBe(400);
    expect(typed.json()).toMatchObject({ field: 'adviserId' });
    expect(typed.json().detail).toContain('法律顾问库');
    const unknown = await add({ ...activity(), adviserId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().field).toBe('adviserId');
    const after = (
      await app.inject({ url: '/api/requests/entries/adviserActivity', headers: yfzs.headers })
    ).json().total;
    expect(after).toBe(before);
  });
});
