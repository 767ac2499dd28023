import { z } from 'zod';
import { allPages, sendLedgerXlsx } from '../../platform/http/xlsx-reply.js';
import { type ViewColumn, viewLedger } from '../../platform/io/index.js';
import { requestCtx } from '../org/request-ctx.js';
import type { AppOptions, TypedApp } from '../../platform/http/types.js';
import { authorize } from '../org/policy.js';
import { listPlans, type Plan } from './plan-store.js';
import { listTargets, type Target } from './result-service.js';
import { PlanKind, planKindLabels } from './schema.js';
import { riskGradeLabels } from './labels.js';

/** The 抽查计划 ledger as the screen lists it. */
const planColumns: readonly ViewColumn<Plan>[] = [
  { header: '年度', kind: 'int', required: true, width: 8, value: (p) => p.year },
  { header: '计划名称', kind: 'text', required: true, width: 36, value: (p) => p.name },
  { header: '类型', kind: 'text', required: true, width: 14, value: (p) => planKindLabels[p.kind] },
  { header: '牵头/实施单位', kind: 'text', required: true, width: 26, value: (p) => p.orgName },
  {
    header: '参与单位数',
    kind: 'int',
    required: true,
    width: 10,
    value: (p) => p.participantOrgIds.length,
  },
  { header: '任务数', kind: 'int', required: true, width: 8, value: (p) => p.taskCount },
  { header: '说明', kind: 'text', width: 30, value: (p) => p.note || null },
];

export { riskGradeLabels };

const stateLabels: Record<Target['publicationState'], string> = {
  published: '已公示',
  publishedLate: '已公示(超期)',
  normal: '待公示',
  dueSoon: '待公示(临期)',
  overdue: '待公示(逾期)',
  unknown: '待公示',
};

/** One drawn inspectee: the 抽取名单 and, once recorded, its 检查结果 and 公示. */
const targetColumns: readonly ViewColumn<Target>[] = [
  { header: '抽查任务', kind: 'text', required: true, width: 30, value: (t) => t.taskName },
  { header: '序号', kind: 'int', required: true, width: 6, value: (t) => t.seq + 1 },
  { header: '检查对象', kind: 'text', required: true, width: 30, value: (t) => t.inspecteeName },
  { header: '统一社会信用代码', kind: 'text', width: 22, value: (t) => t.uscc },
  {
    header: '信用风险分类',
    kind: 'text',
    required: true,
    width: 14,
    value: (t) => riskGradeLabels[t.stratum],
  },
  {
    header: '检查人员',
    kind: 'text',
    required: true,
    width: 18,
    value: (t) => t.inspectors.map((i) => i.name).join('、'),
  },
  { header: '检查结果', kind: 'text', width: 20, value: (t) => t.resultLabel },
  { header: '检查日期', kind: 'date', width: 12, value: (t) => t.inspectedOn },
  { header: '公示期限', kind: 'date', width: 12, value: (t) => t.publicationDue },
  { header: '公示日期', kind: 'date', width: 12, value: (t) => t.publishedOn },
  {
    header: '公示状态',
    kind: 'text',
    required: true,
    width: 12,
    value: (t) => stateLabels[t.publicationState],
  },
];

/** Excel exports of the 双随机 ledgers: 抽查计划, 抽取名单, 检查结果与公示 (the filters of their lists). */
export function registerInspectionExportRoutes(app: TypedApp, opts: AppOptions): void {
  const db = opts.handle.db;
  const tags = ['双随机、一公开'];
  app.get(
    '/api/inspection/plans/export.xlsx',
    {
      schema: {
        tags,
        summary: '导出抽查计划',
        querystring: z.object({
          year: z.coerce.number().int().optional(),
          kind: PlanKind.optional(),
          orgId: z.uuid().optional(),
        }),
      },
    },
    async (req, reply) => {
      const ctx = await requestCtx(req, db);
      authorize(ctx.actor, 'inspection:plan:list');
      const rows = allPages((p) => listPlans(db, ctx.scope, req.query, p));
      return sendLedgerXlsx(reply, {
        filename: '抽查计划.xlsx',
        sheetName: '抽查计划',
        ...viewLedger(planColumns, rows),
      });
    },
  );
  app.get(
    '/api/inspection/targets/export.xlsx',
    {
      schema: {
        tags,
        summary: '导出抽取名单、检查结果与公示(与列表相同的筛选)',
        querystring: z.object({
          taskId: z.uuid().optional(),
          drawId: z.uuid().optional(),
          pending: z.enum(['true', 'false']).optional(),
          due: z.enum(['dueSoon', 'overdue']).optional(),
        }),
      },
    },
    async (req, reply) => {
      const ctx = await requestCtx(req, db);
      authorize(ctx.actor, 'inspection:plan:list');
      const { pending, ...f } = req.query;
      const filter = { ...f, ...(pending ? { pending: pending === 'true' } : {}) };
      const named = req.query.drawId || req.query.taskId;
      return sendLedgerXlsx(reply, {
        filename: named ? '抽取名单.xlsx' : '检查结果与公示.xlsx',
        sheetName: named ? '抽取名单' : '检查结果与公示',
        ...viewLedger(
          targetColumns,
          allPages((p) => listTargets(ctx, filter, p)),
        ),
      });
    },
  );
}
