import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_SCOPE } from '../../platform/context.js';
import type { DatabaseHandle } from '../../platform/db/open.js';
import type { MetricQuery } from '../../platform/metrics/types.js';
import { testEngines } from '../../test/db.js';
import { withOrgs } from '../enforcement/test/fixtures.js';
import { inspectionMetrics } from './metrics.js';
import { metricIn } from '../../test/metrics.js';

/**
 * Issue 16's inspection fixes on hand-made register rows: plans count in the period that holds
 * their year (not in every month), coverage divides the subtree's drawn register entries by the
 * same register, and "today" is the caller's clock.
 */
const metric = metricIn(inspectionMetrics);

describe.each(testEngines())('figure fixes (inspection) on $name', (engine) => {
  let h: DatabaseHandle;
  let mine: string;
  let other: string;
  const q = (from: string, to: string, today = '2026-12-05'): MetricQuery => ({
    scope: ALL_SCOPE,
    orgId: mine,
    orgIds: [mine],
    from,
    to,
    today,
  });
  const value = async (id: string, query: MetricQuery) => (await metric(id).compute(h.db, query)).value;

  beforeAll(async () => {
    h = await engine.open();
    const orgs = await withOrgs(h);
    mine = orgs.departments.get('市场监管局') ?? '';
    other = orgs.departments.get('林草局') ?? '';
    const region = (
      await h.db.selectFrom('org').select('region_code').where('id', '=', mine).executeTakeFirstOrThrow()
    ).region_code;
    const row = (org: string) => ({ id: randomUUID(), region_code: region, org_id: org });
    const inspectee = (org: string, name: string, active = true) => ({
      ...row(org),
      kind: 'enterprise',
      name,
      uscc: randomUUID().replace(/-/g, '').slice(0, 18).toUpperCase(),
      industry: '批发和零售业',
      location_code: region,
      risk_grade: 'B',
      active,
    });
    // my register: ten entries, one since removed; another org's register: two entries
    const my = Array.from({ length: 10 }, (_, i) => inspectee(mine, `开远市某某商行${i + 1}`, i !== 9));
    const theirs = [inspectee(other, '某某林场'), inspectee(other, '某某苗圃')];
    await h.db
      .insertInto('inspection_inspectee')
      .values([...my, ...theirs])
      .execute();
    const item = {
      ...row(mine),
      matter: '食品经营许可事项检查',
      legal_basis: '食品安全法',
      method: '现场检查',
      default_ratio_bp: 500,
    };
    await h.db.insertInto('inspection_checklist_item').values(item).execute();
    const plan = (year: number, kind: 'department' | 'joint') => ({
      ...row(mine),
      year,
      name: `${year}年度${kind === 'joint' ? '联合' : '部门'}抽查计划`,
      kind,
      participant_org_ids: kind === 'joint' ? [mine, other] : [mine],
    });
    const plans = [plan(2025, 'department'), plan(2025, 'joint'), plan(2026, 'department')];
    await h.db.insertInto('inspection_plan').values(plans).execute();
    // one joint task of 2025 led by me, drawing four of my entries (one since removed) and both of theirs
    const task = {
      ...row(mine),
      plan_id: plans[1]?.id ?? '',
      name: '2025年联合抽查任务',
      checklist_item_ids: [item.id],
      mode: 'count',
      count: 6,
      start_on: '2025-05-01',
      end_on: '2025-05-31',
    };
    await h.db.insertInto('inspection_task').values(task).execute();
    const draw = {
      ...row(mine),
      task_id: task.id,
      algorithm: 'test',
      frozen_input: '{}',
      candidates_hash: 'x',
      inspectors_hash: 'x',
      conflicts_hash: 'x',
      params_hash: 'x',
      commitment: 'x',
      committed_at: new Date('2025-05-01T02:00:00Z'),
      status: 'drawn',
      candidate_count: 12,
    };
    await h.db.insertInto('inspection_draw').values(draw).execute();
    const drawn = [my[0], my[1], my[2], my[9], theirs[0], theirs[1]];
    await h.db
      .insertInto('inspection_target')
      .values(
        drawn.map((e, i) => ({
          ...row(mine),
          draw_id: draw.id,
          task_id: task.id,
          seq: i + 1,
          inspectee_id: e?.id ?? '',
          stratum: 'B',
          inspector_ids: [],
          result: i < 4 ? 'noProblem' : null,
        })),
      )
      .execute();
  });
  afterAll(() => h.close());

  it('plans count in the period holding their year, not in every month of it', async () => {
    expect(await value('inspection.plans', q('2025-01-01', '2025-12-31'))).toBe(2);
    expect(await value('inspection.plans.joint', q('2025-01-01', '2025-12-31'))).toBe(1);
    expect(await value('inspection.plans.department', q('2025-01-01', '2025-12-31'))).toBe(1);
    // the monthly trend used to show 2 in every month of 2025
    expect(await value('inspection.plans', q('2025-03-01', '2025-03-31'))).toBe(0);
    expect(await value('inspection.plans', q('2025-01-01', '2026-12-31'))).toBe(3);
  });

  it('coverage: my drawn register entries over my register (other orgs’ inspectees left out of both)', async () => {
    const year = q('2025-01-01', '2025-12-31');
    // was 6 drawn (incl. the other org's two) over 9 active entries = 66.7 %
    expect(await value('inspection.inspectees.drawn', year)).toBe(4);
    expect(await value('inspection.inspectees', year)).toBe(10);
    expect(await value('inspection.coverage', year)).toBe(40);
    const records = await (await metric('inspection.coverage').compute(h.db, year)).records();
    expect(records.filter((r) => r.part === 'numerator')).toHaveLength(4);
    expect(records.filter((r) => r.part === 'denominator')).toHaveLength(10);
  });

  it('publication timeliness takes today from the caller, not the machine clock', async () => {
    // results of a task ending 2025-05-31 fall due 20 working days later (late June)
    expect(await value('inspection.publication.due', q('2025-01-01', '2025-12-31', '2025-06-10'))).toBe(0);
    expect(
      await value('inspection.publication.timely', q('2025-01-01', '2025-12-31', '2025-06-10')),
    ).toBeNull();
    expect(await value('inspection.publication.due', q('2025-01-01', '2025-12-31', '2025-08-01'))).toBe(4);
    expect(await value('inspection.publication.timely', q('2025-01-01', '2025-12-31', '2025-08-01'))).toBe(0);
  });
});
