import { describe, expect, it } from 'vitest';
import { loginAs, type Session } from '../../test/app.js';
import { appSetup } from '../../test/app-suite.js';
import { testEngines } from '../../test/db.js';

describe.each(testEngines())('公开网站设置 on $name', (engine) => {
  const t = appSetup(engine, { users: ['admin'] });

  const put = (payload: Record<string, unknown>, s: Session = t.as.admin) =>
    t.app.inject({ method: 'PUT', url: '/api/site-settings', headers: s.headers, payload });

  it('the public pages carry the masthead and footer the deployment saved, at once', async () => {
    const before = (await t.app.inject({ url: '/api/site-settings', headers: t.as.admin.headers })).json();
    const saved = await put({
      version: before.version,
      siteName: '某县法治政府建设信息公开',
      sponsor: '某县人民政府办公室',
      siteCode: '1234560001',
      icp: '某ICP备12345678号',
      policeRecord: '',
      contact: '',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      sponsor: '某县人民政府办公室',
      policeRecord: null,
      version: before.version + 1,
    });
    for (const url of ['/portal', '/portal/reports', '/portal/publications', '/portal/inspections']) {
      const page = await t.app.inject({ url });
      expect(page.statusCode, url).toBe(200);
      expect(page.body, url).toContain('<meta name="viewport"');
      expect(page.body, url).toContain('主办单位:某县人民政府办公室');
      expect(page.body, url).toContain('网站标识码:1234560001');
      expect(page.body, url).toContain('某ICP备12345678号');
      expect(page.body, url).toContain('某县法治政府建设信息公开');
    }
  });

  it('the public home page lists every section with its description', async () => {
    const home = (await t.app.inject({ url: '/portal' })).body;
    for (const s of ['行政执法决定公示', '法治政府建设年度报告', '双随机抽查结果']) expect(home).toContain(s);
    expect(home).toContain('aria-current="page"');
  });

  it('大字版: the switch sets a cookie, returns to the page, and the page is marked larger', async () => {
    const sw = await t.app.inject({
      url: '/portal/text-size?size=large',
      headers: { referer: 'http://localhost/portal/reports', host: 'localhost' },
    });
    expect(sw.statusCode).toBe(303);
    expect(sw.headers.location).toBe('/portal/reports');
    const cookie = String(sw.headers['set-cookie']).split(';')[0] ?? '';
    const page = await t.app.inject({ url: '/portal/reports', headers: { cookie } });
    expect(page.body).toContain('<html lang="zh-CN" class="large">');
    const elsewhere = await t.app.inject({
      url: '/portal/text-size?size=large',
      headers: { referer: 'https://evil.example/portal', host: 'localhost' },
    });
    expect(elsewhere.headers.location).toBe('/portal');
  });

  it('refuses a bad 网站标识码 on its field, a stale version, and users without the permission', async () => {
    const current = (await t.app.inject({ url: '/api/site-settings', headers: t.as.admin.headers })).json();
    const form = Object.fromEntries(
      Object.entries(current).map(([k, v]) => [k, v === null ? '' : v]),
    ) as Record<string, unknown>;
    const bad = await put({ ...form, siteCode: '12-34' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('网站标识码为 4 至 20 位字母或数字');
    expect(bad.body).toContain('siteCode');
    const stale = await put({ ...form, version: current.version - 1 });
    expect(stale.statusCode).toBe(409);
    const scjg = await loginAs(t.app, 'scjg');
    expect((await put(form, scjg)).statusCode).toBe(403);
  });
});
