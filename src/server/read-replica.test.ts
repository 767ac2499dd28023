import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../platform/db/migrate.js';
import { type DatabaseHandle, openDatabase } from '../platform/db/open.js';
import { currentLsn, replayedTo } from '../platform/db/replica.js';
import type { Dashboard } from '../report/dashboard.js';
import { appWithOrgs, loginAs, type Session } from '../test/app.js';
import { postgresBinDir, type ReplicaCluster, startReplicaCluster } from '../test/replica-cluster.js';

const haveServer = postgresBinDir() !== null;
if (!haveServer && process.env.CI === 'true') {
  throw new Error('CI 中必须安装 PostgreSQL 服务端程序(/usr/lib/postgresql/*/bin),只读副本测试需要它');
}

/** Waits until the replica has replayed everything the primary has written so far. */
async function caughtUp(h: DatabaseHandle): Promise<void> {
  const replica = h.replica;
  if (!replica) throw new Error('no replica');
  const lsn = await currentLsn(h.db);
  const deadline = Date.now() + 60_000;
  while (!(await replayedTo(replica, lsn))) {
    if (Date.now() > deadline) throw new Error(`replica did not reach ${lsn} within 60 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!haveServer)('a streaming replica (DATABASE_REPLICA_URL)', () => {
  let cluster: ReplicaCluster;
  let h: DatabaseHandle;
  let app: FastifyInstance;
  let leader: Session;
  let handler: Session;
  const year = new Date().getFullYear();

  beforeAll(async () => {
    cluster = await startReplicaCluster();
    h = await openDatabase({ url: cluster.primaryUrl, replicaUrl: cluster.replicaUrl, poolSize: 4 });
    await migrate(h.db);
    ({ app } = await appWithOrgs(h));
    leader = await loginAs(app, 'leader');
    handler = await loginAs(app, 'scjg');
    await caughtUp(h);
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await h?.close();
    await cluster?.stop();
  });

  const plans = async (s: Session, extraCookie = '') => {
    const res = await app.inject({
      url: `/api/dashboard?year=${year}`,
      headers: { ...s.headers, cookie: [s.cookie, extraCookie].filter(Boolean).join('; ') },
    });
    expect(res.statusCode).toBe(200);
    return (res.json() as Dashboard).keyFigures.find((k) => k.metricId === 'inspection.plans')?.value;
  };

  it('serves the 驾驶舱 from the replica, and the writer’s own next reads from the primary until the replica has caught up', async () => {
    const leaderBefore = await plans(leader);
    const handlerBefore = await plans(handler);
    expect(leaderBefore).not.toBeUndefined();

    // the replica stops replaying: what it serves is frozen from here on
    await sql`select pg_wal_replay_pause()`.execute(h.replica as NonNullable<typeof h.replica>);
    const created = await app.inject({
      method: 'POST',
      url: '/api/inspection/plans',
      headers: handler.headers,
      payload: { year, name: '副本测试抽查计划', kind: 'department' },
    });
    expect(created.statusCode).toBe(201);
    const lastWrite = created.cookies.find((c) => c.name === 'fazhi_lsn');
    expect(lastWrite?.value).toMatch(/^[0-9A-F]+(%2F|\/)[0-9A-F]+$/i);
    const mine = `fazhi_lsn=${lastWrite?.value}`;

    // the leader reads the replica, which has not seen the plan yet …
    expect(await plans(leader)).toBe(leaderBefore);
    // … the handler, carrying the position of their own write, reads the primary and sees it
    expect(await plans(handler, mine)).toBe((handlerBefore ?? 0) + 1);
    // (without that cookie the handler would read the replica too)
    expect(await plans(handler)).toBe(handlerBefore);

    await sql`select pg_wal_replay_resume()`.execute(h.replica as NonNullable<typeof h.replica>);
    await caughtUp(h);
    expect(await plans(leader)).toBe((leaderBefore ?? 0) + 1);
    expect(await plans(handler, mine)).toBe((handlerBefore ?? 0) + 1);
  }, 120_000);

  it('keeps answering from the primary when the replica goes away', async () => {
    const before = await plans(leader);
    await cluster.stopReplica();
    expect(await plans(leader)).toBe(before);
    const portal = await app.inject({ url: '/api/portal/publications' });
    expect(portal.statusCode).toBe(200);
  }, 60_000);
});
