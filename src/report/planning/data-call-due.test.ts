import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_SCOPE } from '../../platform/context.js';
import type { DatabaseHandle } from '../../platform/db/open.js';
import { testEngines } from '../../test/db.js';
import type { DemoOrgs } from '../../domains/org/seed.js';
import {
  changeDataCallStatus,
  createDataCall,
  getDataCall,
  getSubmission,
  saveFigures,
  submitSubmission,
} from './data-call-service.js';
import { listDataCalls } from '../../domains/planning/data-call-store.js';
import { dataCallDueWindow } from '../../domains/planning/rules.js';
import { orgIdOf, seedDemoOrgs, userCtx } from './test-fixtures.js';

/** The 数据填报任务 ledger's 临期/逾期 filter: calls with units still to answer, by deadline. */
describe.each(testEngines())('data calls due on $name', (engine) => {
  let h: DatabaseHandle;
  let orgs: DemoOrgs;
  let callId = '';
  const page = { offset: 0, limit: 50 };
  const ids = async (due: 'dueSoon' | 'overdue', today: string) =>
    (await listDataCalls(h.db, ALL_SCOPE, page, dataCallDueWindow(due, today))).items.map((c) => c.id);

  beforeAll(async () => {
    h = await engine.open();
    orgs = await seedDemoOrgs(h);
    const office = await userCtx(h, 'yfzs');
    const call = await createDataCall(office, {
      title: '2025年度行政复议数据填报',
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
      deadline: '2026-02-20',
      targetOrgIds: [orgIdOf(orgs, '市场监管局')],
      items: [{ metricId: 'rpt.reconsideration.received' }],
    });
    callId = call.id;
  });
  afterAll(() => h.close());

  it('lists no draft: units cannot answer it yet', async () => {
    expect(await ids('dueSoon', '2026-02-15')).toEqual([]);
    expect(await ids('overdue', '2026-03-01')).toEqual([]);
  });

  it('is 临期 within 7 days of the deadline and 逾期 after it while a unit has not answered', async () => {
    const office = await userCtx(h, 'yfzs');
    await changeDataCallStatus(office, callId, 'open', { version: 1 });
    expect(await ids('dueSoon', '2026-02-12')).toEqual([]);
    expect(await ids('dueSoon', '2026-02-13')).toEqual([callId]);
    expect(await ids('dueSoon', '2026-02-20')).toEqual([callId]);
    expect(await ids('overdue', '2026-02-20')).toEqual([]);
    expect(await ids('overdue', '2026-02-21')).toEqual([callId]);
    expect((await listDataCalls(h.db, ALL_SCOPE, page)).items.map((c) => c.id)).toContain(callId);
  });

  it('drops out once every unit has submitted', async () => {
    const unit = await userCtx(h, 'scjg');
    const sub = (await getDataCall(await userCtx(h, 'yfzs'), callId)).submissions[0];
    if (!sub) throw new Error('no submission');
    const form = await getSubmission(unit, sub.id);
    const line = form.lines[0];
    if (!line) throw new Error('no line');
    const filled = await saveFigures(unit, sub.id, {
      version: form.version,
      figures: [{ itemId: line.id, value: 12, unit: line.unit, evidenceText: '行政复议台账' }],
    });
    await submitSubmission(unit, sub.id, { version: filled.version });
    const after = await getSubmission(unit, sub.id);
    expect(after.status).toBe('submitted');
    expect(await ids('overdue', '2026-02-21')).toEqual([]);
  });
});
