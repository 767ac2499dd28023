// The legality domain at scale (issue #12 "Speed"), each measured against a baseline in the same run
// on the same engine:
//  a. the public 规范性文件库 search (/api/portal/documents with a Chinese term) over N published
//     documents, p95, vs a plain indexed lookup of one document by its number;
//  b. the desk's queue with the 临期 filter over N submissions, p95, vs a plain indexed SELECT of
//     the same page by the queue index.
// Sizes are set by bench/run.ts from the environment (BENCH_LEGALITY_DOCS, BENCH_LEGALITY_REVIEWS).
import { sql } from 'kysely';
import { chinaDate, systemCtx } from '../src/platform/context.js';
import { migrate } from '../src/platform/db/migrate.js';
import type { DatabaseHandle } from '../src/platform/db/open.js';
import { demoUscc, seedOrgs } from '../src/domains/org/seed.js';
import { searchPublicDocuments } from '../src/domains/legality/portal/service.js';
import { searchReviews } from '../src/domains/legality/review/service.js';
import type { BenchRow } from './cases.bench.js';

const log = (s: string) => process.stderr.write(`${s}\n`);
const ms = (t: number) => `${t < 10 ? t.toFixed(1) : t.toFixed(0)} ms`;

async function p95(runs: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await fn(i); // warm the cache and the plan
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.ceil(times.length * 0.95) - 1] ?? 0;
}

// Words of the generated titles; searched terms are picked from them (2-, 3- and 4-character), so
// each term matches a few per cent of the documents, as a common word of a real register does. The
// text is 300 characters drawn from 6,000 CJK code points.
const WORDS = [
  '城市',
  '管理',
  '办法',
  '规定',
  '实施',
  '细则',
  '住房',
  '保障',
  '养犬',
  '停车',
  '燃气',
  '安全',
  '生态',
  '环境',
  '保护',
  '市场',
  '主体',
  '登记',
  '农村',
  '集体',
  '资产',
  '征收',
  '补偿',
  '救助',
  '医疗',
  '保险',
  '教育',
  '校舍',
  '绿化',
  '殡葬',
  '森林',
  '防火',
  '水资源',
  '建筑垃圾',
  '户外广告',
  '公共租赁',
  '地下管线',
];
const TERMS = ['养犬', '殡葬', '地下管线', '建筑垃圾', '森林', '公共租赁', '燃气安全', '水资源'];

/** N published documents, generated in SQL in chunks (the search columns fill themselves). */
async function fillDocuments(h: DatabaseHandle, n: number, orgId: string, region: string, today: string) {
  const words = sql.val(WORDS);
  for (let done = 0; done < n; done += 20_000) {
    const k = Math.min(20_000, n - done);
    await sql`
      insert into legality_document (id, region_code, org_id, title, body, status, drafted_on,
        number_year, number_seq, doc_number, published_on, effective_on, valid_until, amended_on)
      select gen_random_uuid(), ${region}, ${orgId},
        w[1 + (i * 7) % cardinality(w)] || w[1 + (i * 13) % cardinality(w)] || '管理办法',
        (select string_agg(chr(19968 + (i * 7919 + j * 104729) % 6000), '') from generate_series(1, 300) j),
        case when i % 20 = 0 then 'repealed' else 'published' end,
        ${today}::date - (i % 3650), 2000 + i / 5000, i % 5000 + 1,
        '规〔' || (2000 + i / 5000) || '〕' || (i % 5000 + 1) || '号',
        ${today}::date - (i % 3650), ${today}::date - (i % 3650) + 30, ${today}::date - (i % 3650) + 1855,
        case when i % 11 = 0 then ${today}::date - (i % 300) end
      from generate_series(${done}::int, ${done + k - 1}::int) i, (select ${words}::text[] as w) s`.execute(
      h.db,
    );
  }
  await sql`analyze legality_document`.execute(h.db);
}

