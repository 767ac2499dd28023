import { describe, expect, it } from 'vitest';
import { loginAs, type Session } from '../../test/app.js';
import { testEngines } from '../../test/db.js';
import { appSetup, chinaToday } from '../../test/app-suite.js';
import { disclosureApplication } from './core/test-fixtures.js';

describe.each(testEngines())('requests HTTP API on $name', (engine) => {
  let id = '';
  const today = chinaToday();
  const t = appSetup(engine, { users: ['scjg', 'yfzs'] });
  /** 王芳's application to `dept`, registered by `as`. */
  const register = (as: Session, dept: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/requests/disclosure',
      headers: as.headers,
      payload: disclosureApplication(t.orgs.departments.get(dept) ?? '', today),
    });
  /** An act on the application registered below, as 市场监管局 records it. */
  const act = (payload: object) =>
    t.app.inject({
      method: 'POST',
      url: `/api/requests/disclosure/${id}/actions`,
      headers: t.as.scjg.headers,
      payload,
    });
  /** The application's answer on the day, first on its version. */
  const answer = (data: object) => act({ version: 1, action: 'answer', date: today, data });
  const get = (url: string, as: Session) => t.app.inject({ method: 'GET', url, headers: as.headers });

  it('401 without a session, 403 without the permission', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/requests/disclosure' })).statusCode).toBe(401);
    const clerk = await loginAs(t.app, 'clerk');
    const r = await t.app.inject({ method: 'GET', url: '/api/requests/disclosure', headers: clerk.headers });
    expect(r.statusCode).toBe(403);
  });

  it('registers an application with its receipt number and the answer clock (第三十一、三十三条)', async () => {
    const r = await register(t.as.scjg, '市场监管局');
    expect(r.statusCode).toBe(201);
    const body = r.json();
    id = body.id;
    expect(body.receiptNo).toMatch(/^GK-\d{4}-00001$/);
    expect(body.receivedOn).toBe(today);
    expect(body.statusLabel).toBe('办理中');
    expect(body.dues.find((d: { kind: string }) => d.kind === 'answer')?.label).toContain('20 个工作日');
  });

  it('400 naming the field and nothing written: an answer type outside art. 36, an extension without approval', async () => {
    const bad = await answer({ answerType: 'ignore', documentNo: 'x1' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail ?? bad.json().title).toContain('第三十六条');
    const ext = await act({ version: 1, action: 'extend', date: today, data: { reason: '需调档' } });
    expect(ext.statusCode).toBe(400);
    expect(JSON.stringify(ext.json())).toContain('data.approverName');
    const item = await get(`/api/requests/disclosure/${id}`, t.as.scjg);
    expect(item.json().timeline).toHaveLength(1);
    expect(item.json().version).toBe(1);
  });

  it('records the answer and shows it in the ledger and the export', async () => {
    const ok = await answer({ answerType: 'disclosed', documentNo: '开市监公开〔2026〕1号' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ statusLabel: '已答复待送达', outcomeLabel: '予以公开', onTime: true });
    // the act's answer is built from memory: it is the item as a read afterwards shows it
    expect(ok.json()).toEqual((await get(`/api/requests/disclosure/${id}`, t.as.scjg)).json());
    expect(ok.json().timeline.map((a: { actionLabel: string }) => a.actionLabel)).toHaveLength(2);
    const list = await get('/api/requests/disclosure?status=answered', t.as.scjg);
    expect(list.json().total).toBe(1);
    const xlsx = await get('/api/requests/disclosure/export.xlsx', t.as.scjg);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('answers 404 for an item of another org outside the scope', async () => {
    const other = await register(t.as.yfzs, '住建局');
    expect(other.statusCode).toBe(201);
    const r = await get(`/api/requests/disclosure/${other.json().id}`, t.as.scjg);
    expect(r.statusCode).toBe(404);
  });

  it('fills 表三 of the 政务公开年报 from the applications', async () => {
    const r = await get(
      `/api/requests/disclosure-annual?orgId=${t.orgs.rootId}&year=${today.slice(0, 4)}`,
      t.as.yfzs,
    );
    expect(r.statusCode).toBe(200);
    const rows = r.json().applications as { key: string; counts: Record<string, number> }[];
    expect(rows.find((x) => x.key === 'new')?.counts.person).toBe(2);
    expect(rows.find((x) => x.key === 'disclosed')?.counts.total).toBe(1);
    expect(rows.find((x) => x.key === 'carriedOut')?.counts.total).toBe(1);
  });

  it('refuses a committee of 2 or 10 members (人民调解法 第八条)', async () => {
    const member = (name: string, gender: string, role = 'member') => ({ name, gender, role });
    for (const members of [
      [member('甲', 'male', 'chair'), member('乙', 'female')],
      [member('甲', 'male', 'chair'), ...Array.from({ length: 9 }, (_, i) => member(`乙${i}`, 'female'))],
    ]) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/requests/committees',
        headers: t.as.yfzs.headers,
        payload: { orgId: t.orgs.rootId, name: '某村人民调解委员会', members, termStart: '2025-01-01' },
      });
      expect(r.statusCode).toBe(400);
      expect(JSON.stringify(r.json())).toContain('三至九人');
    }
  });

  it('serves the labels and act fields the ledger page needs', async () => {
    const r = await get('/api/requests/petitions/meta', t.as.yfzs);
    expect(r.statusCode).toBe(200);
    expect(r.json().statusLabels.rechecked).toBe('已复核(终结)');
    expect(r.json().fields.find((f: { key: string }) => f.key === 'approverName')?.label).toBe('批准人');
  });
});
