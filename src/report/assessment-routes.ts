import { z } from 'zod';
import type { Ctx } from '../platform/context.js';
import { invalid } from '../platform/errors.js';
import { IdParam } from '../platform/validation.js';
import {
  createEdition,
  importEdition,
  type MetricCatalogue,
} from '../domains/oversight/assessment/edition-service.js';
import { applyFigures, type FigureSource } from '../domains/oversight/assessment/round-service.js';
import { CreateEditionInput } from '../domains/oversight/assessment/schema.js';
import { requestCtx } from '../domains/org/request-ctx.js';
import { importProblem } from '../platform/http/files.js';
import type { AppOptions, TypedApp } from '../platform/http/types.js';
import { computeFigures, loadRegistry, type MetricRegistry } from './registry.js';

/** The registry as the 考评 edition checks need it: a metric by id. */
export function metricCatalogue(registry: MetricRegistry): MetricCatalogue {
  return (id) => {
    const d = registry.find(id);
    return d ? { name: d.name, unit: d.unit } : undefined;
  };
}

/** Registry figures of an org's subtree, in the caller's scope (what 自动取数 scores). */
export function registryFigures(ctx: Ctx, registry: MetricRegistry): FigureSource {
  return async (orgId, metricIds, period) => {
    const figures = await computeFigures(ctx, registry, orgId, period, metricIds);
    return new Map(figures.map((f) => [f.metricId, f.value]));
  };
}

const uploaded = (body: unknown): Uint8Array => {
  if (!(body instanceof Buffer) || body.length === 0)
    throw invalid('import.noFile', '请上传考评指标体系 Excel(.xlsx)文件', 'file');
  return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
};

const Points = z.coerce.number('应为数字');
const ImportQuery = z.object({
  orgId: z.uuid().optional(),
  name: z.string().max(100),
  note: z.string().max(500).optional(),
  excellentFrom: Points,
  goodFrom: Points,
  passFrom: Points,
  fileName: z.string().max(200).optional(),
});

/**
 * 考评 routes that need the metric registry: an edition's metric bindings must name registered
 * metrics, and 自动取数 computes them. The oversight domain receives both as functions.
 */
export function registerAssessmentScoringRoutes(app: TypedApp, opts: AppOptions): void {
  const db = opts.handle.db;
  const tags = ['监督督察'];
  app.get(
    '/api/oversight/assessment-metrics',
    { schema: { tags, summary: '可关联的统计指标' } },
    async (req) => {
      await requestCtx(req, db);
      const registry = await loadRegistry(db);
      return registry.all
        .filter((d) => d.source === 'computed')
        .map((d) => ({ id: d.id, name: d.name, unit: d.unit }));
    },
  );
  app.post(
    '/api/oversight/assessment-editions',
    { schema: { tags, summary: '新建考评指标体系版本', body: CreateEditionInput } },
    async (req, reply) => {
      const ctx = await requestCtx(req, db);
      return reply
        .status(201)
        .send(await createEdition(ctx, req.body, metricCatalogue(await loadRegistry(db))));
    },
  );
  app.post(
    '/api/oversight/assessment-editions/import',
    {
      schema: {
        tags,
        summary: '导入考评指标体系(Excel;有一处错误则全部不导入)',
        querystring: ImportQuery,
      },
    },
    async (req, reply) => {
      const ctx = await requestCtx(req, db);
      const { fileName, ...header } = req.query;
      const { report, edition } = await importEdition(
        ctx,
        uploaded(req.body),
        header,
        metricCatalogue(await loadRegistry(db)),
        fileName,
      );
      if (!report.ok || !edition)
        return reply.status(400).type('application/problem+json; charset=utf-8').send(importProblem(report));
      return reply.status(201).send(edition);
    },
  );
  app.post(
    '/api/oversight/assessment-rounds/:id/figures',
    { schema: { tags, summary: '自动取数(按关联统计指标为各单位评分)', params: IdParam } },
    async (req) => {
      const ctx = await requestCtx(req, db);
      return applyFigures(ctx, req.params.id, registryFigures(ctx, await loadRegistry(db)));
    },
  );
}
