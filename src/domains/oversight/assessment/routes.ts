import { z } from 'zod';
import { IdParam, Paging, toOffset } from '../../../platform/validation.js';
import { requestCtx } from '../../org/request-ctx.js';
import { sendXlsx } from '../../../platform/http/files.js';
import { defineColumns } from '../../../platform/io/index.js';
import { allPages, sendLedgerXlsx } from '../../../platform/http/xlsx-reply.js';
import { ledgerRoutes } from '../../../platform/http/ledger-routes.js';
import type { AppOptions, TypedApp } from '../../../platform/http/types.js';
import { getEdition, listEditions, writeEditionTemplate, writeEditionXlsx } from './edition-service.js';
import { getRound, getUnitSheet, listRounds, listUnits } from './round-read.js';
import { fillUnit, openRound, publishRound, reviewUnit, submitUnit } from './round-service.js';
import { FillInput, OpenRoundInput, PublishInput, ReviewInput, SubmitInput } from './schema.js';
import { yearListRoute } from '../year-route.js';

const UnitStatusQuery = z.enum(['filling', 'submitted', 'scored', 'published']);
const UnitsQuery = z.object({ status: UnitStatusQuery.optional(), roundId: z.uuid().optional() });

interface UnitLine {
  roundTitle: string;
  orgName: string;
  fillDue: string;
  statusLabel: string;
  total: string | null;
}
const unitColumns = defineColumns<UnitLine>([
  { key: 'roundTitle', header: '考评', kind: 'text', required: true, width: 30 },
  { key: 'orgName', header: '被考评单位', kind: 'text', required: true, width: 30 },
  { key: 'fillDue', header: '填报截止日期', kind: 'date', required: true, width: 14 },
  { key: 'statusLabel', header: '状态', kind: 'text', required: true, width: 10 },
  { key: 'total', header: '总分', kind: 'decimal', scale: 1, width: 10 },
]);

/**
 * 考评: editions (read, template, export), rounds, unit sheets, filing, review, publication.
 * Creating and importing an edition and computing metric-bound indicators need the metric
 * registry; those routes live in src/report/assessment-routes.ts.
 */
export function registerAssessmentRoutes(app: TypedApp, opts: AppOptions): void {
  const db = opts.handle.db;
  const tags = ['监督督察'];
  const r = ledgerRoutes(app, (req) => requestCtx(req, db), tags);
  const base = '/api/oversight';

  app.get(`${base}/assessment-editions`, { schema: { tags, summary: '考评指标体系(各版本)' } }, async (req) =>
    listEditions(await requestCtx(req, db)),
  );
  app.get(
    `${base}/assessment-editions/template.xlsx`,
    { schema: { tags, summary: '下载考评指标体系导入模板(Excel)' } },
    async (req, reply) => {
      await requestCtx(req, db);
      return sendXlsx(reply, writeEditionTemplate, '考评指标体系导入模板');
    },
  );
  r.get(`${base}/assessment-editions/:id`, '考评指标体系详情', getEdition);
  app.get(
    `${base}/assessment-editions/:id/export.xlsx`,
    { schema: { tags, summary: '导出考评指标体系(Excel,与导入模板同列)', params: IdParam } },
    async (req, reply) => {
      const ctx = await requestCtx(req, db);
      const e = await getEdition(ctx, req.params.id);
      return sendXlsx(reply, (out) => writeEditionXlsx(ctx, e.id, out), `${e.name}(第${e.edition}版)`);
    },
  );
  yearListRoute(app, (req) => requestCtx(req, db), tags)(`${base}/assessment-rounds`, '考评', listRounds);
  r.create(`${base}/assessment-rounds`, '组织考评(指标体系、年度、被考评单位)', OpenRoundInput, openRound);
  r.get(`${base}/assessment-rounds/:id`, '考评详情(各单位进度、得分和排名)', getRound);
  r.act(`${base}/assessment-rounds/:id/publish`, '发布考评结果', PublishInput, publishRound);
  app.get(
    `${base}/assessment-units`,
    {
      schema: {
        tags,
        summary: '考评填报(按状态:待填报、待赋分、已赋分、已发布)',
        querystring: Paging.extend(UnitsQuery.shape),
      },
    },
    async (req) => {
      const { page, pageSize, ...f } = req.query;
      return listUnits(await requestCtx(req, db), f, toOffset({ page, pageSize }));
    },
  );
  app.get(
    `${base}/assessment-units/export.xlsx`,
    { schema: { tags, summary: '导出考评填报与得分台账(Excel)', querystring: UnitsQuery } },
    async (req, reply) => {
      const ctx = await requestCtx(req, db);
      const rows = allPages((page) => listUnits(ctx, req.query, page));
      async function* lines() {
        for await (const u of rows)
          yield {
            roundTitle: u.roundTitle,
            orgName: u.orgName,
            fillDue: u.fillDue,
            statusLabel: u.statusLabel,
            total: u.total === null ? null : u.total.toFixed(1),
          };
      }
      return sendLedgerXlsx(reply, {
        filename: '考评台账.xlsx',
        sheetName: '考评台账',
        columns: unitColumns,
        rows: lines(),
      });
    },
  );
  r.get(`${base}/assessment-units/:id`, '单位考评表(指标、填报、得分、意见和排名)', getUnitSheet);
  r.act(`${base}/assessment-units/:id/entries`, '填报考评指标(数值、说明、佐证材料)', FillInput, fillUnit);
  r.act(`${base}/assessment-units/:id/submit`, '报送考评材料', SubmitInput, submitUnit);
  r.act(`${base}/assessment-units/:id/review`, '审核赋分(保存、完成赋分或退回)', ReviewInput, reviewUnit);
}
