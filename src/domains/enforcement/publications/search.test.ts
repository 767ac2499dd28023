import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../platform/db/open.js';
import { listPortalPublications } from './portal.js';
import { SINGLE_CHAR_SCAN, searchTerms } from './portal-rules.js';
import { publishedPage } from './portal-store.js';
import { decide, portalWorld } from '../test/portal-fixtures.js';
import { withOrgs } from '../test/fixtures.js';
import { testEngines } from '../../../test/db.js';

const ROWS = 6000;

/**
 * Published decisions in bulk, straight in SQL (the services would take minutes for thousands):
 * copies of one decided case, each with 40 pseudo-random CJK characters as facts, and every
 * 500th mentions 超标 or 无证经营 — rare terms, as real searches are.
 */
async function bulkPublished(h: DatabaseHandle, n: number): Promise<void> {
  await sql`
    insert into enforcement_case (id, region_code, org_id, body_id, case_no, category, procedure, party_kind,
      party_name, facts, handler_ids, status, opened_on, decided_on)
    select gen_random_uuid(), c.region_code, c.org_id, c.body_id, 'BULK-' || g, 'penalty', 'summary', 'organisation',
      '批量商户' || g, '批量', c.handler_ids, 'served', '2024-03-01', '2024-03-01'
    from (select * from enforcement_case order by case_no limit 1) c, generate_series(1, ${n}::int) g`.execute(
    h.db,
  );
  await sql`
    insert into enforcement_publication (id, region_code, org_id, case_id, case_opened_on, decided_on, due_on, status, published_on, content)
    select gen_random_uuid(), c.region_code, c.org_id, c.id, c.opened_on, '2024-03-01', '2024-03-12', 'published', '2024-03-05',
      jsonb_build_object('caseNo', c.case_no, 'decisionNo', null, 'orgName', '开远市某局', 'partyName', c.party_name,
        'partyUscc', null, 'basis', null, 'penalties', '[]'::jsonb, 'amount', null, 'decidedOn', '2024-03-01',
        'facts', (select string_agg(chr(19968 + ((k * 7919 + i * 104729) % 6000)), '') from generate_series(1, 40) i)
          || case when k % 1000 = 0 then '噪声超标' when k % 1000 = 500 then '无证经营' else '' end)
    from (select c.*, substr(c.case_no, 6)::int as k from enforcement_case c where c.case_no like 'BULK-%') c`.execute(
    h.db,
  );
  // what autovacuum does after a bulk load: moves the GIN pending lists into the indexes, whose
  // size the planner otherwise overprices, and gathers the tsvector's lexeme statistics
  await sql`vacuum analyze enforcement_publication`.execute(h.db);
  await sql`analyze enforcement_case`.execute(h.db);
}

/** The plan of the portal's own page query for `q`, with sequential scans priced out. */
async function planOf(h: DatabaseHandle, q: string): Promise<string> {
  return h.db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    const c = publishedPage(trx, { terms: searchTerms(q) }, { offset: 0, limit: 20 }).compile();
    const r = await trx.executeQuery<{ 'QUERY PLAN': string }>(
      CompiledQuery.raw(`explain ${c.sql}`, [...c.parameters]),
    );
    return r.rows.map((x) => x['QUERY PLAN']).join('\n');
  });
}

describe.each(testEngines())('Chinese search indexes on $name', (engine) => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await engine.open();
    await withOrgs(h);
    const w = await portalWorld(h);
    await decide(w.sys, {
      body: w.scjg,
      partyKind: 'organisation',
      partyName: '开远市模板商行',
      facts: '模板案件',
      decidedOn: '2025-06-03',
      publishOn: '2025-06-05',
      penalties: ['warning'],
      amount: 0,
    });
    await bulkPublished(h, ROWS);
  }, 120_000);
  afterAll(() => h?.close());

  it('serves a 2-character term from the bigram tsvector index', async () => {
    const plan = await planOf(h, '超标');
    expect(plan).toContain('enforcement_publication_bigram_idx');
    expect(plan).not.toContain('Seq Scan on enforcement_publication');
  });

  it('serves a 4-character term and a case number from the trigram index', async () => {
    for (const q of ['无证经营', 'bulk-1234']) {
      const plan = await planOf(h, q);
      expect(plan, q).toContain('enforcement_publication_trgm_idx');
      expect(plan, q).not.toContain('Seq Scan on enforcement_publication');
    }
  });

  it('finds exactly the rows that contain the term', async () => {
    const all = { offset: 0, limit: 200 };
    const two = await listPortalPublications(h.db, { q: '超标' }, all);
    expect(two.total).toBe(ROWS / 1000);
    expect(two.items.every((i) => i.facts.includes('噪声超标'))).toBe(true);
    const four = await listPortalPublications(h.db, { q: '无证经营' }, all);
    expect(four.total).toBe(ROWS / 1000);
    const no = await listPortalPublications(h.db, { q: 'BULK-1234' }, all);
    expect(no.items.map((i) => i.caseNo)).toEqual(['BULK-1234']);
    const page2 = await listPortalPublications(h.db, {}, { offset: 20, limit: 20 });
    expect(page2.total).toBe(ROWS + 1);
    expect(page2.items).toHaveLength(20);
    // every bulk party is 批量商户…; a single character looks through the newest 5000 only
    const single = await listPortalPublications(h.db, { q: '批' }, { offset: 0, limit: 20 });
    expect(single.total).toBe(SINGLE_CHAR_SCAN - 1); // the newest, the template case, has no 批
    const capped = await listPortalPublications(h.db, { q: '商' }, { offset: 0, limit: 20 });
    expect(capped.total).toBe(SINGLE_CHAR_SCAN);
    expect(single.notice).toContain('单字检索');
  });
});
