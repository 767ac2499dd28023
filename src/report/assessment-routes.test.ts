import { beforeAll, describe, expect, it } from 'vitest';
import { requestsOf } from '../test/app.js';
import { appSetup } from '../test/app-suite.js';
import { testEngines } from '../test/db.js';

const EDITION = {
  name: '考评指标',
  excellentFrom: 90,
  goodFrom: 80,
  passFrom: 60,
  indicators: [
    {
      code: '1',
      title: '学法',
      weight: 60,
      metricId: 'oversight.study.sessions',
      rule: 'atLeast',
      target: 2,
    },
    { code: '2', title: '清单', weight: 40 },
  ],
};

/** 考评 over HTTP: 401 / 403 / 400 first; the registry checks metric bindings; foreign sheets are 404. */
describe.each(testEngines())('考评 HTTP API on $name', (engine) => {
  const t = appSetup(engine, { users: ['yfzs', 'scjg'], timeoutMs: 240_000 });
  let office: ReturnType<typeof requestsOf>;
  let unit: ReturnType<typeof requestsOf>;
  beforeAll(() => {
    office = requestsOf(t.app, t.as.yfzs);
    unit = requestsOf(t.app, t.as.scjg);
  });
  const department = (name: string) => t.orgs.departments.get(name) ?? '';

  it('answers 401 without a session, 403 without the permission, 400 naming the field', async () => {
    expect((await t.app.inject({ url: '/api/oversight/assessment-units' })).statusCode).toBe(401);
    const forbidden = await unit.post('/api/oversight/assessment-editions', EDITION);
    expect(forbidden.statusCode).toBe(403);
    const noFile = await t.app.inject({
      method: 'POST',
      url: '/api/oversight/assessment-editions/import?name=x&excellentFrom=90&goodFrom=80&passFrom=60',
      headers: { ...t.as.yfzs.headers, 'content-type': 'application/octet-stream' },
      payload: Buffer.alloc(0),
    });
    expect(noFile.statusCode).toBe(400);
    const badWeights = await office.post('/api/oversight/assessment-editions', {
      ...EDITION,
      indicators: [{ ...EDITION.indicators[0], weight: 50 }, EDITION.indicators[1]],
    });
    expect(badWeights.statusCode).toBe(400);
    expect(badWeights.json()).toMatchObject({
      detail: '一级指标分值合计为 90 分,应为 100 分',
      field: 'weight',
    });
    const unknownMetric = await office.post('/api/oversight/assessment-editions', {
      ...EDITION,
      indicators: [{ ...EDITION.indicators[0], metricId: 'no.such.metric' }, EDITION.indicators[1]],
    });
    expect(unknownMetric.statusCode).toBe(400);
    expect(unknownMetric.json()).toMatchObject({
      detail: '关联统计指标“no.such.metric”不存在',
      field: 'indicators.0.metricId',
    });
  });

  it('scores a metric-bound indicator from the registry; another unit’s sheet is 404', async () => {
    const edition = await office.post('/api/oversight/assessment-editions', EDITION);
    expect(edition.statusCode, edition.body).toBe(201);
    const round = await office.post('/api/oversight/assessment-rounds', {
      editionId: edition.json().id,
      year: 2025,
      title: '考评',
      fillDue: '2100-01-31',
      orgIds: [department('市场监管局'), department('司法局')],
    });
    expect(round.statusCode, round.body).toBe(201);
    const figures = await t.app.inject({
      method: 'POST',
      url: `/api/oversight/assessment-rounds/${round.json().id}/figures`,
      headers: t.as.yfzs.headers,
    });
    expect(figures.json()).toEqual({ units: 2, indicators: 1 });
    const units = (await office.get(`/api/oversight/assessment-units?roundId=${round.json().id}`)).json()
      .items as { id: string; orgId: string }[];
    const theirs = units.find((u) => u.orgId === department('司法局'))?.id;
    expect((await unit.get(`/api/oversight/assessment-units/${theirs}`)).statusCode).toBe(404);
    const sheet = (await office.get(`/api/oversight/assessment-units/${theirs}`)).json();
    // no 学法 sessions on record: value 0, below the target of 2, no points
    expect(sheet.indicators[0].entry).toMatchObject({ value: 0, score: 0 });
  });
});
