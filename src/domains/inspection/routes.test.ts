import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { generateUscc } from '../../platform/ids/index.js';
import { loginAs } from '../../test/app.js';
import { appSetup } from '../../test/app-suite.js';
import { testEngines } from '../../test/db.js';
import { exportLedgerXlsx } from '../../platform/io/index.js';
import { PassThrough } from 'node:stream';
import { drawListCommand, drawVerifyCommand } from './cli.js';
import { type InspecteeFileRow, inspecteeColumns } from './inspectee-import.js';
import { foodChecklistItem, inspectorInputs, restaurantRows } from './test-fixtures.js';

describe.each(testEngines())('inspection routes and CLI on $name', (engine) => {
  const t = appSetup(engine, { users: ['admin'] });
  let drawId = '';
  let taskId = '';
  const api = '/api/inspection';

  it('401 without a session, 403 without the permission', async () => {
    expect((await t.app.inject({ method: 'GET', url: `${api}/plans` })).statusCode).toBe(401);
    const clerk = await loginAs(t.app, 'clerk');
    const res = await t.app.inject({ method: 'GET', url: `${api}/draws`, headers: clerk.headers });
    expect(res.statusCode).toBe(403);
  });

  it('400 for a ratio outside 0–100%, naming the field', async () => {
    const scjg = t.orgs.departments.get('市场监管局');
    const res = await t.app.inject({
      method: 'POST',
      url: `${api}/checklist-items`,
      headers: t.as.admin.headers,
      payload: {
        orgId: scjg,
        matter: '检查',
        legalBasis: '某法',
        method: '现场检查',
        defaultRatioPercent: 101,
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'defaultRatioPercent' });
    expect(res.json().detail).toContain('0%–100%');
  });

  it('plan → task → commit → draw → verify over HTTP; a second draw is refused', async () => {
    const scjg = t.orgs.departments.get('市场监管局');
    const post = (url: string, payload: unknown) =>
      t.app.inject({
        method: 'POST',
        url: `${api}${url}`,
        headers: t.as.admin.headers,
        payload: payload as object,
      });
    const item = (await post('/checklist-items', foodChecklistItem(scjg, '食品经营的检查'))).json();
    const rows = restaurantRows(200, 7000, (i) => (i % 10 === 0 ? 'A' : 'C'));
    expect((await post('/inspectees/batch', { orgId: scjg, rows })).json()).toEqual({ imported: 200 });
    for (const inspector of inspectorInputs(scjg, 4, {
      name: '检查员',
      certificate: 'C',
      validUntil: '2099-12-31',
    }))
      expect((await post('/inspectors', inspector)).statusCode).toBe(201);
    const year = new Date().getUTCFullYear();
    const plan = (await post('/plans', { year, name: '计划', kind: 'department', leadOrgId: scjg })).json();
    const task = await post('/tasks', {
      planId: plan.id,
      name: '任务',
      checklistItemIds: [item.id],
      allIndustries: true,
      mode: 'ratio',
      ratioPercent: { A: 50, B: 0, C: 5, D: 0 },
      startOn: `${year}-01-01`,
      endOn: `${year}-12-31`,
    });
    expect(task.statusCode).toBe(201);
    taskId = task.json().id;

    const committed = await post(`/tasks/${taskId}/commit`, {});
    expect(committed.statusCode).toBe(201);
    drawId = committed.json().id;
    expect(committed.json()).toMatchObject({ status: 'committed', candidateCount: 200 });
    const drawn = await post(`/draws/${drawId}/draw`, {});
    expect(drawn.json()).toMatchObject({ status: 'drawn', drawnCount: 19 }); // 10 + 9
    const verify = await t.app.inject({
      method: 'GET',
      url: `${api}/draws/${drawId}/verify`,
      headers: t.as.admin.headers,
    });
    expect(verify.json()).toMatchObject({ ok: true, drawnCount: 19 });
    const again = await post(`/tasks/${taskId}/commit`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('inspection.alreadyDrawn');
    const targets = (
      await t.app.inject({
        method: 'GET',
        url: `${api}/targets?drawId=${drawId}&pageSize=50`,
        headers: t.as.admin.headers,
      })
    ).json();
    expect(targets.total).toBe(19);
  });

  it('fazhi draw list / verify: exit 0 on a match, 1 with the first difference, 2 for an unknown id', async () => {
    const list = await drawListCommand(t.h.db);
    expect(list.exitCode).toBe(0);
    expect(list.text).toContain(drawId);
    const ok = await drawVerifyCommand(t.h.db, drawId);
    expect(ok.exitCode).toBe(0);
    expect(ok.text).toContain('验证通过');
    await sql`delete from inspection_target where draw_id = ${drawId} and seq = 0`.execute(t.h.db);
    const bad = await drawVerifyCommand(t.h.db, drawId);
    expect(bad.exitCode).toBe(1);
    expect(bad.text).toContain('picks[0]');
    expect((await drawVerifyCommand(t.h.db, '00000000-0000-0000-0000-000000000000')).exitCode).toBe(2);
  });

  it('imports an Excel registry as the request body; a bad file answers 400 with row and column', async () => {
    const scjg = t.orgs.departments.get('市场监管局') ?? '';
    const rows: InspecteeFileRow[] = Array.from({ length: 30 }, (_, i) => ({
      name: `上传企业${i}`,
      kind: 'enterprise',
      uscc: generateUscc(90_000 + i, { regionCode: '532502' }),
      industry: '药品零售',
      locationCode: '532502100',
      riskGrade: 'B',
      address: null,
    }));
    const file = async (r: InspecteeFileRow[]) => {
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (c: Buffer) => chunks.push(c));
      await exportLedgerXlsx(r, inspecteeColumns, out);
      return Buffer.concat(chunks);
    };
    const headers = {
      ...t.as.admin.headers,
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    };
    const bad = await t.app.inject({
      method: 'POST',
      url: `${api}/inspectees/import?orgId=${scjg}`,
      headers,
      payload: await file(rows.map((r, i) => (i === 4 ? { ...r, uscc: 'X' } : r))),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ row: 6, column: '统一社会信用代码' });
    const ok = await t.app.inject({
      method: 'POST',
      url: `${api}/inspectees/import?orgId=${scjg}`,
      headers,
      payload: await file(rows),
    });
    expect(ok.json()).toEqual({ imported: 30 });
    const listed = await t.app.inject({
      method: 'GET',
      url: `${api}/inspectees?industry=药品零售&riskGrade=B`,
      headers: t.as.admin.headers,
    });
    expect(listed.json().total).toBe(30);
    const exported = await t.app.inject({
      method: 'GET',
      url: `${api}/inspectees/export.xlsx?industry=药品零售`,
      headers: t.as.admin.headers,
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('the public list shows published results only, without login, with ID numbers scrubbed from notes', async () => {
    const target = (
      await t.app.inject({
        method: 'GET',
        url: `${api}/targets?drawId=${drawId}&pageSize=1`,
        headers: t.as.admin.headers,
      })
    ).json().items[0];
    const before = await t.app.inject({ method: 'GET', url: '/api/portal/inspections' });
    expect(before.statusCode).toBe(200);
    expect(before.json().total).toBe(0);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const recorded = await t.app.inject({
      method: 'PATCH',
      url: `${api}/targets/${target.id}/result`,
      headers: t.as.admin.headers,
      payload: {
        version: target.version,
        // a problem result would open a case, which these inspectors (no officer record) cannot do
        result: 'notOperating',
        note: '负责人身份证号110101199003077777已核实',
        inspectedOn: today,
      },
    });
    expect(recorded.statusCode).toBe(200);
    await t.app.inject({
      method: 'POST',
      url: `${api}/targets/${target.id}/publish`,
      headers: t.as.admin.headers,
      payload: { version: recorded.json().version },
    });
    const after = (await t.app.inject({ method: 'GET', url: '/api/portal/inspections' })).json();
    expect(after.total).toBe(1);
    expect(after.items[0]).toMatchObject({ result: '未发现开展本次抽查涉及的经营活动', publishedOn: today });
    expect(after.items[0].note).not.toContain('110101199003077777');
  });
});
