import { beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type Session } from '../test/app.js';
import { appSetup } from '../test/app-suite.js';
import { testEngines } from '../test/db.js';

/**
 * Issue #10 D3–D8: every write route in the OpenAPI document, sent hostile bodies as a logged-in
 * administrator, answers 4xx or 2xx — never a 5xx. The bodies are built from each route's own
 * request schema (every property set to a hostile value of its type) plus wrong shapes and a deep
 * nesting. The session routes (/api/auth/…) are left out: the run must stay logged in.
 */
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

const HOSTILE_STRINGS = [
  'a\u0000b',
  'esc\u001b[31m red\r\nline',
  '\u202eevil',
  'x'.repeat(100_000),
  '0000-01-01',
  '9999-12-31',
];
const HOSTILE_NUMBERS = [2 ** 31, 2 ** 53, -(2 ** 31) - 1, 1.5, Number.MAX_SAFE_INTEGER + 2];

function typeOf(s: JsonSchema | undefined): string {
  if (!s) return 'unknown';
  const t = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (t) return t;
  const alt = s.anyOf ?? s.oneOf;
  return alt ? typeOf(alt.find((a) => a.type !== 'null')) : 'unknown';
}

/** One body per hostile value: every property of the schema filled with it (by type). */
function bodiesFor(schema: JsonSchema | undefined): unknown[] {
  const props = schema?.properties ?? {};
  const fill = (str: string, num: number) =>
    Object.fromEntries(
      Object.entries(props).map(([k, p]) => {
        const t = typeOf(p);
        if (t === 'string') return [k, str];
        if (t === 'integer' || t === 'number') return [k, num];
        if (t === 'array') return [k, [str, num, { [k]: str }]];
        if (t === 'object') return [k, { x: str, version: num }];
        if (t === 'boolean') return [k, str];
        return [k, str];
      }),
    );
  const bodies: unknown[] = [];
  HOSTILE_STRINGS.forEach((s, i) => {
    bodies.push(fill(s, HOSTILE_NUMBERS[i % HOSTILE_NUMBERS.length] as number));
  });
  // wrong types everywhere: numbers for strings and strings for numbers
  bodies.push(
    Object.fromEntries(
      Object.keys(props).map((k) => [k, typeOf(props[k]) === 'string' ? 2 ** 53 : 'x\u0000']),
    ),
  );
  bodies.push([], 'text', null);
  bodies.push(DEEP);
  return bodies;
}

/** 5,000-deep JSON, written as text (JSON.stringify itself would overflow on it). */
const DEEP = Symbol('deep');
const DEEP_TEXT = `${'{"a":'.repeat(5_000)}{}${'}'.repeat(5_000)}`;

const WRITE = ['post', 'put', 'patch', 'delete'] as const;
const SOME_ID = '00000000-0000-4000-8000-000000000001';

describe.each(testEngines())('hostile bodies to every write route ($name)', (engine) => {
  const suite = appSetup(engine);
  let admin: Session;

  beforeAll(async () => {
    admin = await loginAs(suite.app, 'admin');
  });

  it('answers no 5xx on any write route', { timeout: 120_000 }, async () => {
    const spec = (
      suite.app as unknown as { swagger(): { paths: Record<string, Record<string, unknown>> } }
    ).swagger();
    const failures: string[] = [];
    let routes = 0;
    let sent = 0;
    for (const [path, ops] of Object.entries(spec.paths)) {
      if (path.startsWith('/api/auth/')) continue;
      for (const method of WRITE) {
        const op = ops[method] as
          | { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }
          | undefined;
        if (!op) continue;
        routes++;
        const url = path.replace(/\{[^}]+\}/g, SOME_ID);
        const schema = op.requestBody?.content?.['application/json']?.schema;
        for (const body of bodiesFor(schema)) {
          const res = await suite.app.inject({
            method: method.toUpperCase() as 'POST',
            url,
            headers: { ...admin.headers, 'content-type': 'application/json' },
            payload: body === DEEP ? DEEP_TEXT : JSON.stringify(body),
          });
          sent++;
          if (res.statusCode >= 500)
            failures.push(`${method.toUpperCase()} ${path} → ${res.statusCode} ${res.body.slice(0, 160)}`);
        }
      }
    }
    expect(routes).toBeGreaterThan(40);
    expect(sent).toBeGreaterThan(routes * 10);
    expect(failures).toEqual([]);
  });

  it('refuses a NUL in the file name of an upload before storing a byte (D3)', async () => {
    const res = await suite.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: {
        ...admin.headers,
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent('a\u0000.pdf'),
      },
      payload: Buffer.from('%PDF-1.4 hostile'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'files.badName' });
  });

  it('answers 400 for a 5,000-deep body to the calendar loader (D6)', async () => {
    const res = await suite.app.inject({
      method: 'POST',
      url: '/api/calendar/load',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      payload: DEEP_TEXT,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'http.bodyTooDeep' });
  });
});
