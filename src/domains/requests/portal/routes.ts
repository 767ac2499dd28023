import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../../../platform/errors.js';
import { Text } from '../../../platform/validation.js';
import { statusOfKind } from '../../../platform/http/errors.js';
import type { AppOptions, TypedApp } from '../../../platform/http/types.js';
import type { KindSpec } from '../core/spec.js';
import { disclosureSpec } from '../disclosure/spec.js';
import { petitionSpec } from '../petitions/spec.js';
import {
  DISCLOSURE_PATH,
  disclosureFormHtml,
  PETITION_PATH,
  petitionFormHtml,
  receiptHtml,
  statusHtml,
} from './pages.js';
import { lookupStatus, portalOrgs, submitOnlineDisclosure, submitOnlinePetition } from './service.js';

/** Requests per address and minute on each public form route, before the per-address submission throttle. */
const ROUTE_LIMIT = { rateLimit: { max: 30, timeWindow: '1 minute' } };
const HTML = 'text/html; charset=utf-8';

/** Field names of the forms, for a message a citizen reads. */
const fieldLabels: Record<string, string> = {
  orgId: '受理机关',
  applicantKind: '申请人类型',
  applicantName: '申请人姓名或名称',
  applicantContact: '联系方式',
  subject: '申请内容',
  form: '信息的提供形式',
  delivery: '获取信息的方式',
  petitionerKind: '信访人类型',
  petitionerName: '信访人姓名或名称',
  petitionerContact: '联系方式',
  persons: '人数',
  category: '诉求类型',
  receiptNo: '受理编号',
  secret: '查询码',
};

function publicMessage(e: DomainError): string {
  const field = typeof e.details.field === 'string' ? e.details.field : '';
  const text = field && e.message.startsWith(`${field}:`) ? e.message.slice(field.length + 1) : e.message;
  const label = fieldLabels[field];
  return label ? `${label}:${text}` : text;
}

const FormBody = z.record(z.string(), Text(2000, { lines: true }));
const LookupBody = z.object({ receiptNo: Text(40), secret: Text(40) });

interface Form {
  path: string;
  section: string;
  spec: KindSpec;
  formHtml: typeof disclosureFormHtml;
  submit: typeof submitOnlineDisclosure;
}

const forms: readonly Form[] = [
  {
    path: DISCLOSURE_PATH,
    section: '政府信息公开申请',
    spec: disclosureSpec,
    formHtml: disclosureFormHtml,
    submit: submitOnlineDisclosure,
  },
  {
    path: PETITION_PATH,
    section: '网上信访',
    spec: petitionSpec,
    formHtml: petitionFormHtml,
    submit: submitOnlinePetition,
  },
];

/**
 * The public site's two online forms (依申请公开 and 网上信访), as pages (/portal/…, HTML forms
 * without script) and as JSON (/api/portal/requests/…). No login; nothing about the applicant
 * is ever shown back except on the submitter's own receipt (number and secret).
 */
export function registerRequestsPortal(app: TypedApp, opts: AppOptions): void {
  const db = opts.handle.db;
  const now = () => new Date();
  const tags = ['群众诉求与建议提案(门户)'];

  app.get('/api/portal/requests/orgs', { schema: { tags, summary: '网上申请可选的受理机关' } }, async () =>
    portalOrgs(db),
  );
  const jsonPaths = {
    disclosure: '/api/portal/requests/disclosure',
    petition: '/api/portal/requests/petitions',
  };
  for (const f of forms) {
    const api = f.spec.kind === 'disclosure' ? jsonPaths.disclosure : jsonPaths.petition;
    app.post(
      api,
      { config: ROUTE_LIMIT, schema: { tags, summary: `网上提交${f.section}(返回受理编号和查询码)` } },
      async (req, reply) => reply.status(201).send(await f.submit(db, now, req.ip, req.body)),
    );
    app.post(
      `${api}/status`,
      {
        config: ROUTE_LIMIT,
        schema: { tags, summary: `${f.section}办理进度(受理编号 + 查询码)`, body: LookupBody },
      },
      async (req) => lookupStatus(db, now, req.ip, f.spec, req.body),
    );
  }

  // the HTML forms post application/x-www-form-urlencoded, parsed only for these pages
  void app.register(async (site) => {
    site.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 64 * 1024 },
      (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    for (const f of forms) registerFormPages(site, db, now, f);
  });
}

function registerFormPages(site: TypedApp, db: AppOptions['handle']['db'], now: () => Date, f: Form) {
  const tags = ['群众诉求与建议提案(门户)'];
  const fail = async (reply: FastifyReply, e: unknown, render: (msg: string) => Promise<string> | string) => {
    if (!(e instanceof DomainError)) throw e;
    return reply
      .status(statusOfKind[e.kind])
      .type(HTML)
      .send(await render(publicMessage(e)));
  };
  site.get(f.path, { schema: { tags, summary: `${f.section}页` } }, async (_req, reply) =>
    reply.type(HTML).send(f.formHtml(await portalOrgs(db))),
  );
  site.post(
    f.path,
    { config: ROUTE_LIMIT, schema: { tags, summary: `${f.section}表单提交`, body: FormBody } },
    async (req, reply) => {
      try {
        const r = await f.submit(db, now, req.ip, req.body);
        return reply.type(HTML).send(receiptHtml(f.path, f.section, r));
      } catch (e) {
        return fail(reply, e, async (msg) => f.formHtml(await portalOrgs(db), req.body, msg));
      }
    },
  );
  site.get(
    `${f.path}/status`,
    { schema: { tags, summary: `${f.section}办理进度查询页` } },
    async (_req, reply) => reply.type(HTML).send(statusHtml(f.path, f.section, null)),
  );
  site.post(
    `${f.path}/status`,
    { config: ROUTE_LIMIT, schema: { tags, summary: `${f.section}办理进度查询`, body: LookupBody } },
    async (req, reply) => {
      try {
        return reply
          .type(HTML)
          .send(statusHtml(f.path, f.section, await lookupStatus(db, now, req.ip, f.spec, req.body)));
      } catch (e) {
        return fail(reply, e, (msg) => statusHtml(f.path, f.section, null, msg));
      }
    },
  );
}
