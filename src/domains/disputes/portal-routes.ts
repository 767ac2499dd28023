/**
 * 行政复议 on the public site, no login: the application form, the status lookup and the
 * published 决定书, as HTML under /portal/reconsideration and JSON under /api/portal/reconsideration.
 * Writes are rate limited per address (@fastify/rate-limit on the shared store); wrong 查询码
 * are throttled in the shared attempt store (see online.ts).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../platform/errors.js';
import { LocalFileStore } from '../../platform/files/index.js';
import { IdParam, Paging, toOffset } from '../../platform/validation.js';
import { type MultipartPart, multipartParts } from '../../platform/http/multipart.js';
import type { AppOptions, TypedApp } from '../../platform/http/types.js';
import {
  applicationFormHtml,
  decisionHtml,
  decisionsHtml,
  lookupFormHtml,
  RECON_PORTAL,
  receiptHtml,
  refusalHtml,
  statusHtml,
} from './portal-html.js';
import {
  getPublishedDecision,
  listPublishedDecisions,
  lookupApplication,
  OnlineApplicationInput,
  PORTAL_MAX_FILE_BYTES,
  PORTAL_MAX_FILES,
  portalFileTooLarge,
  ReceiptNo,
  respondentChoices,
  storePortalFile,
  submitOnlineApplication,
} from './reconsideration/online.js';

const API = '/api/portal/reconsideration';
/** a whole form: the files and the text fields */
const FORM_BODY_LIMIT = 50 * 1024 * 1024;
const PAGE_SIZE = 20;
const applyLimit = { rateLimit: { max: 10, timeWindow: '1 hour' } };
const uploadLimit = { rateLimit: { max: 30, timeWindow: '1 hour' } };
const lookupLimit = { rateLimit: { max: 60, timeWindow: '1 hour' } };

const LookupInput = z.strictObject({ receiptNo: ReceiptNo, secret: z.string().trim().max(40) });

const contentLength = (req: FastifyRequest) => Number(req.headers['content-length'] ?? 0);

function fileNameHeader(req: FastifyRequest): string {
  const raw = req.headers['x-file-name'];
  try {
    return typeof raw === 'string' ? decodeURIComponent(raw) : '';
  } catch {
    return '';
  }
}

const html = (reply: FastifyReply, status: number, body: string) =>
  reply.status(status).type('text/html; charset=utf-8').send(body);

/** The text fields of the HTML form → the application's shape (files are stored separately). */
function formToInput(fields: Record<string, string>, attachments: { name: string; sha256: string }[]) {
  const opt = (k: string) => (fields[k]?.trim() ? fields[k] : undefined);
  return {
    respondentOrgId: fields.respondentOrgId ?? '',
    applicantKind: fields.applicantKind ?? 'person',
    applicantName: fields.applicantName ?? '',
    applicantIdNo: opt('applicantIdNo'),
    applicantPhone: fields.applicantPhone ?? '',
    applicantAddress: opt('applicantAddress'),
    act: {
      title: fields.actTitle ?? '',
      documentNo: opt('actDocumentNo'),
      kind: fields.actKind ?? 'other',
      actedOn: opt('actActedOn'),
      knownOn: fields.actKnownOn ?? '',
    },
    request: fields.request ?? '',
    reasons: fields.reasons ?? '',
    attachments,
  };
}

