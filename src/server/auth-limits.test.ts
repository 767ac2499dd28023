import { describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { loginAs, TEST_PASSWORD } from '../test/app.js';
import { appSetup } from '../test/app-suite.js';
import { testEngines } from '../test/db.js';

describe.each(testEngines())('login and password limits on $name', (engine) => {
  const suite = appSetup(engine);

  const attempt = (username: string, password: string, from: string, headers: Record<string, string> = {}) =>
    suite.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress: from,
      headers,
    });

  it('D1: 15 parallel wrong passwords are not all evaluated; the account is held after five', async () => {
    const answers = await Promise.all(
      Array.from({ length: 15 }, (_, i) => attempt('yfzs', `wrong-pass-${i}`, '10.1.0.1')),
    );
    const codes = answers.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(10);
    // the right password from that address now waits too
    const right = await attempt('yfzs', TEST_PASSWORD, '10.1.0.1');
    expect(right.statusCode).toBe(429);
    expect(right.json()).toMatchObject({ code: 'auth.locked' });
    expect(right.json().detail).toMatch(/登录尝试过多,请 \d+ (秒|分钟)后再试/);
  });

  it('unknown usernames are held exactly like real ones (no probing which exist)', async () => {
    const real: number[] = [];
    const none: number[] = [];
    for (let i = 0; i < 6; i++) {
      real.push((await attempt('clerk', `bad-${i}-pass`, '10.2.0.1')).statusCode);
      none.push((await attempt('no-such-user', `bad-${i}-pass`, '10.2.0.2')).statusCode);
    }
    expect(real).toEqual([401, 401, 401, 401, 401, 429]);
    expect(none).toEqual(real);
  });

  it('a stranger cannot lock the owner out of an address the owner used; the owner’s sessions end', async () => {
    const owner = await loginAs(suite.app, 'admin'); // from 127.0.0.1, now a known address
    expect(
      (await suite.app.inject({ url: '/api/auth/me', headers: { cookie: owner.cookie } })).statusCode,
    ).toBe(200);
    // ten wrong guesses from five addresses: none reaches its per-address limit
    for (let i = 0; i < 10; i++) {
      const r = await attempt('admin', `guess-${i}-pass`, `10.3.0.${i % 5}`);
      expect(r.statusCode).toBe(401);
    }
    // the guesses end the owner's sessions (the password may be known) …
    expect(
      (await suite.app.inject({ url: '/api/auth/me', headers: { cookie: owner.cookie } })).statusCode,
    ).toBe(401);
    // … hold the account from any new address …
    expect((await attempt('admin', TEST_PASSWORD, '10.3.0.99')).statusCode).toBe(429);
    // … but the owner logs in from the address they used before
    expect((await attempt('admin', TEST_PASSWORD, '127.0.0.1')).statusCode).toBe(200);
  });

  it('D2: X-Forwarded-For from an untrusted client changes neither the limits nor the audit log', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await attempt('yfzs', `forged-${i}-pass`, '10.4.0.1', {
        'x-forwarded-for': `203.0.113.${i}`,
      });
      codes.push(r.statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
    const logged = await suite.h.db
      .selectFrom('audit_log')
      .select('change')
      .where('action', '=', 'auth.loginFailed')
      .orderBy('seq', 'desc')
      .limit(5)
      .execute();
    for (const row of logged) expect(JSON.stringify(row.change)).not.toContain('203.0.113.');
  });

  it('D2: a configured proxy’s X-Forwarded-For is believed', async () => {
    const proxied = await buildApp({ handle: suite.h, trustedProxies: ['10.5.0.1'] });
    try {
      const r = await proxied.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'clerk', password: 'wrong-via-proxy' },
        remoteAddress: '10.5.0.1',
        headers: { 'x-forwarded-for': '198.51.100.7' },
      });
      expect(r.statusCode).toBe(401);
      const last = await suite.h.db
        .selectFrom('audit_log')
        .select('change')
        .where('action', '=', 'auth.loginFailed')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      expect(JSON.stringify(last.change)).toContain('198.51.100.7');
    } finally {
      await proxied.close();
    }
  });

  it('/api/auth/password: wrong old passwords are limited', async () => {
    const a = await loginAs(suite.app, 'admin');
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await suite.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: a.headers,
        payload: { oldPassword: `not-it-${i}`, newPassword: 'N3w-passw0rd-x' },
      });
      codes.push(r.statusCode);
    }
    expect(codes).toEqual([400, 400, 400, 400, 400, 429]);
  });

  it('a password change ends the user’s other sessions, not the one that changed it', async () => {
    const a = await loginAs(suite.app, 'clerk');
    const b = await loginAs(suite.app, 'clerk');
    const r = await suite.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: a.headers,
      payload: { oldPassword: TEST_PASSWORD, newPassword: 'N3w-passw0rd-x' },
    });
    expect(r.statusCode).toBe(204);
    expect((await suite.app.inject({ url: '/api/auth/me', headers: { cookie: b.cookie } })).statusCode).toBe(
      401,
    );
    expect((await suite.app.inject({ url: '/api/auth/me', headers: { cookie: a.cookie } })).statusCode).toBe(
      200,
    );
  });

  it('an office behind one address is not held by its users’ successful logins', async () => {
    for (let i = 0; i < 25; i++) await loginAs(suite.app, 'admin');
  });
});
