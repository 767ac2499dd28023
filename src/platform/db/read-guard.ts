import { AsyncLocalStorage } from 'node:async_hooks';
// node-postgres' own result and value mapping, so a guarded read answers exactly as a plain one
import Result from 'pg/lib/result.js';
import pgUtils from 'pg/lib/utils.js';

/**
 * One round trip for a read request on PostgreSQL whose identity came from this instance's cache.
 *
 * A request's identity (user, roles, scope) is resolved from its session. Reading the session on
 * every request costs a round trip of its own before the request's first statement; on this
 * machine a round trip costs more in the sender's system calls than in the server (docs/scale.md,
 * tenth round). Not reading it would let a logout or a 停用 at another instance go unnoticed.
 *
 * So an instance may keep an identity it resolved, and a read request (GET) that uses it carries a
 * guard: a check that the session still stands and that the identity's `auth_epoch` (a counter
 * every change to users, roles and orgs moves; migration 0230) is still current. The check rides
 * in the same round trip as the request's first SELECT — both statements sent before one Sync,
 * PostgreSQL's pipelining of the extended protocol — and the request learns the answer with the
 * rows. Anything other than a SELECT (a write, BEGIN) waits for the check on its own first, so
 * nothing is written under an identity that no longer stands. A stale answer makes every later
 * statement of the request fail with `StaleIdentity`; the server then reads the session afresh and
 * runs the request again (server/auth-plugin.ts), so the rows read under the old identity are never
 * sent.
 */
export interface ReadGuard {
  /**
   * The check: one row, true while the identity stands; when it does not, the check fails with
   * SQLSTATE `STALE` — an error, so that PostgreSQL skips whatever was sent behind it in the same
   * pipeline, and a stale identity never runs a statement, not even a read.
   */
  readonly check: { text: string; values: readonly unknown[] };
  state: 'pending' | 'checking' | 'current' | 'stale';
  /** Settles when a check in flight has its answer. */
  answer?: Promise<void>;
  /** How the check went out: riding on a read, or alone (for the tests and the bench). */
  rode: number;
  alone: number;
}

const store = new AsyncLocalStorage<ReadGuard>();

export function newReadGuard(check: ReadGuard['check']): ReadGuard {
  return { check, state: 'pending', rode: 0, alone: 0 };
}

/** Runs `fn` (and all it starts) under the guard. */
export function runGuarded<T>(guard: ReadGuard, fn: () => T): T {
  return store.run(guard, fn);
}

export class StaleIdentity extends Error {
  constructor() {
    super('登录信息已变更');
    this.name = 'StaleIdentity';
  }
}

/** The SQLSTATE a check fails with when the identity no longer stands. */
export const STALE = 'FZ401';
const GUARD_NAME = 'fazhi_read_guard';
const isStale = (err: unknown) => (err as { code?: unknown } | null)?.code === STALE;
const READ = /^\s*(select|with)\b/i;

/** The pieces of a node-postgres client the guard drives (its query queue and connection). */
export interface GuardableClient {
  /** The client's own query(), unguarded. */
  rawQuery(config: unknown, values?: unknown, callback?: unknown): unknown;
}

interface PgConnection {
  stream: { cork?: () => void; uncork?: () => void };
  parsedStatements: Record<string, string>;
  submittedNamedStatements: Record<string, string>;
  parse(msg: { name?: string; text: string; types: unknown[] }): void;
  bind(msg: { statement?: string; values: readonly unknown[]; valueMapper: unknown }): void;
  describe(msg: { type: 'P'; name: string }): void;
  execute(msg: { portal?: string; rows?: number }): void;
  sync(): void;
  sendCopyFail(msg: string): void;
}

interface PgResult {
  rows: unknown[];
  addFields(fields: unknown[]): void;
  parseRow(fields: unknown[]): unknown;
  addCommandComplete(msg: unknown): void;
}

/**
 * The check and a read in one pipeline: Parse (once per connection) / Bind / Execute of the
 * check, Parse / Bind / Describe / Execute of the read, one Sync. A node-postgres "submittable":
 * the client hands it the connection and then every message of the answer.
 */
class CheckedRead {
  // read by the client when a Parse completes (it records the named statement as parsed)
  readonly name = GUARD_NAME;
  readonly text: string;
  // the client gives a result its type parsers when it has none
  readonly _result: PgResult = new (Result as unknown as new () => PgResult)();
  private statement = 0;
  private current: boolean | null = null;
  private settled = false;

  constructor(
    private readonly check: ReadGuard['check'],
    private readonly read: { text: string; values: readonly unknown[] },
    private readonly done: (err: Error | null, current: boolean | null, result?: PgResult) => void,
  ) {
    this.text = check.text;
  }

