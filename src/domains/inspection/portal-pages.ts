import { byName, escapeHtml, portalPage } from '../../platform/http/portal-page.js';
import { portalOption, portalPager } from '../../platform/http/portal-list.js';
import { readDb } from '../../platform/http/read-replica.js';
import { z } from 'zod';
import { notFound } from '../../platform/errors.js';
import { IdParam, Paging, Text, toOffset, Id } from '../../platform/validation.js';
import type { AppOptions, TypedApp } from '../../platform/http/types.js';
import { listPublishedResults, type PublishedResult, publishedFacets } from './publication.js';
import { InspectionResult, inspectionResults } from './rules.js';

const PAGE_SIZE = 50;

/** An empty form field is no filter. */
const blank = (v: unknown) => (v === '' ? undefined : v);
const PortalQuery = Paging.extend({
  q: z.preprocess(blank, Text(50).optional()),
  year: z.preprocess(blank, z.coerce.number().int().min(2000).max(2100).optional()),
  orgId: z.preprocess(blank, Id.optional()),
  result: z.preprocess(blank, InspectionResult.optional()),
});
type PortalQuery = z.infer<typeof PortalQuery>;

/**
 * 抽查结果公示 pages (no login, server-rendered like /portal/reports): the published results with
 * filters and a search over the inspectee's name, masked as GET /api/portal/inspections is.
 */
export function registerInspectionPortalPages(app: TypedApp, opts: AppOptions): void {
  const tags = ['双随机、一公开'];

  app.get(
    '/portal/inspections',
    { schema: { tags, summary: '“双随机、一公开”抽查结果公示页', querystring: PortalQuery } },
    async (req, reply) => {
      const f = req.query;
      const page = f.page ?? 1;
      const db = await readDb(req, opts.handle);
      const [list, facets] = await Promise.all([
        listPublishedResults(db, f, toOffset({ page, pageSize: PAGE_SIZE })),
        publishedFacets(db),
      ]);
      return reply.type('text/html; charset=utf-8').send(listHtml(f, page, list, facets));
    },
  );

  app.get(
    '/portal/inspections/:id',
    { schema: { tags, summary: '抽查结果公示详情页', params: IdParam } },
    async (req, reply) => {
      const db = await readDb(req, opts.handle);
      const r = (await listPublishedResults(db, { id: req.params.id }, { offset: 0, limit: 1 })).items[0];
      if (!r) throw notFound('inspection.resultNotFound', '抽查结果不存在或尚未公示');
      return reply.type('text/html; charset=utf-8').send(detailHtml(r));
    },
  );
}

const esc = escapeHtml;

function page(title: string, body: string): string {
  return portalPage({
    title,
    body,
    breadcrumbs: [{ label: '双随机抽查结果公示', href: '/portal/inspections' }],
  });
}

function listHtml(
  f: PortalQuery,
  current: number,
  list: { items: PublishedResult[]; total: number },
  facets: { years: number[]; orgs: { id: string; name: string }[] },
): string {
  const form = `<form method="get" action="/portal/inspections">
<label>年度 <select name="year"><option value="">全部</option>${facets.years.map((y) => portalOption(String(y), `${y}年`, f.year === y)).join('')}</select></label>
<label>抽查机关 <select name="orgId"><option value="">全部</option>${[...facets.orgs]
    .sort(byName)
    .map((o) => portalOption(o.id, o.name, f.orgId === o.id))
    .join('')}</select></label>
<label>检查结果 <select name="result"><option value="">全部</option>${Object.entries(inspectionResults)
    .map(([k, v]) => portalOption(k, v.label, f.result === k))
    .join('')}</select></label>
<label>检查对象 <input name="q" value="${esc(f.q ?? '')}" placeholder="名称或统一社会信用代码"></label>
<button type="submit">查询</button></form>`;
  const rows = list.items
    .map(
      (r) =>
        `<tr><td><a href="/portal/inspections/${r.id}">${esc(r.inspecteeName)}</a></td><td>${esc(r.uscc ?? '')}</td><td>${esc(r.orgName)}</td><td>${esc(r.taskName)}</td><td>${esc(r.result)}</td><td>${r.inspectedOn ?? ''}</td><td>${r.publishedOn}</td></tr>`,
    )
    .join('');
  const nav = portalPager({
    path: '/portal/inspections',
    filters: { year: f.year, orgId: f.orgId, result: f.result, q: f.q },
    total: list.total,
    page: current,
    pageSize: PAGE_SIZE,
    unit: '条',
  });
  return page(
    '“双随机、一公开”抽查结果公示',
    `<h1>“双随机、一公开”抽查结果公示</h1>${form}${
      rows
        ? `<table><thead><tr><th>检查对象</th><th>统一社会信用代码</th><th>抽查机关</th><th>抽查任务</th><th>检查结果</th><th>检查日期</th><th>公示日期</th></tr></thead><tbody>${rows}</tbody></table>${nav}`
        : '<p>没有符合条件的已公示抽查结果。</p>'
    }`,
  );
}

function detailHtml(r: PublishedResult): string {
  const row = (k: string, v: string) => `<dt>${k}</dt><dd>${esc(v)}</dd>`;
  return page(
    `${r.inspecteeName}抽查结果`,
    `<p><a href="/portal/inspections">← 返回抽查结果公示</a></p><h1>${esc(r.inspecteeName)}</h1><dl>${[
      row('统一社会信用代码', r.uscc ?? '—'),
      row('抽查机关', r.orgName),
      row('抽查类型', r.kind),
      row('抽查任务', r.taskName),
      row('检查结果', r.result),
      row('情况说明', r.note || '—'),
      row('检查日期', r.inspectedOn ?? '—'),
      row('公示日期', r.publishedOn),
    ].join('')}</dl>`,
  );
}
