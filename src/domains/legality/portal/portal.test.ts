import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../../../platform/context.js';
import type { DatabaseHandle } from '../../../platform/db/open.js';
import { buildApp } from '../../../server/app.js';
import { loginAs } from '../../../test/app.js';
import { testEngines } from '../../../test/db.js';
import { seedLegality } from '../seed.js';
import { sysCtx, withOrgs } from '../test-fixtures.js';

describe.each(testEngines())('legality public pages on $name', (engine) => {
  let h: DatabaseHandle;
  let app: FastifyInstance;
  const now = new Date();
  const today = chinaDate(now);
  const year = Number(today.slice(0, 4)) - 1;
  let openId: string;
  let closedId: string;

  beforeAll(async () => {
    h = await engine.open();
    await withOrgs(h);
    await seedLegality(sysCtx(h, now), { year, today, log: () => {}, scale: 0.1 });
    app = await buildApp({ handle: h, loginRateLimit: 1000 });
    const consult = (await app.inject({ url: '/api/portal/consultations' })).json();
    openId = consult.open[0].id;
    closedId = consult.closed.find((c: { kind: string }) => c.kind === 'document').id;
  }, 600_000);
  afterAll(async () => {
    await app.close();
    await h.close();
  });

  it('lists and searches the documents without login, each with its number, dates and validity', async () => {
    const page = await app.inject({ url: '/portal/documents' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('规范性文件库');
    expect(page.body).toMatch(/开政规〔\d{4}〕\d+号/);
    // a two-character word (bigram index) and a longer phrase (trigram index)
    const two = (await app.inject({ url: `/api/portal/documents?q=${encodeURIComponent('养犬')}` })).json();
    expect(two.items.length).toBeGreaterThan(0);
    expect(two.items.every((d: { title: string }) => d.title.includes('养犬'))).toBe(true);
    const long = (
      await app.inject({ url: `/api/portal/documents?q=${encodeURIComponent('城市养犬管理')}` })
    ).json();
    expect(long.total).toBe(two.total);
    const lapsed = (await app.inject({ url: '/api/portal/documents?state=lapsed' })).json();
    expect(lapsed.items.length).toBeGreaterThan(0);
    expect(lapsed.items[0].stateLabel).toBe('已失效');
    const detail = await app.inject({ url: `/portal/documents/${lapsed.items[0].id}` });
    expect(detail.body).toContain('清理情况');
    expect((await app.inject({ url: '/api/portal/documents?year=abc' })).json().detail).toContain('年度');
  });

  it("shows the year's 决策目录 and each decision's public record, not the members' opinions", async () => {
    const page = await app.inject({ url: `/portal/decisions?year=${year}` });
    expect(page.body).toContain('城市总体规划修编');
    const json = (await app.inject({ url: `/api/portal/decisions?year=${year}` })).json();
    const d = json.catalogues[0].decisions.find((x: { title: string }) => x.title === '城区集中供热价格调整');
    const record = await app.inject({ url: `/portal/decisions/${d.id}` });
    expect(record.body).toContain('合法性审查');
    expect(record.body).toContain('审查通过');
    expect(record.body).not.toContain('赵丽'); // who said what at the meeting stays in the file
  });

  it('takes a comment with a receipt number, refuses markup and oversize text in Chinese, and keeps it private until moderated', async () => {
    const url = `/portal/consultations/document/${openId}`;
    const form = (body: Record<string, string>) => ({
      method: 'POST' as const,
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(body).toString(),
    });
    const script = await app.inject(form({ body: '好的<script>alert(1)</script>' }));
    expect(script.statusCode).toBe(400);
    expect(script.body).toContain('不要包含网页代码');
    expect(script.body).not.toContain('<script>alert');
    const big = await app.inject(form({ body: '意'.repeat(100_000) }));
    expect(big.statusCode).toBe(400);
    expect(big.body).toContain('不能超过 5000 个字');
    const ok = await app.inject(
      form({ body: '建议补充犬只免疫的办理地点。', name: '王小明', contact: '13912345678' }),
    );
    expect(ok.statusCode).toBe(200);
    const receipt = /YJ\d{8}[0-9A-Z]{6}/.exec(ok.body)?.[0];
    expect(receipt).toBeDefined();
    const status = (await app.inject({ url: `/api/portal/comments/${receipt}` })).json();
    expect(status.statusLabel).toBe('待审核');
    const pub = await app.inject({ url: `/api/portal/consultations/document/${openId}` });
    expect(pub.body).not.toContain('王小明');
    expect(pub.body).not.toContain('13912345678');
    expect(pub.body).not.toContain('免疫的办理地点');
    // the office sees who wrote it, and moderates
    const staff = await loginAs(app, 'yfzs');
    const list = (
      await app.inject({ url: `/api/legality/comments?subjectId=${openId}`, headers: staff.headers })
    ).json();
    const mine = list.items.find((c: { receiptNo: string }) => c.receiptNo === receipt);
    expect(mine.name).toBe('王小明');
    const refused = await app.inject({
      method: 'POST',
      url: `/api/legality/comments/${mine.id}/moderate`,
      headers: staff.headers,
      payload: { status: 'shown', adoption: 'notAdopted' },
    });
    expect(refused.json().detail).toContain('答复理由');
  });

  it('publishes the adoption summary once the period has closed', async () => {
    const c = (await app.inject({ url: `/api/portal/consultations/document/${closedId}` })).json();
    expect(c.stateLabel).toBe('征求意见已结束');
    expect(c.summary).toMatchObject({ received: 4, adopted: 2, partlyAdopted: 1, notAdopted: 1 });
    expect(JSON.stringify(c)).not.toContain('13800000000');
    const page = await app.inject({ url: `/portal/consultations/document/${closedId}` });
    expect(page.body).toContain('意见采纳情况');
    expect(page.body).not.toContain('<form method="post"');
  });

  it('limits comments per address through the shared limit store', async () => {
    const post = () =>
      app.inject({
        method: 'POST',
        url: `/api/portal/consultations/document/${openId}/comments`,
        payload: { body: '短' },
      });
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await post()).statusCode);
    expect(codes.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(codes[5]).toBe(429);
    const rows = await h.db.selectFrom('rate_limit').select('key').execute();
    expect(rows.some((r) => r.key.includes('/comments'))).toBe(true);
  });
});
