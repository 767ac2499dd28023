import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { chinaDate } from '../../platform/context.js';
import { IdParam, LocalDate, Paging, SortParam, Text, toOffset } from '../../platform/validation.js';
import { requestCtx } from '../org/request-ctx.js';
import type { AppOptions, TypedApp } from '../../platform/http/types.js';
import { sendLedgerXlsx } from '../../platform/http/xlsx-reply.js';
import { authorize } from '../org/policy.js';
import { EntryKind, entryKinds } from './core/entry-kinds.js';
import { addEntry, searchEntries } from './core/entry-service.js';
import { itemColumns, itemLedgerRows } from './core/ledger.js';
import { kindMeta } from './core/meta.js';
import { importItems } from './core/import.js';
import { getItem, recordAction, searchItems } from './core/service.js';
import { importAdapters } from './import-adapters.js';
import { disclosureAnswerLetter, type Letter, petitionLetter, renderLetterDocx } from './letters.js';
import { importAnswer, uploadedFile } from '../../platform/http/files.js';
import { getSettings, updateSettings } from './core/settings.js';
import type { KindSpec } from './core/spec.js';
import { disclosureAnnualTables } from './disclosure/annual-report.js';
import { createDisclosure } from './disclosure/service.js';
import { disclosureSpec } from './disclosure/spec.js';
import { createLegalAid } from './legal-services/service.js';
import { legalAidSpec } from './legal-services/spec.js';
import { createCommittee, createMediation, searchCommittees } from './mediation/service.js';
import { mediationSpec } from './mediation/spec.js';
import { createPetition } from './petitions/service.js';
import { petitionSpec } from './petitions/spec.js';
import { createProposal } from './proposals/service.js';
import { proposalSpec } from './proposals/spec.js';
import type { Ctx } from '../../platform/context.js';

const ItemFilterQuery = z.object({
  q: Text(50).optional(),
  status: Text(40).optional(),
  category: Text(40).optional(),
  channel: Text(40).optional(),
  outcome: Text(40).optional(),
  orgId: z.uuid('不是有效的编号').optional(),
  due: z.enum(['dueSoon', 'overdue'], { error: '期限筛选应为临期或逾期' }).optional(),
  extended: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  receivedFrom: LocalDate.optional(),
  receivedTo: LocalDate.optional(),
});
const ItemQuery = Paging.extend(ItemFilterQuery.shape).extend({ sort: SortParam });

/** The ledgers: one per kind, each with its create use-case. */
export const ledgers: readonly {
  path: string;
  spec: KindSpec;
  create: (ctx: Ctx, raw: unknown) => Promise<unknown>;
}[] = [
  { path: 'disclosure', spec: disclosureSpec, create: createDisclosure },
  { path: 'petitions', spec: petitionSpec, create: createPetition },
  { path: 'mediation', spec: mediationSpec, create: createMediation },
  { path: 'legal-aid', spec: legalAidSpec, create: createLegalAid },
  { path: 'proposals', spec: proposalSpec, create: createProposal },
];

