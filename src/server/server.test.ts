import { beforeAll, describe, expect, it } from 'vitest';
import { appSetup } from '../test/app-suite.js';
import { testEngines } from '../test/db.js';
import { loginAs, type Session } from '../test/app.js';

describe.each(testEngines())('HTTP API on $name', (engine) => {
  const suite = appSetup(engine);
  let admin: Session;
  const auditCount = async () =>
    Number(
      (
        await suite.h.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    admin = await loginAs(suite.app, 'admin');
  });

  it('answers 401 without a session, except health and login', async () => {
    for (const url of ['/api/orgs', '/api/users', '/api/audit', '/api/auth/me', '/api/openapi.json']) {
      const r = await suite.app.inject({ url });
      expect(r.statusCode, url).toBe(401);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json().detail).toBe('请先登录');
    }
    expect((await suite.app.inject({ url: '/api/health' })).json()).toMatchObject({
      status: 'ok',
      engine: engine.name,
    });
  });

  it('refuses a wrong password with a Chinese message and audits the failure', async () => {
    const before = await auditCount();
    const r = await suite.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'yfzs', password: 'wrong-1234' },
    });
    expect(r.statusCode).toBe(401);
    expect(r.json()).toMatchObject({ code: 'auth.badCredentials', detail: '用户名或密码错误' });
    expect(await auditCount()).toBe(before + 1);
  });

  it('locks an account after five failures, even for the right password', async () => {
    for (let i = 0; i < 5; i++) {
      await suite.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'clerk', password: `bad-pass-${i}` },
      });
    }
    const r = await suite.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'clerk', password: 'Passw0rd-demo' },
    });
    expect(r.statusCode).toBe(429);
    expect(r.json().code).toBe('auth.locked');
  });

  it('sets an HttpOnly SameSite session cookie and answers /me', async () => {
    const r = await suite.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: 'Passw0rd-demo' },
    });
    const c = r.cookies.find((x) => x.name === 'fazhi_session');
    expect(c?.httpOnly).toBe(true);
    expect(c?.sameSite).toBe('Lax');
    const me = await suite.app.inject({ url: '/api/auth/me', headers: { cookie: admin.cookie } });
    expect(me.json().user).toMatchObject({ username: 'admin', dataScope: 'all' });
  });

  it('refuses cookie writes without or with a forged CSRF token, writing nothing', async () => {
    const before = await auditCount();
    const body = { parentId: suite.orgs.rootId, name: '测试机构', kind: 'department' };
    const none = await suite.app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: { cookie: admin.cookie },
      payload: body,
    });
    const forged = await suite.app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: { cookie: admin.cookie, 'x-csrf-token': 'forged' },
      payload: body,
    });
    expect([none.statusCode, forged.statusCode]).toEqual([403, 403]);
    expect(forged.json().code).toBe('auth.csrf');
    expect(await auditCount()).toBe(before);
  });

  it('answers bad input with 400, the field at fault, and no write', async () => {
    const before = await auditCount();
    const post = (payload: unknown) =>
      suite.app.inject({
        method: 'POST',
        url: '/api/orgs',
        headers: { ...admin.headers, 'content-type': 'application/json' },
        payload: payload as string,
      });
    /** A department under the root, with `fields` for its name and anything else. */
    const postDepartment = (fields: Record<string, unknown>) =>
      post({ parentId: suite.orgs.rootId, kind: 'department', ...fields });
    const badJson = await post('{"name": ');
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json()).toMatchObject({ code: 'request.badJson', detail: '请求体不是合法的 JSON' });
    const unknown = await postDepartment({ name: '甲', colour: 'red' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().detail).toContain('colour');
    const tooLong = await postDepartment({ name: '长'.repeat(101) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()).toMatchObject({ field: 'name', detail: 'name:不能超过 100 个字符' });
    const wrongType = await postDepartment({ name: 42 });
    expect(wrongType.json().field).toBe('name');
    const badUscc = await postDepartment({ name: '某局', uscc: '91110000600037341X' });
    expect(badUscc.statusCode).toBe(400);
    expect(badUscc.json()).toMatchObject({ field: 'uscc', code: 'org.badUscc' });
    expect(await auditCount()).toBe(before);
  });

  it('creates and updates an org with optimistic locking, each write audited', async () => {
    const before = await auditCount();
    const created = await suite.app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: admin.headers,
      payload: { parentId: suite.orgs.rootId, name: '开远市测试局', kind: 'department' },
    });
    expect(created.statusCode).toBe(201);
    const org = created.json();
    const ok = await suite.app.inject({
      method: 'PATCH',
      url: `/api/orgs/${org.id}`,
      headers: admin.headers,
      payload: { version: org.version, shortName: '测试局' },
    });
    expect(ok.json()).toMatchObject({ shortName: '测试局', version: 2 });
    const stale = await suite.app.inject({
      method: 'PATCH',
      url: `/api/orgs/${org.id}`,
      headers: admin.headers,
      payload: { version: org.version, shortName: '旧' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'conflict.stale', field: 'version' });
    expect(await auditCount()).toBe(before + 2);
    const log = await suite.app.inject({ url: `/api/audit?entityId=${org.id}`, headers: admin.headers });
    expect(log.json().items.map((e: { action: string }) => e.action)).toEqual(['org.update', 'org.create']);
  });

  it('hides orgs and users outside the scope: 404 for their ids', async () => {
    const township = await loginAs(suite.app, 'township');
    const scjg = suite.orgs.departments.get('市场监管局');
    const foreign = await suite.app.inject({ url: `/api/orgs/${scjg}`, headers: township.headers });
    expect(foreign.statusCode).toBe(404);
    const list = await suite.app.inject({ url: '/api/orgs?pageSize=200', headers: township.headers });
    const names: string[] = list.json().items.map((o: { name: string }) => o.name);
    expect(names.length).toBeGreaterThan(1);
    expect(names.every((n) => /灵泉/.test(n))).toBe(true);
    const patch = await suite.app.inject({
      method: 'PATCH',
      url: `/api/orgs/${scjg}`,
      headers: township.headers,
      payload: { version: 1, name: 'x' },
    });
    expect([403, 404]).toContain(patch.statusCode);
  });

  it('narrows lists with the org switcher header and 404s an org outside the scope', async () => {
    const scjg = suite.orgs.departments.get('市场监管局') ?? '';
    const narrowed = await suite.app.inject({
      url: '/api/users',
      headers: { ...admin.headers, 'x-fazhi-org': scjg },
    });
    const users: { orgName: string }[] = narrowed.json().items;
    expect(users.length).toBeGreaterThan(0);
    expect(users.every((u) => u.orgName === '开远市市场监督管理局')).toBe(true);
    const scjgUser = narrowed.json().items.find((u: { username: string }) => u.username === 'scjg');
    expect(scjgUser.roles).toEqual([expect.objectContaining({ code: 'handler', name: '承办人员(部门)' })]);
    expect(narrowed.json().total).toBe(users.length);
    const handler = await loginAs(suite.app, 'scjg');
    const outside = await suite.app.inject({
      url: '/api/orgs',
      headers: { ...handler.headers, 'x-fazhi-org': suite.orgs.rootId },
    });
    expect(outside.statusCode).toBe(404);
  });

  it('accepts API tokens as Bearer and rejects unknown ones', async () => {
    const { createApiToken } = await import('../domains/org/auth-service.js');
    const { systemCtx } = await import('../platform/context.js');
    const userId = (
      await suite.h.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', 'yfzs')
        .executeTakeFirstOrThrow()
    ).id;
    const token = await createApiToken(suite.h.db, systemCtx(suite.h.db).actor, userId, '测试');
    const ok = await suite.app.inject({ url: '/api/orgs', headers: { authorization: `Bearer ${token}` } });
    expect(ok.statusCode).toBe(200);
    const row = await suite.h.db.selectFrom('api_token').select('token_hash').executeTakeFirstOrThrow();
    expect(row.token_hash).not.toContain(token);
    const bad = await suite.app.inject({ url: '/api/orgs', headers: { authorization: 'Bearer fzt_nope' } });
    expect(bad.statusCode).toBe(401);
  });

  it('lists every route in the OpenAPI document', async () => {
    const doc = (await suite.app.inject({ url: '/api/openapi.json', headers: admin.headers })).json();
    for (const p of [
      '/api/orgs',
      '/api/orgs/{id}',
      '/api/users',
      '/api/roles',
      '/api/audit',
      '/api/auth/login',
    ]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });

  it('sorts lists on the server by whitelisted fields only', async () => {
    const desc = (
      await suite.app.inject({ url: '/api/users?sort=-username&pageSize=200', headers: admin.headers })
    ).json().items;
    const names = desc.map((u: { username: string }) => u.username);
    expect(names).toEqual([...names].sort().reverse());
    const bad = await suite.app.inject({ url: '/api/users?sort=password_hash', headers: admin.headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'sort' });
  });

  it('ends the access of a disabled user at once', async () => {
    const leader = await loginAs(suite.app, 'leader');
    expect((await suite.app.inject({ url: '/api/auth/me', headers: leader.headers })).statusCode).toBe(200);
    const users = (await suite.app.inject({ url: '/api/users?q=leader', headers: admin.headers })).json()
      .items;
    const u = users.find((x: { username: string }) => x.username === 'leader');
    const off = await suite.app.inject({
      method: 'PATCH',
      url: `/api/users/${u.id}`,
      headers: admin.headers,
      payload: { version: u.version, active: false },
    });
    expect(off.statusCode).toBe(200);
    expect((await suite.app.inject({ url: '/api/auth/me', headers: leader.headers })).statusCode).toBe(401);
  });

  it('exports the operation log to Excel in China time', async () => {
    const r = await suite.app.inject({ url: '/api/audit/export.xlsx?entity=org', headers: admin.headers });
    expect(r.statusCode).toBe(200);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws?.getRow(1).getCell(2).value).toBe('时间');
    expect(ws?.rowCount).toBeGreaterThan(40);
    expect(String(ws?.getRow(2).getCell(5).value)).toMatch(/^org\./);
  });

  it('answers unknown API routes with a Chinese 404 problem', async () => {
    const r = await suite.app.inject({ url: '/api/nope', headers: admin.headers });
    expect(r.statusCode).toBe(404);
    expect(r.json().detail).toContain('接口不存在');
  });
});
