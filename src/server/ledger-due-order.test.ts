import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../platform/context.js';
import type { DatabaseHandle } from '../platform/db/open.js';
import { seedDemo } from '../report/demo.js';
import { loginAs, type Session } from '../test/app.js';
import { testEngines } from '../test/db.js';
import { buildApp } from './app.js';

type Row = Record<string, unknown>;
type Due = 'overdue' | 'dueSoon' | 'other';

const state = (s: unknown): Due => (s === 'overdue' ? 'overdue' : s === 'dueSoon' ? 'dueSoon' : 'other');
const nested = (r: Row, key: string) => (r[key] as { state?: unknown } | null | undefined)?.state;

/** The web page's tag on a 填报 deadline (report/types.ts dueTag): 逾期 after it, 临期 within 7 days. */
function deadlineTag(deadline: string, today: string): Due {
  if (today > deadline) return 'overdue';
  const days = (Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  return days <= 7 ? 'dueSoon' : 'other';
}

/**
 * Each ledger that tags rows 临期/逾期, as its page first asks for it: `query` is what the page
 * always sends, `due` reads the tag the page shows, `sort` a column a user may sort by instead.
 */
const ledgers: {
  name: string;
  url: string;
  query?: string;
  due: (r: Row, today: string) => Due;
  sort: string;
  /** writes the ledger's newest item, not overdue, where the demo has none newer than an overdue one */
  fresh?: (w: Writer) => Promise<void>;
}[] = [
  {
    name: '两法衔接',
    url: '/api/enforcement/referrals',
    due: (r) => state(nested(r, 'nextDue')),
    sort: 'reportedOn',
  },
  { name: '执法决定公示', url: '/api/enforcement/publications', due: (r) => state(r.dueState), sort: '' },
  {
    name: '检查结果与公示',
    url: '/api/inspection/targets',
    query: 'pending=true',
    due: (r) => state(r.publicationState),
    sort: '',
  },
  {
    name: '行政复议',
    url: '/api/disputes/reconsiderations',
    due: (r) => state(nested(r, 'nextDue')),
    sort: 'receivedOn',
    fresh: (w) =>
      w.post('/api/disputes/reconsiderations', {
        channel: 'mail',
        receivedOn: w.today,
        filedOn: w.today,
        respondentOrgId: w.orgId,
        applicantKind: 'person',
        applicantName: '周文斌',
        act: {
          title: '行政处罚决定书',
          kind: 'penalty',
          knownOn: w.daysAgo(5),
          penaltyTypes: ['fine'],
          amount: 5000,
        },
        request: '撤销行政处罚决定',
        reasons: '认定事实不清。',
      }),
  },
  {
    name: '检察建议、司法建议',
    url: '/api/disputes/suggestions',
    due: (r) => state(r.dueState),
    sort: 'receivedOn',
    // the small demo has one 建议: one received long ago and unanswered (overdue), one today
    fresh: async (w) => {
      for (const [no, receivedOn] of [
        ['检建〔2025〕1号', w.daysAgo(120)],
        ['检建〔2025〕2号', w.today],
      ] as const)
        await w.post('/api/disputes/suggestions', {
          kind: 'publicInterest',
          orgId: w.orgId,
          issuer: '市人民检察院',
          documentNo: no,
          issuedOn: receivedOn,
          receivedOn,
          summary: '督促依法履行食品安全监管职责。',
        });
    },
  },
  ...['disclosure', 'petitions', 'mediation', 'legal-aid'].map((kind) => ({
    name: `依申请办理 ${kind}`,
    url: `/api/requests/${kind}`,
    due: (r: Row) => state(r.dueState),
    // the small demo's 法律援助 received after an overdue one are all overdue too: the kinds share one
    // ledger query, whose order the others show
    sort: kind === 'legal-aid' ? '' : 'receivedOn',
    ...(kind === 'disclosure'
      ? {
          fresh: (w: Writer) =>
            w.post('/api/requests/disclosure', {
              orgId: w.orgId,
              applicantName: '王芳',
              applicantKind: 'person',
              applicantContact: '13900000000',
              subject: '某小区规划许可及竣工验收资料',
              channel: 'inPerson',
              submittedOn: w.today,
            }),
        }
      : {}),
  })),
  {
    name: '整改台账',
    url: '/api/oversight/rectifications',
    due: (r) => state(r.dueState),
    sort: 'foundOn',
    // every item of the small demo is overdue seven weeks on: one is given a later deadline
    fresh: async (w) => {
      const first = (await w.list('/api/oversight/rectifications'))[0];
      await w.post(`/api/oversight/rectifications/${first?.id}/actions`, {
        action: 'extend',
        version: first?.version,
        dueOn: w.daysAgo(-30),
        note: '整改任务较重,延长整改期限。',
      });
    },
  },
  { name: '规范性文件', url: '/api/legality/documents', due: (r) => state(r.filingState), sort: 'draftedOn' },
  {
    name: '合法性审查台',
    url: '/api/legality/reviews',
    due: (r) => state(r.dueState),
    sort: 'submittedOn',
    fresh: (w) =>
      w.post('/api/legality/reviews', {
        kind: 'agendaItem',
        title: '关于研究城区停车场建设有关事项的议题',
        orgId: w.rootId,
        submittedOn: w.today,
        materials: [{ name: '议题材料' }],
      }),
  },
  {
    name: '数据填报任务',
    url: '/api/data-calls',
    due: (r, today) => (r.status === 'open' ? deadlineTag(String(r.deadline), today) : 'other'),
    sort: '',
  },
  {
    name: '本单位填报',
    url: '/api/data-call-submissions',
    due: (r, today) =>
      r.status === 'pending' || r.status === 'returned' ? deadlineTag(String(r.deadline), today) : 'other',
    sort: '',
  },
];
const rank = { overdue: 0, dueSoon: 1, other: 2 } as const;

interface Writer {
  today: string;
  daysAgo: (n: number) => string;
  /** the county government and a department of it */
  rootId: string;
  orgId: string;
  post: (url: string, payload: object) => Promise<void>;
  list: (url: string) => Promise<Row[]>;
}

/**
 * Ledgers where overdue items rise (issue #11): on the demo county seeded seven weeks back, where
 * items that are not overdue sit beside overdue ones, the first page of every 临期/逾期 ledger, unsorted, starts with
 * what is overdue, then what is due soon, then the rest; a column the user sorts by still rules.
 */
describe.each(testEngines())('ledgers put what is overdue first on $name', (engine) => {
  let h: DatabaseHandle;
  let app: FastifyInstance;
  let admin: Session;
  const today = chinaDate(new Date());
  const PASSWORD = 'Ledger-passw0rd';

  beforeAll(async () => {
    h = await engine.open();
    // the county as it stood seven weeks ago: what was open then with a clock running is overdue
    // today, what was closed since stays older and not overdue
    await seedDemo(h.db, { password: PASSWORD, scale: 0.05, now: new Date(Date.now() - 49 * 86_400_000) });
    app = await buildApp({ handle: h, loginRateLimit: 1000 });
    admin = await loginAs(app, 'admin', PASSWORD);
    // the county government (the root of the tree) and one of its departments
    const root = await h.db
      .selectFrom('org')
      .select('id')
      .where('parent_id', 'is', null)
      .executeTakeFirstOrThrow();
    const department = await h.db
      .selectFrom('org')
      .select('id')
      .where('parent_id', '=', root.id)
      .where('kind', '=', 'department')
      .orderBy('sort')
      .executeTakeFirstOrThrow();
    const w: Writer = {
      today,
      daysAgo: (n) => chinaDate(new Date(Date.now() - n * 86_400_000)),
      rootId: root.id,
      orgId: department.id,
      post: async (url, payload) => {
        const res = await app.inject({ method: 'POST', url, headers: admin.headers, payload });
        expect(res.statusCode, `${url} ${res.body}`).toBeLessThan(300);
      },
      list: (url) => page(url, ''),
    };
    for (const l of ledgers) await l.fresh?.(w);
  }, 600_000);
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  const page = async (url: string, query: string) => {
    const res = await app.inject({
      url: `${url}?pageSize=50${query ? `&${query}` : ''}`,
      headers: admin.headers,
    });
    expect(res.statusCode, `${url} ${res.body}`).toBe(200);
    return (res.json() as { items: Row[] }).items;
  };

  it.each(ledgers)('$name: overdue first, then due soon, then the rest', async (l) => {
    const rows = await page(l.url, l.query ?? '');
    const tags = rows.map((r) => l.due(r, today));
    // the demo has overdue rows in this ledger and others besides (else the order shows nothing)
    expect(tags[0], `${l.name}: ${tags.join(' ')}`).toBe('overdue');
    expect(tags.some((t) => t !== 'overdue') || rows.length === 50, `${l.name}: ${tags.join(' ')}`).toBe(
      true,
    );
    const ranks = tags.map((t) => rank[t]);
    expect(ranks, `${l.name}: ${tags.join(' ')}`).toEqual([...ranks].sort((a, b) => a - b));
  });

  it.each(ledgers.filter((l) => l.sort))(
    '$name: sorted by a date column by the user, the ledger keeps that order',
    async (l) => {
      const rows = await page(l.url, `${l.query ? `${l.query}&` : ''}sort=-${l.sort}`);
      const dates = rows.map((r) => String(r[l.sort] ?? ''));
      expect(dates).toEqual([...dates].sort().reverse());
      // newest first (the order these ledgers had), a row that is not overdue comes ahead of an
      // older overdue one: the order the first test sees is the server's doing, not the data's
      const newerNotOverdue = rows.some((r, i) =>
        rows
          .slice(i + 1)
          .some(
            (o) =>
              String(r[l.sort]) > String(o[l.sort]) &&
              l.due(r, today) !== 'overdue' &&
              l.due(o, today) === 'overdue',
          ),
      );
      // (整改台账 was ordered by deadline, not by this date: there it is the closed items that sank it)
      if (l.name !== '整改台账') expect(newerNotOverdue, l.name).toBe(true);
    },
  );
});