export function registerReconPortalRoutes(app: TypedApp, opts: AppOptions): void {
  const db = opts.handle.db;
  const files = opts.dataDir ? new LocalFileStore(opts.dataDir) : null;
  const tags = ['行政复议网上申请'];

  // the public form posts fields and several files, the lookup posts a plain form: parsers of
  // their own in this context only (the app's multipart parser keeps its one `file` field)
  void app.register(async (pub) => {
    pub.removeContentTypeParser('multipart/form-data');
    pub.addContentTypeParser(
      'multipart/form-data',
      { parseAs: 'buffer', bodyLimit: FORM_BODY_LIMIT },
      (req, body, done) => done(null, multipartParts(body as Buffer, req.headers['content-type']) ?? []),
    );
    pub.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 64 * 1024 },
      (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    const r = pub.withTypeProvider<ZodTypeProvider>();

    r.get(RECON_PORTAL, { schema: { tags, summary: '网上申请行政复议页' } }, async (_req, reply) =>
      html(reply, 200, applicationFormHtml(await respondentChoices(db))),
    );

    r.post(
      RECON_PORTAL,
      {
        schema: { tags, summary: '提交网上复议申请(表单)' },
        config: applyLimit,
        bodyLimit: FORM_BODY_LIMIT,
        // refused before a byte is read: the announced size is over what the form takes
        onRequest: async (req, reply) => {
          if (contentLength(req) > FORM_BODY_LIMIT)
            return html(
              reply,
              413,
              refusalHtml(
                `所提交的材料(${(contentLength(req) / 1024 / 1024).toFixed(1)} MB)过大:每个附件不超过 ${PORTAL_MAX_FILE_BYTES / 1024 / 1024} MB,合计不超过 ${FORM_BODY_LIMIT / 1024 / 1024} MB`,
              ),
            );
        },
      },
      async (req, reply) => {
        const parts = Array.isArray(req.body) ? (req.body as MultipartPart[]) : [];
        const fields: Record<string, string> = {};
        for (const p of parts) if (p.filename === undefined) fields[p.name] = p.bytes.toString('utf8');
        const uploads = parts.filter(
          (p) => p.filename !== undefined && p.filename !== '' && p.bytes.length > 0,
        );
        const respondents = await respondentChoices(db);
        try {
          if (uploads.length > PORTAL_MAX_FILES)
            throw new DomainError(
              'disputes.portal.tooManyFiles',
              `附件最多 ${PORTAL_MAX_FILES} 个`,
              'invalid',
              {
                field: 'attachments',
              },
            );
          const stored = [];
          for (const u of uploads) stored.push(await storePortalFile(db, files, u.bytes, u.filename ?? ''));
          const receipt = await submitOnlineApplication(
            db,
            formToInput(
              fields,
              stored.map((s) => ({ name: s.name, sha256: s.sha256 })),
            ),
          );
          return html(reply, 201, receiptHtml(receipt));
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          const status = e.kind === 'tooLarge' ? 413 : e.kind === 'unsupported' ? 415 : 400;
          return html(reply, status, applicationFormHtml(respondents, fields, e.message));
        }
      },
    );

    r.get(
      `${RECON_PORTAL}/lookup`,
      {
        schema: {
          tags,
          summary: '复议申请进度查询页',
          querystring: z.object({ receiptNo: ReceiptNo.optional() }),
        },
      },
      async (req, reply) => html(reply, 200, lookupFormHtml(req.query.receiptNo ?? '')),
    );
    r.post(
      `${RECON_PORTAL}/lookup`,
      { schema: { tags, summary: '查询复议申请进度(表单)' }, config: lookupLimit },
      async (req, reply) => {
        const body = (req.body ?? {}) as Record<string, unknown>;
        const receiptNo = typeof body.receiptNo === 'string' ? body.receiptNo.slice(0, 40) : '';
        const secret = typeof body.secret === 'string' ? body.secret.slice(0, 40) : '';
        try {
          return html(
            reply,
            200,
            statusHtml(await lookupApplication(db, { receiptNo, secret, client: req.ip })),
          );
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          return html(reply, e.kind === 'rateLimited' ? 429 : 404, lookupFormHtml(receiptNo, e.message));
        }
      },
    );

    r.get(
      `${RECON_PORTAL}/decisions`,
      { schema: { tags, summary: '行政复议决定书公开页', querystring: Paging.pick({ page: true }) } },
      async (req, reply) => {
        const page = req.query.page ?? 1;
        const list = await listPublishedDecisions(db, toOffset({ page, pageSize: PAGE_SIZE }));
        return html(reply, 200, decisionsHtml(list, page, PAGE_SIZE));
      },
    );
    r.get(
      `${RECON_PORTAL}/decisions/:id`,
      { schema: { tags, summary: '行政复议决定书(公开文本)', params: IdParam } },
      async (req, reply) => html(reply, 200, decisionHtml(await getPublishedDecision(db, req.params.id))),
    );

    // JSON for other front ends (a 政务服务 app, a kiosk)
    r.get(`${API}/respondents`, { schema: { tags, summary: '可选的被申请人' } }, async () =>
      respondentChoices(db),
    );
    r.post(
      `${API}/attachments`,
      {
        schema: { tags, summary: '上传申请材料(请求体为文件内容,文件名放在 x-file-name 头,URL 编码)' },
        config: uploadLimit,
        bodyLimit: PORTAL_MAX_FILE_BYTES + 1024,
        onRequest: async (req) => {
          if (contentLength(req) > PORTAL_MAX_FILE_BYTES)
            throw portalFileTooLarge(contentLength(req), fileNameHeader(req) || undefined);
        },
      },
      async (req, reply) => {
        const body = req.body;
        if (!(body instanceof Buffer) || body.length === 0)
          throw new DomainError('files.empty', '请上传文件内容', 'invalid', { field: 'file' });
        const name = fileNameHeader(req);
        if (!name || name.length > 200)
          throw new DomainError(
            'files.badName',
            '请在 x-file-name 头中给出文件名(URL 编码,不超过 200 字)',
            'invalid',
            {
              field: 'x-file-name',
            },
          );
        return reply.status(201).send(await storePortalFile(db, files, new Uint8Array(body), name));
      },
    );
    r.post(
      API,
      { schema: { tags, summary: '提交网上复议申请', body: OnlineApplicationInput }, config: applyLimit },
      async (req, reply) => reply.status(201).send(await submitOnlineApplication(db, req.body)),
    );
    r.post(
      `${API}/lookup`,
      {
        schema: { tags, summary: '凭受理回执号和查询码查询办理进度', body: LookupInput },
        config: lookupLimit,
      },
      async (req) => lookupApplication(db, { ...req.body, client: req.ip }),
    );
    r.get(
      `${API}/decisions`,
      { schema: { tags, summary: '公开的行政复议决定书', querystring: Paging } },
      async (req) => listPublishedDecisions(db, toOffset(req.query)),
    );
    r.get(
      `${API}/decisions/:id`,
      { schema: { tags, summary: '公开的行政复议决定书正文', params: IdParam } },
      async (req) => getPublishedDecision(db, req.params.id),
    );
  });
}