  submit(connection: PgConnection): null {
    connection.stream.cork?.();
    try {
      if (!connection.parsedStatements[GUARD_NAME] && !connection.submittedNamedStatements[GUARD_NAME]) {
        connection.parse({ name: GUARD_NAME, text: this.check.text, types: [] });
        connection.submittedNamedStatements[GUARD_NAME] = this.check.text;
      }
      connection.bind({
        statement: GUARD_NAME,
        values: this.check.values,
        valueMapper: pgUtils.prepareValue,
      });
      connection.execute({});
      connection.parse({ text: this.read.text, types: [] });
      connection.bind({ values: this.read.values, valueMapper: pgUtils.prepareValue });
      connection.describe({ type: 'P', name: '' });
      connection.execute({});
      connection.sync();
    } finally {
      connection.stream.uncork?.();
    }
    return null;
  }
  handleRowDescription(msg: { fields: unknown[] }): void {
    if (this.statement === 1) this._result.addFields(msg.fields);
  }
  handleDataRow(msg: { fields: unknown[] }): void {
    if (this.statement === 0) this.current = msg.fields[0] === 't';
    else this._result.rows.push(this._result.parseRow(msg.fields));
  }
  handleCommandComplete(msg: unknown): void {
    if (this.statement === 1) this._result.addCommandComplete(msg);
    this.statement++;
  }
  handleEmptyQuery(): void {
    this.statement++;
  }
  // the server answers an error, then ReadyForQuery without calling us again (client.js); an
  // error of the check is its answer when it is STALE (the read behind it was skipped)
  handleError(err: Error): void {
    if (this.statement === 0 && isStale(err)) {
      this.current = false;
      this.finish(null);
    } else this.finish(err);
  }
  handleReadyForQuery(): void {
    this.finish(null);
  }
  handlePortalSuspended(): void {}
  handleCopyInResponse(connection: PgConnection): void {
    connection.sendCopyFail('不支持的复制请求');
  }
  handleCopyData(): void {}
  private finish(err: Error | null): void {
    if (this.settled) return;
    this.settled = true;
    this.done(err, this.current, this._result);
  }
}

/** Sends the check alone and gives its answer (`current`). */
export type CheckRunner = (
  text: string,
  values: readonly unknown[],
) => Promise<{ rows: { current?: unknown }[] }>;

/**
 * A statement through a guarded client (copy.ts `CopyClient` on the primary's pool), or undefined
 * when it goes out as it is: outside a guarded request, and once its identity is known to stand.
 * The check itself, sent alone through the pool (the server's `settleGuard` after a handler that
 * read nothing), goes under the name the pipeline prepared it by.
 */
export function guardedQuery(
  client: GuardableClient,
  text: string,
  values: readonly unknown[] | undefined,
): Promise<unknown> | undefined {
  const guard = store.getStore();
  if (!guard) return undefined;
  const alone: CheckRunner = (t, v) =>
    client.rawQuery({ name: GUARD_NAME, text: t, values: v }) as Promise<{ rows: { current?: unknown }[] }>;
  if (text === guard.check.text) return alone(text, values ?? []);
  if (guard.state === 'current') return undefined;
  if (guard.state === 'stale') return Promise.reject(new StaleIdentity());
  if (guard.state === 'pending' && READ.test(text)) {
    const answered = startCheck(guard);
    guard.rode++;
    return new Promise((resolve, reject) => {
      client.rawQuery(
        new CheckedRead(guard.check, { text, values: values ?? [] }, (err, current, result) => {
          answered(current);
          if (guard.state === 'stale') reject(new StaleIdentity());
          else if (err) reject(err);
          else resolve(result);
        }),
      );
    });
  }
  // a write, BEGIN, or a read while the check is in flight: the identity first
  return settleGuard(guard, alone).then(() =>
    guard.state === 'stale'
      ? Promise.reject(new StaleIdentity())
      : (client.rawQuery(text, values) as Promise<unknown>),
  );
}

function startCheck(guard: ReadGuard): (current: boolean | null) => void {
  guard.state = 'checking';
  let settle = () => {};
  guard.answer = new Promise<void>((r) => {
    settle = r;
  });
  return (current) => {
    guard.state = current === null ? 'pending' : current ? 'current' : 'stale';
    settle();
  };
}

/**
 * Makes sure the guard has its answer: waits for a check in flight, or sends one alone (`run`)
 * when no statement has carried it — a request that read nothing, or one whose first statement
 * writes. A failed check leaves the guard pending, to be asked again.
 */
export async function settleGuard(guard: ReadGuard, run: CheckRunner): Promise<void> {
  for (;;) {
    if (guard.state === 'current' || guard.state === 'stale') return;
    if (guard.state === 'checking') {
      await guard.answer;
      continue;
    }
    const answered = startCheck(guard);
    guard.alone++;
    let current: boolean | null = null;
    try {
      const r = await run(guard.check.text, guard.check.values);
      current = r.rows[0]?.current === true;
    } catch (err) {
      if (!isStale(err)) throw err;
      current = false;
    } finally {
      answered(current);
    }
  }
}
