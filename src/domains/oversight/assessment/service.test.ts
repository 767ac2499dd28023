import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../platform/context.js';
import type { DatabaseHandle } from '../../../platform/db/open.js';
import { testEngines } from '../../../test/db.js';
import { userCtx } from '../../enforcement/test/fixtures.js';
import { oversightMetrics } from '../metrics.js';
import type { IndicatorRow } from './columns.js';
import { indicatorXlsx, sampleIndicators } from './test-fixtures.js';
import { createEdition, importEdition, listEditions, type MetricCatalogue } from './edition-service.js';
import { getRound, getUnitSheet, listUnits } from './round-read.js';
import { applyFigures, fillUnit, openRound, publishRound, reviewUnit, submitUnit } from './round-service.js';
import { rejectionOf } from '../../../test/ctx.js';
import { openOversightBed, storedPdf } from '../test-fixtures.js';

const NOW = new Date('2026-01-10T02:00:00Z');
const metrics: MetricCatalogue = (id) =>
  oversightMetrics.some((m) => m.id === id) ? { name: id, unit: '次' } : undefined;

const HEADER = { name: '法治政府建设考评指标', excellentFrom: 90, goodFrom: 80, passFrom: 60 };

describe.each(testEngines())('考评 on $name', (engine) => {
  let h: DatabaseHandle;
  let office: Ctx;
  let unit: Ctx;
  let town: Ctx;
  let dir: string;
  let scjg: string;
  let township: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ h, office, unit, scjg, dir, close } = await openOversightBed(engine, NOW, 'assessment-'));
    town = await userCtx(h, 'township', NOW);
    township = town.actor.orgId ?? '';
  }, 240_000);
  afterAll(() => close());

  it('refuses an edition whose points do not add up, in Chinese, and writes nothing', async () => {
    const err = await rejectionOf(
      createEdition(
        office,
        {
          ...HEADER,
          indicators: [
            { code: '1', title: '一', weight: 60 },
            { code: '2', title: '二', weight: 30 },
          ],
        },
        metrics,
      ),
    );
    expect(err.code).toBe('oversight.editionInvalid');
    expect(err.message).toBe('一级指标分值合计为 90 分,应为 100 分');
    const file = await indicatorXlsx([
      ...sampleIndicators.slice(0, 3),
      { ...sampleIndicators[3], weight: '25.0' } as IndicatorRow,
      ...sampleIndicators.slice(4),
    ]);
    const { report } = await importEdition(office, file, HEADER, metrics, '指标.xlsx');
    expect(report.ok).toBe(false);
    // rows: header is row 1, so indicator 1.1 (the parent whose children add to 65) is row 3
    expect(report.errors).toContainEqual({
      row: 3,
      column: '分值',
      message: '指标“1.1 落实权责清单制度”的下级指标分值合计为 65 分,应等于其分值 60 分',
    });
    expect(await listEditions(office)).toEqual([]);
  });

  it('names the row and column of a bad cell and of an unknown metric', async () => {
    const bad = await indicatorXlsx([
      ...sampleIndicators.slice(0, 3),
      { ...sampleIndicators[3], metricId: 'oversight.nothing.here' } as IndicatorRow,
      ...sampleIndicators.slice(4),
    ]);
    const { report } = await importEdition(office, bad, HEADER, metrics);
    expect(report.errors).toEqual([
      { row: 5, column: '关联统计指标编号', message: '关联统计指标“oversight.nothing.here”不存在' },
    ]);
    expect(await listEditions(office)).toEqual([]);
  });

  it('runs a round: import → open → fill and submit with 佐证 → 自动取数 → 审核赋分 → publish → ranking', async () => {
    const { report, edition } = await importEdition(
      office,
      await indicatorXlsx(sampleIndicators),
      HEADER,
      metrics,
      '指标.xlsx',
    );
    expect(report.errors).toEqual([]);
    expect(edition).toMatchObject({ name: HEADER.name, edition: 1, indicatorCount: 3 });
    const leaves = edition?.indicators.filter((x) => x.leaf) ?? [];
    const [own, byMetric, training] = leaves;
    if (!own || !byMetric || !training || !edition) throw new Error('no leaves');

    // only the office opens a round
    expect(
      (
        await rejectionOf(
          openRound(unit, {
            editionId: edition.id,
            year: 2025,
            title: 'x',
            fillDue: '2026-01-31',
            orgIds: [scjg],
          }),
        )
      ).code,
    ).toBe('auth.forbidden');
    const { id: roundId } = await openRound(office, {
      editionId: edition.id,
      year: 2025,
      title: '2025年度法治政府建设考评',
      fillDue: '2026-01-31',
      orgIds: [scjg, township],
    });
    const queue = await listUnits(unit, { status: 'filling' }, { offset: 0, limit: 10 });
    expect(queue.items.map((u) => u.orgName)).toEqual(['开远市市场监督管理局']);
    const mine = queue.items[0]?.id ?? '';
    const theirs =
      (await listUnits(town, { status: 'filling' }, { offset: 0, limit: 10 })).items[0]?.id ?? '';
    // another unit's sheet is not found
    expect((await rejectionOf(getUnitSheet(unit, theirs))).code).toBe('oversight.assessmentUnitNotFound');

    let sheet = await getUnitSheet(unit, mine);
    // a metric-bound indicator is not filed
    expect(
      (
        await rejectionOf(
          fillUnit(unit, mine, { version: sheet.version, entries: [{ indicatorId: byMetric.id, value: 3 }] }),
        )
      ).code,
    ).toBe('oversight.indicatorAuto');
    await fillUnit(unit, mine, {
      version: sheet.version,
      entries: [
        { indicatorId: own.id, note: '全年动态调整 2 次' },
        { indicatorId: training.id, value: 30 },
      ],
    });
    sheet = await getUnitSheet(unit, mine);
    const noEvidence = await rejectionOf(submitUnit(unit, mine, { version: sheet.version }));
    expect(noEvidence.message).toBe('指标“1.1.1 权责清单动态调整”要求上传佐证材料:调整文件');
    const file = await storedPdf(h, dir, '调整文件', unit);
    await fillUnit(unit, mine, {
      version: sheet.version,
      entries: [
        {
          indicatorId: own.id,
          note: '全年动态调整 2 次',
          evidence: [{ sha256: file.sha256, name: '调整文件.pdf' }],
        },
      ],
    });
    sheet = await getUnitSheet(unit, mine);
    await submitUnit(unit, mine, { version: sheet.version });
    expect((await getUnitSheet(unit, mine)).status).toBe('submitted');

    // the township submits too (nothing asks it for evidence but 1.1.1)
    let t = await getUnitSheet(town, theirs);
    await fillUnit(town, theirs, {
      version: t.version,
      entries: [
        { indicatorId: own.id, note: '已调整', evidence: [{ sha256: file.sha256, name: '调整文件.pdf' }] },
        { indicatorId: training.id, value: 40 },
      ],
    });
    t = await getUnitSheet(town, theirs);
    await submitUnit(town, theirs, { version: t.version });

    // 自动取数: the figures the caller passes in, per unit
    const got = await applyFigures(
      office,
      roundId,
      async (orgId, ids) => new Map(ids.map((id) => [id, orgId === scjg ? 1 : 2])),
    );
    expect(got).toEqual({ units: 2, indicators: 1 });

    sheet = await getUnitSheet(office, mine);
    expect(sheet.indicators.find((x) => x.id === byMetric.id)?.entry).toMatchObject({ value: 1, score: 0 });
    expect(sheet.indicators.find((x) => x.id === training.id)?.entry?.suggested).toBe(30);
    // a score outside the indicator's points is refused, nothing written
    const over = await rejectionOf(
      reviewUnit(office, mine, { version: sheet.version, scores: [{ indicatorId: own.id, score: 41 }] }),
    );
    expect(over).toMatchObject({
      code: 'oversight.scoreRange',
      message: '指标“1.1.1”得分应在 0 至 40 分之间',
    });
    expect(over.details?.field).toBe('scores.0.score');
    // finishing with an indicator unscored is refused
    expect(
      (
        await rejectionOf(
          reviewUnit(office, mine, {
            version: sheet.version,
            decision: 'finish',
            scores: [{ indicatorId: own.id, score: 38 }],
          }),
        )
      ).message,
    ).toBe('指标“2.1 执法人员培训”尚未赋分');
    const done = await reviewUnit(office, mine, {
      version: sheet.version,
      decision: 'finish',
      scores: [
        { indicatorId: own.id, score: 38, comment: '调整及时' },
        { indicatorId: training.id, score: 30, comment: '培训覆盖面不足' },
      ],
    });
    expect(done.total).toBe(68);
    // publishing waits for every unit
    const round = await getRound(office, roundId);
    expect((await rejectionOf(publishRound(office, roundId, { version: round.version }))).message).toBe(
      '还有 1 个单位尚未审核赋分,不能发布结果',
    );
    t = await getUnitSheet(office, theirs);
    await reviewUnit(office, theirs, {
      version: t.version,
      decision: 'finish',
      scores: [
        { indicatorId: own.id, score: 40 },
        { indicatorId: training.id, score: 40 },
      ],
    });
    // before publication the unit sees neither score nor ranking
    expect((await getUnitSheet(unit, mine)).total).toBeNull();
    await publishRound(office, roundId, { version: round.version });
    const seen = await getUnitSheet(unit, mine);
    expect(seen).toMatchObject({ status: 'published', total: 68, gradeLabel: '合格', rank: 2 });
    expect(seen.ranking.map((r) => [r.orgName, r.total, r.rank])).toEqual([
      [expect.stringMatching(/街道|镇|乡/), 100, 1],
      ['开远市市场监督管理局', 68, 2],
    ]);

    // figures from these records, for the year assessed
    const root = (
      await h.db.selectFrom('org').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow()
    ).id;
    const all = (await h.db.selectFrom('org').select('id').execute()).map((o) => o.id);
    const q = {
      scope: office.scope,
      orgId: root,
      orgIds: all,
      from: '2025-01-01',
      to: '2025-12-31',
      today: '2026-01-10',
    };
    const value = async (id: string) =>
      (await oversightMetrics.find((m) => m.id === id)?.compute(h.db, q))?.value;
    expect(await value('oversight.assessment.units')).toBe(2);
    expect(await value('oversight.assessment.submittedOnTime')).toBe(2);
    expect(await value('oversight.assessment.averageScore')).toBe(84);
    expect(await value('oversight.assessment.grade.excellent')).toBe(1);
    expect(await value('oversight.assessment.grade.pass')).toBe(1);
    expect(await value('oversight.assessment.indicators')).toBe(3);
    expect(await value('oversight.assessment.editions')).toBe(1);
  });
});
