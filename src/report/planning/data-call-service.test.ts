import { describe, expect, it } from 'vitest';
import { computeFigures, drillDown, loadRegistry, yearPeriod } from '../registry.js';
import { testEngines } from '../../test/db.js';
import { databaseSetup } from '../../test/suite.js';
import {
  changeDataCallStatus,
  createDataCall,
  getDataCall,
  getSubmission,
  reviewSubmission,
  saveFigures,
  submitSubmission,
} from './data-call-service.js';
import { listMySubmissions } from '../../domains/planning/data-call-store.js';
import { orgIdOf, seedDemoOrgs, userCtx } from './test-fixtures.js';
import { refusalOf } from '../../test/ctx.js';

const Y2025 = yearPeriod(2025);
const HASH = 'a'.repeat(64);

describe.each(testEngines())('data calls on $name', (engine) => {
  let callId: string;
  let scjgSub: string;
  let townSub: string;

  const suite = databaseSetup(engine, async (h) => {
    const orgs = await seedDemoOrgs(h);
    return { orgs };
  });

  const firstTownship = () => {
    const t = [...suite.orgs.townships.values()][0];
    if (!t) throw new Error('no township');
    return t.id;
  };

  it('lets the office define a form of catalogue, computed and new reported figures', async () => {
    const office = await userCtx(suite.h, 'yfzs');
    const call = await createDataCall(office, {
      title: '2025年度法治政府建设数据填报',
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
      deadline: '2026-02-28',
      targetOrgIds: [orgIdOf(suite.orgs, '市场监管局'), firstTownship()],
      items: [
        { metricId: 'rpt.reconsideration.received' },
        { metricId: 'planning.submissions.accepted' },
        {
          newMetric: {
            name: '12345热线工单办结数',
            unit: '件',
            definition: '报告期内办结的12345热线工单件数',
          },
        },
      ],
    });
    callId = call.id;
    expect(call.status).toBe('draft');
    expect(call.items.map((i) => [i.name, i.unit, i.source])).toEqual([
      ['行政复议申请收到数', '件', 'reported'],
      ['采纳的数据填报份数', '份', 'computed'],
      ['12345热线工单办结数', '件', 'reported'],
    ]);
    expect(call.submissions.map((s) => s.statusLabel)).toEqual(['待填报', '待填报']);
    const unknown = await refusalOf(
      createDataCall(office, { ...baseCall(), items: [{ metricId: 'rpt.nope' }] }),
    );
    expect(unknown.code).toBe('dataCall.unknownMetric');
    expect(unknown.details.field).toBe('items.0.metricId');
  });

  function baseCall() {
    return {
      title: '测试',
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
      deadline: '2026-02-28',
      targetOrgIds: [orgIdOf(suite.orgs, '市场监管局')],
    };
  }

  it('refuses units the form until it is sent, then lists it in their inbox', async () => {
    const unit = await userCtx(suite.h, 'scjg');
    expect((await listMySubmissions(suite.h.db, unit.scope, { offset: 0, limit: 20 })).total).toBe(0);
    const office = await userCtx(suite.h, 'yfzs');
    const opened = await changeDataCallStatus(office, callId, 'open', { version: 1 });
    expect(opened.statusLabel).toBe('填报中');
    const inbox = await listMySubmissions(suite.h.db, unit.scope, { offset: 0, limit: 20 });
    expect(inbox.items.map((s) => s.orgName)).toEqual(['开远市市场监督管理局']);
    scjgSub = inbox.items[0]?.id ?? '';
    townSub = opened.submissions.find((s) => s.orgId === firstTownship())?.id ?? '';
  });

  it('shows computed figures pre-filled and read-only, and never asks for them', async () => {
    const unit = await userCtx(suite.h, 'scjg');
    const form = await getSubmission(unit, scjgSub);
    const computed = form.lines.find((l) => l.metricId === 'planning.submissions.accepted');
    expect(computed).toMatchObject({ readOnly: true, value: 0 });
    const err = await refusalOf(
      saveFigures(unit, scjgSub, {
        version: form.version,
        figures: [{ itemId: computed?.id, value: 1, unit: '份' }],
      }),
    );
    expect(err.code).toBe('dataCall.computedItem');
    expect(err.message).toContain('最多报一次');
  });

  it('refuses a wrong unit, a negative count and an incomplete submission', async () => {
    const unit = await userCtx(suite.h, 'scjg');
    const form = await getSubmission(unit, scjgSub);
    const recv = form.lines[0]?.id;
    expect(
      (
        await refusalOf(
          saveFigures(unit, scjgSub, {
            version: form.version,
            figures: [{ itemId: recv, value: 28, unit: '人' }],
          }),
        )
      ).code,
    ).toBe('dataCall.wrongUnit');
    expect(
      (
        await refusalOf(
          saveFigures(unit, scjgSub, {
            version: form.version,
            figures: [{ itemId: recv, value: -3, unit: '件' }],
          }),
        )
      ).code,
    ).toBe('dataCall.negative');
    const saved = await saveFigures(unit, scjgSub, {
      version: form.version,
      figures: [{ itemId: recv, value: 20, unit: '件', evidenceText: '行政复议案件登记台账' }],
    });
    const incomplete = await refusalOf(submitSubmission(unit, scjgSub, { version: saved.version }));
    expect(incomplete.code).toBe('dataCall.incomplete');
    expect(incomplete.message).toContain('12345热线工单办结数');
  });

  it('runs fill → submit → return with a reason → fix → accept, and the figure becomes a metric', async () => {
    const unit = await userCtx(suite.h, 'scjg');
    const office = await userCtx(suite.h, 'yfzs');
    let form = await getSubmission(unit, scjgSub);
    const [recv, , hotline] = form.lines;
    form = await saveFigures(unit, scjgSub, {
      version: form.version,
      // filed in 万件 as the unit's ledger totals it: stored in the form's 件
      figures: [{ itemId: hotline?.id, value: 0.031, unit: '万件', evidenceHash: HASH }],
    });
    expect(form.lines[2]).toMatchObject({ value: 310, filedUnit: '件' });
    form = await submitSubmission(unit, scjgSub, { version: form.version });
    expect(form.statusLabel).toBe('已提交待审核');
    expect((await refusalOf(reviewSubmission(unit, scjgSub, 'accept', { version: form.version }))).kind).toBe(
      'forbidden',
    );
    expect(
      (
        await refusalOf(
          saveFigures(unit, scjgSub, {
            version: form.version,
            figures: [{ itemId: recv?.id, value: 21, unit: '件' }],
          }),
        )
      ).code,
    ).toBe('dataCall.badState');
    form = await reviewSubmission(office, scjgSub, 'return', {
      version: form.version,
      reason: '收到数与复议台账不一致,请核对',
    });
    expect(form).toMatchObject({ statusLabel: '已退回', returnReason: '收到数与复议台账不一致,请核对' });
    form = await saveFigures(unit, scjgSub, {
      version: form.version,
      figures: [{ itemId: recv?.id, value: 18, unit: '件', evidenceText: '行政复议案件登记台账(更正)' }],
    });
    form = await submitSubmission(unit, scjgSub, { version: form.version });
    // nothing counts before acceptance
    const registry = await loadRegistry(suite.h.db);
    const before = await computeFigures(office, registry, suite.orgs.rootId, Y2025, [
      'rpt.reconsideration.received',
    ]);
    expect(before[0]?.value).toBeNull();
    form = await reviewSubmission(office, scjgSub, 'accept', { version: form.version });
    expect(form.statusLabel).toBe('已采纳');
    const after = await computeFigures(office, registry, suite.orgs.rootId, Y2025, [
      'rpt.reconsideration.received',
    ]);
    expect(after[0]).toMatchObject({ value: 18, unit: '件', orgName: '开远市人民政府' });
    const records = await drillDown(
      office,
      registry,
      'rpt.reconsideration.received',
      suite.orgs.rootId,
      Y2025,
    );
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      orgName: '开远市市场监督管理局',
      value: 18,
      evidence: '行政复议案件登记台账(更正)',
    });
    expect(records[0]?.source).toContain('2025年度法治政府建设数据填报');
  });

  it('rolls figures up the tree and keeps each unit out of the other’s answer', async () => {
    const township = await userCtx(suite.h, 'township');
    const office = await userCtx(suite.h, 'yfzs');
    expect((await refusalOf(getSubmission(township, scjgSub))).kind).toBe('notFound');
    let form = await getSubmission(township, townSub);
    form = await saveFigures(township, townSub, {
      version: form.version,
      figures: [
        { itemId: form.lines[0]?.id, value: 5, unit: '件', evidenceText: '乡镇登记簿' },
        { itemId: form.lines[2]?.id, value: 40, unit: '件', evidenceText: '工单系统导出' },
      ],
    });
    form = await submitSubmission(township, townSub, { version: form.version });
    await reviewSubmission(office, townSub, 'accept', { version: form.version });
    const registry = await loadRegistry(suite.h.db);
    const hotlineId = (await getSubmission(office, townSub)).lines[2]?.metricId ?? '';
    const county = await computeFigures(office, registry, suite.orgs.rootId, Y2025, [
      'rpt.reconsideration.received',
      hotlineId,
    ]);
    expect(county.map((f) => f.value)).toEqual([23, 350]);
    const townOnly = await computeFigures(office, registry, firstTownship(), Y2025, [
      'rpt.reconsideration.received',
    ]);
    expect(townOnly[0]?.value).toBe(5);
    // another year has no data: printed as not filed, never as zero
    const y2024 = await computeFigures(office, registry, suite.orgs.rootId, yearPeriod(2024), [
      'rpt.reconsideration.received',
    ]);
    expect(y2024[0]?.value).toBeNull();
    // the computed figure counts acceptances by the day they happened (2026)
    const accepted = await computeFigures(office, registry, suite.orgs.rootId, yearPeriod(2026), [
      'planning.submissions.accepted',
    ]);
    expect(accepted[0]?.value).toBe(2);
  });

  it('refuses answers after the deadline and after the office closes the call', async () => {
    const office = await userCtx(suite.h, 'yfzs');
    const call = await createDataCall(office, {
      ...baseCall(),
      items: [{ metricId: 'rpt.litigation.cases' }],
    });
    await changeDataCallStatus(office, call.id, 'open', { version: 1 });
    const subId = call.submissions[0]?.id;
    const late = await userCtx(suite.h, 'scjg', new Date('2026-03-01T01:00:00Z'));
    const form = await getSubmission(late, subId ?? '');
    expect(form.open).toBe(false);
    const e1 = await refusalOf(
      saveFigures(late, subId ?? '', {
        version: form.version,
        figures: [{ itemId: form.lines[0]?.id, value: 1, unit: '件' }],
      }),
    );
    expect(e1.code).toBe('dataCall.closed');
    expect(e1.message).toContain('已于 2026-02-28 截止');
    const { version } = await getDataCall(office, call.id);
    await changeDataCallStatus(office, call.id, 'close', { version });
    const onTime = await userCtx(suite.h, 'scjg');
    const e2 = await refusalOf(
      saveFigures(onTime, subId ?? '', {
        version: form.version,
        figures: [{ itemId: form.lines[0]?.id, value: 1, unit: '件' }],
      }),
    );
    expect(e2.message).toContain('已关闭');
  });
});
