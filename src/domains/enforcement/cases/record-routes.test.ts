import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../platform/calendar/index.js';
import { chinaDate } from '../../../platform/context.js';
import type { DatabaseHandle } from '../../../platform/db/open.js';
import { SAMPLES } from '../../../platform/files/test-samples.js';
import { buildApp } from '../../../server/app.js';
import { loginAs, type Session } from '../../../test/app.js';
import { testEngines } from '../../../test/db.js';
import { seedOfficers } from '../officers/seed.js';
import { ctxAt, withOrgs, marketTeam } from '../test/fixtures.js';

describe.each(testEngines())('全过程记录 over HTTP on $name', (engine) => {
  let h: DatabaseHandle;
  let app: FastifyInstance;
  let admin: Session;
  let body: Record<string, unknown>;
  const today = chinaDate(new Date());
  beforeAll(async () => {
    h = await engine.open();
    await withOrgs(h);
    const ctx = ctxAt(h, new Date());
    await seedOfficers(ctx, today);
    const { bodyId, certified } = await marketTeam(ctx);
    body = {
      bodyId,
      partyKind: 'organisation',
      partyName: '开远市某某药店',
      facts: '申请药品零售许可',
      handlerIds: [certified[0], certified[1]],
    };
    app = await buildApp({
      handle: h,
      loginRateLimit: 1000,
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-rec-')),
    });
    admin = await loginAs(app, 'admin');
  });
  afterAll(async () => {
    await app.close();
    await h.close();
  });

  it('uploads a 决定书, attaches it to an act, adds one later, and lists the gaps', async () => {
    const up = await app.inject({
      method: 'POST',
      url: '/api/files',
      headers: {
        ...admin.headers,
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent('申请书.pdf'),
      },
      payload: SAMPLES.pdf,
    });
    expect(up.statusCode).toBe(201);
    const sha256 = (up.json() as { sha256: string }).sha256;
    const opened = await app.inject({
      method: 'POST',
      url: '/api/enforcement/cases',
      headers: admin.headers,
      payload: { ...body, category: 'license', openedOn: addDays(today, -3) },
    });
    expect(opened.statusCode).toBe(201);
    const c = opened.json() as { id: string; version: number; status: string; recordGaps: { seq: number }[] };
    expect(c.status).toBe('applied');
    expect(c.recordGaps).toEqual([
      expect.objectContaining({ seq: 1, record: 'application', recordLabel: '申请书及申请材料' }),
    ]);
    const acted = await app.inject({
      method: 'POST',
      url: `/api/enforcement/cases/${c.id}/actions`,
      headers: admin.headers,
      payload: {
        version: c.version,
        action: 'accept',
        date: addDays(today, -2),
        records: [{ sha256, kind: 'document', name: '受理通知书.pdf' }],
      },
    });
    expect(acted.statusCode).toBe(200);
    const bad = await app.inject({
      method: 'POST',
      url: `/api/enforcement/cases/${c.id}/actions/1/records`,
      headers: admin.headers,
      payload: { records: [{ sha256: 'not-a-hash', kind: 'document', name: '申请书.pdf' }] },
    });
    expect(bad.statusCode).toBe(400);
    const added = await app.inject({
      method: 'POST',
      url: `/api/enforcement/cases/${c.id}/actions/1/records`,
      headers: admin.headers,
      payload: { records: [{ sha256, kind: 'document', name: '申请书.pdf' }] },
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
    const list = await app.inject({ url: '/api/enforcement/cases?category=license', headers: admin.headers });
    expect((list.json() as { total: number }).total).toBe(1);
    const none = await app.inject({
      url: '/api/enforcement/cases?category=coercion',
      headers: admin.headers,
    });
    expect((none.json() as { total: number }).total).toBe(0);
  });

  it('立案 takes its 立案审批表 with it: the case opens without a 全过程记录 gap', async () => {
    const up = await app.inject({
      method: 'POST',
      url: '/api/files',
      headers: {
        ...admin.headers,
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent('立案审批表.pdf'),
      },
      payload: SAMPLES.pdf,
    });
    const sha256 = (up.json() as { sha256: string }).sha256;
    const payload = { ...body, partyName: '某某食品经营部', facts: '涉嫌经营过期食品', openedOn: today };
    const bare = await app.inject({
      method: 'POST',
      url: '/api/enforcement/cases',
      headers: admin.headers,
      payload,
    });
    expect(
      (bare.json() as { recordGaps: { recordLabel: string }[] }).recordGaps.map((g) => g.recordLabel),
    ).toEqual(['立案审批表']);
    const opened = await app.inject({
      method: 'POST',
      url: '/api/enforcement/cases',
      headers: admin.headers,
      payload: { ...payload, records: [{ sha256, kind: 'document', name: '立案审批表.pdf' }] },
    });
    expect(opened.statusCode).toBe(201);
    const c = opened.json() as { recordGaps: unknown[]; actions: { records: { name: string }[] }[] };
    expect(c.recordGaps).toEqual([]);
    expect(c.actions[0]?.records.map((r) => r.name)).toEqual(['立案审批表.pdf']);
  });
});
