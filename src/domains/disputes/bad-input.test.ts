import { describe, expect, it } from 'vitest';
import { testEngines } from '../../test/db.js';
import { appSetup, chinaToday } from '../../test/app-suite.js';

const CHINESE = /[\u4e00-\u9fa5]/;

/** The bad input, over HTTP: each refused with a Chinese message naming the field, nothing written. */
describe.each(testEngines())('复议应诉 refuses the issue’s bad input on $name', (engine) => {
  const today = chinaToday();
  const daysAgo = (n: number) =>
    new Date(Date.now() + 8 * 3600_000 - n * 86_400_000).toISOString().slice(0, 10);

  const t = appSetup(engine, { users: ['yfzs'] });

  const post = (url: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url, headers: t.as.yfzs.headers, payload });
  const get = async (url: string) =>
    (await t.app.inject({ method: 'GET', url, headers: t.as.yfzs.headers })).json();
  const open = async (penalty: 'warning' | 'fine', applicantName: string) => {
    const r = await post('/api/disputes/reconsiderations', {
      channel: 'inPerson',
      receivedOn: daysAgo(20),
      respondentOrgId: t.orgs.departments.get('市场监管局'),
      applicantKind: 'person',
      applicantName,
      act: {
        title: '行政处罚决定书',
        kind: 'penalty',
        knownOn: daysAgo(30),
        penaltyTypes: [penalty],
        ...(penalty === 'fine' ? { amount: 8000 } : {}),
      },
      request: '撤销行政处罚决定',
      reasons: '认定事实不清。',
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as { id: string; version: number };
  };
  const refused = (
    res: { statusCode: number; json: () => { detail: string; field?: string } },
    field: string,
  ) => {
    expect([400, 409]).toContain(res.statusCode);
    expect(res.json().detail).toMatch(CHINESE);
    expect(res.json().field).toBe(field);
  };

  it('简易 for an ineligible case, a decision dated before acceptance: refused, the case unchanged', async () => {
    const c = await open('fine', '吴国强');
    const act = (version: number, action: string, date: string, data: Record<string, unknown>) =>
      post(`/api/disputes/reconsiderations/${c.id}/actions`, { version, action, date, data });
    const simple = await act(c.version, 'accept', daysAgo(18), { procedure: 'simple' });
    refused(simple, 'data.procedure');
    expect(simple.json().detail).toContain('第五十三条');
    const accepted = await act(c.version, 'accept', daysAgo(18), { procedure: 'ordinary' });
    expect(accepted.statusCode).toBe(200);
    const early = await act(accepted.json().version, 'decide', daysAgo(19), {
      outcome: 'uphold',
      documentNo: '行复决〔2026〕90号',
    });
    refused(early, 'date');
    expect(early.json().detail).toMatch(/决定日期 .* 早于受理日期/);
    const after = await get(`/api/disputes/reconsiderations/${c.id}`);
    expect(after.actions.map((a: { action: string }) => a.action)).toEqual(['apply', 'accept']);
  });

  it('an outcome outside the 简易 table: refused, asking to convert to 普通 first', async () => {
    const c = await open('warning', '郑晓梅');
    const accepted = await post(`/api/disputes/reconsiderations/${c.id}/actions`, {
      version: c.version,
      action: 'accept',
      date: daysAgo(18),
      data: { procedure: 'simple' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const res = await post(`/api/disputes/reconsiderations/${c.id}/actions`, {
      version: accepted.json().version,
      action: 'decide',
      date: today,
      data: { outcome: 'compensation', documentNo: '行复决〔2026〕91号' },
    });
    refused(res, 'data.outcome');
    expect(res.json().detail).toContain('第五十五条');
    expect((await get(`/api/disputes/reconsiderations/${c.id}`)).status).toBe('accepted');
  });

  it('出庭 by someone who is not a 负责人 without an excuse: refused, no hearing recorded', async () => {
    const s = await post('/api/disputes/lawsuits', {
      defendantOrgId: t.orgs.departments.get('市场监管局'),
      court: '某县人民法院',
      courtCaseNo: '(2026)行初999号',
      plaintiff: '吴国强',
      contestedAct: '行政处罚决定',
      filedOn: daysAgo(30),
      claims: '撤销处罚决定',
    });
    expect(s.statusCode, s.body).toBe(201);
    const res = await post(`/api/disputes/lawsuits/${s.json().id}/hearings`, {
      version: s.json().version,
      summonsServedOn: daysAgo(10),
      hearingOn: daysAgo(5),
      appearerName: '张三',
      appearerTitle: '法制股工作人员',
      appearerRole: 'staff',
    });
    refused(res, 'excuse');
    expect(res.json().detail).toContain('负责人');
    expect((await get(`/api/disputes/lawsuits/${s.json().id}`)).hearingList).toEqual([]);
  });

  it('a document of an act not yet taken answers 409 in Chinese; an unknown document kind 400', async () => {
    const c = await open('fine', '冯志远');
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/disputes/reconsiderations/${c.id}/documents/decision.docx`,
      headers: t.as.yfzs.headers,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe('本案尚未办理相应环节,不能生成行政复议决定书');
    const bad = await t.app.inject({
      method: 'GET',
      url: `/api/disputes/reconsiderations/${c.id}/documents/other.docx`,
      headers: t.as.yfzs.headers,
    });
    expect(bad.statusCode).toBe(400);
  });
});
