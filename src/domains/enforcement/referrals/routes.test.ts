import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../platform/db/open.js';
import { buildApp } from '../../../server/app.js';
import { loginAs, requestsOf } from '../../../test/app.js';
import { testEngines } from '../../../test/db.js';
import type { DemoOrgs } from '../../org/seed.js';
import { searchBodies, searchOfficers } from '../officers/service.js';
import { seedOfficers } from '../officers/seed.js';
import { ctxAt, TODAY, withOrgs } from '../test/fixtures.js';

const all = { offset: 0, limit: 500 };

describe.each(testEngines())('两法衔接 HTTP API on $name', (engine) => {
  let h: DatabaseHandle;
  let app: FastifyInstance;
  let orgs: DemoOrgs;
  let scjg: ReturnType<typeof requestsOf>;
  let payload: Record<string, unknown>;
  let referralId: string;
  beforeAll(async () => {
    h = await engine.open();
    orgs = await withOrgs(h);
    const ctx = ctxAt(h, new Date());
    await seedOfficers(ctx, TODAY);
    const orgId = orgs.departments.get('市场监管局') ?? '';
    const bodyId = (await searchBodies(ctx, { orgId }, all)).items[0]?.id ?? '';
    const team = (await searchOfficers(ctx, { bodyId, certificateState: 'valid' }, all)).items
      .slice(0, 2)
      .map((o) => o.id);
    app = await buildApp({ handle: h, loginRateLimit: 1000 });
    scjg = requestsOf(app, await loginAs(app, 'scjg'));
    const opened = await scjg.post('/api/enforcement/cases', {
      bodyId,
      partyKind: 'organisation',
      partyName: '开远市某某农资店',
      facts: '销售不合格玉米种子',
      handlerIds: team,
      openedOn: '2025-06-02',
    });
    expect(opened.statusCode).toBe(201);
    payload = {
      caseId: opened.json().id,
      teamIds: team,
      suspectedCrime: '生产、销售伪劣农药、兽药、化肥、种子罪',
      facts: '销售的玉米种子发芽率不合格,致使农户损失逾 2 万元',
      evidence: [{ name: '种子质量检验报告' }],
      reportedOn: '2025-06-10',
    };
  });
  afterAll(async () => {
    await app.close();
    await h.close();
  });

  it('answers 401 without a session and 403 without the permission', async () => {
    for (const url of ['/api/enforcement/referrals', '/api/enforcement/referrals/export.xlsx']) {
      expect((await app.inject({ url })).statusCode, url).toBe(401);
    }
    const clerk = requestsOf(app, await loginAs(app, 'clerk'));
    const r = await clerk.get('/api/enforcement/referrals');
    expect(r.statusCode).toBe(403);
    const leader = requestsOf(app, await loginAs(app, 'leader'));
    expect((await leader.get('/api/enforcement/referrals')).statusCode).toBe(200);
    const w = await leader.post('/api/enforcement/referrals', payload);
    expect(w.statusCode).toBe(403);
  });

  it('answers 400 with the field for a bad filter or body, and writes nothing', async () => {
    const f = await scjg.get('/api/enforcement/referrals?due=late');
    expect(f.statusCode).toBe(400);
    const s = await scjg.get('/api/enforcement/referrals?sort=facts');
    expect(s.statusCode).toBe(400);
    expect(s.json().field).toBe('sort');
    const one = await scjg.post('/api/enforcement/referrals', {
      ...payload,
      teamIds: [(payload.teamIds as string[])[0]],
    });
    expect(one.statusCode).toBe(400);
    expect(one.json().field).toBe('teamIds');
    expect(one.json().detail).toContain('2 名或者 2 名以上');
    const list = await scjg.get('/api/enforcement/referrals');
    expect(list.json().total).toBe(0);
  });

  it('answers 404 for an unknown id and for one outside the user scope', async () => {
    const unknown = await scjg.get('/api/enforcement/referrals/00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
  });

  it('reports, approves and hands over; a handover before approval is 409; the detail shows the clocks', async () => {
    const created = await scjg.post('/api/enforcement/referrals', payload);
    expect(created.statusCode).toBe(201);
    const r = created.json();
    referralId = r.id;
    expect(r).toMatchObject({ status: 'reported', caseNo: expect.stringMatching(/^开市监罚/) });
    const act = (body: Record<string, unknown>) =>
      scjg.post(`/api/enforcement/referrals/${r.id}/actions`, body);
    const early = await act({
      version: r.version,
      action: 'handOver',
      at: '2025-06-11T09:00:00+08:00',
      data: { policeOrg: '开远市公安局', documentNo: '开市监移〔2025〕5号' },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('不能“移送公安机关”');
    const noHead = await act({ version: r.version, action: 'approve', at: '2025-06-11T09:00:00+08:00' });
    expect(noHead.statusCode).toBe(400);
    expect(noHead.json().field).toBe('data.approverName');
    const approved = await act({
      version: r.version,
      action: 'approve',
      at: '2025-06-11T09:00:00+08:00',
      data: { approverName: '李强' },
    });
    expect(approved.statusCode).toBe(200);
    const handed = await act({
      version: approved.json().version,
      action: 'handOver',
      at: '2025-06-11T15:30:00+08:00',
      data: {
        policeOrg: '开远市公安局',
        documentNo: '开市监移〔2025〕5号',
        procuratorate: '开远市人民检察院',
      },
    });
    expect(handed.statusCode).toBe(200);
    const detail = (await scjg.get(`/api/enforcement/referrals/${r.id}`)).json();
    expect(detail).toMatchObject({ status: 'handedOver', handoverHours: 6.5, handoverLate: false });
    expect(detail.actions.map((a: { label: string }) => a.label)).toEqual([
      '提出移送(专案组报告)',
      '负责人批准移送',
      '移送公安机关',
    ]);
    expect(detail.allowedActions).toEqual([{ action: 'accept', label: '公安机关受理' }]);
    const township = requestsOf(app, await loginAs(app, 'township'));
    const foreign = await township.get(`/api/enforcement/referrals/${r.id}`);
    expect(foreign.statusCode).toBe(404);
    const foreignAct = await township.post(`/api/enforcement/referrals/${r.id}/actions`, {
      version: detail.version,
      action: 'accept',
      date: '2025-06-11',
    });
    expect(foreignAct.statusCode).toBe(404);
  });

  it('filters the ledger and downloads it as .xlsx', async () => {
    const list = await scjg.get(
      '/api/enforcement/referrals?status=handedOver&reportedFrom=2025-06-01&reportedTo=2025-06-30&sort=-reportedOn',
    );
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([referralId]);
    const none = await scjg.get('/api/enforcement/referrals?reportedFrom=2025-07-01');
    expect(none.json().total).toBe(0);
    const x = await scjg.get('/api/enforcement/referrals/export.xlsx');
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-disposition']).toContain(encodeURIComponent('两法衔接台账'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    expect(ws?.getRow(1).getCell(1).value).toBe('移送机关');
    expect(ws?.getRow(2).getCell(3).value).toBe('开远市某某农资店');
    expect(ws?.getRow(2).getCell(7).value).toBe('2025-06-11 15:30');
    expect(ws?.getRow(2).getCell(9).value).toBe('是');
  });
});