function registerLedger(app: TypedApp, opts: AppOptions, l: (typeof ledgers)[number]) {
  const db = opts.handle.db;
  const tags = ['群众诉求与建议提案'];
  const base = `/api/requests/${l.path}`;
  app.get(base, { schema: { tags, summary: `${l.spec.title}台账`, querystring: ItemQuery } }, async (req) => {
    const { page, pageSize, ...filter } = req.query;
    return searchItems(await requestCtx(req, db), l.spec, filter, toOffset({ page, pageSize }));
  });
  app.get(
    `${base}/export.xlsx`,
    { schema: { tags, summary: `导出${l.spec.title}台账`, querystring: ItemFilterQuery } },
    async (req, reply) => {
      const ctx = await requestCtx(req, db);
      const rows = await itemLedgerRows(ctx, l.spec, req.query);
      return sendLedgerXlsx(reply, {
        filename: `${l.spec.title}台账-${chinaDate(ctx.now())}.xlsx`,
        sheetName: `${l.spec.title}台账`,
        columns: itemColumns(l.spec),
        rows,
      });
    },
  );
  const adapter = importAdapters[l.spec.kind];
  if (adapter)
    app.post(
      `${base}/import`,
      {
        schema: {
          tags,
          summary: `导入${l.spec.title}台账(Excel 或 CSV,与导出同列;有一行错误则全部不导入)`,
        },
      },
      async (req, reply) => {
        const ctx = await requestCtx(req, db);
        return importAnswer(reply, await importItems(ctx, l.spec, adapter, uploadedFile(req.body)));
      },
    );
  app.get(
    `${base}/meta`,
    { schema: { tags, summary: `${l.spec.title}的状态、环节和字段名称` } },
    async (req) => {
      const ctx = await requestCtx(req, db);
      authorize(ctx.actor, l.spec.listPermission);
      return kindMeta(l.spec);
    },
  );
  app.get(
    `${base}/:id`,
    { schema: { tags, summary: `${l.spec.title}详情(办理记录、期限、可办理环节)`, params: IdParam } },
    async (req) => getItem(await requestCtx(req, db), l.spec, req.params.id),
  );
  app.post(base, { schema: { tags, summary: `登记${l.spec.title}` } }, async (req, reply) =>
    reply.status(201).send(await l.create(await requestCtx(req, db), req.body)),
  );
  app.post(
    `${base}/:id/actions`,
    { schema: { tags, summary: `${l.spec.title}办理环节`, params: IdParam } },
    async (req) => recordAction(await requestCtx(req, db), l.spec, req.params.id, req.body),
  );
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const sendLetter = async (reply: FastifyReply, letter: Letter) =>
  reply
    .header('content-type', DOCX)
    .header(
      'content-disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(`${letter.title}.docx`)}`,
    )
    .send(await renderLetterDocx(letter));

/** 答复书 and 告知书 generated from the record (.docx). */
function registerLetters(app: TypedApp, opts: AppOptions) {
  const db = opts.handle.db;
  const tags = ['群众诉求与建议提案'];
  app.get(
    '/api/requests/disclosure/:id/letter.docx',
    { schema: { tags, summary: '政府信息公开申请答复书(按答复类型生成)', params: IdParam } },
    async (req, reply) =>
      sendLetter(reply, await disclosureAnswerLetter(await requestCtx(req, db), req.params.id)),
  );
  app.get(
    '/api/requests/petitions/:id/letter.docx',
    {
      schema: {
        tags,
        summary: '信访事项受理告知书或信访处理意见书',
        params: IdParam,
        querystring: z.object({
          type: z.enum(['acceptance', 'opinion'], { error: '文书类型应为受理告知书或处理意见书' }),
        }),
      },
    },
    async (req, reply) =>
      sendLetter(reply, await petitionLetter(await requestCtx(req, db), req.params.id, req.query.type)),
  );
}

const EntryParams = z.object({ kind: EntryKind });
const EntryQuery = Paging.extend({
  category: Text(40).optional(),
  orgId: z.uuid('不是有效的编号').optional(),
  from: LocalDate.optional(),
  to: LocalDate.optional(),
});

/** /api/requests/…: the five ledgers, the registers, the committees and the settings. */
export function registerRequestsRoutes(app: TypedApp, opts: AppOptions): void {
  const db = opts.handle.db;
  const tags = ['群众诉求与建议提案'];
  registerLetters(app, opts);
  for (const l of ledgers) registerLedger(app, opts, l);
  app.get(
    '/api/requests/entries/:kind',
    {
      schema: {
        tags,
        summary: '登记簿(主动公开、领导接访、法律咨询、法律顾问、人大监督)',
        params: EntryParams,
        querystring: EntryQuery,
      },
    },
    async (req) => {
      const { page, pageSize, ...f } = req.query;
      return searchEntries(await requestCtx(req, db), req.params.kind, f, toOffset({ page, pageSize }));
    },
  );
  app.post(
    '/api/requests/entries/:kind',
    { schema: { tags, summary: '新增登记', params: EntryParams } },
    async (req, reply) =>
      reply.status(201).send(await addEntry(await requestCtx(req, db), req.params.kind, req.body)),
  );
  app.get('/api/requests/entry-kinds', { schema: { tags, summary: '登记簿类型和类别' } }, async (req) => {
    await requestCtx(req, db);
    return entryKinds;
  });
  app.get(
    '/api/requests/committees',
    { schema: { tags, summary: '人民调解委员会', querystring: z.object({ orgId: z.uuid().optional() }) } },
    async (req) => searchCommittees(await requestCtx(req, db), req.query.orgId),
  );
  app.post(
    '/api/requests/committees',
    { schema: { tags, summary: '新增人民调解委员会(3–9 人、含妇女委员、任期三年)' } },
    async (req, reply) => reply.status(201).send(await createCommittee(await requestCtx(req, db), req.body)),
  );
  app.get(
    '/api/requests/disclosure-annual',
    {
      schema: {
        tags,
        summary: '政务公开工作年度报告 表三(收到和处理政府信息公开申请情况),由申请记录生成',
        querystring: z.object({
          orgId: z.uuid('不是有效的编号'),
          year: z.coerce.number().int().min(2008).max(2100),
        }),
      },
    },
    async (req) => disclosureAnnualTables(await requestCtx(req, db), req.query.orgId, req.query.year),
  );
  app.get('/api/requests/settings', { schema: { tags, summary: '诉求办理设置' } }, async (req) => {
    const ctx = await requestCtx(req, db);
    authorize(ctx.actor, 'requests:petition:list');
    return getSettings(ctx);
  });
  app.put('/api/requests/settings', { schema: { tags, summary: '修改诉求办理设置' } }, async (req) =>
    updateSettings(await requestCtx(req, db), req.body),
  );
}