/** N submissions on the desk, due dates spread over ±60 days around today (some 临期, some 逾期). */
async function fillReviews(h: DatabaseHandle, n: number, orgId: string, region: string, today: string) {
  for (let done = 0; done < n; done += 50_000) {
    const k = Math.min(50_000, n - done);
    await sql`
      insert into legality_review (id, region_code, org_id, kind, title, submitted_on, period_workdays,
        extension_workdays, status, conclusion, concluded_on, due_on, due_soon_on)
      select gen_random_uuid(), ${region}, ${orgId},
        (array['normativeDocument','contract','agendaItem','otherDocument'])[1 + i % 4],
        '关于审查第' || i || '号事项的请示', ${today}::date - (i % 400), 15, 10,
        case when i % 10 < 8 then 'answered' else 'reviewing' end,
        case when i % 10 < 8 then 'lawful' end,
        case when i % 10 < 8 then ${today}::date - (i % 400) + 10 end,
        ${today}::date - 60 + (i % 121), ${today}::date - 63 + (i % 121)
      from generate_series(${done}::int, ${done + k - 1}::int) i`.execute(h.db);
  }
  await sql`analyze legality_review`.execute(h.db);
}

export async function runLegalityBenches(
  label: string,
  h: DatabaseHandle,
  sizes: { documents: number; reviews: number; runs?: number },
): Promise<BenchRow[]> {
  await migrate(h.db);
  const ctx = systemCtx(h.db);
  const orgs = await seedOrgs(ctx, 'Bench-passw0rd', demoUscc);
  const root = await h.db
    .selectFrom('org')
    .select(['id', 'region_code'])
    .where('id', '=', orgs.rootId)
    .executeTakeFirstOrThrow();
  const today = chinaDate(new Date());
  const runs = sizes.runs ?? 60;
  const rows: BenchRow[] = [];

  if (sizes.documents > 0) {
    let t = performance.now();
    await fillDocuments(h, sizes.documents, root.id, root.region_code, today);
    log(`${label}: ${sizes.documents} 件规范性文件 ${((performance.now() - t) / 1000).toFixed(0)} s`);
    const numbers = (
      await h.db.selectFrom('legality_document').select('doc_number').orderBy('id').limit(200).execute()
    ).map((r) => r.doc_number as string);
    const baseline = await p95(runs, (i) =>
      h.db
        .selectFrom('legality_document')
        .select(['id', 'title', 'doc_number', 'published_on', 'valid_until'])
        .where('region_code', '=', root.region_code)
        .where('doc_number', '=', numbers[i % numbers.length] ?? '')
        .executeTakeFirst(),
    );
    t = performance.now();
    let hits = 0;
    const subject = await p95(runs, async (i) => {
      const r = await searchPublicDocuments(h.db, { q: TERMS[i % TERMS.length] }, today, {
        offset: 0,
        limit: 20,
      });
      hits += r.total;
    });
    if (hits === 0) throw new Error('document search found nothing: the bench would measure an empty answer');
    rows.push({
      name: `${label}: 规范性文件库全文检索 over ${sizes.documents.toLocaleString('en')} documents (p95, 20 per page, with total)`,
      baseline: `${ms(baseline)} indexed lookup by number`,
      subject: ms(subject),
      ratio: (subject / Math.max(baseline, 0.01)).toFixed(1),
    });
  }

  if (sizes.reviews > 0) {
    const t = performance.now();
    await fillReviews(h, sizes.reviews, root.id, root.region_code, today);
    log(`${label}: ${sizes.reviews} 件审查 ${((performance.now() - t) / 1000).toFixed(0)} s`);
    const baseline = await p95(runs, () =>
      h.db
        .selectFrom('legality_review')
        .select(['id', 'title', 'due_on'])
        .where('region_code', '=', root.region_code)
        .where('status', '=', 'reviewing')
        .where('due_on', '>=', today)
        .orderBy('due_on')
        .limit(20)
        .execute(),
    );
    let total = 0;
    const subject = await p95(runs, async () => {
      total = (await searchReviews(ctx, { due: 'dueSoon' }, { offset: 0, limit: 20 })).total;
    });
    if (total === 0) throw new Error('the 临期 queue is empty: the bench would measure an empty answer');
    rows.push({
      name: `${label}: 合法性审查台 临期 queue over ${sizes.reviews.toLocaleString('en')} submissions (p95, ${total} 临期, with total)`,
      baseline: `${ms(baseline)} indexed page by due date`,
      subject: ms(subject),
      ratio: (subject / Math.max(baseline, 0.01)).toFixed(1),
    });
  }
  return rows;
}
