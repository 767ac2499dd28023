import { sendLedgerXlsx } from '../platform/http/xlsx-reply.js';
import { defineColumns } from '../platform/io/index.js';
import { requestCtx } from '../domains/org/request-ctx.js';
import type { AppOptions, TypedApp } from '../platform/http/types.js';
import { type Rollup, RollupQuery, rollupByUnit } from './rollup.js';
import { formatNumber } from './sentences.js';

const rollupColumns = defineColumns<{
  org: string;
  metric: string;
  value: string | null;
  unit: string;
  rollUp: string;
}>([
  { key: 'org', header: '单位', kind: 'text', required: true, width: 30 },
  { key: 'metric', header: '指标', kind: 'text', required: true, width: 40 },
  { key: 'value', header: '数值', kind: 'text', width: 12 },
  { key: 'unit', header: '计量单位', kind: 'text', required: true, width: 10 },
  { key: 'rollUp', header: '合计方式', kind: 'text', required: true, width: 16 },
]);

const ROLL_UP = { sum: '各单位相加', recompute: '由分子分母重算', none: '不汇总' } as const;

/** One line per unit and figure, then the 合计 lines: the table as a spreadsheet can pivot it. */
function* rollupRows(r: Rollup) {
  const lines = [
    ...r.rows.map((x) => ({ org: x.orgName, values: x.values })),
    { org: '合计', values: r.total },
  ];
  for (const line of lines)
    for (const m of r.metrics) {
      const v = line.values[m.id] ?? null;
      yield {
        org: line.org,
        metric: m.name,
        value: v === null ? null : formatNumber(v),
        unit: m.unit === ':1' ? '∶1' : m.unit,
        rollUp: ROLL_UP[m.rollUp],
      };
    }
}

/** GET /api/rollup (and its Excel export): every subordinate unit's figures of one domain for a year. */
export function registerRollupRoutes(app: TypedApp, opts: AppOptions): void {
  const db = opts.handle.db;
  const tags = ['指标与数据填报'];
  app.get(
    '/api/rollup',
    {
      schema: {
        tags,
        summary: '下级单位指标对比:各单位一年的指标并列,合计等于汇总数,并列出各单位的年度报告',
        querystring: RollupQuery,
      },
    },
    async (req) => rollupByUnit(await requestCtx(req, db), req.query),
  );
  app.get(
    '/api/rollup/export.xlsx',
    { schema: { tags, summary: '导出下级单位指标对比', querystring: RollupQuery } },
    async (req, reply) => {
      const r = await rollupByUnit(await requestCtx(req, db), req.query);
      return sendLedgerXlsx(reply, {
        filename: `${r.orgName}${r.year}年${r.domainName}指标对比.xlsx`,
        sheetName: '指标对比',
        columns: rollupColumns,
        rows: rollupRows(r),
      });
    },
  );
}
