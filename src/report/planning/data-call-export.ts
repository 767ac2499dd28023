import { sendLedgerXlsx } from '../../platform/http/xlsx-reply.js';
import { sendStoredFile } from '../../platform/http/files.js';
import { mapRows } from '../../platform/paging.js';
import { defineColumns } from '../../platform/io/index.js';
import { z } from 'zod';
import { findStoredFile, LocalFileStore } from '../../platform/files/index.js';
import { notFound } from '../../platform/errors.js';
import { IdParam } from '../../platform/validation.js';
import { requestCtx } from '../../domains/org/request-ctx.js';
import type { AppOptions, TypedApp } from '../../platform/http/types.js';
import { authorize } from '../../domains/org/policy.js';
import { getDataCall } from './data-call-service.js';
import { findSubmission, listFigures } from '../../domains/planning/data-call-store.js';

/** One unit's answer to one line of the form: the 填报汇总 an office keeps in Excel. */
interface SummaryRow {
  orgName: string;
  status: string;
  item: string;
  source: string;
  value: string | null;
  unit: string;
  evidence: string | null;
  returnReason: string | null;
}
export const summaryColumns = defineColumns<SummaryRow>([
  { key: 'orgName', header: '填报单位', kind: 'text', required: true, width: 28 },
  { key: 'status', header: '状态', kind: 'text', required: true, width: 12 },
  { key: 'item', header: '指标', kind: 'text', required: true, width: 36 },
  { key: 'source', header: '来源', kind: 'text', required: true, width: 10 },
  { key: 'value', header: '填报数', kind: 'decimal', width: 12 },
  { key: 'unit', header: '计量单位', kind: 'text', required: true, width: 10 },
  { key: 'evidence', header: '佐证材料', kind: 'text', width: 30 },
  { key: 'returnReason', header: '退回理由', kind: 'text', width: 24 },
]);

/** GET /api/data-calls/:id/summary.xlsx: every unit's filed line, units in the org tree's order. */
export function registerDataCallExport(app: TypedApp, opts: AppOptions): void {
  const db = opts.handle.db;
  const files = opts.dataDir ? new LocalFileStore(opts.dataDir) : null;

  // the 佐证材料 a unit uploaded with a figure: for the unit and for the office that reviews it
  app.get(
    '/api/data-call-submissions/:id/evidence/:itemId',
    {
      schema: {
        tags: ['数据填报'],
        summary: '下载佐证材料',
        params: IdParam.extend({ itemId: z.uuid('不是有效的指标项编号') }),
      },
    },
    async (req, reply) => {
      const ctx = await requestCtx(req, db);
      const s = await findSubmission(db, ctx.scope, req.params.id);
      const hash = s ? (await listFigures(db, s.id)).get(req.params.itemId)?.evidenceHash : undefined;
      const meta = hash ? await findStoredFile(db, hash) : undefined;
      if (!meta || !files) throw notFound('dataCall.noEvidence', '该指标没有上传佐证材料');
      const bytes = await files.get(meta.sha256);
      return sendStoredFile(reply, meta, bytes);
    },
  );

  app.get(
    '/api/data-calls/:id/summary.xlsx',
    { schema: { tags: ['数据填报'], summary: '导出填报汇总', params: IdParam } },
    async (req, reply) => {
      const ctx = await requestCtx(req, db);
      authorize(ctx.actor, 'planning:dataCall:list');
      const call = await getDataCall(ctx, req.params.id);
      const reported = call.items.filter((i) => i.source === 'reported');
      const figures = await db
        .selectFrom('data_call_figure as f')
        .innerJoin('data_call_submission as s', 's.id', 'f.submission_id')
        .select(['f.submission_id', 'f.item_id', 'f.value', 'f.evidence_text'])
        .where('s.call_id', '=', call.id)
        .execute();
      const filed = new Map(figures.map((f) => [`${f.submission_id}:${f.item_id}`, f]));
      async function* rows(): AsyncIterable<SummaryRow> {
        for (const s of call.submissions)
          for (const item of reported) {
            const f = filed.get(`${s.id}:${item.id}`);
            yield {
              orgName: s.orgName,
              status: s.statusLabel,
              item: item.name,
              source: '单位填报',
              value: f ? String(Number(f.value)) : null,
              unit: item.unit,
              evidence: f?.evidence_text ?? null,
              returnReason: s.returnReason,
            };
          }
      }
      return sendLedgerXlsx(reply, {
        filename: `${call.title}-填报汇总.xlsx`,
        sheetName: '填报汇总',
        columns: summaryColumns,
        rows: mapRows(rows(), (r) => r),
      });
    },
  );
}
