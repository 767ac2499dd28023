import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../platform/calendar/index.js';
import { chinaDate } from '../../../platform/context.js';
import { SAMPLES } from '../../../platform/files/test-samples.js';
import { buildApp } from '../../../server/app.js';
import { loginAs, requestsOf } from '../../../test/app.js';
import { testEngines } from '../../../test/db.js';
import { databaseSetup } from '../../../test/suite.js';
import { seedOfficers } from '../officers/seed.js';
import { ctxAt, marketCase, marketTeam, withOrgs } from '../test/fixtures.js';

describe.each(testEngines())('全过程记录 over HTTP on $name', (engine) => {
  const today = chinaDate(new Date());
  const t = databaseSetup(engine, async (h) => {
    await withOrgs(h);
    const ctx = ctxAt(h, new Date());
    await seedOfficers(ctx, today);
    const team = await marketTeam(ctx);
    const app = await buildApp({
      handle: h,
      loginRateLimit: 1000,
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-rec-')),
    });
    const body = marketCase(team, { partyName: '开远市某某药店', facts: '申请药品零售许可' });
    const admin = await loginAs(app, 'admin');
    return { app, admin, as: requestsOf(app, admin), body };
  });
  afterAll(async () => {
    await t.app.close();
  });

  /** Stores the sample PDF under `name` (POST /api/files answers 201 with its SHA-256). */
  const uploadPdf = (name: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: {
        ...t.admin.headers,
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent(name),
      },
      payload: SAMPLES.pdf,
    });

  it('uploads a 决定书, attaches it to an act, adds one later, and lists the gaps', async () => {
    const up = await uploadPdf('申请书.pdf');
    expect(up.statusCode).toBe(201);
    const sha256 = (up.json() as { sha256: string }).sha256;
    const opened = await t.as.post('/api/enforcement/cases', {
      ...t.body,
      category: 'license',
      openedOn: addDays(today, -3),
    });
    expect(opened.statusCode).toBe(201);
    const c = opened.json() as { id: string; version: number; status: string; recordGaps: { seq: number }[] };
    expect(c.status).toBe('applied');
    expect(c.recordGaps).toEqual([
      expect.objectContaining({ seq: 1, record: 'application', recordLabel: '申请书及申请材料' }),
    ]);
    const acted = await t.as.post(`/api/enforcement/cases/${c.id}/actions`, {
      version: c.version,
      action: 'accept',
      date: addDays(today, -2),
      records: [{ sha256, kind: 'document', name: '受理通知书.pdf' }],
    });
    expect(acted.statusCode).toBe(200);
    const bad = await t.as.post(`/api/enforcement/cases/${c.id}/actions/1/records`, {
      records: [{ sha256: 'not-a-hash', kind: 'document', name: '申请书.pdf' }],
    });
    expect(bad.statusCode).toBe(400);
    const added = await t.as.post(`/api/enforcement/cases/${c.id}/actions/1/records`, {
      records: [{ sha256, kind: 'document', name: '申请书.pdf' }],
    });
    expect(added.statusCode).toBe(200);
    const detail = added.json() as {
      recordGaps: unknown[];
      actions: { seq: number; records: { sha256: string; kind: string; name: string; size: number }[] }[];
    };
    expect(detail.recordGaps).toEqual([]);
    expect(detail.actions.map((a) => a.records.map((r) => r.name))).toEqual([
      ['申请书.pdf'],
      ['受理通知书.pdf'],
    ]);
    expect(detail.actions[0]?.records[0]).toMatchObject({
      sha256,
      kind: 'document',
      size: SAMPLES.pdf.length,
    });
    const list = await t.as.get('/api/enforcement/cases?category=license');
    expect((list.json() as { total: number }).total).toBe(1);
    const none = await t.as.get('/api/enforcement/cases?category=coercion');
    expect((none.json() as { total: number }).total).toBe(0);
  });

  it('立案 takes its 立案审批表 with it: the case opens without a 全过程记录 gap', async () => {
    const up = await uploadPdf('立案审批表.pdf');
    const sha256 = (up.json() as { sha256: string }).sha256;
    const payload = { ...t.body, partyName: '某某食品经营部', facts: '涉嫌经营过期食品', openedOn: today };
    const bare = await t.as.post('/api/enforcement/cases', payload);
    expect(
      (bare.json() as { recordGaps: { recordLabel: string }[] }).recordGaps.map((g) => g.recordLabel),
    ).toEqual(['立案审批表']);
    const opened = await t.as.post('/api/enforcement/cases', {
      ...payload,
      records: [{ sha256, kind: 'document', name: '立案审批表.pdf' }],
    });
    expect(opened.statusCode).toBe(201);
    const c = opened.json() as { recordGaps: unknown[]; actions: { records: { name: string }[] }[] };
    expect(c.recordGaps).toEqual([]);
    expect(c.actions[0]?.records.map((r) => r.name)).toEqual(['立案审批表.pdf']);
  });

  it('the database refuses a 全过程记录 of an act its case does not have (the record reaches its case through the act)', async () => {
    const sha256 = ((await uploadPdf('询问笔录.pdf')).json() as { sha256: string }).sha256;
    const opened = await t.as.post('/api/enforcement/cases', {
      ...t.body,
      partyName: '某某副食店',
      facts: '涉嫌销售无标签食品',
      openedOn: today,
    });
    expect(opened.statusCode).toBe(201);
    const caseId = (opened.json() as { id: string }).id;
    const record = (forCase: string, seq: number) => sql`insert into enforcement_case_record
        (id, case_id, case_opened_on, region_code, org_id, seq, sha256, kind, name, size)
      select gen_random_uuid(), ${forCase}, case_opened_on, region_code, org_id, ${seq}, ${sha256}, 'document',
        '询问笔录.pdf', ${SAMPLES.pdf.length}
      from enforcement_case_action where case_id = ${caseId} and seq = 1`;
    await record(caseId, 1).execute(t.h.db);
    // an act the case does not have (立案 is its only one), and a case that does not exist
    await expect(record(caseId, 2).execute(t.h.db)).rejects.toMatchObject({ code: '23503' });
    await expect(record('00000000-0000-4000-8000-000000000000', 1).execute(t.h.db)).rejects.toMatchObject({
      code: '23503',
    });
  });
});
